/**
 * The slnet client facade: the types a user of the library holds, and the place to start writing a
 * bot.
 *
 * <h2>A bot in four steps</h2>
 * <ol>
 *   <li><b>Create a client.</b> {@link slnet.Client#create()} gives one that owns its threads and
 *       socket; for many bots in one process, pass every client the same
 *       {@link slnet.network.ClientResources} through {@code NetworkConfig.resources(...)}.</li>
 *   <li><b>Listen before connecting</b>, so that nothing said on arrival is missed. Events are
 *       {@link slnet.network.NetworkEvent}s: subscribe a listener (it runs on a delivery thread of
 *       its own) or open a pull-style {@link slnet.network.EventStream}.</li>
 *   <li><b>Connect</b> with {@link slnet.login.LoginCredentials} and a {@link slnet.login.Grid}:
 *       {@code connect} blocks until the agent is in its region or a
 *       {@link slnet.network.ConnectException} names the step that failed.</li>
 *   <li><b>Act</b> through the facades, and {@code close()} the client at the end: it logs out
 *       (a bounded wait for the simulator's reply) and leaves no thread, timer or socket.</li>
 * </ol>
 * <pre>{@code
 * try (Client bot = Client.create()) {
 *     bot.events().subscribe(event -> {
 *         if (event instanceof ChatReceived chat && chat.message().text().equals("come here")) {
 *             bot.movement().moveTo(chat.message().position());
 *         }
 *     });
 *     bot.connect(LoginCredentials.of("Greeter", "Bot", password).withGrid(Grid.SECOND_LIFE));
 *     bot.chat().say("Hello!");
 *     Thread.sleep(Duration.ofMinutes(10));
 * }
 * }</pre>
 *
 * <h2>What a client can do</h2>
 * <ul>
 *   <li>Talk: {@link slnet.Chat} (local chat, any channel), {@link slnet.InstantMessages},
 *       {@link slnet.ChatSessions} (group chat and conferences, joined at login).</li>
 *   <li>Move: {@link slnet.Movement} (controls, facing, the {@code moveTo} autopilot, sitting);
 *       teleports through {@link slnet.Client#teleport(String, slnet.protocol.types.Vector3,
 *       slnet.protocol.types.Vector3)}; a {@link slnet.RestartPolicy} for region restarts.</li>
 *   <li>Deal with scripts and people: {@link slnet.Scripts} (touch, dialogs, permissions),
 *       {@link slnet.Friends}, {@link slnet.Lures}, {@link slnet.InventoryOffers},
 *       {@link slnet.GroupInvitations}.</li>
 *   <li>See: {@code world()}, {@code avatars()}, {@code names()} and {@code surroundings()}
 *       ({@code slnet.world}, {@code slnet.names}).</li>
 *   <li>Go below the facades: {@code handlers()} registers typed packet handlers
 *       ({@code slnet.handler}, which explains how to write one), and {@code network()} is the
 *       network manager with its status machine and circuits.</li>
 * </ul>
 *
 * <h2>Threading and ownership</h2>
 * {@code Client} is thread-safe; {@code connect} and {@code disconnect} block, their async forms do
 * not. Domain objects are immutable records holding no packets; events are records too, named in the
 * past tense. Futures returned by the facades complete on the client's network threads: do not block
 * in their callbacks. A client owns its network manager (socket, threads, timers) and releases them
 * all in {@code close()}; a client on shared resources closes only what is its own.
 */
package slnet;
