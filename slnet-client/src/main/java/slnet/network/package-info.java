/**
 * The network layer's status and events: {@link slnet.network.NetworkStatus} and its transition
 * table, {@link slnet.network.NetworkStatusTracker} which enforces it, the sealed
 * {@link slnet.network.NetworkEvent} family and {@link slnet.network.NetworkEventBus} which
 * broadcasts events to subscribers, and {@link slnet.network.NetworkManager}, which wires login,
 * transport, circuits, handlers and timers into one connection ({@link slnet.network.NetworkConfig},
 * {@link slnet.network.ReconnectPolicy} with its {@link slnet.network.Delay} strategy,
 * {@link slnet.network.ConnectException} naming the failed {@link slnet.network.ConnectStep},
 * {@link slnet.network.PacketTap} for traces, {@link slnet.network.RegionServices} as the seam for
 * capabilities, on by default as {@link slnet.network.RegionServices#capabilities()}, each region's
 * reachable through {@link slnet.network.RegionCapabilityAccess}).
 *
 * <h2>Many regions</h2>
 * Beside the primary circuit the manager keeps a child circuit per neighbour: {@code EnableSimulator}
 * opens one ({@code UseCircuitCode} and the {@code RegionHandshake} answer, no
 * {@code CompleteAgentMovement}; {@code CircuitConnected}), {@code EstablishAgentCommunication}
 * starts its region services, {@code DisableSimulator} or silence closes it ({@code CircuitLost});
 * losing a child never ends the session. A teleport ({@link slnet.network.NetworkManager#teleport},
 * {@code teleportToLandmark}, {@code regionHandle} for a name) and a crossing ({@code CrossedRegion})
 * move the primary circuit to the destination: its child circuit is promoted with
 * {@code CompleteAgentMovement}, or a new circuit runs the full handshake; on
 * {@code AgentMovementComplete} the primary switches, the destination's services start, and regions
 * that are no neighbours of it are closed. Events: {@link slnet.network.TeleportStarted},
 * {@link slnet.network.TeleportProgressed}, {@link slnet.network.TeleportFinished},
 * {@link slnet.network.TeleportFailed}, {@link slnet.network.RegionCrossed},
 * {@link slnet.network.CapabilitiesGranted}. Event-queue messages are traced with
 * {@link slnet.handler.MessagePath#EVENT_QUEUE} in {@link slnet.network.TracedPacket#path()}.
 *
 * <h2>Threading and ownership</h2>
 * <ul>
 *   <li>{@code NetworkStatusTracker} is lock-free: reads never block, changes are compare-and-set,
 *       and each change is published on the thread that made it.</li>
 *   <li>{@code NetworkEventBus} never blocks a publisher: each subscriber has a bounded buffer and
 *       its own delivery thread; a full buffer drops events for that subscriber only and counts
 *       them. The bus owns those threads and ends them on {@code close()}.</li>
 *   <li>Events are immutable records and safe to share between threads.</li>
 *   <li>{@code NetworkManager} is thread-safe and owns its socket, threads and timers until
 *       {@code close()}. Each circuit has its own dispatch thread (virtual), so handlers of one
 *       circuit run one at a time in arrival order; timers run on its scheduler. Each region's
 *       event queue has its own thread (see {@code slnet.caps}); its messages are dispatched there,
 *       so handlers may run concurrently for messages of different regions or paths. Region
 *       services start and stop on virtual threads, never on a dispatch thread.</li>
 * </ul>
 */
package slnet.network;
