/**
 * The slnet client facade: the types a user of the library holds. {@link slnet.Client} connects,
 * chats ({@link slnet.Chat}), sends instant messages ({@link slnet.InstantMessages}), follows the
 * region ({@link slnet.RegionInfo}) and its own avatar ({@link slnet.AgentPosition}), and publishes
 * what it hears as events ({@link slnet.ChatReceived}, {@link slnet.ImReceived},
 * {@link slnet.AgentMoved}) next to the network events of {@code slnet.network}.
 *
 * <h2>Threading and ownership</h2>
 * {@code Client} is thread-safe; {@code connect} and {@code disconnect} block, their async forms do
 * not. Domain objects are immutable records holding no packets. A client owns its network manager
 * (socket, threads, timers) and releases them all in {@code close()}.
 */
package slnet;
