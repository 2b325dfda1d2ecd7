package slnet.network;

import java.net.InetSocketAddress;
import java.util.UUID;
import slnet.handler.RegionView;

/**
 * The live view of the region at the other end of one circuit: filled in from the login reply
 * (handle), {@code RegionHandshake} (name, id) and {@code AgentMovementComplete} (handle).
 * Thread-safe: plain volatile fields, each written by the circuit's dispatch thread.
 */
final class RegionState implements RegionView {
    private final InetSocketAddress simulator;
    private volatile String name = "";
    private volatile long handle;
    private volatile UUID regionId;

    RegionState(InetSocketAddress simulator, long handle) {
        this.simulator = simulator;
        this.handle = handle;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long handle() {
        return handle;
    }

    InetSocketAddress simulator() {
        return simulator;
    }

    /** @return the region id from RegionHandshake, or null before it */
    UUID regionId() {
        return regionId;
    }

    void onHandshake(String regionName, UUID id) {
        name = regionName;
        regionId = id;
    }

    void onHandle(long regionHandle) {
        handle = regionHandle;
    }
}
