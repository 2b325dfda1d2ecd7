package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.testing.LeakCheckExtension;

/**
 * The send path allocates nothing per datagram (a direct buffer to a resolved address). Not a
 * speed test: it counts bytes allocated by the sending thread, with a bound far below one object
 * per send so JIT noise cannot trip it.
 */
@Timeout(30)
@ExtendWith(LeakCheckExtension.class)
class SendAllocationTest {

    private static final int SENDS = 10_000;
    /** Less than one byte per send: any per-send object (16+ bytes) would blow it. */
    private static final long MAX_BYTES = SENDS / 2;

    @Test
    void udpSendDoesNotAllocatePerDatagram() throws Exception {
        try (UdpTransport sink = UdpTransport.open(UdpTransportTest.loopback());
             UdpTransport transport = UdpTransport.open(UdpTransportTest.loopback())) {
            sink.start((d, s) -> { });
            assertThat(bytesAllocatedBySends(transport, sink.localAddress())).isLessThan(MAX_BYTES);
        }
    }

    @Test
    void socks5SendDoesNotAllocatePerDatagram() throws Exception {
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(ScriptedSocks5Proxy.Behaviour.RELAY);
             UdpTransport sink = UdpTransport.open(UdpTransportTest.loopback());
             Socks5UdpTransport transport = Socks5UdpTransport.open(Socks5Config.builder(proxy.address())
                     .connectTimeout(Duration.ofSeconds(2)).udp(UdpTransportTest.loopback()).build())) {
            sink.start((d, s) -> { });
            assertThat(bytesAllocatedBySends(transport, sink.localAddress())).isLessThan(MAX_BYTES);
        }
    }

    /** The fewest bytes allocated by {@value #SENDS} sends over a few rounds (the first warm up). */
    private static long bytesAllocatedBySends(DatagramTransport transport, InetSocketAddress to) throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs per-thread allocation counters");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counters are off");
        ByteBuffer datagram = ByteBuffer.allocateDirect(100);
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < SENDS; i++) {
                datagram.clear();
                transport.send(datagram, to);
            }
            fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return fewest;
    }
}
