package slnet.caps;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The capabilities one region granted to the agent: name to URI. Immutable. {@link #toString()}
 * lists names only, since the URIs are secrets.
 *
 * <p>Kept compact, since every region of every bot holds a hundred or so: the sorted name list is
 * shared by every region that granted the same names (made of the shared instances of the well-known
 * names), and the URLs are held as one common prefix, one common tail and the parts that differ
 * between them. A capability URL differs from its siblings only in one UUID (Second Life's
 * {@code https://host:12043/cap/UUID}, OpenSimulator's {@code http://host:9000/CAPS/UUID/}): when
 * every differing part is a UUID it is kept as two longs, else as text. {@link #get(String)} makes the
 * {@link URI} when asked.
 */
public final class RegionCapabilities {
    private static final Map<String, String> WELL_KNOWN = new HashMap<>();

    static {
        for (String name : CapabilityNames.VIEWER_DEFAULTS) {
            WELL_KNOWN.put(name, name);
        }
    }

    /** Name lists in use, so that regions granting the same names share one array; bounded. */
    private static final Map<List<String>, String[]> NAME_LISTS = new ConcurrentHashMap<>();
    private static final int MAX_NAME_LISTS = 64;
    private static final long[] NO_UUIDS = new long[0];
    private static final int[] NO_ENDS = new int[0];

    private final URI seed;
    /** Sorted; the well-known ones are the shared constants; possibly shared with other instances. */
    private final String[] names;
    private final String prefix;
    private final String tail;
    /** The differing parts when each is a UUID: most and least significant bits of each, else empty. */
    private final long[] uuids;
    /** The differing parts as one text when they are not all UUIDs, else empty. */
    private final String middles;
    /** Where each name's part ends in {@link #middles}; empty when {@link #uuids} holds them. */
    private final int[] ends;

    /**
     * Copies the map.
     *
     * @param seed the seed capability they came from
     * @param byName capability name to URI
     */
    public RegionCapabilities(URI seed, Map<String, URI> byName) {
        this(seed, texts(byName), true);
    }

    private RegionCapabilities(URI seed, Map<String, String> urls, boolean sorted) {
        this.seed = Objects.requireNonNull(seed, "seed");
        TreeMap<String, String> byName = sorted && urls instanceof TreeMap<String, String> tree ? tree
                : new TreeMap<>(urls);
        int count = byName.size();
        String[] sortedNames = new String[count];
        String[] values = new String[count];
        int i = 0;
        for (Map.Entry<String, String> entry : byName.entrySet()) {
            sortedNames[i] = WELL_KNOWN.getOrDefault(entry.getKey(), entry.getKey());
            values[i] = Objects.requireNonNull(entry.getValue(), "URI of " + entry.getKey());
            i++;
        }
        this.names = shared(sortedNames);
        this.prefix = commonPrefix(values);
        this.tail = commonTail(values, prefix.length());
        long[] bits = new long[2 * count];
        for (int j = 0; j < count && bits != null; j++) {
            bits = uuidInto(values[j], prefix.length(), values[j].length() - tail.length(), bits, j);
        }
        if (bits != null) {
            this.uuids = bits;
            this.middles = "";
            this.ends = NO_ENDS;
        } else {
            StringBuilder rest = new StringBuilder();
            this.ends = new int[count];
            for (int j = 0; j < count; j++) {
                rest.append(values[j], prefix.length(), values[j].length() - tail.length());
                ends[j] = rest.length();
            }
            this.uuids = NO_UUIDS;
            this.middles = rest.toString();
        }
    }

    private static String[] shared(String[] sortedNames) {
        List<String> key = Arrays.asList(sortedNames);
        String[] known = NAME_LISTS.get(key);
        if (known != null) {
            return known;
        }
        if (NAME_LISTS.size() < MAX_NAME_LISTS) {
            known = NAME_LISTS.putIfAbsent(key, sortedNames);
        }
        return known != null ? known : sortedNames;
    }

    /** Puts the canonical (lower-case) UUID text in value[from, to) into bits, or returns null. */
    private static long[] uuidInto(String value, int from, int to, long[] bits, int index) {
        if (to - from != 36) {
            return null;
        }
        String text = value.substring(from, to);
        UUID uuid;
        try {
            uuid = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!uuid.toString().equals(text)) {
            return null;
        }
        bits[2 * index] = uuid.getMostSignificantBits();
        bits[2 * index + 1] = uuid.getLeastSignificantBits();
        return bits;
    }

    /** The longest tail every value shares after its first {@code after} characters. */
    private static String commonTail(String[] values, int after) {
        if (values.length < 2) {
            return "";
        }
        String first = values[0];
        int length = first.length() - after;
        for (String value : values) {
            length = Math.min(length, value.length() - after);
            for (int k = 1; k <= length; k++) {
                if (value.charAt(value.length() - k) != first.charAt(first.length() - k)) {
                    length = k - 1;
                    break;
                }
            }
        }
        return first.substring(first.length() - length);
    }

    /**
     * Makes the capabilities from URL texts, e.g. as a seed capability answered them.
     *
     * @param seed the seed capability they came from
     * @param urls capability name to URL text, each a valid URI
     * @return the capabilities
     */
    public static RegionCapabilities ofUrls(URI seed, Map<String, String> urls) {
        return new RegionCapabilities(seed, urls, false);
    }

    private static TreeMap<String, String> texts(Map<String, URI> byName) {
        TreeMap<String, String> texts = new TreeMap<>();
        byName.forEach((name, uri) -> texts.put(name, Objects.requireNonNull(uri, "URI of " + name).toString()));
        return texts;
    }

    private static String commonPrefix(String[] values) {
        if (values.length == 0) {
            return "";
        }
        String first = values[0];
        int length = first.length();
        for (String value : values) {
            length = Math.min(length, value.length());
            for (int k = 0; k < length; k++) {
                if (value.charAt(k) != first.charAt(k)) {
                    length = k;
                    break;
                }
            }
        }
        return first.substring(0, length);
    }

    /**
     * Returns the seed capability they came from.
     *
     * @return the seed capability they came from
     */
    public URI seed() {
        return seed;
    }

    /**
     * Returns the names granted, sorted.
     *
     * @return the names granted, sorted
     */
    public Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names)));
    }

    /**
     * Returns how many capabilities were granted.
     *
     * @return how many capabilities were granted
     */
    public int size() {
        return names.length;
    }

    /**
     * Returns capability name to URI, sorted by name: a new map on each call.
     *
     * @return capability name to URI, sorted by name: a new map on each call
     */
    public Map<String, URI> byName() {
        TreeMap<String, URI> map = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], URI.create(url(i)));
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * Finds a capability.
     *
     * @param name e.g. {@code EventQueueGet}
     * @return its URI, or empty if the region did not grant it
     */
    public Optional<URI> get(String name) {
        int i = Arrays.binarySearch(names, name);
        return i < 0 ? Optional.empty() : Optional.of(URI.create(url(i)));
    }

    /**
     * Returns whether the region granted the capability.
     *
     * @param name the name
     * @return whether the region granted the capability
     */
    public boolean has(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    private String url(int i) {
        String middle = uuids.length > 0 ? new UUID(uuids[2 * i], uuids[2 * i + 1]).toString()
                : middles.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
        return prefix + middle + tail;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RegionCapabilities that) || !seed.equals(that.seed)
                || !Arrays.equals(names, that.names)) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!url(i).equals(that.url(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(seed, Arrays.hashCode(names));
        for (int i = 0; i < names.length; i++) {
            hash = 31 * hash + url(i).hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return "RegionCapabilities[seed=" + CapabilityUris.redact(seed) + ", names=" + Arrays.toString(names) + "]";
    }
}
