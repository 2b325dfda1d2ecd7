package slnet.network;

/**
 * Sees every UDP packet a {@link NetworkManager} sends or receives, e.g. for a packet trace.
 * Called on the network threads (the transport's receive thread, or whichever thread sends), so it
 * must be quick and must not block; an exception it throws is logged and ignored. Costs nothing
 * when none is configured.
 */
@FunctionalInterface
public interface PacketTap {
    /**
     * Takes one packet's summary.
     *
     * @param packet the packet
     */
    void onPacket(TracedPacket packet);
}
