package slnet.caps.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import slnet.protocol.FieldDescriptor;
import slnet.protocol.FieldType;
import slnet.protocol.llsd.Llsd;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

/**
 * Converts one template field between its generic value (see {@code MessageFields}) and LLSD.
 *
 * <p>Output follows what Second Life's LLSD message builder writes: U32, U64, S64 and IPADDR as
 * big-endian binary, other integers (IPPORT included) as integers, vectors and quaternions as
 * arrays of reals, text as strings and other variable data as binary. Input is lenient, because
 * servers differ: numbers may come as integers, reals, strings or big-endian binary; addresses
 * as binary, dotted strings or integers; text as strings or binary.
 */
public final class LlsdFieldCodec {
    private LlsdFieldCodec() {
    }

    /** A value that cannot become the field's type. */
    public static final class FieldException extends Exception {
        FieldException(String message) {
            super(message);
        }
    }

    /**
     * Returns the LLSD form of a generic field value.
     *
     * @param field the field's descriptor
     * @param value the value
     * @return the LLSD form of a generic field value
     */
    public static Llsd toLlsd(FieldDescriptor field, Object value) {
        return switch (field.type()) {
            case U8, U16, S8, S16, S32, IPPORT -> Llsd.of((int) (Integer) value);
            case U32 -> Llsd.ofU32((Integer) value & 0xFFFFFFFFL);
            case U64, S64 -> Llsd.ofU64((Long) value);
            case F32 -> Llsd.of((double) (Float) value);
            case F64 -> Llsd.of((double) (Double) value);
            case BOOL -> Llsd.of((boolean) (Boolean) value);
            case LLUUID -> Llsd.of((UUID) value);
            case IPADDR -> Llsd.of(((Inet4Address) value).getAddress());
            case LLVECTOR3 -> {
                Vector3 v = (Vector3) value;
                yield reals(v.x(), v.y(), v.z());
            }
            case LLVECTOR3D -> {
                Vector3d v = (Vector3d) value;
                yield reals(v.x(), v.y(), v.z());
            }
            case LLVECTOR4 -> {
                Vector4 v = (Vector4) value;
                yield reals(v.x(), v.y(), v.z(), v.w());
            }
            case LLQUATERNION -> {
                Quaternion q = (Quaternion) value;
                yield reals(q.x(), q.y(), q.z(), q.w());
            }
            case FIXED -> Llsd.of(((Bytes) value).toArray());
            case VARIABLE1, VARIABLE2 -> variable((Bytes) value);
        };
    }

    /**
     * Reads a field from LLSD; {@code undef} (an absent field) gives the type's zero value.
     *
     * @param field the field's descriptor
     * @param value the value
     * @return the generic value
     * @throws FieldException if the value cannot be read as the field's type or is out of its range
     */
    public static Object fromLlsd(FieldDescriptor field, Llsd value) throws FieldException {
        FieldType type = field.type();
        return switch (type) {
            case U8 -> (int) ranged(value, 0, 0xFF, field);
            case U16 -> (int) ranged(value, 0, 0xFFFF, field);
            case IPPORT -> (int) ranged(value, 0, 0xFFFF, field);
            case S8 -> (int) ranged(value, Byte.MIN_VALUE, Byte.MAX_VALUE, field);
            case S16 -> (int) ranged(value, Short.MIN_VALUE, Short.MAX_VALUE, field);
            // Signed integers from servers that wrote a U32 as an LLSD integer are taken as its bits.
            case S32 -> (int) ranged(value, Integer.MIN_VALUE, 0xFFFFFFFFL, field);
            case U32 -> (int) ranged(value, Integer.MIN_VALUE, 0xFFFFFFFFL, field);
            case U64, S64 -> integer(value, field);
            case F32 -> (float) real(value, field);
            case F64 -> real(value, field);
            case BOOL -> bool(value, field);
            case LLUUID -> uuid(value, field);
            case IPADDR -> address(value, field);
            case LLVECTOR3 -> {
                double[] r = reals(value, 3, 3, field);
                yield new Vector3((float) r[0], (float) r[1], (float) r[2]);
            }
            case LLVECTOR3D -> {
                double[] r = reals(value, 3, 3, field);
                yield new Vector3d(r[0], r[1], r[2]);
            }
            case LLVECTOR4 -> {
                double[] r = reals(value, 4, 4, field);
                yield new Vector4((float) r[0], (float) r[1], (float) r[2], (float) r[3]);
            }
            case LLQUATERNION -> {
                if (value.isUndefined()) {
                    yield Quaternion.IDENTITY;
                }
                double[] r = reals(value, 3, 4, field);
                yield r.length == 3 ? Quaternion.fromWire((float) r[0], (float) r[1], (float) r[2])
                        : new Quaternion((float) r[0], (float) r[1], (float) r[2], (float) r[3]);
            }
            case FIXED -> fixed(value, field);
            case VARIABLE1, VARIABLE2 -> variable(value, field);
        };
    }

    private static Llsd reals(double... values) {
        Llsd[] out = new Llsd[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Llsd.of(values[i]);
        }
        return Llsd.arrayOf(out);
    }

    private static Llsd variable(Bytes bytes) {
        String text = asText(bytes);
        return text != null ? Llsd.of(text) : Llsd.of(bytes.toArray());
    }

    /** Text is UTF-8 ending in one NUL with no other control characters except tab and newlines. */
    private static String asText(Bytes bytes) {
        int n = bytes.length();
        if (n == 0 || bytes.get(n - 1) != 0) {
            return null;
        }
        byte[] body = new byte[n - 1];
        for (int i = 0; i < n - 1; i++) {
            byte b = bytes.get(i);
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                return null;
            }
            body[i] = b;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static long ranged(Llsd value, long min, long max, FieldDescriptor field) throws FieldException {
        long v = integer(value, field);
        if (v < min || v > max) {
            throw new FieldException(field.name() + " (" + field.type().templateName() + ") out of range: " + v);
        }
        return v;
    }

    private static long integer(Llsd value, FieldDescriptor field) throws FieldException {
        return switch (value) {
            case Llsd.Undef u -> 0L;
            case Llsd.Int i -> i.value();
            case Llsd.Bool b -> b.value() ? 1L : 0L;
            case Llsd.Real r -> {
                if (!Double.isFinite(r.value())) {
                    throw new FieldException(field.name() + " is not a finite number");
                }
                yield (long) r.value();
            }
            case Llsd.Binary b -> {
                if (b.length() > 8) {
                    throw new FieldException(field.name() + " is binary of " + b.length() + " bytes, not a number");
                }
                yield value.asLong();
            }
            case Llsd.Str s -> {
                String t = s.value().strip();
                try {
                    yield t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
                } catch (NumberFormatException e) {
                    try {
                        yield Long.parseUnsignedLong(t);
                    } catch (NumberFormatException e2) {
                        throw new FieldException(field.name() + " is not a number: " + abbreviate(t));
                    }
                }
            }
            default -> throw new FieldException(field.name() + " must be a number, not " + value.type());
        };
    }

    private static double real(Llsd value, FieldDescriptor field) throws FieldException {
        return switch (value) {
            case Llsd.Undef u -> 0.0;
            case Llsd.Real r -> r.value();
            case Llsd.Int i -> i.value();
            case Llsd.Str s -> {
                try {
                    yield Double.parseDouble(s.value().strip());
                } catch (NumberFormatException e) {
                    throw new FieldException(field.name() + " is not a number: " + abbreviate(s.value()));
                }
            }
            default -> throw new FieldException(field.name() + " must be a real, not " + value.type());
        };
    }

    private static boolean bool(Llsd value, FieldDescriptor field) throws FieldException {
        return switch (value) {
            case Llsd.Undef u -> false;
            case Llsd.Bool b -> b.value();
            case Llsd.Int i -> i.value() != 0;
            case Llsd.Str s -> s.value().equalsIgnoreCase("true") || s.value().equals("1");
            case Llsd.Binary b -> value.asLong() != 0;
            default -> throw new FieldException(field.name() + " must be a boolean, not " + value.type());
        };
    }

    private static UUID uuid(Llsd value, FieldDescriptor field) throws FieldException {
        return switch (value) {
            case Llsd.Undef u -> Llsd.NULL_UUID;
            case Llsd.Uuid u -> u.value();
            case Llsd.Str s -> {
                if (s.value().isEmpty()) {
                    yield Llsd.NULL_UUID;
                }
                try {
                    yield UUID.fromString(s.value().strip());
                } catch (IllegalArgumentException e) {
                    throw new FieldException(field.name() + " is not a UUID: " + abbreviate(s.value()));
                }
            }
            default -> throw new FieldException(field.name() + " must be a UUID, not " + value.type());
        };
    }

    private static Inet4Address address(Llsd value, FieldDescriptor field) throws FieldException {
        byte[] bytes;
        switch (value) {
            case Llsd.Undef u -> bytes = new byte[4];
            case Llsd.Binary b -> {
                if (b.length() != 4) {
                    throw new FieldException(field.name() + " is binary of " + b.length() + " bytes, not an IPv4 address");
                }
                bytes = b.value();
            }
            case Llsd.Int i -> bytes = java.nio.ByteBuffer.allocate(4).putInt(i.value()).array();
            case Llsd.Str s -> {
                String t = s.value().strip();
                if (!t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    throw new FieldException(field.name() + " is not a dotted IPv4 address: " + abbreviate(t));
                }
                String[] parts = t.split("\\.");
                bytes = new byte[4];
                for (int k = 0; k < 4; k++) {
                    int octet = Integer.parseInt(parts[k]);
                    if (octet > 255) {
                        throw new FieldException(field.name() + " is not a dotted IPv4 address: " + abbreviate(t));
                    }
                    bytes[k] = (byte) octet;
                }
            }
            default -> throw new FieldException(field.name() + " must be an IPv4 address, not " + value.type());
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new FieldException(field.name() + ": " + e.getMessage());
        }
    }

    private static double[] reals(Llsd value, int min, int max, FieldDescriptor field) throws FieldException {
        if (value.isUndefined()) {
            return new double[max];
        }
        if (!(value instanceof Llsd.Array a) || a.elements().size() < min || a.elements().size() > max) {
            throw new FieldException(field.name() + " must be an array of " + (min == max ? "" + min : min + " or " + max)
                    + " reals, not " + value.type() + (value instanceof Llsd.Array a2 ? " of " + a2.elements().size() : ""));
        }
        List<Llsd> elements = a.elements();
        double[] out = new double[elements.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = real(elements.get(i), field);
        }
        return out;
    }

    private static Bytes fixed(Llsd value, FieldDescriptor field) throws FieldException {
        Bytes bytes = switch (value) {
            case Llsd.Undef u -> Bytes.copyOf(new byte[field.size()]);
            case Llsd.Binary b -> Bytes.copyOf(b.value());
            case Llsd.Str s -> Bytes.copyOf(s.value().getBytes(StandardCharsets.UTF_8));
            case Llsd.Uuid u -> Bytes.copyOf(uuidBytes(u.value()));
            default -> throw new FieldException(field.name() + " must be binary, not " + value.type());
        };
        if (bytes.length() != field.size()) {
            throw new FieldException(field.name() + " must be " + field.size() + " bytes, not " + bytes.length());
        }
        return bytes;
    }

    private static Bytes variable(Llsd value, FieldDescriptor field) throws FieldException {
        Bytes bytes = switch (value) {
            case Llsd.Undef u -> Bytes.EMPTY;
            case Llsd.Binary b -> Bytes.copyOf(b.value());
            // Text travels over UDP with its NUL terminator; give the typed message the same form.
            case Llsd.Str s -> Bytes.ofString(s.value());
            case Llsd.Uri u -> Bytes.ofString(u.value());
            case Llsd.Uuid u -> Bytes.ofString(u.value().toString());
            case Llsd.Int i -> Bytes.ofString(Integer.toString(i.value()));
            default -> throw new FieldException(field.name() + " must be text or binary, not " + value.type());
        };
        int max = field.type() == FieldType.VARIABLE1 ? 0xFF : 0xFFFF;
        if (bytes.length() > max) {
            throw new FieldException(field.name() + " is " + bytes.length() + " bytes, over its limit of " + max);
        }
        return bytes;
    }

    private static byte[] uuidBytes(UUID u) {
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "...'";
    }
}
