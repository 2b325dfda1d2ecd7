package slnet.login.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import slnet.login.HomeLocation;
import slnet.login.LocalVector;

/**
 * Parses the narrow notation the login reply uses for {@code home} and {@code look_at}:
 * {@code {'region_handle':[r256000,r256000], 'position':[r128,r128,r20], 'look_at':[r1,r0,r0]}}
 * and {@code [r0.9, r0.1, r0]}. Anything else is rejected (empty result), never thrown.
 */
public final class HomeNotationParser {

    private static final int MAX_CHARS = 4096;

    private HomeNotationParser() {
    }

    /**
     * Parses a {@code home} entry.
     *
     * @param text the entry
     * @return the home, or empty if the text is not the expected shape
     */
    public static Optional<HomeLocation> parseHome(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        String s = text.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return Optional.empty();
        }
        Map<String, List<Double>> entries = new HashMap<>();
        int i = 1;
        int end = s.length() - 1;
        while (i < end) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (c != '\'' && c != '"') {
                return Optional.empty();
            }
            int close = s.indexOf(c, i + 1);
            if (close < 0) {
                return Optional.empty();
            }
            String key = s.substring(i + 1, close);
            int colon = s.indexOf(':', close);
            int open = s.indexOf('[', close);
            int shut = s.indexOf(']', close);
            if (colon < 0 || open < colon || shut < open || !s.substring(close + 1, colon).isBlank()
                    || !s.substring(colon + 1, open).isBlank()) {
                return Optional.empty();
            }
            Optional<List<Double>> numbers = parseNumbers(s.substring(open + 1, shut));
            if (numbers.isEmpty()) {
                return Optional.empty();
            }
            entries.put(key, numbers.get());
            i = shut + 1;
        }
        List<Double> handle = entries.get("region_handle");
        List<Double> position = entries.get("position");
        if (handle == null || handle.size() != 2 || position == null || position.size() != 3) {
            return Optional.empty();
        }
        List<Double> lookAt = entries.getOrDefault("look_at", List.of(0d, 0d, 0d));
        if (lookAt.size() != 3) {
            return Optional.empty();
        }
        long x = (long) handle.get(0).doubleValue();
        long y = (long) handle.get(1).doubleValue();
        if (x < 0 || y < 0 || x > 0xFFFF_FFFFL || y > 0xFFFF_FFFFL) {
            return Optional.empty();
        }
        return Optional.of(new HomeLocation((x << 32) | y, vector(position), vector(lookAt)));
    }

    /**
     * Parses a vector like {@code [r0.9, r0.1, r0]}.
     *
     * @param text the text
     * @return the vector, or empty if it is not three numbers in brackets
     */
    public static Optional<LocalVector> parseVector(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        String s = text.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            return Optional.empty();
        }
        return parseNumbers(s.substring(1, s.length() - 1))
                .filter(n -> n.size() == 3)
                .map(HomeNotationParser::vector);
    }

    private static LocalVector vector(List<Double> n) {
        return new LocalVector(n.get(0), n.get(1), n.get(2));
    }

    private static Optional<List<Double>> parseNumbers(String inner) {
        List<Double> out = new ArrayList<>(3);
        for (String part : inner.split(",", 8)) {
            String p = part.strip();
            if (p.startsWith("r") || p.startsWith("i")) {
                p = p.substring(1);
            }
            try {
                double d = Double.parseDouble(p);
                if (!Double.isFinite(d) || p.isEmpty() || !Character.isDigit(p.charAt(p.length() - 1))) {
                    return Optional.empty();
                }
                out.add(d);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
