package slnet.protocol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import slnet.protocol.messages.Messages;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

/** Builds messages with random contents for any descriptor, small enough to fit a datagram. */
public final class RandomMessages {
    private RandomMessages() {
    }

    /** @return every message of the template */
    public static List<MessageDescriptor> all() {
        return Messages.REGISTRY.all();
    }

    /**
     * Builds a random message.
     *
     * @param descriptor which message
     * @param random the source of randomness
     * @return the message
     */
    public static Message of(MessageDescriptor descriptor, Random random) {
        Map<String, List<Map<String, Object>>> blocks = new LinkedHashMap<>();
        for (BlockDescriptor block : descriptor.blocks()) {
            int count = switch (block.cardinality()) {
                case SINGLE -> 1;
                case MULTIPLE -> block.count();
                case VARIABLE -> random.nextInt(4);
            };
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (FieldDescriptor field : block.fields()) {
                    fields.put(field.name(), value(field, random));
                }
                entries.add(fields);
            }
            blocks.put(block.name(), entries);
        }
        return new MessageFields(descriptor, blocks).toMessage();
    }

    static Object value(FieldDescriptor field, Random random) {
        return switch (field.type()) {
            case U8 -> random.nextInt(256);
            case S8 -> random.nextInt(256) - 128;
            case U16, IPPORT -> random.nextInt(65536);
            case S16 -> random.nextInt(65536) - 32768;
            case U32, S32 -> random.nextInt();
            case U64, S64 -> random.nextLong();
            case F32 -> randomFloat(random);
            case F64 -> random.nextInt(10) == 0 ? Double.NaN : random.nextDouble() * 1e6 - 5e5;
            case BOOL -> random.nextBoolean();
            case LLUUID -> new UUID(random.nextLong(), random.nextLong());
            case IPADDR -> address(random);
            case LLVECTOR3 -> new Vector3(randomFloat(random), randomFloat(random), randomFloat(random));
            case LLVECTOR3D -> new Vector3d(random.nextDouble(), -random.nextDouble() * 1e6, random.nextDouble());
            case LLVECTOR4 -> new Vector4(randomFloat(random), randomFloat(random), randomFloat(random), randomFloat(random));
            case LLQUATERNION -> {
                // a unit quaternion built as the decoder builds it, so w matches exactly
                float x = random.nextFloat() * 0.5f - 0.25f;
                float y = random.nextFloat() * 0.5f - 0.25f;
                float z = random.nextFloat() * 0.5f - 0.25f;
                yield Quaternion.fromWire(x, y, z);
            }
            case FIXED -> bytes(random, field.size());
            case VARIABLE1, VARIABLE2 -> random.nextInt(3) == 0 ? Bytes.EMPTY : bytes(random, random.nextInt(24));
        };
    }

    private static float randomFloat(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> 0f;
            case 1 -> Float.NaN;
            case 2 -> Float.NEGATIVE_INFINITY;
            default -> (random.nextFloat() - 0.5f) * 512f;
        };
    }

    private static Bytes bytes(Random random, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            // plenty of zeros, so that zerocoding has runs to code
            data[i] = random.nextInt(3) == 0 ? 0 : (byte) random.nextInt(256);
        }
        return Bytes.unsafeWrap(data);
    }

    private static Inet4Address address(Random random) {
        byte[] raw = new byte[4];
        random.nextBytes(raw);
        try {
            return (Inet4Address) InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
