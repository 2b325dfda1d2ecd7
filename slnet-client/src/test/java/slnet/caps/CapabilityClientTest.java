package slnet.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.llsd.LlsdBinary;
import slnet.protocol.llsd.LlsdFormat;
import slnet.protocol.llsd.LlsdXml;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CapabilityClientTest {
    private HttpServer server;
    private CapabilityClient client;
    private final AtomicReference<String> lastContentType = new AtomicReference<>();
    private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/echo", ex -> {
            lastContentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
            byte[] in = ex.getRequestBody().readAllBytes();
            lastBody.set(in);
            String ct = lastContentType.get() == null ? "application/llsd+xml" : lastContentType.get();
            respond(ex, 200, ct, in.length == 0 ? LlsdXml.formatBytes(Llsd.of("got")) : in);
        });
        server.createContext("/status/", ex -> {
            int status = Integer.parseInt(ex.getRequestURI().getPath().substring("/status/".length()));
            respond(ex, status, "text/plain", "nope".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/html", ex -> respond(ex, 200, "text/html",
                "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/big", ex -> {
            // Chunked (no Content-Length), so only counting can catch it.
            ex.getResponseHeaders().add("Content-Type", "application/llsd+xml");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<llsd><string>".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 64; i++) {
                    out.write(new byte[1024]);
                }
            } catch (IOException ignored) {
                // The client hung up once it had enough.
            }
        });
        server.createContext("/badxml", ex -> respond(ex, 200, "application/llsd+xml",
                "<llsd><map><key>a</key><integer>1</integer>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/doctype", ex -> respond(ex, 200, "application/llsd+xml",
                ("<?xml version=\"1.0\"?><!DOCTYPE llsd [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<llsd><string>&x;</string></llsd>").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/bigdeclared", ex -> respond(ex, 200, "application/llsd+xml", new byte[10_000]));
        server.createContext("/slow", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "application/llsd+xml", LlsdXml.formatBytes(Llsd.of(1)));
        });
        server.createContext("/empty", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.createContext("/seed", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            Llsd.Map.Builder caps = Llsd.map();
            try {
                for (Llsd name : LlsdXml.parse(in).asList()) {
                    if (name.asString().startsWith("E")) {
                        caps.put(name.asString(), Llsd.uri("http://127.0.0.1:1/cap/" + java.util.UUID.randomUUID()));
                    }
                }
            } catch (Exception e) {
                respond(ex, 400, "text/plain", new byte[0]);
                return;
            }
            caps.put("Broken", Llsd.of(3));
            respond(ex, 200, "application/llsd+xml", LlsdXml.formatBytes(caps.build()));
        });
        server.start();
        client = CapabilityClient.builder().requestTimeout(Duration.ofSeconds(5)).maxResponseBytes(4096).build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void postsXmlByDefaultAndParsesTheAnswer() throws Exception {
        Llsd body = Llsd.mapOf("a", Llsd.of(1), "b", Llsd.arrayOf(Llsd.of("x")));
        assertThat(client.post(uri("/echo"), body)).isEqualTo(body);
        assertThat(lastContentType.get()).isEqualTo("application/llsd+xml");
    }

    @Test
    void postsBinaryWhenAsked() throws Exception {
        Llsd body = Llsd.mapOf("bin", Llsd.of(new byte[] {1, 2, 3}));
        assertThat(client.post(uri("/echo"), body, LlsdFormat.BINARY, Duration.ofSeconds(5))).isEqualTo(body);
        assertThat(lastContentType.get()).isEqualTo("application/llsd+binary");
        assertThat(LlsdBinary.parse(lastBody.get())).isEqualTo(body);
    }

    @Test
    void getsAndReadsAnEmptyBodyAsUndef() throws Exception {
        assertThat(client.get(uri("/echo"))).isEqualTo(Llsd.of("got"));
        assertThat(client.get(uri("/empty"))).isEqualTo(Llsd.undef());
    }

    @Test
    void errorStatusesAreTyped() {
        for (int status : List.of(404, 500, 502)) {
            assertThatThrownBy(() -> client.get(uri("/status/" + status)))
                    .isInstanceOfSatisfying(CapabilityException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CapabilityException.Kind.HTTP_STATUS);
                        assertThat(e.status()).isEqualTo(status);
                    });
        }
    }

    @Test
    void htmlIsMalformed() {
        assertThatThrownBy(() -> client.get(uri("/html")))
                .isInstanceOfSatisfying(CapabilityException.class,
                        e -> assertThat(e.kind()).isEqualTo(CapabilityException.Kind.MALFORMED));
    }

    @Test
    void malformedXmlIsTypedThoughItIsParsedOnAnotherThread() {
        for (String path : List.of("/badxml", "/doctype")) {
            assertThatThrownBy(() -> client.get(uri(path)))
                    .isInstanceOfSatisfying(CapabilityException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CapabilityException.Kind.MALFORMED);
                        assertThat(e.getCause()).isInstanceOf(slnet.protocol.llsd.LlsdException.class);
                    });
        }
    }

    @Test
    void xmlAnswersReachVirtualAndPlatformCallers() throws Exception {
        Llsd body = Llsd.mapOf("ack", Llsd.of(7), "done", Llsd.of(false));
        for (Thread.Builder builder : List.of(Thread.ofVirtual(), Thread.ofPlatform())) {
            AtomicReference<Object> got = new AtomicReference<>();
            Thread caller = builder.start(() -> {
                try {
                    got.set(client.post(uri("/echo"), body));
                } catch (Exception e) {
                    got.set(e);
                }
            });
            assertThat(caller.join(Duration.ofSeconds(30))).isTrue();
            assertThat(got.get()).isEqualTo(body);
        }
    }

    @Test
    void oversizeBodiesAreCutOff() {
        for (String path : List.of("/big", "/bigdeclared")) {
            assertThatThrownBy(() -> client.get(uri(path)))
                    .as(path)
                    .isInstanceOfSatisfying(CapabilityException.class,
                            e -> assertThat(e.kind()).isEqualTo(CapabilityException.Kind.TOO_LARGE));
        }
    }

    @Test
    void slowAnswersTimeOut() {
        assertThatThrownBy(() -> client.post(uri("/slow"), Llsd.undef(), LlsdFormat.XML, Duration.ofMillis(200)))
                .isInstanceOfSatisfying(CapabilityException.class,
                        e -> assertThat(e.kind()).isEqualTo(CapabilityException.Kind.TIMEOUT));
    }

    @Test
    void refusedConnectionsAreIoErrors() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> client.get(URI.create("http://127.0.0.1:" + port + "/x")))
                .isInstanceOfSatisfying(CapabilityException.class,
                        e -> assertThat(e.kind()).isEqualTo(CapabilityException.Kind.IO));
    }

    @Test
    void seedGrantsWhatItKnowsAndSkipsNonUris() throws Exception {
        RegionCapabilities caps = client.requestSeed(uri("/seed/0f0e0d0c-0000-4000-8000-00000000abcd"),
                CapabilityNames.VIEWER_DEFAULTS);
        assertThat(caps.byName().keySet()).contains(CapabilityNames.EVENT_QUEUE_GET, "EstateChangeInfo")
                .doesNotContain("Broken", "GetDisplayNames");
        assertThat(caps.get(CapabilityNames.EVENT_QUEUE_GET)).isPresent();
        assertThat(caps.get("Nope")).isEmpty();
        assertThat(caps.toString()).doesNotContain("/cap/").doesNotContain("00000000abcd".substring(0, 8));
    }

    @Test
    void redactionHidesTheSecretPartOfTheUri() {
        String text = CapabilityUris.redact(URI.create(
                "https://sim1.agni.lindenlab.com:12043/cap/5a3f1c2e-1111-4222-8333-123456789abc?x=secret"));
        assertThat(text).isEqualTo("https://sim1.agni.lindenlab.com:12043/cap/********-****-****-****-****9abc?***");
        assertThat(CapabilityUris.redact(URI.create("http://h/CAPS/abcdefghijklmnopqrstuvwxyz0000/")))
                .isEqualTo("http://h/CAPS/***/");
    }

    @Test
    void buildValidates() {
        assertThatThrownBy(() -> CapabilityClient.builder().maxResponseBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CapabilityClient.builder().requestTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
