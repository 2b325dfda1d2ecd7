package slnet.protocol;

/** The wire type of a message field, as named by the message template. */
public enum FieldType {
    /** Unsigned 8-bit integer. */
    U8("U8"),
    /** Unsigned 16-bit integer, little-endian. */
    U16("U16"),
    /** Unsigned 32-bit integer, little-endian. */
    U32("U32"),
    /** Unsigned 64-bit integer, little-endian. */
    U64("U64"),
    /** Signed 8-bit integer. */
    S8("S8"),
    /** Signed 16-bit integer, little-endian. */
    S16("S16"),
    /** Signed 32-bit integer, little-endian. */
    S32("S32"),
    /** Signed 64-bit integer, little-endian. */
    S64("S64"),
    /** 32-bit float, little-endian. */
    F32("F32"),
    /** 64-bit float, little-endian. */
    F64("F64"),
    /** Three F32s. */
    LLVECTOR3("LLVector3"),
    /** Three F64s. */
    LLVECTOR3D("LLVector3d"),
    /** Four F32s. */
    LLVECTOR4("LLVector4"),
    /** x, y, z of a unit quaternion with w &gt;= 0 (three F32s). */
    LLQUATERNION("LLQuaternion"),
    /** 16 bytes in network order. */
    LLUUID("LLUUID"),
    /** One byte, 0 or 1. */
    BOOL("BOOL"),
    /** IPv4 address, 4 bytes in network order. */
    IPADDR("IPADDR"),
    /** Port, 2 bytes big-endian. */
    IPPORT("IPPORT"),
    /** {@code Fixed N}. */
    FIXED("Fixed"),
    /** {@code Variable 1}: one length byte. */
    VARIABLE1("Variable 1"),
    /** {@code Variable 2}: two length bytes, little-endian. */
    VARIABLE2("Variable 2");

    private final String templateName;

    FieldType(String templateName) {
        this.templateName = templateName;
    }

    /**
     * Returns the type's name as the template writes it.
     *
     * @return e.g. {@code LLVector3} or {@code Variable 2}
     */
    public String templateName() {
        return templateName;
    }
}
