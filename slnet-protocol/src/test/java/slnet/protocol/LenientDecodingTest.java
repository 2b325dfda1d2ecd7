package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.Messages;
import slnet.protocol.messages.StartPingCheck;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/** The official viewer's reading rules in {@link DecodeMode#LENIENT}, and the bounds that stay strict. */
class LenientDecodingTest {
    private final PacketCodec lenient = new PacketCodec(Messages.REGISTRY, PacketCodec.DEFAULT_MTU, DecodeMode.LENIENT);
    private final PacketCodec strict = new PacketCodec();

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private Message decode(byte[] datagram) throws PacketDecodeException {
        return lenient.decode(datagram, 0, datagram.length).message();
    }

    private PacketDecodeException.Reason lenientFailure(byte[] datagram) {
        try {
            lenient.decode(datagram, 0, datagram.length);
        } catch (PacketDecodeException e) {
            return e.reason();
        }
        throw new AssertionError("decoded " + HexFormat.of().formatHex(datagram));
    }

    private static ImprovedInstantMessage instantMessage() {
        return new ImprovedInstantMessage(new ImprovedInstantMessage.AgentData(new UUID(1, 2), new UUID(3, 4)),
                new ImprovedInstantMessage.MessageBlock(false, new UUID(5, 6), 0, new UUID(0, 0), new Vector3(1, 2, 3),
                        0, 0, new UUID(7, 8), 0, Bytes.ofString("Ann Avatar"), Bytes.ofString("hello"), Bytes.EMPTY),
                new ImprovedInstantMessage.EstateBlock(0), List.of());
    }

    @Test
    void aMissingTrailingVariableBlockReadsAsZeroRepeats() throws Exception {
        byte[] full = strict.encode(Packet.of(0, 1, Bytes.EMPTY, new int[0], instantMessage()));
        byte[] withoutMetaData = Arrays.copyOf(full, full.length - 1); // the MetaData count, 0, left out
        assertThat(decode(withoutMetaData)).isEqualTo(instantMessage());
        assertThat(Deviation.setOf(lenient.lastDeviations())).containsExactly(Deviation.MISSING_TRAILING_BLOCKS);
        assertThatThrownBy(() -> strict.decode(withoutMetaData, 0, withoutMetaData.length))
                .isInstanceOf(PacketDecodeException.class).hasMessageContaining("MetaData");
    }

    @Test
    void aMissingTrailingBlockIsToleratedInAZerocodedPacketToo() throws Exception {
        ImprovedInstantMessage im = instantMessage();
        // a non-zero EstateID right before the MetaData count, so that the count is zerocoded alone
        ImprovedInstantMessage message = new ImprovedInstantMessage(im.agentData(), im.messageBlock(),
                new ImprovedInstantMessage.EstateBlock(0x01010101), List.of());
        Packet packet = Packet.of(PacketHeader.ZEROCODED, 1, Bytes.EMPTY, new int[0], message);
        byte[] full = strict.encode(packet);
        assertThat(full[full.length - 2]).isZero(); // the MetaData count, zerocoded as 00 01
        assertThat(full[full.length - 1]).isEqualTo((byte) 1);
        byte[] withoutMetaData = Arrays.copyOf(full, full.length - 2);
        assertThat(decode(withoutMetaData)).isEqualTo(message);
        assertThat(lenient.lastDeviations()).isEqualTo(Deviation.MISSING_TRAILING_BLOCKS.bit());
    }

    @Test
    void aFixedFieldThatRunsOffTheEndReadsAsZeros() throws Exception {
        // StartPingCheck: PingID U8 5, then OldestUnacked U32 with only 2 of its 4 bytes
        assertThat(decode(hex("00 00000001 00 01 05 7856"))).isEqualTo(new StartPingCheck(new StartPingCheck.PingID(5, 0)));
        assertThat(Deviation.setOf(lenient.lastDeviations())).containsExactly(Deviation.FIELDS_READ_AS_ZEROS);
    }

    @Test
    void everyFieldAfterTheEndReadsAsZerosOrEmpty() throws Exception {
        // ChatFromViewer: AgentData's two UUIDs, then one byte of ChatData's Variable 2 length
        byte[] datagram = hex("00 00000001 00 ffff0050 " + "11".repeat(16) + "22".repeat(16) + "07");
        ChatFromViewer chat = (ChatFromViewer) decode(datagram);
        assertThat(chat.chatData().message()).isEqualTo(Bytes.EMPTY);
        assertThat(chat.chatData().type()).isZero();
        assertThat(chat.chatData().channel()).isZero();
        assertThat(lenient.lastDeviations()).isEqualTo(Deviation.FIELDS_READ_AS_ZEROS.bit());
    }

    @Test
    void bytesAfterTheLastBlockAreIgnored() throws Exception {
        assertThat(decode(hex("00 00000001 00 01 05 78563412 ff")))
                .isEqualTo(new StartPingCheck(new StartPingCheck.PingID(5, 0x12345678)));
        assertThat(Deviation.setOf(lenient.lastDeviations())).containsExactly(Deviation.TRAILING_BYTES);
    }

    @Test
    void aCleanPacketReportsNoDeviationEvenAfterOneThatHadSome() throws Exception {
        decode(hex("00 00000001 00 01 05 78563412 ff"));
        decode(hex("00 00000001 00 01 05 78563412"));
        assertThat(lenient.lastDeviations()).isZero();
        assertThat(strict.lastDeviations()).isZero();
        assertThat(lenient.decodeMode()).isEqualTo(DecodeMode.LENIENT);
        assertThat(strict.decodeMode()).isEqualTo(DecodeMode.STRICT);
    }

    @Test
    void lengthsAndCountsThatDoNotFitStayErrors() {
        // a Variable 2 length of 0xffff with 3 bytes after it
        assertThat(lenientFailure(hex("00 00000001 00 ffff0050 " + "11".repeat(16) + "22".repeat(16) + "ffff 616263")))
                .isEqualTo(PacketDecodeException.Reason.BAD_LENGTH);
        // PacketAck claiming 5 ids of 4 bytes with 4 bytes left
        assertThat(lenientFailure(hex("00 00000001 00 fffffffb 05 01000000")))
                .isEqualTo(PacketDecodeException.Reason.BAD_LENGTH);
    }

    @Test
    void theHeaderAndMessageNumberAreNeverReadLeniently() {
        assertThat(lenientFailure(hex("00 00000001 00 ff"))).isEqualTo(PacketDecodeException.Reason.TRUNCATED);
        assertThat(lenientFailure(hex("00 00000001 05 0102"))).isEqualTo(PacketDecodeException.Reason.TRUNCATED);
        assertThat(lenientFailure(hex("00 00000001 00 fe"))).isEqualTo(PacketDecodeException.Reason.UNKNOWN_MESSAGE);
        assertThat(lenientFailure(hex("80 00000001 00 00"))).isEqualTo(PacketDecodeException.Reason.BAD_ZEROCODING);
    }

    @Test
    void deviationMasksBecomeSets() {
        int mask = Deviation.TRAILING_BYTES.bit() | Deviation.MISSING_TRAILING_BLOCKS.bit();
        assertThat(Deviation.setOf(mask)).containsExactly(Deviation.MISSING_TRAILING_BLOCKS, Deviation.TRAILING_BYTES);
        assertThat(Deviation.setOf(0)).isEmpty();
        assertThat(Deviation.FIELDS_READ_AS_ZEROS.description()).isEqualTo("fields read as zeros");
    }
}
