package slnet.network;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A region's seed capability answered: its capabilities are known and its event queue polls.
 * Carries names only; the URIs are secrets.
 *
 * @param simulator the region's simulator
 * @param names the capabilities granted
 * @param at when
 */
public record CapabilitiesGranted(InetSocketAddress simulator, Set<String> names, Instant at)
        implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null and copies the names. */
    public CapabilitiesGranted {
        Objects.requireNonNull(simulator, "simulator");
        names = Set.copyOf(names);
        Objects.requireNonNull(at, "at");
    }
}
