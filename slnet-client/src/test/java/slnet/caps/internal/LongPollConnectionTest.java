package slnet.caps.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LongPollConnection} against a scripted HTTP server on a real loopback socket. */
class LongPollConnectionTest {
    private static final Duration LONG = Duration.ofSeconds(20);
    private static final String XML = "application/llsd+xml";

    /** What the server answers to the n-th request (counted over all connections), raw bytes. */
    interface Script {
        /** @return the raw answer, or null to hold the request until the connection closes */
        byte[] answer(int n, String requestHead, byte[] body) throws Exception;
    }

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final BlockingQueue<String> heads = new LinkedBlockingQueue<>();
    private ServerSocket server;
    private Thread acceptor;

    private URI start(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("test-http-accept").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    connections.incrementAndGet();
                    Thread.ofPlatform().daemon().name("test-http-conn").start(() -> serve(s, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/eq/secret-cap?x=1");
    }

    private void serve(Socket s, Script script) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                byte[] answer = script.answer(requests.incrementAndGet(), head, body);
                if (answer == null) {
                    while (in.read() >= 0) {
                        // hold until the client goes away
                    }
                    return;
                }
                if (answer.length == 0) {
                    return; // close without answering
                }
                out.write(answer);
                out.flush();
                if (answer.length > 8 && new String(answer, 0, 8, StandardCharsets.ISO_8859_1).equals("HTTP/1.0")) {
                    return; // an HTTP/1.0 answer ends with the connection
                }
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static byte[] ok(String body) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/llsd+xml\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] raw(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void postsOverOneKeptAliveConnection() throws Exception {
        URI uri = start((n, head, body) -> ok("<llsd><integer>" + n + "</integer></llsd>"));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            for (int i = 1; i <= 3; i++) {
                LongPollConnection.Response r = c.post(XML, raw("<llsd><undef/></llsd>"), LONG);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.contentType()).isEqualTo(XML);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<integer>" + i + "</integer>");
            }
        }
        assertThat(connections.get()).isEqualTo(1);
        String head = heads.take();
        assertThat(head).startsWith("POST /eq/secret-cap?x=1 HTTP/1.1\r\n")
                .contains("Host: 127.0.0.1:" + server.getLocalPort()).contains("Content-Length: 21");
    }

    @Test
    void readsAChunkedAnswerWithExtensionsAndTrailers() throws Exception {
        URI uri = start((n, head, body) -> raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n"));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            assertThat(new String(c.post(XML, raw("x"), LONG).body(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
            assertThat(new String(c.post(XML, raw("x"), LONG).body(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
        }
        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void readsACloseDelimitedAnswerAndReconnects() throws Exception {
        URI uri = start((n, head, body) -> raw("HTTP/1.0 200 OK\r\n\r\nbody" + n));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            assertThat(new String(c.post(XML, raw("a"), LONG).body(), StandardCharsets.UTF_8)).isEqualTo("body1");
            assertThat(c.isConnected()).isFalse();
            assertThat(new String(c.post(XML, raw("b"), LONG).body(), StandardCharsets.UTF_8)).isEqualTo("body2");
        }
        assertThat(connections.get()).isEqualTo(2);
    }

    @Test
    void reconnectsWhenTheServerClosedTheKeptAliveConnectionBetweenPolls() throws Exception {
        URI uri = start((n, head, body) -> ok("<llsd><integer>" + n + "</integer></llsd>"));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            assertThat(c.post(XML, raw("a"), LONG).status()).isEqualTo(200);
            accepted.get(0).close();
            LongPollConnection.Response second = c.post(XML, raw("b"), LONG);
            assertThat(second.status()).isEqualTo(200);
        }
        assertThat(connections.get()).isEqualTo(2);
    }

    @Test
    void connectionCloseHeaderDropsTheConnection() throws Exception {
        URI uri = start((n, head, body) -> raw("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            for (int i = 0; i < 20; i++) { // a 502 storm: each answer is a normal status, each on a new connection
                assertThat(c.post(XML, raw("a"), LONG).status()).isEqualTo(502);
                assertThat(c.isConnected()).isFalse();
            }
        }
        assertThat(connections.get()).isEqualTo(20);
    }

    @Test
    void aStormOfKeptAlive502sStaysOnOneConnection() throws Exception {
        URI uri = start((n, head, body) -> raw("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 11\r\n\r\nbad gateway"));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            for (int i = 0; i < 200; i++) {
                LongPollConnection.Response r = c.post(XML, raw("a"), LONG);
                assertThat(r.status()).isEqualTo(502);
                assertThat(r.body()).hasSize(11);
            }
        }
        assertThat(connections.get()).isEqualTo(1);
    }

    @Test
    void oversizedHeaderLineIsRefused() throws Exception {
        URI uri = start((n, head, body) -> raw("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(LongPollConnection.MAX_LINE_BYTES + 10)
                + "\r\nContent-Length: 0\r\n\r\n"));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            assertThatThrownBy(() -> c.post(XML, raw("a"), LONG)).isInstanceOf(LongPollConnection.TooLargeException.class);
            assertThat(c.isConnected()).isFalse();
        }
    }

    @Test
    void oversizedHeaderBlockIsRefused() throws Exception {
        String many = ("X-H: " + "b".repeat(1000) + "\r\n").repeat(LongPollConnection.MAX_HEADER_BYTES / 1000 + 2);
        URI uri = start((n, head, body) -> raw("HTTP/1.1 200 OK\r\n" + many + "Content-Length: 0\r\n\r\n"));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            assertThatThrownBy(() -> c.post(XML, raw("a"), LONG)).isInstanceOf(LongPollConnection.TooLargeException.class);
        }
    }

    @Test
    void oversizedBodiesAreRefusedBeforeBeingRead() throws Exception {
        URI uri = start((n, head, body) -> switch (n) {
            case 1 -> raw("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n");
            case 2 -> raw("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n");
            case 3 -> raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFF\r\n");
            case 4 -> raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n801\r\n" + "c".repeat(0x801)
                    + "\r\n800\r\n" + "c".repeat(0x800) + "\r\n0\r\n\r\n");
            default -> raw("HTTP/1.0 200 OK\r\n\r\n" + "d".repeat(5000));
        });
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> c.post(XML, raw("a"), LONG))
                        .isInstanceOf(LongPollConnection.TooLargeException.class);
            }
        }
    }

    @Test
    void malformedAnswersAreTyped() throws Exception {
        URI uri = start((n, head, body) -> switch (n) {
            case 1 -> raw("SPDY/9 200 OK\r\n\r\n");
            case 2 -> raw("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n");
            case 3 -> raw("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
            default -> raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        });
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> c.post(XML, raw("a"), LONG))
                        .isInstanceOf(LongPollConnection.MalformedResponseException.class);
            }
        }
    }

    @Test
    void aSlowServerTimesOutAndTheNextPollWorks() throws Exception {
        URI uri = start((n, head, body) -> n == 1 ? null : ok("<llsd><undef/></llsd>"));
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> c.post(XML, raw("a"), Duration.ofMillis(300)))
                    .isInstanceOf(LongPollConnection.TimeoutException.class);
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
            assertThat(c.isConnected()).isFalse();
            assertThat(c.post(XML, raw("b"), LONG).status()).isEqualTo(200);
        }
    }

    @Test
    void closeDuringAPollEndsItAndLeavesNoSocketOrThread() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        URI uri = start((n, head, body) -> {
            held.countDown();
            return null;
        });
        LongPollConnection c = new LongPollConnection(uri, 4096, null);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread poller = Thread.ofVirtual().name("test-poller").start(() -> {
            try {
                c.post(XML, raw("a"), LONG);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
        c.close();
        assertThat(poller.join(Duration.ofSeconds(20))).isTrue();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(c.isConnected()).isFalse();
        // the server side sees the connection end: its reader returns
        Socket serverSide = accepted.get(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!serverSide.isClosed() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertThat(serverSide.isClosed()).isTrue();
        assertThatThrownBy(() -> c.post(XML, raw("b"), LONG)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void interruptingThePollerAbandonsThePollAndAllowsALaterOne() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        URI uri = start((n, head, body) -> {
            if (n == 1) {
                held.countDown();
                return null;
            }
            return ok("<llsd><undef/></llsd>");
        });
        try (LongPollConnection c = new LongPollConnection(uri, 4096, null)) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            AtomicInteger after = new AtomicInteger();
            Thread poller = Thread.ofVirtual().start(() -> {
                try {
                    c.post(XML, raw("a"), LONG);
                } catch (Throwable t) {
                    outcome.set(t);
                }
                try { // a goodbye after the interrupt goes on a new connection
                    after.set(c.post(XML, raw("done"), LONG).status());
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
            poller.interrupt();
            assertThat(poller.join(Duration.ofSeconds(20))).isTrue();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
            assertThat(after.get()).isEqualTo(200);
        }
    }

    @Test
    void refusesNonHttpUris() {
        assertThatThrownBy(() -> new LongPollConnection(URI.create("ftp://h/x"), 10, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LongPollConnection(URI.create("http://h/x"), 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
