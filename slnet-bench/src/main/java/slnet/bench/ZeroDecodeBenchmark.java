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
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.Zerocoder;

/**
 * Zero-decoding {@value SampleTraffic#ZERO_CODED_INPUT_LENGTH} bytes of zerocoded ObjectUpdate
 * bodies ({@link SampleTraffic#zeroCodedObjectUpdates()}) into a reused buffer. Throughput in
 * MB/s is {@value SampleTraffic#ZERO_CODED_INPUT_LENGTH} * 1000 / (ns per op); the output length
 * is returned.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ZeroDecodeBenchmark {
    private final byte[] input = SampleTraffic.zeroCodedObjectUpdates();
    private final byte[] output = new byte[PacketCodec.MAX_PACKET_SIZE];

    /** @return the decoded length @throws PacketDecodeException never */
    @Benchmark
    public int zeroDecode1200() throws PacketDecodeException {
        return Zerocoder.decode(input, 0, input.length, output, 0, output.length, 6);
    }
}
