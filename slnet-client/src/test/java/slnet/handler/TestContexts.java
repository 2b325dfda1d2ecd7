package slnet.handler;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import slnet.protocol.Message;

/** A recording circuit and a fixed region for handler tests. */
final class TestContexts {

    private TestContexts() {
    }

    /** Records what handlers send. */
    static final class RecordingCircuit implements CircuitView {
        final List<Message> sent = new CopyOnWriteArrayList<>();
        private final InetSocketAddress address;

        RecordingCircuit(int port) {
            this.address = new InetSocketAddress("127.0.0.1", port);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return address;
        }

        @Override
        public void send(Message message, boolean reliable) {
            sent.add(message);
        }
    }

    record FixedRegion(String name, long handle) implements RegionView {
    }

    static HandlerContext udp(Object client) {
        return new HandlerContext(client, new RecordingCircuit(13000), new FixedRegion("Sandbox", 1L << 40), MessagePath.UDP);
    }
}
