package slnet.protocol;

/** The wire type of a message field, as named by the message template. */
public enum FieldType {
    U8("U8"), U16("U16"), U32("U32"), U64("U64"), S8("S8"), S16("S16"), S32("S32"), S64("S64"),
    F32("F32"), F64("F64"), LLVECTOR3("LLVector3"), LLVECTOR3D("LLVector3d"), LLVECTOR4("LLVector4"),
    LLQUATERNION("LLQuaternion"), LLUUID("LLUUID"), BOOL("BOOL"), IPADDR("IPADDR"), IPPORT("IPPORT"),
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
