package slnet.caps.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One persistent HTTP/1.1 connection for an event queue's long poll: POSTs with blocking I/O on
 * the caller's (virtual) thread, keeps the connection alive between polls and reconnects when the
 * server closed it. A blocked virtual thread and this object's small buffers cost far less than
 * the JDK {@code HttpClient}'s 16 KB read buffer per connection and its per-exchange state.
 *
 * <p>Every length read from the wire is bounded: a status or header line, the header block, the
 * body ({@code Content-Length}, chunked or close-delimited) and each chunk size. Over a bound the
 * answer is refused with {@link TooLargeException}; a response that is not HTTP/1.x with
 * {@link MalformedResponseException}; the connection is dropped after either.
 *
 * <p>https uses an {@link SSLSocket} with host name verification on. No proxy support: callers
 * that need one use the JDK client.
 *
 * <p>Not thread-safe for {@link #post}: one caller (the event-queue loop) at a time. {@link #close()}
 * may be called from any thread and unblocks a post in flight.
 */
public final class LongPollConnection implements AutoCloseable {
    /** The longest status or header line accepted. */
    public static final int MAX_LINE_BYTES = 8 * 1024;
    /** The largest header block accepted (status line included). */
    public static final int MAX_HEADER_BYTES = 32 * 1024;

    private final URI uri;
    private final String host;
    private final int port;
    private final boolean https;
    private final String target;
    private final int maxBodyBytes;
    private final SSLSocketFactory tls;
    private final byte[] buf = new byte[512];
    private int pos;
    private int lim;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private volatile boolean closed;

    /**
     * A complete HTTP answer.
     *
     * @param status the HTTP status to answer with
     * @param contentType the content type, e.g. {@code application/llsd+xml}
     * @param body the request body
     */
    public record Response(int status, String contentType, byte[] body) {
        /**
         * Sets the status code;.
         *
         * @param status the status code;
         * @param contentType or null;
         * @param body never null
         */
        public Response {
            Objects.requireNonNull(body, "body");
        }
    }

    /** An answer (header block, line, body or chunk) larger than its bound. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** An answer that is not well-formed HTTP/1.x. */
    public static final class MalformedResponseException extends IOException {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    /** No complete answer in the time given. */
    public static final class TimeoutException extends IOException {
        TimeoutException(String message) {
            super(message);
        }
    }

    /**
     * Sets an {@code http} or {@code https} URI.
     *
     * @param uri an {@code http} or {@code https} URI
     * @param maxBodyBytes the largest body accepted
     * @param tls the factory for https connections, or null for the JDK's default context
     */
    public LongPollConnection(URI uri, int maxBodyBytes, SSLSocketFactory tls) {
        this.uri = Objects.requireNonNull(uri, "uri");
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URI");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URI has no host");
        }
        this.https = scheme.equals("https");
        this.host = uri.getHost();
        this.port = uri.getPort() >= 0 ? uri.getPort() : (https ? 443 : 80);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        this.target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.tls = tls;
    }

    /**
     * Returns whether a connection is open now (for tests).
     *
     * @return whether a connection is open now (for tests)
     */
    public synchronized boolean isConnected() {
        return socket != null && !socket.isClosed();
    }

    /**
     * POSTs a body and reads the whole answer.
     *
     * @param contentType the body's type, also sent as {@code Accept}
     * @param body the request body
     * @param timeout how long connect, send and answer may take together
     * @return the answer, whatever its status
     * @throws TimeoutException when the time ran out (the connection is dropped)
     * @throws TooLargeException if the answer is larger than allowed (the connection is dropped)
     * @throws MalformedResponseException if the answer is not HTTP (the connection is dropped)
     * @throws IOException on other failures
     * @throws InterruptedException if the thread was interrupted (the connection is dropped)
     */
    public Response post(String contentType, byte[] body, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean reused = isConnected();
        try {
            try {
                return exchange(contentType, body, deadline);
            } catch (StaleConnectionException e) {
                if (!reused) {
                    throw e.getCause() instanceof IOException io ? io : new EOFException("connection closed");
                }
                // the server closed the kept-alive connection between polls: one fresh try
                disconnect();
                return exchange(contentType, body, deadline);
            }
        } catch (StaleConnectionException e) {
            disconnect();
            throw e.getCause() instanceof IOException io ? io : new EOFException("connection closed before an answer");
        } catch (IOException | RuntimeException e) {
            disconnect();
            if (Thread.interrupted() || closed) {
                throw new InterruptedException("long poll abandoned");
            }
            throw e;
        }
    }

    /** Failure before any byte of an answer: the request may be retried on a new connection. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(IOException cause) {
            super(cause);
        }
    }

    private Response exchange(String contentType, byte[] body, long deadline) throws IOException, InterruptedException {
        connect(deadline);
        byte[] head = ("POST " + target + " HTTP/1.1\r\nHost: " + hostHeader() + "\r\nAccept: " + contentType
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try {
            out.write(head);
            out.write(body);
            out.flush();
            timeoutFor(deadline);
            if (!fill()) {
                throw new StaleConnectionException(new EOFException("connection closed before an answer"));
            }
        } catch (SocketTimeoutException e) {
            throw new TimeoutException("no answer in time");
        } catch (StaleConnectionException e) {
            throw e;
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted() || closed) {
                throw e;
            }
            throw new StaleConnectionException(e);
        }
        try {
            return readResponse(deadline);
        } catch (SocketTimeoutException e) {
            throw new TimeoutException("no complete answer in time");
        }
    }

    private String hostHeader() {
        boolean defaultPort = port == (https ? 443 : 80);
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return defaultPort ? h : h + ":" + port;
    }

    private void connect(long deadline) throws IOException, InterruptedException {
        synchronized (this) {
            if (closed) {
                throw new InterruptedException("connection closed");
            }
            if (socket != null && !socket.isClosed()) {
                return;
            }
        }
        Socket s = new Socket();
        try {
            synchronized (this) {
                if (closed) {
                    throw new InterruptedException("connection closed");
                }
                socket = s;
            }
            s.setTcpNoDelay(true);
            try {
                s.connect(new InetSocketAddress(host, port), remainingMillis(deadline));
            } catch (SocketTimeoutException e) {
                throw new TimeoutException("connect timed out");
            }
            Socket connected = s;
            if (https) {
                SSLSocketFactory factory = tls != null ? tls : defaultTls();
                SSLSocket ssl = (SSLSocket) factory.createSocket(s, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                synchronized (this) {
                    socket = ssl;
                }
                ssl.setSoTimeout(remainingMillis(deadline));
                try {
                    ssl.startHandshake();
                } catch (SocketTimeoutException e) {
                    throw new TimeoutException("TLS handshake timed out");
                }
                connected = ssl;
            }
            in = connected.getInputStream();
            out = connected.getOutputStream();
            pos = 0;
            lim = 0;
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    private static SSLSocketFactory defaultTls() throws IOException {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException("no TLS", e);
        }
    }

    private static int remainingMillis(long deadline) throws TimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new TimeoutException("timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    private void timeoutFor(long deadline) throws IOException {
        Socket s = socket;
        if (s != null) {
            s.setSoTimeout(remainingMillis(deadline));
        }
    }

    private Response readResponse(long deadline) throws IOException {
        int headerBytes = 0;
        while (true) {
            String statusLine = readLine(deadline);
            headerBytes += statusLine.length() + 2;
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                throw new MalformedResponseException("not an HTTP/1.x status line");
            }
            int status = parseStatus(statusLine.substring(9, 12));
            boolean http10 = statusLine.charAt(7) == '0';
            long contentLength = -1;
            boolean chunked = false;
            boolean close = http10;
            String contentType = null;
            while (true) {
                String line = readLine(deadline);
                headerBytes += line.length() + 2;
                if (headerBytes > MAX_HEADER_BYTES) {
                    throw new TooLargeException("header block over " + MAX_HEADER_BYTES + " bytes");
                }
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new MalformedResponseException("header line without a name");
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> {
                        long n = parseLength(value);
                        if (contentLength >= 0 && contentLength != n) {
                            throw new MalformedResponseException("conflicting Content-Length");
                        }
                        contentLength = n;
                    }
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                    case "connection" -> {
                        String v = value.toLowerCase(Locale.ROOT);
                        if (v.contains("close")) {
                            close = true;
                        } else if (v.contains("keep-alive")) {
                            close = false;
                        }
                    }
                    case "content-type" -> contentType = value;
                    default -> { }
                }
            }
            if (status >= 100 && status < 200) {
                continue; // an interim answer; the real one follows
            }
            byte[] body;
            if (status == 204 || status == 304) {
                body = new byte[0];
            } else if (chunked) {
                body = readChunked(deadline);
            } else if (contentLength >= 0) {
                body = readExactly((int) contentLength, deadline);
            } else {
                body = readToEnd(deadline);
                close = true;
            }
            if (close) {
                disconnect();
            }
            return new Response(status, contentType, body);
        }
    }

    private static int parseStatus(String digits) throws MalformedResponseException {
        int status = 0;
        for (int i = 0; i < 3; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedResponseException("status is not three digits");
            }
            status = status * 10 + (c - '0');
        }
        return status;
    }

    private long parseLength(String value) throws IOException {
        if (value.isEmpty() || value.length() > 12) {
            throw value.length() > 12 ? new TooLargeException("Content-Length too large")
                    : new MalformedResponseException("empty Content-Length");
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedResponseException("Content-Length is not a number");
            }
            n = n * 10 + (c - '0');
        }
        if (n > maxBodyBytes) {
            throw new TooLargeException("body of " + n + " bytes is over " + maxBodyBytes);
        }
        return n;
    }

    private byte[] readChunked(long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        while (true) {
            String line = readLine(deadline);
            int semi = line.indexOf(';');
            String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
            if (hex.isEmpty() || hex.length() > 8) {
                throw hex.isEmpty() ? new MalformedResponseException("empty chunk size")
                        : new TooLargeException("chunk size too large");
            }
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("chunk size is not hex");
            }
            if (size == 0) {
                int trailerBytes = 0;
                while (true) { // trailers, bounded like headers
                    String trailer = readLine(deadline);
                    trailerBytes += trailer.length() + 2;
                    if (trailerBytes > MAX_HEADER_BYTES) {
                        throw new TooLargeException("trailers over " + MAX_HEADER_BYTES + " bytes");
                    }
                    if (trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            if (body.size() + size > maxBodyBytes) {
                throw new TooLargeException("chunked body over " + maxBodyBytes + " bytes");
            }
            body.write(readExactly((int) size, deadline));
            if (!readLine(deadline).isEmpty()) {
                throw new MalformedResponseException("chunk not followed by CRLF");
            }
        }
    }

    private byte[] readExactly(int n, long deadline) throws IOException {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            if (pos == lim && !fillBefore(deadline)) {
                throw new EOFException("connection closed in the middle of a body");
            }
            int k = Math.min(n - done, lim - pos);
            System.arraycopy(buf, pos, out, done, k);
            pos += k;
            done += k;
        }
        return out;
    }

    private byte[] readToEnd(long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        while (pos < lim || fillBefore(deadline)) {
            if (body.size() + (lim - pos) > maxBodyBytes) {
                throw new TooLargeException("body over " + maxBodyBytes + " bytes");
            }
            body.write(buf, pos, lim - pos);
            pos = lim;
        }
        return body.toByteArray();
    }

    private String readLine(long deadline) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (pos == lim && !fillBefore(deadline)) {
                throw new EOFException("connection closed in the middle of the header");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE_BYTES) {
                throw new TooLargeException("line over " + MAX_LINE_BYTES + " bytes");
            }
            line.append((char) (b & 0xff));
        }
    }

    private boolean fillBefore(long deadline) throws IOException {
        timeoutFor(deadline);
        return fill();
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    private void disconnect() {
        Socket s;
        synchronized (this) {
            s = socket;
            socket = null;
        }
        in = null;
        out = null;
        pos = 0;
        lim = 0;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }

    /** Closes the connection, unblocking a post in flight, and refuses further posts. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Socket s;
        synchronized (this) {
            s = socket;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    @Override
    public String toString() {
        return "LongPollConnection[" + (https ? "https" : "http") + "]";
    }

    URI uri() {
        return uri;
    }
}
