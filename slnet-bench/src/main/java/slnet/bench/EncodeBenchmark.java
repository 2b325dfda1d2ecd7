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
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.AgentUpdate;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.PacketAck;

/**
 * Encoding whole datagrams as a circuit does ({@link PacketCodec#encodeMessage}: header, message
 * number, body, zerocoding when the template asks and it helps) into a reused buffer. Each
 * benchmark returns the datagram length so the work cannot be dropped.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EncodeBenchmark {
    private final PacketCodec codec = new PacketCodec();
    private final byte[] out = new byte[PacketCodec.MAX_PACKET_SIZE];
    private final PacketAck packetAck = SampleTraffic.packetAck64();
    private final ChatFromSimulator chat = SampleTraffic.chat60();
    private final ImprovedTerseObjectUpdate terse = SampleTraffic.terse10();
    private final ObjectUpdate objectUpdate = SampleTraffic.objectUpdate();
    private final AgentUpdate agentUpdate = SampleTraffic.agentUpdate();
    private int sequence;

    /** @return the length of a PacketAck datagram with 64 ids */
    @Benchmark
    public int packetAck64() {
        return codec.encodeMessage(packetAck, PacketHeader.RELIABLE, ++sequence, out, 0);
    }

    /** @return the length of a ChatFromSimulator datagram with a 60-character message */
    @Benchmark
    public int chatFromSimulator() {
        return codec.encodeMessage(chat, PacketHeader.RELIABLE, ++sequence, out, 0);
    }

    /** @return the length of an ImprovedTerseObjectUpdate datagram of ten avatars */
    @Benchmark
    public int improvedTerseObjectUpdate10() {
        return codec.encodeMessage(terse, 0, ++sequence, out, 0);
    }

    /** @return the length of a zerocoded ObjectUpdate datagram of one prim */
    @Benchmark
    public int objectUpdate() {
        return codec.encodeMessage(objectUpdate, PacketHeader.RELIABLE, ++sequence, out, 0);
    }

    /** @return the length of a zerocoded AgentUpdate datagram */
    @Benchmark
    public int agentUpdate() {
        return codec.encodeMessage(agentUpdate, 0, ++sequence, out, 0);
    }
}
