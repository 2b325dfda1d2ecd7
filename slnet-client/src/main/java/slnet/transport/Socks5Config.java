package slnet.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a SOCKS5 proxy for {@link Socks5UdpTransport}. Validated on construction; use
 * {@link #builder(InetSocketAddress)}. {@link #toString()} never shows the credentials.
 *
 * @param proxy          the proxy's TCP address; may be unresolved (resolved when opening)
 * @param username       RFC 1929 username, or null for no authentication
 * @param password       RFC 1929 password; null exactly when {@code username} is
 * @param connectTimeout bound on the TCP connect and on each handshake reply
 * @param udp            the local UDP socket's settings
 */
public record Socks5Config(InetSocketAddress proxy, String username, String password,
                           Duration connectTimeout, UdpTransportConfig udp) {

    /** Long enough for a proxy across an ocean, short enough to report a dead one promptly. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Validates the fields. */
    public Socks5Config {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(udp, "udp");
        if (proxy.getPort() == 0) {
            throw new IllegalArgumentException("proxy port must not be 0");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password must be given together");
        }
        if (username != null) {
            checkCredentialLength("username", username);
            checkCredentialLength("password", password);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout too large: " + connectTimeout);
        }
    }

    private static void checkCredentialLength(String what, String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        // RFC 1929: one length byte, and a zero length is not a credential.
        if (bytes < 1 || bytes > 255) {
            throw new IllegalArgumentException(what + " must be 1..255 bytes in UTF-8, is " + bytes);
        }
    }

    /**
     * Whether username/password authentication is configured.
     *
     * @return true if there are credentials
     */
    public boolean hasCredentials() {
        return username != null;
    }

    @Override
    public String toString() {
        return "Socks5Config[proxy=" + proxy
                + (hasCredentials() ? ", credentials=***" : ", no authentication")
                + ", connectTimeout=" + connectTimeout + ", udp=" + udp + "]";
    }

    /**
     * A builder for a proxy, starting with no authentication and the default timeout.
     *
     * @param proxy the proxy's TCP address
     * @return a new builder
     */
    public static Builder builder(InetSocketAddress proxy) {
        return new Builder(proxy);
    }

    /** Builds a {@link Socks5Config}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final InetSocketAddress proxy;
        private String username;
        private String password;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private UdpTransportConfig udp = UdpTransportConfig.defaults();

        private Builder(InetSocketAddress proxy) {
            this.proxy = proxy;
        }

        /**
         * Sets RFC 1929 username/password authentication.
         *
         * @param username 1..255 bytes in UTF-8
         * @param password 1..255 bytes in UTF-8
         * @return this
         */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /**
         * Sets the bound on connecting and on each handshake reply.
         *
         * @param connectTimeout positive
         * @return this
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets the local UDP socket's settings.
         *
         * @param udp socket settings
         * @return this
         */
        public Builder udp(UdpTransportConfig udp) {
            this.udp = udp;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException if a value is invalid
         * @throws NullPointerException if a required value is null
         */
        public Socks5Config build() {
            return new Socks5Config(proxy, username, password, connectTimeout, udp);
        }
    }
}
