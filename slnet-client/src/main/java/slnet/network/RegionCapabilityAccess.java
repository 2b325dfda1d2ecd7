package slnet.network;

import slnet.caps.CapabilityException;
import slnet.caps.RegionCapabilities;
import slnet.protocol.llsd.Llsd;

/**
 * One region's granted capabilities, callable while the region's services run. Thread-safe and
 * blocking: call it from a virtual thread, never from a handler of the UDP path.
 */
public interface RegionCapabilityAccess {

    /** @return what the region granted (names and URIs; the URIs are secrets, never log them) */
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
}
