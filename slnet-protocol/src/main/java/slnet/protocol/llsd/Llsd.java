package slnet.protocol.llsd;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable LLSD (Linden Lab Structured Data) value: undef, a scalar (boolean, integer,
 * real, string, UUID, date, URI, binary), a map or an array.
 *
 * <p>Every value answers every accessor: {@code asInt()} of a string {@code "12"} is 12,
 * {@code get("key")} of an absent key (or of a non-map) is {@link Undef}, and nothing here
 * throws, following LLSD's "default to the right thing" conversion rules (see
 * {@link #asBoolean()} and friends for the table).
 *
 * <p>Build values with {@link #of(int)} and its overloads, {@link #mapOf}, {@link #map()},
 * {@link #arrayOf}; read and write them with {@link LlsdXml}, {@link LlsdBinary},
 * {@link LlsdNotation}, or {@link #parse(byte[], String)} when the format is known only by
 * content type.
 */
public sealed interface Llsd
        permits Llsd.Undef, Llsd.Bool, Llsd.Int, Llsd.Real, Llsd.Str, Llsd.Uuid, Llsd.Date,
        Llsd.Uri, Llsd.Binary, Llsd.Map, Llsd.Array {

    /** The UUID of all zeros, LLSD's default UUID. */
    UUID NULL_UUID = new UUID(0L, 0L);

    /** The kinds of LLSD value. */
    enum Type {
        /** {@link Undef}. */
        UNDEF,
        /** {@link Bool}. */
        BOOLEAN,
        /** {@link Int}. */
        INTEGER,
        /** {@link Real}. */
        REAL,
        /** {@link Str}. */
        STRING,
        /** {@link Uuid}. */
        UUID,
        /** {@link Date}. */
        DATE,
        /** {@link Uri}. */
        URI,
        /** {@link Binary}. */
        BINARY,
        /** {@link Map}. */
        MAP,
        /** {@link Array}. */
        ARRAY
    }

    // ---- the value types -------------------------------------------------------------------

    /** The undefined value; also what lookups of absent keys and indexes return. */
    enum Undef implements Llsd {
        /** The only instance. */
        INSTANCE;

        @Override
        public String toString() {
            return "!";
        }
    }

    /**
     * A boolean.
     *
     * @param value the value
     */
    record Bool(boolean value) implements Llsd {
        /** The true value. */
        public static final Bool TRUE = new Bool(true);
        /** The false value. */
        public static final Bool FALSE = new Bool(false);
    }

    /**
     * A 32-bit signed integer.
     *
     * @param value the value
     */
    record Int(int value) implements Llsd {
    }

    /**
     * A 64-bit IEEE real; equality is bitwise-ish ({@link Double#compare}), so NaN equals NaN and
     * -0.0 differs from 0.0. @param value the value
     *
     * @param value the value
     */
    record Real(double value) implements Llsd {
    }

    /**
     * A Unicode string.
     *
     * @param value the value, never null
     */
    record Str(String value) implements Llsd {
        /**
         * Rejects null.
         *
         * @param value the value, never null
         */
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A 128-bit UUID.
     *
     * @param value the value, never null
     */
    record Uuid(UUID value) implements Llsd {
        /**
         * Rejects null.
         *
         * @param value the value, never null
         */
        public Uuid {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An absolute point in time. Binary LLSD carries it as seconds since the epoch in a double,
     * so sub-microsecond precision does not survive that format. @param value the instant
     *
     * @param value the value
     */
    record Date(Instant value) implements Llsd {
        /**
         * Rejects null.
         *
         * @param value the instant
         */
        public Date {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A URI, kept as the text that was sent (not validated: servers send what they send).
     *
     * @param value the URI text, never null
     */
    record Uri(String value) implements Llsd {
        /**
         * Rejects null.
         *
         * @param value the URI text, never null
         */
        public Uri {
            Objects.requireNonNull(value, "value");
        }

        /**
         * Returns the URI parsed by {@link URI}, or {@code null} if it is not a valid URI.
         *
         * @return the URI parsed by {@link URI}, or {@code null} if it is not a valid URI
         */
        public URI toUri() {
            try {
                return new URI(value);
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }
    }

    /**
     * A byte string; holds its own copy, compares by content.
     *
     * @param value the bytes (copied in; {@link #value()} returns a copy too)
     */
    record Binary(byte[] value) implements Llsd {
        /**
         * Copies the bytes in.
         *
         * @param value the bytes (copied in; {@link #value()} returns a copy too)
         */
        public Binary {
            value = value.clone();
        }

        /**
         * Returns a copy of the bytes.
         *
         * @return a copy of the bytes
         */
        @Override
        public byte[] value() {
            return value.clone();
        }

        /**
         * Returns the number of bytes.
         *
         * @return the number of bytes
         */
        public int length() {
            return value.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Binary[" + value.length + " bytes]";
        }
    }

    /**
     * A map from string keys to values, in insertion order and unmodifiable. Equality ignores
     * order, as LLSD maps are unordered.
     *
     * @param entries the entries (copied in)
     */
    record Map(java.util.Map<String, Llsd> entries) implements Llsd {
        /**
         * Copies the entries, keeping their order; rejects null keys and values.
         *
         * @param entries the entries (copied in)
         */
        public Map {
            LinkedHashMap<String, Llsd> copy = new LinkedHashMap<>(Math.max(16, entries.size() * 4 / 3 + 1));
            for (var e : entries.entrySet()) {
                copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
            }
            entries = Collections.unmodifiableMap(copy);
        }

        // Plain equals/hashCode: the generated record versions cost several stack frames per
        // nesting level, and trees may legitimately nest a few hundred levels.
        @Override
        public boolean equals(Object o) {
            return o instanceof Map m && entries.equals(m.entries);
        }

        @Override
        public int hashCode() {
            return entries.hashCode();
        }

        /**
         * Returns a builder for a map, keeping insertion order.
         *
         * @return a builder for a map, keeping insertion order
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Map}; not thread-safe, use once. */
        public static final class Builder {
            private final LinkedHashMap<String, Llsd> entries = new LinkedHashMap<>();

            private Builder() {
            }

            /**
             * Puts a value, replacing any earlier value for the key.
             *
             * @param key the key
             * @param value the value
             * @return this
             */
            public Builder put(String key, Llsd value) {
                entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
                return this;
            }

            /**
             * Puts a string value.
             *
             * @param key the key
             * @param value the value
             * @return this
             */
            public Builder put(String key, String value) {
                return put(key, Llsd.of(value));
            }

            /**
             * Puts an integer value.
             *
             * @param key the key
             * @param value the value
             * @return this
             */
            public Builder put(String key, int value) {
                return put(key, Llsd.of(value));
            }

            /**
             * Puts a real value.
             *
             * @param key the key
             * @param value the value
             * @return this
             */
            public Builder put(String key, double value) {
                return put(key, Llsd.of(value));
            }

            /**
             * Puts a boolean value.
             *
             * @param key the key
             * @param value the value
             * @return this
             */
            public Builder put(String key, boolean value) {
                return put(key, Llsd.of(value));
            }

            /**
             * Puts a UUID value.
             *
             * @param key the key
             * @param value the value
             * @return this
             */
            public Builder put(String key, UUID value) {
                return put(key, Llsd.of(value));
            }

            /**
             * Returns the map built so far.
             *
             * @return the map built so far
             */
            public Map build() {
                return new Map(entries);
            }
        }
    }

    /**
     * An unmodifiable array of values.
     *
     * @param elements the elements (copied in)
     */
    record Array(List<Llsd> elements) implements Llsd {
        /**
         * Copies the elements; rejects nulls.
         *
         * @param elements the elements (copied in)
         */
        public Array {
            elements = List.copyOf(elements);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Array a && elements.equals(a.elements);
        }

        @Override
        public int hashCode() {
            return elements.hashCode();
        }
    }

    // ---- factories -------------------------------------------------------------------------

    /**
     * Returns the undefined value.
     *
     * @return the undefined value
     */
    static Llsd undef() {
        return Undef.INSTANCE;
    }

    /**
     * Returns a boolean value.
     *
     * @param value the value
     * @return a boolean value
     */
    static Llsd of(boolean value) {
        return value ? Bool.TRUE : Bool.FALSE;
    }

    /**
     * Returns an integer value.
     *
     * @param value the value
     * @return an integer value
     */
    static Llsd of(int value) {
        return new Int(value);
    }

    /**
     * An integer from a long that must fit LLSD's 32 bits. This overload exists so that a long
     * argument does not silently widen to {@link #of(double)} and become a real.
     *
     * @return an integer value
     * @throws IllegalArgumentException if the value does not fit in 32 bits; send such numbers
     *     with {@link #ofU64} or as an explicit real
     * @param value the value
     */
    static Llsd of(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("LLSD integers are 32-bit; " + value + " does not fit (use ofU64 or a real)");
        }
        return new Int((int) value);
    }

    /**
     * Returns a real value.
     *
     * @param value the value
     * @return a real value
     */
    static Llsd of(double value) {
        return new Real(value);
    }

    /**
     * Returns a string value, or undef for {@code null}.
     *
     * @param value the value
     * @return a string value, or undef for {@code null}
     */
    static Llsd of(String value) {
        return value == null ? Undef.INSTANCE : new Str(value);
    }

    /**
     * Returns a UUID value, or undef for {@code null}.
     *
     * @param value the value
     * @return a UUID value, or undef for {@code null}
     */
    static Llsd of(UUID value) {
        return value == null ? Undef.INSTANCE : new Uuid(value);
    }

    /**
     * Returns a date value, or undef for {@code null}.
     *
     * @param value the value
     * @return a date value, or undef for {@code null}
     */
    static Llsd of(Instant value) {
        return value == null ? Undef.INSTANCE : new Date(value);
    }

    /**
     * Returns a URI value, or undef for {@code null}.
     *
     * @param value the value
     * @return a URI value, or undef for {@code null}
     */
    static Llsd of(URI value) {
        return value == null ? Undef.INSTANCE : new Uri(value.toString());
    }

    /**
     * Returns a binary value holding a copy of the bytes, or undef for {@code null}.
     *
     * @param value the value
     * @return a binary value holding a copy of the bytes, or undef for {@code null}
     */
    static Llsd of(byte[] value) {
        return value == null ? Undef.INSTANCE : new Binary(value);
    }

    /**
     * An unsigned 64-bit number the way Second Life sends those it cannot fit in an LLSD integer
     * (region handles, for one): 8 big-endian bytes of binary. Read back with {@link #asLong()}.
     *
     * @param value the value
     * @return a binary value of 8 bytes
     */
    static Llsd ofU64(long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (56 - 8 * i));
        }
        return new Binary(b);
    }

    /**
     * An unsigned 32-bit number the way Second Life sends it (flags, IP addresses): 4 big-endian
     * bytes of binary. Read back with {@link #asLong()}.
     *
     * @param value the low 32 bits are used
     * @return a binary value of 4 bytes
     */
    static Llsd ofU32(long value) {
        return new Binary(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /**
     * Returns a URI value from its text, or undef for {@code null}.
     *
     * @param value the value
     * @return a URI value from its text, or undef for {@code null}
     */
    static Llsd uri(String value) {
        return value == null ? Undef.INSTANCE : new Uri(value);
    }

    /**
     * Returns a builder for a map.
     *
     * @return a builder for a map
     */
    static Map.Builder map() {
        return Map.builder();
    }

    /**
     * Builds a map from alternating keys and values, e.g.
     * {@code mapOf("name", Llsd.of("x"), "count", Llsd.of(3))}.
     *
     * @param keysAndValues String key, Llsd value, String key, Llsd value, ...
     * @return the map
     * @throws IllegalArgumentException if the arguments do not alternate String and Llsd
     */
    static Map mapOf(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of arguments: " + keysAndValues.length);
        }
        Map.Builder b = Map.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key) || !(keysAndValues[i + 1] instanceof Llsd value)) {
                throw new IllegalArgumentException("argument pair " + i / 2 + " is not (String, Llsd)");
            }
            b.put(key, value);
        }
        return b.build();
    }

    /**
     * Returns an array of the given values.
     *
     * @param elements the elements
     * @return an array of the given values
     */
    static Array arrayOf(Llsd... elements) {
        return new Array(List.of(elements));
    }

    /**
     * Returns an array of the given values.
     *
     * @param elements the elements
     * @return an array of the given values
     */
    static Array arrayOf(List<? extends Llsd> elements) {
        return new Array(List.copyOf(elements));
    }

    /**
     * Parses a document in any of the three serialisations.
     *
     * @param bytes the document
     * @param contentType the HTTP content type if known (e.g. {@code application/llsd+xml}), or
     *     {@code null} to guess from the bytes (see {@link LlsdFormat#detect})
     * @return the value
     * @throws LlsdException if the document is malformed or over {@link LlsdLimits#DEFAULT}
     */
    static Llsd parse(byte[] bytes, String contentType) throws LlsdException {
        return parse(bytes, contentType, LlsdLimits.DEFAULT);
    }

    /**
     * Parses a document in any of the three serialisations, under the given limits.
     *
     * @see #parse(byte[], String)
     * @param bytes the bytes
     * @param contentType the content type, e.g. {@code application/llsd+xml}
     * @param limits the limits to enforce
     * @return the value read
     * @throws LlsdException if the input is malformed or over the limits
     */
    static Llsd parse(byte[] bytes, String contentType, LlsdLimits limits) throws LlsdException {
        LlsdFormat format = LlsdFormat.fromContentType(contentType);
        if (format == null) {
            format = LlsdFormat.detect(bytes);
        }
        return format.parse(bytes, limits);
    }

    // ---- inspection and conversion ---------------------------------------------------------

    /**
     * Returns the kind of this value.
     *
     * @return the kind of this value
     */
    default Type type() {
        return LlsdConversions.type(this);
    }

    /**
     * Returns whether this is the undefined value.
     *
     * @return whether this is the undefined value
     */
    default boolean isUndefined() {
        return this == Undef.INSTANCE;
    }

    /**
     * Returns the value as a boolean: integers and reals are true when non-zero (NaN false), strings when non-empty, UUIDs when not null; undef and everything else false.
     *
     * @return the value as a boolean: integers and reals are true when non-zero (NaN false),
     *     strings when non-empty, UUIDs when not null; undef and everything else false
     */
    default boolean asBoolean() {
        return LlsdConversions.asBoolean(this);
    }

    /**
     * Returns the value as an integer: booleans 1/0; reals truncated toward zero and clamped (NaN 0); strings parsed as numbers then truncated ({@code "12"} 12, junk 0); dates as whole seconds since the epoch; undef and everything else 0.
     *
     * @return the value as an integer: booleans 1/0; reals truncated toward zero and clamped
     *     (NaN 0); strings parsed as numbers then truncated ({@code "12"} 12, junk 0); dates
     *     as whole seconds since the epoch; undef and everything else 0
     */
    default int asInt() {
        return LlsdConversions.asInt(this);
    }

    /**
     * Returns the value as a long: binary of up to 8 bytes as a big-endian unsigned number (see {@link #ofU64}); integers sign-extended; everything else as {@link #asInt()} would, but without clamping to 32 bits (reals clamp to the long range); longer binary 0.
     *
     * @return the value as a long: binary of up to 8 bytes as a big-endian unsigned number (see
     *     {@link #ofU64}); integers sign-extended; everything else as {@link #asInt()} would,
     *     but without clamping to 32 bits (reals clamp to the long range); longer binary 0
     */
    default long asLong() {
        return LlsdConversions.asLong(this);
    }

    /**
     * Returns the value as a real: booleans 1/0; strings parsed (junk 0); dates as seconds since the epoch; undef and everything else 0.
     *
     * @return the value as a real: booleans 1/0; strings parsed (junk 0); dates as seconds since
     *     the epoch; undef and everything else 0
     */
    default double asReal() {
        return LlsdConversions.asReal(this);
    }

    /**
     * Returns the value as a string: booleans {@code "true"}/{@code ""}; numbers in decimal (reals {@code nan}/{@code inf}/{@code -inf} when not finite); UUIDs hyphenated lower case; dates ISO-8601; URIs their text; undef, binary, maps and arrays {@code ""}.
     *
     * @return the value as a string: booleans {@code "true"}/{@code ""}; numbers in decimal
     *     (reals {@code nan}/{@code inf}/{@code -inf} when not finite); UUIDs hyphenated lower
     *     case; dates ISO-8601; URIs their text; undef, binary, maps and arrays {@code ""}
     */
    default String asString() {
        return LlsdConversions.asString(this);
    }

    /**
     * Returns the value as a UUID: strings parsed; everything else, or junk, {@link #NULL_UUID}.
     *
     * @return the value as a UUID: strings parsed; everything else, or junk, {@link #NULL_UUID}
     */
    default UUID asUuid() {
        return LlsdConversions.asUuid(this);
    }

    /**
     * Returns the value as an instant: strings parsed as ISO-8601; integers and reals as seconds since the epoch; everything else, or junk, the epoch.
     *
     * @return the value as an instant: strings parsed as ISO-8601; integers and reals as
     *     seconds since the epoch; everything else, or junk, the epoch
     */
    default Instant asDate() {
        return LlsdConversions.asDate(this);
    }

    /**
     * Returns the value as URI text: URIs and strings their text, everything else {@code ""}.
     *
     * @return the value as URI text: URIs and strings their text, everything else {@code ""}
     */
    default String asUri() {
        return LlsdConversions.asUri(this);
    }

    /**
     * Returns a copy of the bytes of a binary value; everything else an empty array.
     *
     * @return a copy of the bytes of a binary value; everything else an empty array
     */
    default byte[] asBinary() {
        return this instanceof Binary b ? b.value() : new byte[0];
    }

    /**
     * Returns the value for the key of a map, or undef if absent or this is not a map.
     *
     * @param key the key
     * @return the value for the key of a map, or undef if absent or this is not a map
     */
    default Llsd get(String key) {
        if (this instanceof Map m) {
            Llsd v = m.entries().get(key);
            return v == null ? Undef.INSTANCE : v;
        }
        return Undef.INSTANCE;
    }

    /**
     * Returns the element at the index of an array, or undef if out of range or not an array.
     *
     * @param index the index, from 0
     * @return the element at the index of an array, or undef if out of range or not an array
     */
    default Llsd get(int index) {
        if (this instanceof Array a && index >= 0 && index < a.elements().size()) {
            return a.elements().get(index);
        }
        return Undef.INSTANCE;
    }

    /**
     * Returns whether this is a map holding the key.
     *
     * @param key the key
     * @return whether this is a map holding the key
     */
    default boolean has(String key) {
        return this instanceof Map m && m.entries().containsKey(key);
    }

    /**
     * Returns the number of entries of a map or elements of an array; 0 for anything else.
     *
     * @return the number of entries of a map or elements of an array; 0 for anything else
     */
    default int size() {
        if (this instanceof Map m) {
            return m.entries().size();
        }
        if (this instanceof Array a) {
            return a.elements().size();
        }
        return 0;
    }

    /**
     * Returns the entries of a map, or an empty map for anything else.
     *
     * @return the entries of a map, or an empty map for anything else
     */
    default java.util.Map<String, Llsd> asMap() {
        return this instanceof Map m ? m.entries() : java.util.Map.of();
    }

    /**
     * Returns the elements of an array, or an empty list for anything else.
     *
     * @return the elements of an array, or an empty list for anything else
     */
    default List<Llsd> asList() {
        return this instanceof Array a ? a.elements() : List.of();
    }
}
