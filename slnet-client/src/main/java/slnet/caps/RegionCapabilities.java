package slnet.caps;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The capabilities one region granted to the agent: name to URI. Immutable. {@link #toString()}
 * lists names only, since the URIs are secrets.
 *
 * @param seed the seed capability they came from
 * @param byName capability name to URI
 */
public record RegionCapabilities(URI seed, Map<String, URI> byName) {

    /** Copies the map. */
    public RegionCapabilities {
        java.util.Objects.requireNonNull(seed, "seed");
        byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /**
     * Finds a capability.
     *
     * @param name e.g. {@code EventQueueGet}
     * @return its URI, or empty if the region did not grant it
     */
    public Optional<URI> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return whether the region granted the capability */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    @Override
    public String toString() {
        return "RegionCapabilities[seed=" + CapabilityUris.redact(seed) + ", names=" + byName.keySet() + "]";
    }
}
