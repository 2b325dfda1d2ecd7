/**
 * An embedded test grid: login and capability HTTP servers and simulators on loopback that speak
 * the real wire format, with fault switches, so a bot (or the whole client stack) can be tested
 * offline, the way MockWebServer tests an HTTP client.
 *
 * <h2>Using it in a test</h2>
 * Start a grid with the accounts and regions the test needs, point a client at its login URI, and
 * assert on what the client heard and on what the simulators received:
 * <pre>{@code
 * try (TestGrid grid = TestGrid.builder().account("Alice", "Tester", "pw").region("Alpha", 1000, 1000).start();
 *      Client bot = Client.create()) {
 *     bot.connect(LoginCredentials.of("Alice", "Tester", "pw").withGrid(Grid.custom(grid.loginUri())));
 *     bot.chat().say("hello");
 *     grid.simulator().awaitMessage(bot.agentId().orElseThrow(), "ChatFromViewer", Duration.ofSeconds(5));
 * }
 * }</pre>
 * With JUnit 5, {@code slnet-testing}'s {@code @SlnetTestGrid} does the starting, injecting and
 * closing for you.
 *
 * <h2>What it offers</h2>
 * <ul>
 *   <li>Accounts ({@link slnet.testgrid.TestAccount}, thousands with {@code loadAccounts}), regions
 *       side by side or far apart, teleports, crossings and neighbours.</li>
 *   <li>Fault switches: login failures ({@code loginServer().setFault}), kicks, a simulator killed
 *       abruptly, event-queue polls failed, LogoutReply withheld, region restarts.</li>
 *   <li>A world: objects ({@link slnet.testgrid.sim.SimObjects}: scripted dialogs, permission
 *       requests, sit targets), walking physics, friends, groups and their chat, lures, offers.</li>
 *   <li>Records: every message a simulator received ({@code receivedMessages},
 *       {@code awaitMessage}), every login and capability request.</li>
 * </ul>
 *
 * <h2>Threading and ownership</h2>
 * {@link slnet.testgrid.TestGrid} is the facade: it starts a {@link slnet.testgrid.LoginServer},
 * one {@link slnet.testgrid.sim.Simulator} per region admitting exactly the circuit codes the login
 * server issued, and a {@link slnet.testgrid.caps.CapsServer} serving each agent's seed capability
 * and event queue per region. Servers are thread-safe, own their sockets and worker threads, and
 * are {@code AutoCloseable} with idempotent {@code close()}; records here are immutable.
 */
package slnet.testgrid;
