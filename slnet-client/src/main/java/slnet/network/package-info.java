/**
 * The network layer's status and events: {@link slnet.network.NetworkStatus} and its transition
 * table, {@link slnet.network.NetworkStatusTracker} which enforces it, the sealed
 * {@link slnet.network.NetworkEvent} family and {@link slnet.network.NetworkEventBus} which
 * broadcasts events to subscribers. The network manager that wires transport, circuits, login and
 * capabilities together will live here too and publish through these types.
 *
 * <h2>Threading and ownership</h2>
 * <ul>
 *   <li>{@code NetworkStatusTracker} is lock-free: reads never block, changes are compare-and-set,
 *       and each change is published on the thread that made it.</li>
 *   <li>{@code NetworkEventBus} never blocks a publisher: each subscriber has a bounded buffer and
 *       its own delivery thread; a full buffer drops events for that subscriber only and counts
 *       them. The bus owns those threads and ends them on {@code close()}.</li>
 *   <li>Events are immutable records and safe to share between threads.</li>
 * </ul>
 */
package slnet.network;
