package slnet.caps;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The capabilities one region granted to the agent: name to URI. Immutable. {@link #toString()}
 * lists names only, since the URIs are secrets.
 *
 * <p>Kept compact, since every region of every bot holds a hundred or so: the names are shared
 * instances of the well-known names, and the URLs are held as one common prefix and one string of
 * the parts that differ (a Second Life capability URL differs from its siblings only in its last
 * UUID). {@link #get(String)} makes the {@link URI} when asked.
 */
public final class RegionCapabilities {
    private static final Map<String, String> WELL_KNOWN = new HashMap<>();

    static {
        for (String name : CapabilityNames.VIEWER_DEFAULTS) {
            WELL_KNOWN.put(name, name);
        }
    }

    private final URI seed;
    /** Sorted; the well-known ones are the shared constants. */
    private final String[] names;
    private final String prefix;
    private final String suffixes;
    /** Where each name's suffix ends in {@link #suffixes}. */
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
        this.names = new String[count];
        String[] values = new String[count];
        int i = 0;
        for (Map.Entry<String, String> entry : byName.entrySet()) {
            names[i] = WELL_KNOWN.getOrDefault(entry.getKey(), entry.getKey());
            values[i] = Objects.requireNonNull(entry.getValue(), "URI of " + entry.getKey());
            i++;
        }
        this.prefix = commonPrefix(values);
        StringBuilder rest = new StringBuilder();
        this.ends = new int[count];
        for (int j = 0; j < count; j++) {
            rest.append(values[j], prefix.length(), values[j].length());
            ends[j] = rest.length();
        }
        this.suffixes = rest.toString();
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

    /** @return the seed capability they came from */
    public URI seed() {
        return seed;
    }

    /** @return the names granted, sorted */
    public Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names)));
    }

    /** @return how many capabilities were granted */
    public int size() {
        return names.length;
    }

    /** @return capability name to URI, sorted by name: a new map on each call */
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

    /** @return whether the region granted the capability */
    public boolean has(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    private String url(int i) {
        return prefix + suffixes.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegionCapabilities that && seed.equals(that.seed) && Arrays.equals(names, that.names)
                && prefix.equals(that.prefix) && suffixes.equals(that.suffixes) && Arrays.equals(ends, that.ends);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, Arrays.hashCode(names), suffixes);
    }

    @Override
    public String toString() {
        return "RegionCapabilities[seed=" + CapabilityUris.redact(seed) + ", names=" + Arrays.toString(names) + "]";
    }
}
