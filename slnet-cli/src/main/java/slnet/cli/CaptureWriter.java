package slnet.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import slnet.network.DatagramTap;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.PacketCodec;

/**
 * Writes every datagram of a session to a capture file ({@code connect --capture}), in the form
 * {@link slnet.protocol.CaptureFile} reads: {@code MessageName hex} for a datagram received,
 * {@code #out MessageName hex} for one sent, a comment line first saying what the file is, a
 * {@code # simulator HOST:PORT} comment whenever the other end changes, and one at the end with the
 * counts.
 *
 * <p>The network threads only copy the bytes and offer them to a bounded queue, which never blocks:
 * a full queue (a disk far slower than the network) drops the datagram and counts it, and the count
 * is written at the end. One writer thread names the datagrams, formats and writes them, and flushes
 * whenever the queue runs empty, so a {@code tail -f} sees traffic as it happens and a killed
 * process loses little. {@link #close()} drains what is queued, flushes and closes the file.
 */
final class CaptureWriter implements DatagramTap, AutoCloseable {
    /** A session's arrival burst is a few hundred datagrams; this rides out a disk stall of seconds. */
    static final int QUEUE_CAPACITY = 16_384;
    private static final long CLOSE_WAIT_MS = 5_000;

    private record Taken(boolean outbound, InetSocketAddress peer, byte[] bytes) {
    }

    private static final Taken END = new Taken(false, null, new byte[0]);

    private final Path file;
    private final BufferedWriter writer;
    private final BlockingQueue<Taken> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final PacketCodec namer = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;
    // Only the writer thread (and close(), after it ended) touch these.
    private long inbound;
    private long outbound;
    private InetSocketAddress lastPeer;
    private IOException failure;

    private CaptureWriter(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
        this.thread = Thread.ofPlatform().daemon().name("slnet-capture").unstarted(this::drain);
    }

    /**
     * Creates (or truncates) the file, writes the heading line and starts the writer thread.
     *
     * @param file where to write
     * @param tool what is capturing, e.g. {@code "slnet connect"}
     * @param loginUri the login URI, written without user info, query or fragment
     * @return the writer
     * @throws IOException if the file cannot be created
     */
    static CaptureWriter open(Path file, String tool, URI loginUri) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            writer.write("# slnet capture by " + tool + ", started " + Instant.now() + ", login URI "
                    + withoutSecrets(loginUri) + "; one datagram a line, '#out' = sent by slnet");
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        CaptureWriter capture = new CaptureWriter(file, writer);
        capture.thread.start();
        return capture;
    }

    /** Keeps scheme, host, port and path: a login URI may carry a token in its user info or query. */
    static String withoutSecrets(URI uri) {
        if (uri == null) {
            return "(default)";
        }
        StringBuilder s = new StringBuilder();
        if (uri.getScheme() != null) {
            s.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            s.append(uri.getHost());
        }
        if (uri.getPort() >= 0) {
            s.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            s.append(uri.getRawPath());
        }
        return s.toString();
    }

    /** On the network threads: copies the bytes and queues them, never waiting. */
    @Override
    public void onDatagram(boolean outbound, InetSocketAddress simulator, byte[] datagram, int offset, int length) {
        if (closed) {
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(datagram, offset, copy, 0, length);
        if (!queue.offer(new Taken(outbound, simulator, copy))) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        try {
            while (true) {
                Taken taken = queue.poll();
                if (taken == null) {
                    writer.flush();
                    taken = queue.take();
                }
                if (taken == END) {
                    return;
                }
                write(taken);
            }
        } catch (IOException e) {
            failure = e;
            closed = true;
            queue.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Taken taken) throws IOException {
        if (!taken.peer().equals(lastPeer)) {
            lastPeer = taken.peer();
            writer.write("# simulator " + EventLines.address(lastPeer));
            writer.newLine();
        }
        if (taken.outbound()) {
            outbound++;
        } else {
            inbound++;
        }
        writer.write(CapturedDatagram.of(namer, taken.bytes(), 0, taken.bytes().length, taken.outbound()).toLine());
        writer.newLine();
    }

    /** @return where the capture goes */
    Path file() {
        return file;
    }

    /**
     * Writes what is queued and the closing comment, and closes the file; idempotent.
     *
     * @return null on success, else what went wrong writing (for the user)
     */
    String finish() {
        if (!finished.compareAndSet(false, true)) {
            return null;
        }
        closed = true;
        while (thread.isAlive() && !queue.offer(END)) {
            queue.poll(); // only after a write failure would the queue stay full
        }
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String problem = null;
        try {
            if (thread.isAlive()) {
                problem = "the capture writer did not finish within " + CLOSE_WAIT_MS + " ms";
            } else if (failure != null) {
                problem = "writing " + file + " failed: " + failure.getMessage();
            } else {
                writer.write("# ended " + Instant.now() + ": " + inbound + " datagrams in, " + outbound + " out"
                        + (dropped.get() > 0 ? ", " + dropped.get() + " dropped (the writer fell behind)" : ""));
                writer.newLine();
                writer.flush();
            }
        } catch (IOException e) {
            problem = "writing " + file + " failed: " + e.getMessage();
        } finally {
            closeQuietly();
        }
        return problem;
    }

    private void closeQuietly() {
        try {
            writer.close();
        } catch (IOException e) {
            // already reported or nothing more to lose
        }
    }

    @Override
    public void close() {
        finish();
    }

    /** @return datagrams dropped because the queue was full */
    long dropped() {
        return dropped.get();
    }
}
