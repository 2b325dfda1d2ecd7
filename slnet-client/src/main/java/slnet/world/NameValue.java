package slnet.world;

import java.util.ArrayList;
import java.util.List;

/**
 * One name-value pair of an object ({@code NameValue} field): one line
 * {@code NAME TYPE CLASS SENDTO VALUE}, e.g. {@code FirstName STRING RW SV Alice}. Avatars carry
 * their names this way.
 *
 * @param name the pair's name
 * @param type e.g. {@code STRING}, {@code F32}, {@code S32}, {@code VEC3}, {@code U32}, {@code ASSET}
 * @param access e.g. {@code R}, {@code RW}
 * @param sendTo e.g. {@code S}, {@code DS}, {@code SV}
 * @param value the rest of the line
 */
public record NameValue(String name, String type, String access, String sendTo, String value) {
    /** At most this many pairs are kept from one field; the rest are ignored. */
    public static final int MAX_PAIRS = 64;

    /**
     * Parses the field's text (lines separated by {@code \n}); a line with fewer than five parts
     * keeps what it has, with empty strings for the rest.
     *
     * @param text the field's text, NUL already stripped
     * @return the pairs, at most {@link #MAX_PAIRS}
     */
    public static List<NameValue> parseList(String text) {
        List<NameValue> pairs = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (pairs.size() >= MAX_PAIRS) {
                break;
            }
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("[ \t]+", 5);
            pairs.add(new NameValue(parts[0], part(parts, 1), part(parts, 2), part(parts, 3), part(parts, 4)));
        }
        return List.copyOf(pairs);
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }
}
