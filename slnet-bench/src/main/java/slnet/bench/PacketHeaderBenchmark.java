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

    /**
     * Reads everything a circuit needs first.
     *
     * @return the sum of flags, sequence and ack ids (a sum, not a hash, so that folding adds no
     *         dependency chain of its own), so none of the reads can be dropped
     */
    @Benchmark
    public long headerAndTenAcks() {
        byte[] d = datagram;
        int n = length;
        long folded = PacketHeader.flags(d, 0) + (long) PacketHeader.sequence(d, 0);
        int count = PacketHeader.ackCount(d, 0, n);
        for (int i = 0; i < count; i++) {
            folded += PacketHeader.ack(d, 0, n, count, i);
        }
        return folded;
    }
}
