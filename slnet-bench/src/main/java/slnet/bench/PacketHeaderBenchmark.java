package slnet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import slnet.protocol.PacketHeader;

/**
 * The receive fast path: flags, sequence number and every appended ack of a reliable chat datagram
 * carrying ten acks, read through {@link PacketHeader} without decoding the body. Must allocate
 * nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PacketHeaderBenchmark {
    private final byte[] datagram = SampleTraffic.datagramWithTenAcks();
    private final int length = datagram.length;

    /** @return a fold of flags, sequence and ack ids, so none of the reads can be dropped */
    @Benchmark
    public long headerAndTenAcks() {
        byte[] d = datagram;
        int n = length;
        long folded = PacketHeader.flags(d, 0);
        folded = folded * 31 + PacketHeader.sequence(d, 0);
        int count = PacketHeader.ackCount(d, 0, n);
        for (int i = 0; i < count; i++) {
            folded = folded * 31 + PacketHeader.ack(d, 0, n, count, i);
        }
        return folded;
    }
}
