package slnet.codegen.template;

/** The type of a template field, with its size on the wire where that size is fixed. */
public enum FieldType {
    /** Unsigned 8-bit integer. */
    U8(1),
    /** Unsigned 16-bit integer, little-endian. */
    U16(2),
    /** Unsigned 32-bit integer, little-endian. */
    U32(4),
    /** Unsigned 64-bit integer, little-endian. */
    U64(8),
    /** Signed 8-bit integer. */
    S8(1),
    /** Signed 16-bit integer, little-endian. */
    S16(2),
    /** Signed 32-bit integer, little-endian. */
    S32(4),
    /** Signed 64-bit integer, little-endian. */
    S64(8),
    /** 32-bit float, little-endian. */
    F32(4),
    /** 64-bit float, little-endian. */
    F64(8),
    /** Three F32s. */
    LLVECTOR3(12),
    /** Three F64s. */
    LLVECTOR3D(24),
    /** Four F32s. */
    LLVECTOR4(16),
    /** x, y, z of a unit quaternion with w &gt;= 0 (three F32s). */
    LLQUATERNION(12),
    /** 16 bytes in network order. */
    LLUUID(16),
    /** One byte, 0 or 1. */
    BOOL(1),
    /** IPv4 address, 4 bytes in network order. */
    IPADDR(4),
    /** Port, 2 bytes big-endian. */
    IPPORT(2),
    /** {@code Fixed N}: exactly N bytes. */
    FIXED(-1),
    /** {@code Variable 1}: a one-byte length, then that many bytes. */
    VARIABLE1(-1),
    /** {@code Variable 2}: a two-byte little-endian length, then that many bytes. */
    VARIABLE2(-1);

    private final int wireSize;

    FieldType(int wireSize) {
        this.wireSize = wireSize;
    }

    /**
     * Returns the size on the wire, or -1 when it depends on the field ({@code Fixed N}) or the data.
     *
     * @return the size in bytes, or -1
     */
    public int wireSize() {
        return wireSize;
    }

    /**
     * Returns the type named as in the template ({@code U8}, {@code LLVector3}, ...), excluding
     * {@code Fixed} and {@code Variable}, which take a size.
     *
     * @param templateName the name in the template
     * @return the type, or null if there is none of that name
     */
    public static FieldType ofTemplateName(String templateName) {
        return switch (templateName) {
            case "U8" -> U8;
            case "U16" -> U16;
            case "U32" -> U32;
            case "U64" -> U64;
            case "S8" -> S8;
            case "S16" -> S16;
            case "S32" -> S32;
            case "S64" -> S64;
            case "F32" -> F32;
            case "F64" -> F64;
            case "LLVector3" -> LLVECTOR3;
            case "LLVector3d" -> LLVECTOR3D;
            case "LLVector4" -> LLVECTOR4;
            case "LLQuaternion" -> LLQUATERNION;
            case "LLUUID" -> LLUUID;
            case "BOOL" -> BOOL;
            case "IPADDR" -> IPADDR;
            case "IPPORT" -> IPPORT;
            default -> null;
        };
    }
}
