package slnet.transport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Where the real Dante SOCKS5 servers started by {@code .ci/services.sh} listen. Overridable with
 * {@code -Dslnet.socks5.noauth=host:port} and {@code -Dslnet.socks5.auth=host:port} (credentials:
 * {@code slnet.socks5.user} / {@code slnet.socks5.password}).
 *
 * <p>A test needing one that is not running is skipped, except on CI ({@code CI=true}), where
 * it fails: there the script must have started them.
 */
public final class DantedProxies {

    /** The test account danted checks (RFC 1929). */
    public static final String USERNAME = System.getProperty("slnet.socks5.user", "slnettest");
    /** Its password. */
    public static final String PASSWORD = System.getProperty("slnet.socks5.password", "slnettest-pw");

    private DantedProxies() { }

    /** @return the no-auth proxy, or a skipped (locally) or failed (CI) test */
    public static InetSocketAddress noAuth() {
        return require("slnet.socks5.noauth", "127.0.0.1:1080");
    }

    /** @return the username/password proxy, or a skipped (locally) or failed (CI) test */
    public static InetSocketAddress usernamePassword() {
        return require("slnet.socks5.auth", "127.0.0.1:1081");
    }

    private static InetSocketAddress require(String property, String fallback) {
        String value = System.getProperty(property, fallback);
        int colon = value.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(value.substring(0, colon),
                Integer.parseInt(value.substring(colon + 1)));
        boolean up;
        try (Socket probe = new Socket()) {
            probe.connect(address, 1000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        String message = "no SOCKS5 server at " + address + " (" + property + "); start it with: bash .ci/services.sh";
        if (!up && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        assumeTrue(up, message);
        return address;
    }
}
