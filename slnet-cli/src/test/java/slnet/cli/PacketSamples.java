package slnet.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import slnet.protocol.BlockDescriptor;
import slnet.protocol.FieldDescriptor;
import slnet.protocol.MessageFields;
import slnet.protocol.Message;
import slnet.protocol.MessageDescriptor;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.Messages;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

/** Sample packets of every message, with values at the edges of each field type. */
final class PacketSamples {
    private static final UUID SAMPLE_UUID = UUID.fromString("0123abcd-4567-89ef-fedc-ba9876543210");

    private PacketSamples() {
    }

    /** Two packets of a message: plain and reliable with acks; zerocoded and resent with an extra header and acks. */
    static List<Packet> packets(MessageDescriptor descriptor) {
        Message message = message(descriptor, -0.0f, 1e-7f);
        return List.of(
                Packet.of(PacketHeader.RELIABLE | PacketHeader.ACKS, 0xFFFF_FFFE, Bytes.EMPTY, new int[] {1, -1},
                        message),
                Packet.of(PacketHeader.ZEROCODED | PacketHeader.RESENT | PacketHeader.ACKS, 7,
                        Bytes.fromHex("0001"), new int[] {0, 3}, message));
    }

    /** An AgentUpdate whose F32 fields hold {@code f32} and whose vectors start with {@code vectorX}. */
    static Packet withFloats(float f32, float vectorX) {
        return Packet.of(0, 1, Bytes.EMPTY, new int[0], message(Messages.REGISTRY.byName("AgentUpdate"), f32, vectorX));
    }

    static String hexOf(Packet packet) {
        return HexFormat.of().formatHex(new PacketCodec(PacketCodec.MAX_PACKET_SIZE).encode(packet));
    }

    static Message message(MessageDescriptor descriptor, float f32, float vectorX) {
        Map<String, List<Map<String, Object>>> blocks = new LinkedHashMap<>();
        for (BlockDescriptor block : descriptor.blocks()) {
            int count = switch (block.cardinality()) {
                case SINGLE -> 1;
                case MULTIPLE -> block.count();
                case VARIABLE -> 2;
            };
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (FieldDescriptor field : block.fields()) {
                    fields.put(field.name(), value(field, i, f32, vectorX));
                }
                entries.add(fields);
            }
            blocks.put(block.name(), entries);
        }
        return new MessageFields(descriptor, blocks).toMessage();
    }

    private static Object value(FieldDescriptor field, int seed, float f32, float vectorX) {
        return switch (field.type()) {
            case U8 -> 255 - seed;
            case U16 -> 65535 - seed;
            case U32 -> -2 - seed;                 // 4294967294: only right if printed unsigned
            case U64 -> -2L - seed;                // 18446744073709551614
            case S8 -> -128 + seed;
            case S16 -> -32768 + seed;
            case S32 -> Integer.MIN_VALUE + seed;
            case S64 -> Long.MIN_VALUE + seed;
            case F32 -> f32;
            case F64 -> 0.1 + seed;
            case LLVECTOR3 -> new Vector3(vectorX, 1.5f, -2.25e20f);
            case LLVECTOR3D -> new Vector3d(1e300, -0.0, 3.0 + seed);
            case LLVECTOR4 -> new Vector4(vectorX, 0f, -1f, 123456.79f);
            case LLQUATERNION -> Quaternion.fromWire(0.5f, -0.25f, 0.125f);
            case LLUUID -> seed == 0 ? SAMPLE_UUID : new UUID(0, seed);
            case BOOL -> seed == 0;
            case IPADDR -> address(seed);
            case IPPORT -> 65535 - seed;
            case FIXED -> pattern(field.size(), seed);
            case VARIABLE1, VARIABLE2 -> pattern(3 + seed, seed);
        };
    }

    private static Bytes pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            // Runs of zeros so zerocoding has work to do.
            bytes[i] = (byte) (i % 3 == 1 ? 0xA0 + seed + i : 0);
        }
        return Bytes.copyOf(bytes);
    }

    private static Inet4Address address(int seed) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {10, (byte) 200, 0, (byte) (1 + seed)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
