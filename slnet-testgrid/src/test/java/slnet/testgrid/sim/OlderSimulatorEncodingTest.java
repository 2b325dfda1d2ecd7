package slnet.testgrid.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
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
import slnet.protocol.messages.RegionInfo;
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

    private static RegionInfo regionInfo(List<RegionInfo.CombatSettings> combat) {
        return new RegionInfo(new RegionInfo.AgentData(new UUID(1, 2), new UUID(3, 4)),
                new RegionInfo.RegionInfoBlock(Bytes.ofString("Alpha"), 1, 1, 0, 13, 100, 1f, 1f, 20f, 100f, -100f, 1, 0, 0,
                        true, 0f),
                new RegionInfo.RegionInfo2(Bytes.ofString("slnet"), Bytes.ofString("test"), 100, 100, 15000), List.of(),
                List.of(), combat);
    }

    /** The body of a datagram encoded without zerocoding or acks: message number and blocks. */
    private byte[] plainBody(Message message) {
        byte[] datagram = strict.encode(Packet.of(0, 1, Bytes.EMPTY, new int[0], message));
        return Arrays.copyOfRange(datagram, PacketHeader.LENGTH, datagram.length);
    }

    /** Zerocoding written out here, independent of {@code Zerocoder}: a run of zeros is 0x00 and its length. */
    private static byte[] zerocode(byte[] plain) {
        ByteArrayOutputStream coded = new ByteArrayOutputStream();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] != 0) {
                coded.write(plain[i]);
                continue;
            }
            int run = 0;
            while (i < plain.length && plain[i] == 0 && run < 255) {
                run++;
                i++;
            }
            i--;
            coded.write(0);
            coded.write(run);
        }
        return coded.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void everyEmptyTrailingBlockGoesFromAZerocodedBodyWithAcksByteForByte() throws Exception {
        RegionInfo info = regionInfo(List.of());
        byte[] plain = plainBody(info);
        assertThat(Arrays.copyOfRange(plain, plain.length - 3, plain.length)).containsOnly(0); // three zero counts
        Packet packet = Packet.of(PacketHeader.ZEROCODED | PacketHeader.RELIABLE | PacketHeader.ACKS, 0x0102,
                Bytes.EMPTY, new int[] {0x0A0B0C0D, 7}, info);
        byte[] older = through(packet);
        byte[] header = {(byte) (PacketHeader.ZEROCODED | PacketHeader.RELIABLE | PacketHeader.ACKS), 0, 0, 1, 2, 0};
        byte[] acks = {0x0A, 0x0B, 0x0C, 0x0D, 0, 0, 0, 7, 2};
        assertThat(older).isEqualTo(concat(header, zerocode(Arrays.copyOf(plain, plain.length - 3)), acks));
        assertThat(lenient.decode(older, 0, older.length).message()).isEqualTo(info);
        assertThat(lenient.lastDeviations()).isEqualTo(Deviation.MISSING_TRAILING_BLOCKS.bit());
        assertThatThrownBy(() -> strict.decode(older, 0, older.length)).isInstanceOf(PacketDecodeException.class);
    }

    @Test
    void aFilledLastBlockKeepsTheEmptyOnesBeforeIt() throws Exception {
        RegionInfo info = regionInfo(List.of(new RegionInfo.CombatSettings(1, 2, 3f, 4f, 5f, 6f)));
        assertThat(OlderSimulatorEncoding.emptyTrailingVariableBlocks(info)).isZero();
        Packet packet = Packet.of(PacketHeader.ZEROCODED, 3, Bytes.EMPTY, new int[0], info);
        assertThat(through(packet)).isEqualTo(strict.encode(packet));
    }

    @Test
    void aResentDatagramIsChangedAsTheFirstWas() throws Exception {
        Packet first = Packet.of(PacketHeader.RELIABLE, 11, Bytes.EMPTY, new int[0], im(0));
        Packet resent = Packet.of(PacketHeader.RELIABLE | PacketHeader.RESENT, 11, Bytes.EMPTY, new int[0], im(0));
        byte[] once = through(first);
        byte[] again = through(resent);
        assertThat(again[0]).isEqualTo((byte) (PacketHeader.RELIABLE | PacketHeader.RESENT));
        assertThat(Arrays.copyOfRange(again, 1, again.length)).isEqualTo(Arrays.copyOfRange(once, 1, once.length));
    }

    @Test
    void theStrayByteIsAZeroAfterTheLastBlockAndBeforeTheAcks() throws Exception {
        MapBlockReply reply = new MapBlockReply(new MapBlockReply.AgentData(new UUID(1, 1), 0),
                List.of(new MapBlockReply.Data(1000, 1001, Bytes.ofString("Gamma"), 13, 0, 20, 0, new UUID(7, 8))));
        Packet packet = Packet.of(PacketHeader.ACKS, 12, Bytes.EMPTY, new int[] {5}, reply);
        byte[] older = through(packet);
        // as OpenSimulator 0.9.2.2 was captured sending it: one zero byte more
        assertThat(older).isEqualTo(concat(new byte[] {PacketHeader.ACKS, 0, 0, 0, 12, 0}, plainBody(reply),
                new byte[] {0}, new byte[] {0, 0, 0, 5, 1}));
        Packet read = lenient.decode(older, 0, older.length);
        assertThat(read.message()).isEqualTo(reply);
        assertThat(read.acks()).containsExactly(5);
        assertThat(lenient.lastDeviations()).isEqualTo(Deviation.TRAILING_BYTES.bit());
    }

    @Test
    void strayBytesAloneKeepTheEmptyBlocks() throws Exception {
        List<byte[]> out = new ArrayList<>();
        OlderSimulatorEncoding strayOnly = new OlderSimulatorEncoding(
                (d, off, len, to) -> out.add(Arrays.copyOfRange(d, off, off + len)),
                SimulatorQuirks.NONE.withStrayByteAfter(Set.of("ImprovedInstantMessage")));
        byte[] original = strict.encode(Packet.of(0, 13, Bytes.EMPTY, new int[0], im(0)));
        strayOnly.send(original, 0, original.length, VIEWER);
        byte[] older = out.get(0);
        assertThat(older).hasSize(original.length + 1);
        assertThat(Arrays.copyOf(older, original.length)).isEqualTo(original);
        assertThat(lenient.decode(older, 0, older.length).message()).isEqualTo(im(0));
        assertThat(lenient.lastDeviations()).isEqualTo(Deviation.TRAILING_BYTES.bit());
    }

    @Test
    void whatItCannotReadGoesAsItWas() throws Exception {
        byte[] garbage = {0, 0, 0, 0, 14, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE};
        encoding.send(garbage, 0, garbage.length, VIEWER);
        assertThat(sent.get(0)).isEqualTo(garbage);
    }

    @Test
    void aMisspeltMessageNameIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SimulatorQuirks(true, Set.of("MapBlockReplay")))
                .withMessageContaining("MapBlockReplay");
    }
}
