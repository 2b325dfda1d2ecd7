package slnet.caps.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LongPollConnection} over https to a JDK {@code HttpsServer} with a self-signed certificate. */
class LongPollConnectionTlsTest {
    private static final char[] PASS = "changeit".toCharArray();
    private static final Duration LONG = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static SSLContext trusting;
    private static final AtomicInteger polls = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "eq", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASS))
                .redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASS);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("eq", ks.getCertificate("eq"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/eq", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("<llsd><integer>" + polls.incrementAndGet() + "</integer></llsd>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/llsd+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void pollsOverTlsWithTheHostNameVerified() throws Exception {
        URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/eq/cap");
        try (LongPollConnection c = new LongPollConnection(uri, 4096, trusting.getSocketFactory())) {
            for (int i = 0; i < 3; i++) {
                LongPollConnection.Response r = c.post("application/llsd+xml", "<llsd><undef/></llsd>".getBytes(), LONG);
                assertThat(r.status()).isEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith("<llsd><integer>");
            }
        }
    }

    @Test
    void refusesACertificateForAnotherHost() {
        // the certificate names localhost only, not the address it is reached at here
        URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/eq/cap");
        try (LongPollConnection c = new LongPollConnection(uri, 4096, trusting.getSocketFactory())) {
            assertThatThrownBy(() -> c.post("application/llsd+xml", new byte[0], LONG))
                    .isInstanceOfAny(SSLHandshakeException.class, IOException.class)
                    .hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void refusesAnUntrustedCertificateByDefault() {
        URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/eq/cap");
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            assertThatThrownBy(() -> c.post("application/llsd+xml", new byte[0], LONG))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }
}
