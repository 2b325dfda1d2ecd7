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
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;

/**
 * Decoding whole datagrams ({@link PacketCodec#decode}: header, acks, zero-decoding, message
 * number, every field into the immutable message records) from pre-encoded bytes. Each benchmark
 * returns the packet so the work cannot be dropped; its allocation is the packet and message
 * objects themselves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecodeBenchmark {
    private final PacketCodec codec = new PacketCodec();
    private final byte[] packetAck = SampleTraffic.datagram(SampleTraffic.packetAck64());
    private final byte[] chat = SampleTraffic.datagram(SampleTraffic.chat60());
    private final byte[] terse = SampleTraffic.datagram(SampleTraffic.terse10());
    private final byte[] objectUpdate = SampleTraffic.datagram(SampleTraffic.objectUpdate());
    private final byte[] agentUpdate = SampleTraffic.datagram(SampleTraffic.agentUpdate());

    /** @return a decoded PacketAck with 64 ids @throws PacketDecodeException never */
    @Benchmark
    public Packet packetAck64() throws PacketDecodeException {
        return codec.decode(packetAck, 0, packetAck.length);
    }

    /** @return a decoded ChatFromSimulator @throws PacketDecodeException never */
    @Benchmark
    public Packet chatFromSimulator() throws PacketDecodeException {
        return codec.decode(chat, 0, chat.length);
    }

    /** @return a decoded ImprovedTerseObjectUpdate of ten avatars @throws PacketDecodeException never */
    @Benchmark
    public Packet improvedTerseObjectUpdate10() throws PacketDecodeException {
        return codec.decode(terse, 0, terse.length);
    }

    /** @return a decoded (zerocoded on the wire) ObjectUpdate @throws PacketDecodeException never */
    @Benchmark
    public Packet objectUpdate() throws PacketDecodeException {
        return codec.decode(objectUpdate, 0, objectUpdate.length);
    }

    /** @return a decoded (zerocoded on the wire) AgentUpdate @throws PacketDecodeException never */
    @Benchmark
    public Packet agentUpdate() throws PacketDecodeException {
        return codec.decode(agentUpdate, 0, agentUpdate.length);
    }
}
