/**
 * The network layer's status and events: {@link slnet.network.NetworkStatus} and its transition
 * table, {@link slnet.network.NetworkStatusTracker} which enforces it, the sealed
 * {@link slnet.network.NetworkEvent} family and {@link slnet.network.NetworkEventBus} which
 * broadcasts events to subscribers, and {@link slnet.network.NetworkManager}, which wires login,
 * transport, circuits, handlers and timers into one connection ({@link slnet.network.NetworkConfig},
 * {@link slnet.network.ReconnectPolicy} with its {@link slnet.network.Delay} strategy,
 * {@link slnet.network.ConnectException} naming the failed {@link slnet.network.ConnectStep},
 * {@link slnet.network.PacketTap} for traces, {@link slnet.network.RegionServices} as the seam for
 * capabilities).
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
 *       circuit run one at a time in arrival order; timers run on its scheduler.</li>
 * </ul>
 */
package slnet.network;
