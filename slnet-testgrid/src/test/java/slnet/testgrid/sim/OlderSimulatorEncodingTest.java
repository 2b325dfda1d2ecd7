package slnet.testgrid.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import slnet.protocol.DecodeMode;
import slnet.protocol.Deviation;
import slnet.protocol.Message;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.MapBlockReply;
import slnet.protocol.messages.Messages;
import slnet.protocol.messages.StartPingCheck;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/** What an older simulator sends, byte for byte; a lenient reader gets the message back, a strict one does not. */
class OlderSimulatorEncodingTest {
    private static final InetSocketAddress VIEWER = new InetSocketAddress("127.0.0.1", 9);
    private final List<byte[]> sent = new ArrayList<>();
    private final OlderSimulatorEncoding encoding = new OlderSimulatorEncoding(
            (d, off, len, to) -> sent.add(Arrays.copyOfRange(d, off, off + len)), SimulatorQuirks.OPENSIM_0_9);
    private final PacketCodec strict = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
    private final PacketCodec lenient = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE, DecodeMode.LENIENT);

    private static ImprovedInstantMessage im(int estateId) {
        return new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(new UUID(1, 2), new UUID(0, 0)),
                new ImprovedInstantMessage.MessageBlock(false, new UUID(3, 4), 0, new UUID(0, 0), new Vector3(1, 2, 3),
                        0, 0, new UUID(5, 6), 0, Bytes.ofString("Ann Avatar"), Bytes.ofString("hello"), Bytes.EMPTY),
                new ImprovedInstantMessage.EstateBlock(estateId), List.of());
    }

    private byte[] through(Packet packet) throws Exception {
        byte[] datagram = strict.encode(packet);
        encoding.send(datagram, 0, datagram.length, VIEWER);
        return sent.get(sent.size() - 1);
    }

    @Test
    void anEmptyTrailingBlockLosesItsCountByte() throws Exception {
        Packet packet = Packet.of(PacketHeader.RELIABLE, 7, Bytes.EMPTY, new int[0], im(0));
        byte[] original = strict.encode(packet);
        byte[] older = through(packet);
        assertThat(older).isEqualTo(Arrays.copyOf(original, original.length - 1));
        assertThat(lenient.decode(older, 0, older.length).message()).isEqualTo(im(0));
        assertThat(Deviation.setOf(lenient.lastDeviations())).containsExactly(Deviation.MISSING_TRAILING_BLOCKS);
        assertThatThrownBy(() -> strict.decode(older, 0, older.length)).isInstanceOf(PacketDecodeException.class);
    }

    @Test
    void zerocodingAndAppendedAcksSurviveTheCut() throws Exception {
        Packet packet = Packet.of(PacketHeader.ZEROCODED | PacketHeader.RELIABLE | PacketHeader.ACKS, 8, Bytes.EMPTY,
                new int[] {41, 42}, im(0x01010101));
        byte[] older = through(packet);
        assertThat(older[0] & PacketHeader.ZEROCODED).isNotZero();
        Packet read = lenient.decode(older, 0, older.length);
        assertThat(read.message()).isEqualTo(im(0x01010101));
        assertThat(read.acks()).containsExactly(41, 42);
        assertThat(read.sequence()).isEqualTo(8);
        assertThat(lenient.lastDeviations()).isEqualTo(Deviation.MISSING_TRAILING_BLOCKS.bit());
    }

    @Test
    void mapBlockReplyGetsAStrayByteAfterItsLastBlock() throws Exception {
        MapBlockReply reply = new MapBlockReply(new MapBlockReply.AgentData(new UUID(1, 1), 0),
                List.of(new MapBlockReply.Data(1000, 1000, Bytes.ofString("Alpha"), 13, 0, 20, 0, new UUID(0, 0))));
        byte[] older = through(Packet.of(0, 9, Bytes.EMPTY, new int[0], reply));
        Message read = lenient.decode(older, 0, older.length).message();
        assertThat(read).isEqualTo(reply);
        assertThat(lenient.lastDeviations()).isEqualTo(Deviation.TRAILING_BYTES.bit());
        assertThatThrownBy(() -> strict.decode(older, 0, older.length)).isInstanceOf(PacketDecodeException.class)
                .hasMessageContaining("TRAILING_BYTES");
    }

    @Test
    void aMessageWithNothingToChangeGoesAsItWas() throws Exception {
        Packet packet = Packet.of(0, 10, Bytes.EMPTY, new int[0], new StartPingCheck(new StartPingCheck.PingID(1, 2)));
        assertThat(through(packet)).isEqualTo(strict.encode(packet));
    }

    @Test
    void countsTheEmptyVariableBlocksFromTheEnd() {
        assertThat(OlderSimulatorEncoding.emptyTrailingVariableBlocks(im(0))).isEqualTo(1);
        assertThat(OlderSimulatorEncoding.emptyTrailingVariableBlocks(RegionMessages.alert("restart"))).isEqualTo(2);
        assertThat(OlderSimulatorEncoding.emptyTrailingVariableBlocks(new StartPingCheck(new StartPingCheck.PingID(1, 2))))
                .isZero();
    }
}
