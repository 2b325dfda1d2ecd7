package slnet.codegen.template;

/** How often a message is sent, which decides how its number is encoded on the wire. */
public enum Frequency {
    /** One byte message number, 1 to 254. */
    HIGH,
    /** {@code 0xFF} then one byte. */
    MEDIUM,
    /** {@code 0xFF 0xFF} then two bytes, big-endian. */
    LOW,
    /** Four bytes {@code 0xFFFFFFxx}. */
    FIXED
}
