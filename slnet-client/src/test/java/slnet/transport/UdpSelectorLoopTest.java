package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.testing.LeakCheckExtension;

/** Many sockets, one receive thread: real loopback UDP. */
@Timeout(30)
@ExtendWith(LeakCheckExtension.class)
class UdpSelectorLoopTest {
    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private static UdpTransportConfig loopback() {
        return UdpTransportConfig.builder().bindAddress(LOOPBACK_ANY_PORT).build();
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    @Test
    void manySocketsShareOneThreadAndEachGetsItsOwnDatagrams() throws Exception {
        int sockets = 200;
        try (UdpSelectorLoop loop = UdpSelectorLoop.start("test-selector");
             UdpTransport peer = UdpTransport.open(loopback())) {
            RecordingHandler atPeer = new RecordingHandler();
            peer.start(atPeer);
            List<DatagramTransport> transports = new ArrayList<>();
            List<RecordingHandler> handlers = new ArrayList<>();
            for (int i = 0; i < sockets; i++) {
                DatagramTransport transport = loop.open(loopback());
                RecordingHandler handler = new RecordingHandler();
                transport.start(handler);
                transports.add(transport);
                handlers.add(handler);
            }
            assertThat(threadsNamed("test-selector")).isEqualTo(1);
            assertThat(loop.openTransports()).isEqualTo(sockets);
            for (int i = 0; i < sockets; i++) {
                transports.get(i).send(RecordingHandler.text("to peer " + i), peer.localAddress());
            }
            for (int i = 0; i < sockets; i++) {
                RecordingHandler.Received got = atPeer.take();
                peer.send(RecordingHandler.text("back " + got.source().getPort()), got.source());
            }
            for (int i = 0; i < sockets; i++) {
                RecordingHandler.Received back = handlers.get(i).take();
                assertThat(back.text()).isEqualTo("back " + transports.get(i).localAddress().getPort());
                assertThat(back.source()).isEqualTo(peer.localAddress());
                assertThat(transports.get(i).stats().datagramsIn()).isEqualTo(1);
                assertThat(transports.get(i).stats().datagramsOut()).isEqualTo(1);
            }
        }
        assertThat(threadsNamed("test-selector")).isZero();
    }

    @Test
    void closingOneSocketLeavesTheOthersReceiving() throws Exception {
        try (UdpSelectorLoop loop = UdpSelectorLoop.start("test-selector");
             UdpTransport peer = UdpTransport.open(loopback())) {
            peer.start((d, s) -> { });
            DatagramTransport a = loop.open(loopback());
            DatagramTransport b = loop.open(loopback());
            CountDownLatch aClosed = new CountDownLatch(1);
            a.start((d, s) -> { }, new TransportListener() {
                @Override
                public void onClosed() {
                    aClosed.countDown();
                }
            });
            RecordingHandler atB = new RecordingHandler();
            b.start(atB);
            a.close();
            assertThat(aClosed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(loop.openTransports()).isEqualTo(1);
            assertThatThrownBy(() -> a.send(RecordingHandler.text("x"), peer.localAddress()))
                    .isInstanceOf(java.io.IOException.class);
            peer.send(RecordingHandler.text("still"), b.localAddress());
            assertThat(atB.take().text()).isEqualTo("still");
        }
    }

    @Test
    void aThrowingHandlerIsCountedAndTheOtherSocketsGoOn() throws Exception {
        try (UdpSelectorLoop loop = UdpSelectorLoop.start("test-selector");
             UdpTransport peer = UdpTransport.open(loopback())) {
            peer.start((d, s) -> { });
            DatagramTransport broken = loop.open(loopback());
            DatagramTransport fine = loop.open(loopback());
            AtomicInteger calls = new AtomicInteger();
            broken.start((d, s) -> {
                calls.incrementAndGet();
                throw new IllegalStateException("boom (expected by the test)");
            });
            RecordingHandler atFine = new RecordingHandler();
            fine.start(atFine);
            for (int i = 0; i < 3; i++) {
                peer.send(RecordingHandler.text("bad"), broken.localAddress());
            }
            peer.send(RecordingHandler.text("good"), fine.localAddress());
            assertThat(atFine.take().text()).isEqualTo("good");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (broken.stats().handlerExceptions() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(broken.stats().handlerExceptions()).isEqualTo(3);
        }
    }

    @Test
    void anOversizeDatagramIsDroppedAndCounted() throws Exception {
        try (UdpSelectorLoop loop = UdpSelectorLoop.start("test-selector");
             UdpTransport peer = UdpTransport.open(loopback())) {
            peer.start((d, s) -> { });
            DatagramTransport small = loop.open(UdpTransportConfig.builder().bindAddress(LOOPBACK_ANY_PORT)
                    .maxDatagramBytes(100).build());
            RecordingHandler received = new RecordingHandler();
            small.start(received);
            peer.send(ByteBuffer.wrap(new byte[101]), small.localAddress());
            peer.send(RecordingHandler.text("fits"), small.localAddress());
            assertThat(received.take().text()).isEqualTo("fits");
            assertThat(small.stats().oversizeDropped()).isEqualTo(1);
        }
    }

    @Test
    void closingTheLoopClosesEveryOpenSocket() throws Exception {
        UdpSelectorLoop loop = UdpSelectorLoop.start("test-selector");
        CountDownLatch closed = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            DatagramTransport transport = loop.open(loopback());
            transport.start((d, s) -> { }, new TransportListener() {
                @Override
                public void onClosed() {
                    closed.countDown();
                }
            });
        }
        loop.close();
        loop.close();
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.openTransports()).isZero();
        assertThatThrownBy(() -> loop.open(loopback())).isInstanceOf(IllegalStateException.class);
    }
}
