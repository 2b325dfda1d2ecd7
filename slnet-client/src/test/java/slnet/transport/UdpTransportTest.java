package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.testing.LeakCheckExtension;

@Timeout(20)
@ExtendWith(LeakCheckExtension.class)
class UdpTransportTest {

    private static final InetSocketAddress LOOPBACK_ANY_PORT =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    static UdpTransportConfig loopback() {
        return UdpTransportConfig.builder().bindAddress(LOOPBACK_ANY_PORT).build();
    }

    @Test
    void sendsAndReceivesBetweenTwoTransports() throws Exception {
        RecordingHandler aReceived = new RecordingHandler();
        RecordingHandler bReceived = new RecordingHandler();
        try (UdpTransport a = UdpTransport.open(loopback()); UdpTransport b = UdpTransport.open(loopback())) {
            a.start(aReceived);
            b.start(bReceived);

            a.send(RecordingHandler.text("ping"), b.localAddress());
            RecordingHandler.Received atB = bReceived.take();
            assertThat(atB.text()).isEqualTo("ping");
            assertThat(atB.source()).isEqualTo(a.localAddress());

            ByteBuffer direct = ByteBuffer.allocateDirect(16).put("pong".getBytes()).flip();
            b.send(direct, atB.source());
            assertThat(direct.hasRemaining()).as("send consumes the buffer").isFalse();
            assertThat(aReceived.take().text()).isEqualTo("pong");

            assertThat(a.stats()).isEqualTo(new TransportStats(1, 4, 1, 4, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void anInterruptedSenderLeavesTheSocketOpen() throws Exception {
        // A client's circuits share one socket, and closing a circuit interrupts its dispatch
        // thread, which may be sending at that moment: a blocking channel would close itself then.
        RecordingHandler aReceived = new RecordingHandler();
        RecordingHandler bReceived = new RecordingHandler();
        try (UdpTransport a = UdpTransport.open(loopback()); UdpTransport b = UdpTransport.open(loopback())) {
            a.start(aReceived);
            b.start(bReceived);
            Thread.currentThread().interrupt();
            try {
                a.send(RecordingHandler.text("while interrupted"), b.localAddress());
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is left as it was").isTrue();
            }
            assertThat(bReceived.take().text()).isEqualTo("while interrupted");
            a.send(RecordingHandler.text("after"), b.localAddress());
            assertThat(bReceived.take().text()).isEqualTo("after");
            b.send(RecordingHandler.text("back"), a.localAddress());
            assertThat(aReceived.take().text()).isEqualTo("back");
        }
    }

    @Test
    void deliversManyDatagramsInOrderOverLoopback() throws Exception {
        RecordingHandler received = new RecordingHandler();
        try (UdpTransport sender = UdpTransport.open(loopback()); UdpTransport receiver = UdpTransport.open(loopback())) {
            receiver.start(received);
            sender.start((d, s) -> { });
            ByteBuffer buffer = ByteBuffer.allocateDirect(8);
            int total = 2000;
            int window = 50; // bounded in flight, so a small kernel buffer cannot drop any
            for (int base = 0; base < total; base += window) {
                for (int i = base; i < base + window; i++) {
                    buffer.clear().putInt(i).putInt(~i).flip();
                    sender.send(buffer, receiver.localAddress());
                }
                for (int i = base; i < base + window; i++) {
                    ByteBuffer got = ByteBuffer.wrap(received.take().payload());
                    assertThat(got.getInt()).isEqualTo(i);
                    assertThat(got.getInt()).isEqualTo(~i);
                }
            }
            assertThat(receiver.stats().datagramsIn()).isEqualTo(total);
            assertThat(receiver.stats().bytesIn()).isEqualTo(8L * total);
            assertThat(sender.stats().datagramsOut()).isEqualTo(total);
        }
    }

    @Test
    void aThrowingHandlerIsCountedAndTheLoopGoesOn() throws Exception {
        RecordingHandler survivors = new RecordingHandler();
        AtomicInteger calls = new AtomicInteger();
        try (UdpTransport peer = UdpTransport.open(loopback()); UdpTransport transport = UdpTransport.open(loopback())) {
            transport.start((datagram, source) -> {
                if (calls.incrementAndGet() % 2 == 1) {
                    throw new IllegalStateException("handler bug, on purpose");
                }
                survivors.onDatagram(datagram, source);
            });
            for (int i = 0; i < 3; i++) {
                peer.send(RecordingHandler.text("d" + i), transport.localAddress());
            }
            assertThat(survivors.take().text()).isEqualTo("d1");
            peer.send(RecordingHandler.text("d3"), transport.localAddress());
            assertThat(survivors.take().text()).isEqualTo("d3");
            assertThat(transport.stats().handlerExceptions()).isEqualTo(2);
            assertThat(transport.stats().datagramsIn()).isEqualTo(4);
        }
    }

    @Test
    void dropsAndCountsDatagramsLargerThanTheMaximum() throws Exception {
        RecordingHandler received = new RecordingHandler();
        UdpTransportConfig small = UdpTransportConfig.builder().bindAddress(LOOPBACK_ANY_PORT).maxDatagramBytes(100).build();
        try (UdpTransport transport = UdpTransport.open(small); DatagramChannel peer = DatagramChannel.open()) {
            transport.start(received);
            peer.send(ByteBuffer.allocate(101), transport.localAddress());
            peer.send(ByteBuffer.allocate(5000), transport.localAddress());
            peer.send(ByteBuffer.allocate(100), transport.localAddress());
            assertThat(received.take().payload()).hasSize(100);
            assertThat(transport.stats().oversizeDropped()).isEqualTo(2);
            assertThat(transport.stats().datagramsIn()).isEqualTo(1);

            assertThatThrownBy(() -> transport.send(ByteBuffer.allocate(101), peer.getLocalAddress() instanceof InetSocketAddress a ? a : null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the maximum of 100");
        }
    }

    @Test
    void closeEndsTheThreadReleasesThePortAndIsIdempotent() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        UdpTransport transport = UdpTransport.open(loopback());
        InetSocketAddress bound = transport.localAddress();
        transport.start((d, s) -> { }, new TransportListener() {
            @Override
            public void onFailed(TransportFailure failure) {
                events.add("failed");
            }

            @Override
            public void onClosed() {
                events.add("closed");
            }
        });
        assertThat(threadNamed("slnet-udp-rx-" + bound.getPort())).isTrue();

        transport.close();
        transport.close();

        assertThat(threadNamed("slnet-udp-rx-" + bound.getPort())).as("receive thread joined").isFalse();
        assertThat(events).containsExactly("closed");
        try (DatagramChannel rebind = DatagramChannel.open()) {
            rebind.bind(bound); // throws BindException if the port were still held
        }
        assertThatThrownBy(() -> transport.send(RecordingHandler.text("late"), bound))
                .isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> transport.start((d, s) -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeFromInsideTheHandlerDoesNotDeadlock() throws Exception {
        RecordingHandler unused = new RecordingHandler();
        List<String> events = new CopyOnWriteArrayList<>();
        try (UdpTransport peer = UdpTransport.open(loopback())) {
            UdpTransport transport = UdpTransport.open(loopback());
            int port = transport.localAddress().getPort();
            transport.start((d, s) -> transport.close(), new TransportListener() {
                @Override
                public void onClosed() {
                    events.add("closed");
                }
            });
            peer.send(RecordingHandler.text("close yourself"), transport.localAddress());
            while (threadNamed("slnet-udp-rx-" + port)) {
                Thread.sleep(5);
            }
            assertThat(events).containsExactly("closed");
            assertThat(unused.poll(0)).isNull();
        }
    }

    @Test
    void startTwiceIsRejected() throws Exception {
        try (UdpTransport transport = UdpTransport.open(loopback())) {
            transport.start((d, s) -> { });
            assertThatThrownBy(() -> transport.start((d, s) -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        }
    }

    @Test
    void datagramsSentBeforeStartAreDeliveredAfterIt() throws Exception {
        RecordingHandler received = new RecordingHandler();
        try (UdpTransport peer = UdpTransport.open(loopback()); UdpTransport transport = UdpTransport.open(loopback())) {
            peer.send(RecordingHandler.text("early"), transport.localAddress());
            transport.start(received);
            assertThat(received.take().text()).isEqualTo("early");
        }
    }

    @Test
    void sendsFromManyThreadsAtOnce() throws Exception {
        RecordingHandler received = new RecordingHandler();
        try (UdpTransport sender = UdpTransport.open(loopback()); UdpTransport receiver = UdpTransport.open(loopback())) {
            receiver.start(received);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    ByteBuffer buffer = ByteBuffer.allocateDirect(4);
                    for (int i = 0; i < 25; i++) {
                        try {
                            sender.send(buffer.clear().putInt(id * 1000 + i).flip(), receiver.localAddress());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            for (int i = 0; i < 100; i++) {
                received.take();
            }
            assertThat(sender.stats().datagramsOut()).isEqualTo(100);
        }
    }

    @Test
    void rejectsAnUnresolvedDestination() throws Exception {
        try (UdpTransport transport = UdpTransport.open(loopback())) {
            assertThatThrownBy(() -> transport.send(RecordingHandler.text("x"),
                    InetSocketAddress.createUnresolved("sim.invalid", 9000)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unresolved");
        }
    }

    static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
