package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.messages.PacketAck;
import slnet.protocol.messages.StartPingCheck;
import slnet.protocol.types.Bytes;

/** Limits and typed errors of the packet codec. */
class PacketCodecTest {
    private final PacketCodec codec = new PacketCodec();

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private PacketDecodeException decodeFailure(String hex) {
        byte[] datagram = hex(hex);
        try {
            codec.decode(datagram, 0, datagram.length);
        } catch (PacketDecodeException e) {
            return e;
        }
        throw new AssertionError("decoded " + hex);
    }

    @Test
    void tooShortForAHeader() {
        PacketDecodeException e = decodeFailure("00 00000001");
        assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.TRUNCATED);
        assertThat(e.getMessage()).contains("at least 7 bytes");
    }

    @Test
    void truncatedBodyNamesTheOffset() {
        // StartPingCheck needs 5 body bytes; 3 given
        PacketDecodeException e = decodeFailure("00 00000001 00 01 05 7856");
        assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.TRUNCATED);
        assertThat(e.offset()).isEqualTo(8);
        assertThat(e.getMessage()).contains("needed 4 bytes", "2 left");
    }

    @Test
    void trailingBytesAreAnError() {
        PacketDecodeException e = decodeFailure("00 00000001 00 01 05 78563412 ff");
        assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.TRAILING_BYTES);
        assertThat(e.offset()).isEqualTo(12);
        assertThat(e.getMessage()).contains("StartPingCheck");
    }

    @Test
    void unknownMessageNumbers() {
        assertThat(decodeFailure("00 00000001 00 fe").reason()).isEqualTo(PacketDecodeException.Reason.UNKNOWN_MESSAGE);
        assertThat(decodeFailure("00 00000001 00 ff fe").getMessage()).contains("Medium 254");
        assertThat(decodeFailure("00 00000001 00 ffff fe00").getMessage()).contains("Low 65024");
        assertThat(decodeFailure("00 00000001 00 ffffff 01").getMessage()).contains("Fixed 0xFFFFFF01");
    }

    @Test
    void aBlockCountLargerThanTheBytesLeftIsRejectedBeforeAllocating() {
        // PacketAck claims 255 ids (1020 bytes) but carries 4
        PacketDecodeException e = decodeFailure("00 00000000 00 fffffffb ff 01000000");
        assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.BAD_LENGTH);
        assertThat(e.offset()).isEqualTo(10);
        assertThat(e.getMessage()).contains("count 255", "1020");
    }

    @Test
    void aVariableLengthLargerThanTheBytesLeftIsRejected() {
        // ChatFromViewer: two UUIDs then a Variable 2 length of 0xffff with 3 bytes after it
        String body = "ffff0050" + "00".repeat(32) + "ffff 414243";
        PacketDecodeException e = decodeFailure("00 00000001 00" + body);
        assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.BAD_LENGTH);
        assertThat(e.offset()).isEqualTo(6 + 4 + 32);
        assertThat(e.getMessage()).contains("65535");
    }

    @Test
    void anAckCountLargerThanThePacketIsRejected() {
        PacketDecodeException e = decodeFailure("10 00000001 00 01 05 78563412 00000001 09");
        assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.BAD_ACKS);
        byte[] datagram = hex("10 00000001 00 01 05 78563412 00000001 09");
        assertThat(PacketHeader.ackCount(datagram, 0, datagram.length)).isEqualTo(-1);
    }

    @Test
    void zerocodingErrorsSurfaceAsTheTypedException() {
        PacketDecodeException e = decodeFailure("80 00000001 00 01 05 00");
        assertThat(e.reason()).isEqualTo(PacketDecodeException.Reason.BAD_ZEROCODING);
        assertThat(e.offset()).isEqualTo(8);
    }

    @Test
    void oversizedDatagramsAreRejected() {
        byte[] big = new byte[PacketCodec.MAX_PACKET_SIZE + 1];
        assertThatThrownBy(() -> codec.decode(big, 0, big.length)).isInstanceOf(PacketDecodeException.class)
                .hasMessageContaining("longer than 8192");
    }

    @Test
    void aMessageLargerThanTheMtuFailsClearly() {
        ChatFromViewer chat = new ChatFromViewer(new ChatFromViewer.AgentData(UUID.randomUUID(), UUID.randomUUID()),
                new ChatFromViewer.ChatData(Bytes.ofString("x".repeat(1300)), 1, 0));
        byte[] out = new byte[codec.mtu()];
        assertThatThrownBy(() -> codec.encodeMessage(chat, 0, 1, out, 0))
                .isInstanceOf(PacketEncodeException.class)
                .hasMessageContaining("ChatFromViewer").hasMessageContaining("MTU of 1200");
        assertThatThrownBy(() -> codec.encode(Packet.of(chat))).isInstanceOf(PacketEncodeException.class)
                .hasMessageContaining("MTU");
        // the same message fits a codec configured with a larger MTU
        PacketCodec large = new PacketCodec(1500);
        assertThat(large.encodeMessage(chat, 0, 1, new byte[1500], 0)).isGreaterThan(1200);
    }

    @Test
    void appendedAcksFillUpToTheMtu() {
        byte[] datagram = new byte[64];
        int length = codec.encodeMessage(new StartPingCheck(new StartPingCheck.PingID(1, 0)), 0, 1, datagram, 0);
        int[] ids = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22};
        int appended = PacketHeader.appendAcks(datagram, 0, length, 40, ids, 0, ids.length);
        assertThat(appended).isEqualTo((40 - length - 1) / 4);
        int total = length + appended * 4 + 1;
        assertThat(PacketHeader.ackCount(datagram, 0, total)).isEqualTo(appended);
        assertThat(PacketHeader.ack(datagram, 0, total, appended, 0)).isEqualTo(10);
        assertThat(PacketHeader.flags(datagram, 0) & PacketHeader.ACKS).isNotZero();
    }

    @Test
    void resentFlagCanBeSetOnAStoredDatagram() throws Exception {
        byte[] datagram = new byte[64];
        int length = codec.encodeMessage(new StartPingCheck(new StartPingCheck.PingID(1, 0)), PacketHeader.RELIABLE,
                77, datagram, 0);
        PacketHeader.setFlags(datagram, 0, PacketHeader.RESENT, true);
        Packet packet = codec.decode(datagram, 0, length);
        assertThat(packet.resent()).isTrue();
        assertThat(packet.reliable()).isTrue();
        assertThat(packet.sequence()).isEqualTo(77);
    }

    @Test
    void maximalPacketAckRoundTrips() throws Exception {
        List<PacketAck.Packets> ids = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            ids.add(new PacketAck.Packets(i * 7));
        }
        PacketAck ack = new PacketAck(ids);
        byte[] datagram = codec.encode(Packet.of(ack));
        assertThat(datagram.length).isEqualTo(6 + 4 + 1 + 255 * 4);
        assertThat(codec.decodeMessage(datagram, 0, datagram.length)).isEqualTo(ack);
    }

    @Test
    void recordsRejectWrongCounts() {
        List<PacketAck.Packets> ids = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            ids.add(new PacketAck.Packets(i));
        }
        assertThatThrownBy(() -> new PacketAck(ids)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 255");
    }
}
