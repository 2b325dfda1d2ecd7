package slnet.codegen.template;

import java.util.Objects;

/**
 * One field of a block.
 *
 * @param name the field's name in the template
 * @param type its type
 * @param size for {@code Fixed N} the byte count N; for {@code Variable 1/2} the width of the
 *             length prefix (1 or 2); otherwise the fixed wire size of the type
 */
public record FieldDefinition(String name, FieldType type, int size) {
    /** Validates the definition. */
    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (size <= 0) {
            throw new IllegalArgumentException("field " + name + ": size must be positive");
        }
    }

    /**
     * Returns the smallest number of bytes this field takes on the wire.
     *
     * @return bytes
     */
    public int minimumWireSize() {
        return size; // for Variable fields, the length prefix
    }

    /**
     * Tells whether the field's wire size is the same for every value.
     *
     * @return true for all but {@code Variable} fields
     */
    public boolean hasFixedSize() {
        return type != FieldType.VARIABLE1 && type != FieldType.VARIABLE2;
    }
}
