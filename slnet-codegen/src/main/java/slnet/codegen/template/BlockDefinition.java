package slnet.codegen.template;

import java.util.List;
import java.util.Objects;

/**
 * One block of a message.
 *
 * @param name the block's name in the template
 * @param cardinality {@code Single}, {@code Multiple N} or {@code Variable}
 * @param count for {@code Multiple N}, N; for {@code Single}, 1; for {@code Variable}, 0
 * @param fields the fields in wire order
 */
public record BlockDefinition(String name, Cardinality cardinality, int count, List<FieldDefinition> fields) {

    /** How many times a block occurs in a message. */
    public enum Cardinality {
        /** Exactly once. */
        SINGLE,
        /** Exactly N times, N given by the template. */
        MULTIPLE,
        /** A one-byte count on the wire, then that many. */
        VARIABLE
    }

    /** Validates the definition. */
    public BlockDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cardinality, "cardinality");
        fields = List.copyOf(fields);
    }

    /**
     * Returns the smallest number of bytes one instance of this block takes on the wire.
     *
     * @return bytes
     */
    public int minimumWireSize() {
        int total = 0;
        for (FieldDefinition field : fields) {
            total += field.minimumWireSize();
        }
        return total;
    }
}
