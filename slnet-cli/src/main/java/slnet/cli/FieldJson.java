package slnet.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import slnet.protocol.FieldDescriptor;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;
import slnet.protocol.types.Vector3d;
import slnet.protocol.types.Vector4;

/** Converts one field value between its {@link slnet.protocol.MessageFields} class and its JSON form. */
final class FieldJson {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger OUT_OF_RANGE = BigInteger.ONE.shiftLeft(200);

    private FieldJson() {
    }

    static Object toJson(FieldDescriptor field, Object value) {
        return switch (field.type()) {
            case U8, U16, S8, S16, S32, IPPORT -> (long) (Integer) value;
            case U32 -> Integer.toUnsignedLong((Integer) value);
            case U64 -> (Long) value >= 0 ? value : new BigDecimal(new BigInteger(Long.toUnsignedString((Long) value)));
            case S64 -> value;
            case F32 -> floatJson((Float) value);
            case F64 -> doubleJson((Double) value);
            case BOOL -> value;
            case LLUUID -> value.toString();
            case IPADDR -> ((Inet4Address) value).getHostAddress();
            case LLVECTOR3 -> {
                Vector3 v = (Vector3) value;
                yield List.of(floatJson(v.x()), floatJson(v.y()), floatJson(v.z()));
            }
            case LLVECTOR3D -> {
                Vector3d v = (Vector3d) value;
                yield List.of(doubleJson(v.x()), doubleJson(v.y()), doubleJson(v.z()));
            }
            case LLVECTOR4 -> {
                Vector4 v = (Vector4) value;
                yield List.of(floatJson(v.x()), floatJson(v.y()), floatJson(v.z()), floatJson(v.w()));
            }
            case LLQUATERNION -> {
                // Only x, y, z travel; w is derived from them when read back.
                Quaternion q = (Quaternion) value;
                yield List.of(floatJson(q.x()), floatJson(q.y()), floatJson(q.z()));
            }
            case FIXED, VARIABLE1, VARIABLE2 -> ((Bytes) value).toHex();
        };
    }

    static Object fromJson(FieldDescriptor field, Object json, String path) throws PacketJsonException {
        return switch (field.type()) {
            case U8 -> (int) integer(json, 0, 255, "U8", path);
            case U16 -> (int) integer(json, 0, 65535, "U16", path);
            case U32 -> (int) integer(json, 0, 0xFFFF_FFFFL, "U32", path);
            case S8 -> (int) integer(json, Byte.MIN_VALUE, Byte.MAX_VALUE, "S8", path);
            case S16 -> (int) integer(json, Short.MIN_VALUE, Short.MAX_VALUE, "S16", path);
            case S32 -> (int) integer(json, Integer.MIN_VALUE, Integer.MAX_VALUE, "S32", path);
            case IPPORT -> (int) integer(json, 0, 65535, "IPPORT", path);
            case S64 -> integer(json, Long.MIN_VALUE, Long.MAX_VALUE, "S64", path);
            case U64 -> unsigned64(json, path);
            case F32 -> toFloat(json, path);
            case F64 -> toDouble(json, path);
            case BOOL -> {
                if (!(json instanceof Boolean b)) {
                    throw new PacketJsonException(path + ": BOOL must be true or false, not " + describe(json));
                }
                yield b;
            }
            case LLUUID -> {
                if (!(json instanceof String s) || !UUID_TEXT.matcher(s).matches()) {
                    throw new PacketJsonException(path + ": LLUUID must be a string like "
                            + "\"01234567-89ab-cdef-0123-456789abcdef\", not " + describe(json));
                }
                yield UUID.fromString(s);
            }
            case IPADDR -> address(json, path);
            case LLVECTOR3 -> {
                List<?> c = components(json, 3, "LLVector3", path);
                yield new Vector3(toFloat(c.get(0), path + "[0]"), toFloat(c.get(1), path + "[1]"),
                        toFloat(c.get(2), path + "[2]"));
            }
            case LLVECTOR3D -> {
                List<?> c = components(json, 3, "LLVector3d", path);
                yield new Vector3d(toDouble(c.get(0), path + "[0]"), toDouble(c.get(1), path + "[1]"),
                        toDouble(c.get(2), path + "[2]"));
            }
            case LLVECTOR4 -> {
                List<?> c = components(json, 4, "LLVector4", path);
                yield new Vector4(toFloat(c.get(0), path + "[0]"), toFloat(c.get(1), path + "[1]"),
                        toFloat(c.get(2), path + "[2]"), toFloat(c.get(3), path + "[3]"));
            }
            case LLQUATERNION -> {
                List<?> c = components(json, 3, "LLQuaternion (x, y, z as on the wire)", path);
                yield Quaternion.fromWire(toFloat(c.get(0), path + "[0]"), toFloat(c.get(1), path + "[1]"),
                        toFloat(c.get(2), path + "[2]"));
            }
            case FIXED -> bytes(json, field.size(), field.size(), "Fixed " + field.size(), path);
            case VARIABLE1 -> bytes(json, 0, 255, "Variable 1", path);
            case VARIABLE2 -> bytes(json, 0, 65535, "Variable 2", path);
        };
    }

    /** Non-finite floats have no JSON literal; they travel as the strings Java names them by. */
    private static Object floatJson(float f) {
        return Float.isFinite(f) ? f : Float.toString(f);
    }

    private static Object doubleJson(double d) {
        return Double.isFinite(d) ? d : Double.toString(d);
    }

    static long integer(Object json, long min, long max, String type, String path) throws PacketJsonException {
        BigInteger value = exactInteger(json);
        if (value == null) {
            throw new PacketJsonException(path + ": " + type + " must be an integer, not " + describe(json));
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new PacketJsonException(path + ": " + type + " must be " + min + " to " + max + ", not " + describe(json));
        }
        return value.longValue();
    }

    private static long unsigned64(Object json, String path) throws PacketJsonException {
        BigInteger value = exactInteger(json);
        if (value == null) {
            throw new PacketJsonException(path + ": U64 must be an integer, not " + describe(json));
        }
        if (value.signum() < 0 || value.compareTo(TWO_TO_64) >= 0) {
            throw new PacketJsonException(path + ": U64 must be 0 to 18446744073709551615, not " + value);
        }
        return value.longValue();
    }

    /** Returns the integer a JSON number denotes, or null if it is not a number with an integral value. */
    private static BigInteger exactInteger(Object json) {
        if (json instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (json instanceof BigDecimal d) {
            BigDecimal stripped = d.stripTrailingZeros();
            if (stripped.scale() > 0) {
                return null;
            }
            if (stripped.precision() - stripped.scale() > 40) {
                // Out of every range anyway; do not build a thousand-digit integer to say so.
                return stripped.signum() > 0 ? OUT_OF_RANGE : OUT_OF_RANGE.negate();
            }
            return stripped.toBigIntegerExact();
        }
        if (json instanceof Double d && d == 0.0) {
            return BigInteger.ZERO;
        }
        return null;
    }

    private static float toFloat(Object json, String path) throws PacketJsonException {
        if (json instanceof Number n) {
            float f = n instanceof BigDecimal d ? d.floatValue() : n.floatValue();
            if (Float.isInfinite(f)) {
                throw new PacketJsonException(path + ": " + json + " is beyond the range of F32");
            }
            return f;
        }
        if (json instanceof String s) {
            switch (s) {
                case "NaN": return Float.NaN;
                case "Infinity": return Float.POSITIVE_INFINITY;
                case "-Infinity": return Float.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new PacketJsonException(path + ": F32 must be a number or \"NaN\", \"Infinity\", \"-Infinity\", not "
                + describe(json));
    }

    private static double toDouble(Object json, String path) throws PacketJsonException {
        if (json instanceof Number n) {
            double d = n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue();
            if (Double.isInfinite(d)) {
                throw new PacketJsonException(path + ": " + json + " is beyond the range of F64");
            }
            return d;
        }
        if (json instanceof String s) {
            switch (s) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new PacketJsonException(path + ": F64 must be a number or \"NaN\", \"Infinity\", \"-Infinity\", not "
                + describe(json));
    }

    private static List<?> components(Object json, int count, String type, String path) throws PacketJsonException {
        if (!(json instanceof List<?> list) || list.size() != count) {
            throw new PacketJsonException(path + ": " + type + " must be an array of " + count + " numbers, not "
                    + describe(json));
        }
        return list;
    }

    /** Parses a strict dotted quad by hand: InetAddress.getByName would accept host names and resolve them. */
    private static Inet4Address address(Object json, String path) throws PacketJsonException {
        if (json instanceof String s) {
            String[] parts = s.split("\\.", -1);
            if (parts.length == 4) {
                byte[] octets = new byte[4];
                boolean valid = true;
                for (int i = 0; i < 4 && valid; i++) {
                    String part = parts[i];
                    valid = !part.isEmpty() && part.length() <= 3 && part.chars().allMatch(c -> c >= '0' && c <= '9')
                            && Integer.parseInt(part) <= 255;
                    if (valid) {
                        octets[i] = (byte) Integer.parseInt(part);
                    }
                }
                if (valid) {
                    try {
                        return (Inet4Address) InetAddress.getByAddress(octets);
                    } catch (UnknownHostException e) {
                        throw new IllegalStateException("four octets are always a valid address", e);
                    }
                }
            }
        }
        throw new PacketJsonException(path + ": IPADDR must be a dotted quad string like \"127.0.0.1\", not "
                + describe(json));
    }

    static Bytes bytes(Object json, int min, int max, String type, String path) throws PacketJsonException {
        if (!(json instanceof String s)) {
            throw new PacketJsonException(path + ": " + type + " must be a hex string, not " + describe(json));
        }
        if (s.length() % 2 != 0 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw new PacketJsonException(path + ": " + type + " must be an even number of hex digits, not "
                    + describe(json));
        }
        int length = s.length() / 2;
        if (length < min || length > max) {
            throw new PacketJsonException(path + ": " + type + " must be "
                    + (min == max ? min + " bytes" : min + " to " + max + " bytes") + ", not " + length);
        }
        return Bytes.unsafeWrap(HexFormat.of().parseHex(s));
    }

    /** Describes a JSON value for an error message, cut short so one bad field cannot flood the output. */
    static String describe(Object json) {
        String text;
        if (json == null) {
            text = "null";
        } else if (json instanceof String s) {
            text = "\"" + s + "\"";
        } else if (json instanceof List<?>) {
            text = "an array";
        } else if (json instanceof java.util.Map<?, ?>) {
            text = "an object";
        } else {
            text = json.toString();
        }
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
