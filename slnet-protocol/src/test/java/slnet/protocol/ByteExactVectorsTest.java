package slnet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import slnet.protocol.messages.AgentUpdate;
import slnet.protocol.messages.CameraConstraint;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.messages.CoarseLocationUpdate;
import slnet.protocol.messages.CompleteAgentMovement;
import slnet.protocol.messages.EnableSimulator;
import slnet.protocol.messages.FindAgent;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.LogoutRequest;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.PacketAck;
import slnet.protocol.messages.PickInfoReply;
import slnet.protocol.messages.RegionHandshake;
import slnet.protocol.messages.StartPingCheck;
import slnet.protocol.messages.UseCircuitCode;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

/**
 * Datagrams written out byte by byte from the protocol facts (header, message numbers by frequency,
 * little-endian bodies, big-endian IPPORT, network-order IPADDR and UUIDs, quaternions as x, y, z,
 * zerocoding, appended acks), checked in both directions. Together they cover every frequency and
 * every field type the template uses.
 */
class ByteExactVectorsTest {
    // UUIDs travel in the byte order of their text form.
    static final UUID A = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final String A_HEX = "11111111222233334444555555555555";
    static final UUID S = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    static final String S_HEX = "aaaaaaaabbbbccccddddeeeeeeeeeeee";
    static final UUID ZERO = new UUID(0, 0);
    static final String ZERO_UUID_HEX = "00".repeat(16);
    // (256000 << 32) | 256256, little-endian
    static final long HANDLE = (256000L << 32) | 256256L;
    static final String HANDLE_HEX = "00e9030000e80300";

    private final PacketCodec codec = new PacketCodec();

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    private void assertVector(Packet packet, byte[] datagram) throws PacketDecodeException {
        assertThat(HexFormat.of().formatHex(codec.encode(packet)))
                .as("encoding of %s", packet).isEqualTo(HexFormat.of().formatHex(datagram));
        assertThat(codec.decode(datagram, 0, datagram.length)).as("decoding").isEqualTo(packet);
    }

    /** Encodes as a circuit sends: the template's Zerocoded only where it makes the packet smaller. */
    private String sentAsCircuit(Message message, int flags, int sequence) {
        byte[] out = new byte[codec.mtu()];
        int length = codec.encodeMessage(message, flags, sequence, out, 0);
        return HexFormat.of().formatHex(out, 0, length);
    }

    @Test
    void startPingCheckHighFrequency() throws Exception {
        StartPingCheck ping = new StartPingCheck(new StartPingCheck.PingID(5, 0x12345678));
        // flags 00, sequence 1, no extra header, High 1, PingID 5, OldestUnacked LE
        assertVector(Packet.of(0, 1, Bytes.EMPTY, new int[0], ping), hex("00 00000001 00", "01", "05 78563412"));
    }

    @Test
    void appendedAcksAndResentFlag() throws Exception {
        StartPingCheck ping = new StartPingCheck(new StartPingCheck.PingID(5, 0x12345678));
        Packet packet = Packet.of(PacketHeader.RELIABLE | PacketHeader.RESENT, 7, Bytes.EMPTY, new int[0], ping)
                .withAcks(1, 0x01020304);
        // flags 0x40|0x20|0x10; acks big-endian, then a count byte at the very end
        assertVector(packet, hex("70 00000007 00", "01 05 78563412", "00000001 01020304 02"));
    }

    @Test
    void packetAckFixedFrequency() throws Exception {
        PacketAck ack = new PacketAck(List.of(new PacketAck.Packets(1), new PacketAck.Packets(2),
                new PacketAck.Packets(0x01020304)));
        assertVector(Packet.of(0, 0, Bytes.EMPTY, new int[0], ack),
                hex("00 00000000 00", "fffffffb", "03 01000000 02000000 04030201"));
    }

    @Test
    void useCircuitCodeLowFrequencyReliable() throws Exception {
        UseCircuitCode message = new UseCircuitCode(new UseCircuitCode.CircuitCode(0xDEADBEEF, S, A));
        assertVector(Packet.of(PacketHeader.RELIABLE, 1, Bytes.EMPTY, new int[0], message),
                hex("40 00000001 00", "ffff0003", "efbeadde", S_HEX, A_HEX));
    }

    @Test
    void completeAgentMovement() throws Exception {
        CompleteAgentMovement message = new CompleteAgentMovement(new CompleteAgentMovement.AgentData(A, S, 12345));
        assertVector(Packet.of(PacketHeader.RELIABLE, 2, Bytes.EMPTY, new int[0], message),
                hex("40 00000002 00", "ffff00f9", A_HEX, S_HEX, "39300000"));
    }

    @Test
    void logoutRequest() throws Exception {
        LogoutRequest message = new LogoutRequest(new LogoutRequest.AgentData(A, S));
        assertVector(Packet.of(PacketHeader.RELIABLE, 3, Bytes.EMPTY, new int[0], message),
                hex("40 00000003 00", "ffff00fc", A_HEX, S_HEX));
    }

    @Test
    void enableSimulatorU64IpAddressAndPort() throws Exception {
        EnableSimulator message = new EnableSimulator(new EnableSimulator.SimulatorInfo(HANDLE,
                (Inet4Address) InetAddress.getByName("127.0.0.1"), 13000));
        // IPADDR in network order, IPPORT big-endian (13000 = 0x32c8)
        assertVector(Packet.of(0, 4, Bytes.EMPTY, new int[0], message),
                hex("00 00000004 00", "ffff0097", HANDLE_HEX, "7f000001", "32c8"));
    }

    @Test
    void chatFromViewerZerocodedOnlyWhenAsked() throws Exception {
        ChatFromViewer message = new ChatFromViewer(new ChatFromViewer.AgentData(A, S),
                new ChatFromViewer.ChatData(Bytes.ofString("Hi"), 1, 0));
        // body: Variable 2 length 3 LE, "Hi" + NUL, Type 1, Channel 0
        byte[] plain = hex("00 00000005 00", "ffff0050", A_HEX, S_HEX, "0300 486900", "01", "00000000");
        byte[] zerocoded = hex("80 00000005 00", "ffff0001 50", A_HEX, S_HEX, "03 0001 4869 0001", "01", "0004");
        assertVector(Packet.of(0, 5, Bytes.EMPTY, new int[0], message), plain);
        assertVector(Packet.of(PacketHeader.ZEROCODED, 5, Bytes.EMPTY, new int[0], message), zerocoded);
        // zerocoding would make this packet longer, so a circuit sends it plain
        assertThat(zerocoded.length).isGreaterThan(plain.length);
        assertThat(sentAsCircuit(message, 0, 5)).isEqualTo(HexFormat.of().formatHex(plain));
    }

    @Test
    void chatFromSimulatorVariableOneAndVector3() throws Exception {
        ChatFromSimulator message = new ChatFromSimulator(new ChatFromSimulator.ChatData(Bytes.ofString("Bob"),
                A, S, 1, 1, 1, new Vector3(128f, 64.5f, 22.25f), Bytes.ofString("Hello")));
        assertVector(Packet.of(0, 5, Bytes.EMPTY, new int[0], message), hex("00 00000005 00", "ffff008b",
                "04 426f6200", A_HEX, S_HEX, "01 01 01", "00000043 00008142 0000b241", "0600 48656c6c6f00"));
    }

    @Test
    void agentUpdateZerocodedQuaternionsAndVectors() throws Exception {
        AgentUpdate message = new AgentUpdate(new AgentUpdate.AgentData(A, S, Quaternion.IDENTITY, Quaternion.IDENTITY,
                0, new Vector3(128f, 128f, 25f), new Vector3(1f, 0f, 0f), new Vector3(0f, 1f, 0f),
                new Vector3(0f, 0f, 1f), 64f, 0, 0));
        // rotations travel as x, y, z only: 24 zero bytes, then State 0, then CameraCenter's low zeros: a run of 28
        byte[] datagram = hex("80 0000000a 00", "04", A_HEX, S_HEX, "001c 43 0003 43 0002 c841",
                "0002 803f 000e 803f 000e 803f", "0002 8042 0005");
        assertVector(Packet.of(PacketHeader.ZEROCODED, 10, Bytes.EMPTY, new int[0], message), datagram);
        assertThat(sentAsCircuit(message, 0, 10)).isEqualTo(HexFormat.of().formatHex(datagram));
    }

    @Test
    void quaternionIsNormalisedAndMadePositiveOnTheWire() throws Exception {
        // w < 0: all four are negated, as the official viewer does; not unit: normalised first
        Quaternion rotation = new Quaternion(0f, 0f, -2f, -2f);
        AgentUpdate message = new AgentUpdate(new AgentUpdate.AgentData(A, S, rotation, Quaternion.IDENTITY,
                0, Vector3.ZERO, Vector3.ZERO, Vector3.ZERO, Vector3.ZERO, 0f, 0, 0));
        byte[] datagram = codec.encode(Packet.of(0, 1, Bytes.EMPTY, new int[0], message));
        // BodyRotation starts after header (6), message number (1), two UUIDs (32): z = +0.70710677f
        assertThat(HexFormat.of().formatHex(datagram, 39, 51)).isEqualTo("00000000" + "00000000" + "f304353f");
        Quaternion decoded = ((AgentUpdate) codec.decode(datagram, 0, datagram.length).message())
                .agentData().bodyRotation();
        assertThat(decoded.z()).isEqualTo(0.70710677f);
        assertThat(decoded.w()).isCloseTo(0.70710677f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void improvedTerseObjectUpdateU16AndVariableBlock() throws Exception {
        ImprovedTerseObjectUpdate message = new ImprovedTerseObjectUpdate(
                new ImprovedTerseObjectUpdate.RegionData(HANDLE, 0xFFFF),
                List.of(new ImprovedTerseObjectUpdate.ObjectData(Bytes.fromHex("deadbeef"), Bytes.EMPTY)));
        assertVector(Packet.of(0, 11, Bytes.EMPTY, new int[0], message),
                hex("00 0000000b 00", "0f", HANDLE_HEX, "ffff", "01", "04 deadbeef", "0000"));
    }

    @Test
    void coarseLocationUpdateMediumFrequencyAndS16() throws Exception {
        CoarseLocationUpdate message = new CoarseLocationUpdate(
                List.of(new CoarseLocationUpdate.Location(1, 2, 3), new CoarseLocationUpdate.Location(4, 5, 6)),
                new CoarseLocationUpdate.Index(-1, 0x0102), List.of(new CoarseLocationUpdate.AgentData(A)));
        assertVector(Packet.of(0, 12, Bytes.EMPTY, new int[0], message),
                hex("00 0000000c 00", "ff06", "02 010203 040506", "ffff 0201", "01", A_HEX));
    }

    @Test
    void regionHandshakeBoolFloatsAndU64() throws Exception {
        RegionHandshake message = new RegionHandshake(
                new RegionHandshake.RegionInfo(1, 13, Bytes.ofString("Test"), A, true, 20f, 1f, S,
                        ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, 10f, 10f, 10f, 10f, 60f, 60f, 60f, 60f),
                new RegionHandshake.RegionInfo2(A),
                new RegionHandshake.RegionInfo3(1, 1, Bytes.EMPTY, Bytes.EMPTY, Bytes.ofString("Estate")),
                List.of(new RegionHandshake.RegionInfo4(1L, 0x8000000000000000L)));
        assertVector(Packet.of(PacketHeader.RELIABLE, 13, Bytes.EMPTY, new int[0], message), hex(
                "40 0000000d 00", "ffff0094",
                "01000000", "0d", "05 5465737400", A_HEX, "01", "0000a041", "0000803f", S_HEX,
                ZERO_UUID_HEX.repeat(8), "00002041".repeat(4), "00007042".repeat(4),
                A_HEX,
                "01000000 01000000 00 00 07 45737461746500",
                "01 0100000000000000 0000000000000080"));
    }

    @Test
    void objectUpdateZerocodedWithFixedAndSignedBytes() throws Exception {
        ObjectUpdate.ObjectData object = new ObjectUpdate.ObjectData(0x11223344, 0, A, 0x01020304, 9, 3, 0,
                new Vector3(0.5f, 0.5f, 0.5f), Bytes.EMPTY, 0, 0, 16, 1, 0, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, -1,
                0, 0, 0, Bytes.fromHex("abcd"), Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY,
                Bytes.fromHex("00000000"), Bytes.EMPTY, Bytes.EMPTY, Bytes.fromHex("00"), ZERO, S, 0f, 0, 0f, 0,
                Vector3.ZERO, Vector3.ZERO);
        ObjectUpdate message = new ObjectUpdate(new ObjectUpdate.RegionData(HANDLE, 0xFFFF), List.of(object));
        byte[] datagram = hex("c0 0000000e 00",
                "0c", "0001 e903 0002 e803 0001 ffff 01 44332211 0001", A_HEX, "04030201 09 03",
                "0004 3f 0003 3f 0003 3f", "0009", "1001", "0004", "6464", "0008", "ff", "0006",
                "02 0001 abcd", "000c", "01 0011", S_HEX, "0022");
        assertVector(Packet.of(PacketHeader.ZEROCODED | PacketHeader.RELIABLE, 14, Bytes.EMPTY, new int[0], message),
                datagram);
        assertThat(sentAsCircuit(message, PacketHeader.RELIABLE, 14)).isEqualTo(HexFormat.of().formatHex(datagram));
    }

    @Test
    void findAgentF64() throws Exception {
        FindAgent message = new FindAgent(
                new FindAgent.AgentBlock(A, S, (Inet4Address) InetAddress.getByName("10.0.0.1")),
                List.of(new FindAgent.LocationBlock(1.5, -2.0)));
        assertVector(Packet.of(0, 15, Bytes.EMPTY, new int[0], message), hex("00 0000000f 00", "ffff0100",
                A_HEX, S_HEX, "0a000001", "01", "000000000000f83f", "00000000000000c0"));
    }

    @Test
    void cameraConstraintVector4Zerocoded() throws Exception {
        CameraConstraint message = new CameraConstraint(
                new CameraConstraint.CameraCollidePlane(new Vector4(0f, 0f, 1f, -25f)));
        byte[] datagram = hex("80 00000010 00", "16", "000a 803f 0002 c8c1");
        assertVector(Packet.of(PacketHeader.ZEROCODED, 16, Bytes.EMPTY, new int[0], message), datagram);
        assertThat(sentAsCircuit(message, 0, 16)).isEqualTo(HexFormat.of().formatHex(datagram));
    }

    @Test
    void pickInfoReplyVector3dAndBool() throws Exception {
        PickInfoReply message = new PickInfoReply(new PickInfoReply.AgentData(A),
                new PickInfoReply.Data(S, A, false, S, Bytes.ofString("P"), Bytes.EMPTY, A, Bytes.EMPTY, Bytes.EMPTY,
                        Bytes.EMPTY, new Vector3d(1.5, -2.0, 0.0), -2, true));
        assertVector(Packet.of(0, 17, Bytes.EMPTY, new int[0], message), hex("00 00000011 00", "ffff00b8",
                A_HEX, S_HEX, A_HEX, "00", S_HEX, "02 5000", "0000", A_HEX, "00", "00", "00",
                "000000000000f83f 00000000000000c0 0000000000000000", "feffffff", "01"));
    }

    @Test
    void extraHeaderIsSkippedAndKept() throws Exception {
        StartPingCheck ping = new StartPingCheck(new StartPingCheck.PingID(5, 0));
        assertVector(Packet.of(0, 1, Bytes.fromHex("abcd"), new int[0], ping),
                hex("00 00000001 02", "abcd", "01 05 00000000"));
    }
}
