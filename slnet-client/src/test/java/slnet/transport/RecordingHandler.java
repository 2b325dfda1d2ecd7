package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A handler that copies what it receives into a queue, for tests to take with a timeout. */
final class RecordingHandler implements DatagramHandler {

    /** One received datagram, copied. */
    record Received(byte[] payload, InetSocketAddress source) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    @Override
    public void onDatagram(ByteBuffer datagram, InetSocketAddress source) {
        byte[] copy = new byte[datagram.remaining()];
        datagram.get(copy);
        received.add(new Received(copy, source));
    }

    Received take() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        assertThat(next).as("a datagram within 5 s").isNotNull();
        return next;
    }

    Received poll(long ms) throws InterruptedException {
        return received.poll(ms, TimeUnit.MILLISECONDS);
    }

    static ByteBuffer text(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
