package slnet.protocol;

import java.util.Objects;

/**
 * Describes one field of a block.
 *
 * @param name the field's name in the template, e.g. {@code AgentID}
 * @param type its wire type
 * @param size its size in bytes for fixed-size types; for {@code Variable 1/2} the width of the
 *             length prefix
 */
public record FieldDescriptor(String name, FieldType type, int size) {
    /** Validates the descriptor. */
    public FieldDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Tells whether this is a {@code Variable 1} or {@code Variable 2} field.
     *
     * @return true for variable-length fields
     */
    public boolean isVariable() {
        return type == FieldType.VARIABLE1 || type == FieldType.VARIABLE2;
    }

    /**
     * Returns the field's layout as the template writes it, e.g. {@code Fixed 32}.
     *
     * @return the layout
     */
    public String layout() {
        return type == FieldType.FIXED ? "Fixed " + size : type.templateName();
    }
}
