package slnet.network;

import slnet.caps.CapabilityException;
import slnet.caps.RegionCapabilities;
import slnet.protocol.llsd.Llsd;

/**
 * One region's granted capabilities, callable while the region's services run. Thread-safe and
 * blocking: call it from a virtual thread, never from a handler of the UDP path.
 */
public interface RegionCapabilityAccess {

    /**
     * Returns what the region granted (names and URIs; the URIs are secrets, never log them).
     *
     * @return what the region granted (names and URIs; the URIs are secrets, never log them)
     */
    RegionCapabilities granted();

    /**
     * POSTs LLSD to a capability of this region and returns its answer.
     *
     * @param name the capability's name, e.g. {@code SimulatorFeatures}
     * @param body the request body
     * @return the parsed answer ({@code undef} for an empty one)
     * @throws CapabilityException if the region did not grant it, or the call failed
     * @throws InterruptedException if interrupted
     */
    Llsd post(String name, Llsd body) throws CapabilityException, InterruptedException;

    /**
     * GETs a capability of this region.
     *
     * @param name the capability's name
     * @return the parsed answer
     * @throws CapabilityException if the region did not grant it, or the call failed
     * @throws InterruptedException if interrupted
     */
    Llsd get(String name) throws CapabilityException, InterruptedException;

    /**
     * GETs a capability of this region without blocking (from a handler too): the request runs on
     * the HTTP client's executor.
     *
     * @param name the capability's name, e.g. {@code GetDisplayNames}
     * @param query the query string to append without its {@code ?} (e.g. {@code ids=...}), or empty
     * @return completes with the parsed answer, or fails with a {@link CapabilityException} (not
     *     granted, or the call failed)
     */
    default java.util.concurrent.CompletableFuture<Llsd> getAsync(String name, String query) {
        return java.util.concurrent.CompletableFuture.failedFuture(new CapabilityException(
                CapabilityException.Kind.HTTP_STATUS, 0, "asynchronous calls are not supported here", null));
    }
}
