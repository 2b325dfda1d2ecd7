package slnet.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Describes one block of a message.
 *
 * @param name the block's name in the template
 * @param cardinality how many times it occurs
 * @param count for {@link Cardinality#MULTIPLE}, the fixed count; 1 for single; 0 for variable
 * @param fields its fields in wire order
 * @param minimumSize the fewest bytes one instance takes on the wire
 */
public record BlockDescriptor(String name, Cardinality cardinality, int count, List<FieldDescriptor> fields,
                              int minimumSize) {

    /** How many times a block occurs in a message. */
    public enum Cardinality {
        /** Exactly once. */
        SINGLE,
        /** Exactly {@link BlockDescriptor#count()} times. */
        MULTIPLE,
        /** A one-byte count on the wire, then that many (0 to 255). */
        VARIABLE
    }

    /** Validates the descriptor. */
    public BlockDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cardinality, "cardinality");
        fields = List.copyOf(fields);
    }

    /**
     * Returns the block's cardinality as the template writes it.
     *
     * @return {@code Single}, {@code Multiple N} or {@code Variable}
     */
    public String layout() {
        return switch (cardinality) {
            case SINGLE -> "Single";
            case MULTIPLE -> "Multiple " + count;
            case VARIABLE -> "Variable";
        };
    }
}
