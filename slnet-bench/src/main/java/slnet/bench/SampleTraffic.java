package slnet.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import slnet.protocol.Message;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketHeader;
import slnet.protocol.Zerocoder;
import slnet.protocol.messages.AgentUpdate;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.messages.PacketAck;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;

/**
 * The messages and datagrams every protocol benchmark (and the node-metaverse comparison, through
 * {@link ComparisonDatagrams}) works on, filled the way a simulator or viewer fills them, so that
 * zerocoding sees realistic runs of zeros. Deterministic: fixed UUIDs and values, no randomness.
 */
public final class SampleTraffic {
    /** Length of the zero-encoded input of the zero-decoding benchmark. */
    public static final int ZERO_CODED_INPUT_LENGTH = 1200;

    /** The region handle of a region at grid position (1000, 1000): x and y in metres, packed. */
    private static final long REGION_HANDLE = (256_000L << 32) | 256_000L;
    private static final UUID AGENT = UUID.fromString("a2e76fcd-9360-4f6d-a924-000000000001");
    private static final UUID SESSION = UUID.fromString("9b1e3c52-77d4-4a8e-b5f0-3c1d2e4f5a6b");
    private static final UUID OWNER = UUID.fromString("5f8c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f");
    /** The viewer's default plywood texture, as a prim fresh from the build tool carries it. */
    private static final UUID PLYWOOD = UUID.fromString("89556747-24cb-43ed-920b-47caed15465f");

    private SampleTraffic() {
    }

    /** @return a PacketAck acking 64 consecutive sequence numbers, as a busy circuit sends them */
    public static PacketAck packetAck64() {
        List<PacketAck.Packets> ids = new ArrayList<>(64);
        for (int i = 0; i < 64; i++) {
            ids.add(new PacketAck.Packets(0x0001_2340 + i));
        }
        return new PacketAck(ids);
    }

    /** @return local chat from an avatar, with a 60-character message */
    public static ChatFromSimulator chat60() {
        String text = "Hello everyone, the sandbox resets in ten minutes. Save work";
        if (text.length() != 60) {
            throw new AssertionError("chat text must be 60 characters, is " + text.length());
        }
        return new ChatFromSimulator(new ChatFromSimulator.ChatData(Bytes.ofString("Ada Lovelace"), AGENT, AGENT,
                1, 1, 1, new Vector3(128.5f, 64.25f, 23.0f), Bytes.ofString(text)));
    }

    /**
     * Returns a terse update of ten avatars: each Data is the 60-byte avatar form (local id, state,
     * avatar flag, collision plane, position, then velocity, acceleration, rotation and angular
     * velocity quantised to 16 bits), with no TextureEntry.
     *
     * @return the message
     */
    public static ImprovedTerseObjectUpdate terse10() {
        List<ImprovedTerseObjectUpdate.ObjectData> blocks = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            ByteBuffer data = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
            data.putInt(1_000_000 + i).put((byte) 0).put((byte) 1);
            data.putFloat(0f).putFloat(0f).putFloat(1f).putFloat(-21.5f - i);   // collision plane
            data.putFloat(100f + 3 * i).putFloat(120.25f + i).putFloat(22.75f);  // position
            data.putShort((short) 0x8123).putShort((short) 0x7F10).putShort((short) 0x8000); // velocity
            data.putShort((short) 0x8000).putShort((short) 0x8000).putShort((short) 0x8000); // acceleration
            data.putShort((short) 0x8000).putShort((short) 0x8000).putShort((short) (0xA000 + i))
                    .putShort((short) 0xD000);                                     // rotation
            data.putShort((short) 0x8000).putShort((short) 0x8000).putShort((short) 0x8000); // angular velocity
            blocks.add(new ImprovedTerseObjectUpdate.ObjectData(Bytes.copyOf(data.array()), Bytes.EMPTY));
        }
        return new ImprovedTerseObjectUpdate(new ImprovedTerseObjectUpdate.RegionData(REGION_HANDLE, 65535), blocks);
    }

    /** @return a full update of one plain plywood box, as a simulator sends on rez */
    public static ObjectUpdate objectUpdate() {
        return new ObjectUpdate(new ObjectUpdate.RegionData(REGION_HANDLE, 65535), List.of(prim(0)));
    }

    /**
     * Returns the ObjectData block of a plain 0.5 m box: default shape parameters, one default
     * TextureEntry face, empty name-values, text, media and particles, no sound, no joint; most of
     * its bytes are zero, which is why ObjectUpdate is zerocoded.
     *
     * @param variant changes the ids and position so that several prims differ
     * @return the block
     */
    static ObjectUpdate.ObjectData prim(int variant) {
        ByteBuffer motion = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        motion.putFloat(131.5f + variant).putFloat(77.25f).putFloat(22.5f);  // position
        motion.putFloat(0f).putFloat(0f).putFloat(0f);                       // velocity
        motion.putFloat(0f).putFloat(0f).putFloat(0f);                       // acceleration
        motion.putFloat(0f).putFloat(0f).putFloat(0.38268343f);              // rotation (x, y, z)
        motion.putFloat(0f).putFloat(0f).putFloat(0f);                       // angular velocity
        UUID fullId = new UUID(0x6c1e2f3a4b5c4d6eL + variant, 0x9f8e7d6c5b4a3928L);
        return new ObjectUpdate.ObjectData(480_000 + variant, 0, fullId, 0x3A1F_22C7 + variant, 9, 3, 0,
                new Vector3(0.5f, 0.5f, 0.5f), Bytes.copyOf(motion.array()), 0, 0x1000_0000 | 0x0000_0004 | 0x2,
                16, 1, 0, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                textureEntry(), Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.fromHex("00000000"),
                Bytes.EMPTY, Bytes.EMPTY, Bytes.fromHex("00"), new UUID(0, 0), OWNER, 0f, 0, 0f, 0,
                Vector3.ZERO, Vector3.ZERO);
    }

    /** A one-face-for-all TextureEntry: default texture, white, unit repeats, no offset or rotation. */
    private static Bytes textureEntry() {
        ByteBuffer te = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        te.putLong(PLYWOOD.getMostSignificantBits()).putLong(PLYWOOD.getLeastSignificantBits()).put((byte) 0);
        te.order(ByteOrder.LITTLE_ENDIAN);
        te.putInt(0).put((byte) 0);             // colour (stored inverted: white) + face terminator
        te.putFloat(1f).put((byte) 0);          // repeat U
        te.putFloat(1f).put((byte) 0);          // repeat V
        te.putShort((short) 0).put((byte) 0);   // offset U
        te.putShort((short) 0).put((byte) 0);   // offset V
        te.putShort((short) 0).put((byte) 0);   // rotation
        te.put((byte) 0).put((byte) 0);         // bump/shiny/fullbright
        te.put((byte) 0).put((byte) 0);         // media/texgen
        te.put((byte) 0).put((byte) 0);         // glow
        te.put(new byte[16]).put((byte) 0);     // material id
        return Bytes.copyOf(te.array(), 0, te.position());
    }

    /** @return an agent update of an avatar standing still, camera behind it, as sent ~10 times a second */
    public static AgentUpdate agentUpdate() {
        float half = 0.3f;
        Quaternion facing = new Quaternion(0f, 0f, (float) Math.sin(half), (float) Math.cos(half));
        float ax = (float) Math.cos(2 * half);
        float ay = (float) Math.sin(2 * half);
        return new AgentUpdate(new AgentUpdate.AgentData(AGENT, SESSION, facing, facing, 0,
                new Vector3(126.1f, 62.9f, 24.6f), new Vector3(ax, ay, 0f), new Vector3(-ay, ax, 0f),
                new Vector3(0f, 0f, 1f), 128f, 0x0000_0000, 0));
    }

    /** @return the benchmark messages by name, in report order */
    public static List<Message> messages() {
        return List.of(packetAck64(), chat60(), terse10(), objectUpdate(), agentUpdate());
    }

    /**
     * Encodes a message as a circuit sends it: reliable, sequence 4242, zerocoded when the template
     * says so and that is smaller.
     *
     * @param message the message
     * @return the datagram
     */
    public static byte[] datagram(Message message) {
        byte[] out = new byte[PacketCodec.MAX_PACKET_SIZE];
        int length = new PacketCodec(PacketCodec.MAX_PACKET_SIZE)
                .encodeMessage(message, PacketHeader.RELIABLE, 4242, out, 0);
        return Arrays.copyOf(out, length);
    }

    /**
     * Returns a reliable chat datagram with ten acks appended, the kind of packet whose header and
     * acks a circuit reads before anything else.
     *
     * @return the datagram
     */
    public static byte[] datagramWithTenAcks() {
        byte[] plain = datagram(chat60());
        byte[] out = Arrays.copyOf(plain, PacketCodec.DEFAULT_MTU);
        int[] acks = new int[10];
        for (int i = 0; i < acks.length; i++) {
            acks[i] = 0x0002_0000 + 3 * i;
        }
        int appended = PacketHeader.appendAcks(out, 0, plain.length, out.length, acks, 0, acks.length);
        return Arrays.copyOf(out, plain.length + 4 * appended + 1);
    }

    /**
     * Returns exactly {@value #ZERO_CODED_INPUT_LENGTH} bytes of zerocoded input: the bodies of
     * ObjectUpdates of successive plywood boxes (message number onward), zero-encoded back to back
     * and cut at a run boundary, as the body of a large zerocoded datagram looks.
     *
     * @return the zerocoded bytes
     */
    public static byte[] zeroCodedObjectUpdates() {
        PacketCodec codec = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
        byte[] raw = new byte[64 * 1024];
        int rawLength = 0;
        for (int variant = 0; rawLength < 8192; variant++) {
            ObjectUpdate update = new ObjectUpdate(new ObjectUpdate.RegionData(REGION_HANDLE, 65535),
                    List.of(prim(variant)));
            byte[] datagram = codec.encode(Packet.of(PacketHeader.RELIABLE, variant, Bytes.EMPTY, new int[0], update));
            System.arraycopy(datagram, PacketHeader.LENGTH, raw, rawLength, datagram.length - PacketHeader.LENGTH);
            rawLength += datagram.length - PacketHeader.LENGTH;
        }
        byte[] coded = new byte[2 * raw.length];
        for (int skip = 0; skip < 64; skip++) {
            for (int n = 1; n <= rawLength - skip; n++) {
                int length = Zerocoder.encode(raw, skip, n, coded, 0, coded.length);
                if (length == ZERO_CODED_INPUT_LENGTH) {
                    return Arrays.copyOf(coded, length);
                }
                if (length > ZERO_CODED_INPUT_LENGTH) {
                    break;
                }
            }
        }
        throw new AssertionError("no prefix zero-encodes to exactly " + ZERO_CODED_INPUT_LENGTH + " bytes");
    }
}
