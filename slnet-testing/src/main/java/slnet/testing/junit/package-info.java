/**
 * The embedded test grid for your own tests: a JUnit 5 extension that starts a whole grid on loopback
 * (login server, simulators, capability server), hands your test the login URI, accounts, simulators
 * and a connected {@link slnet.Client}, and fails the test if anything is left running afterwards. It is
 * to this protocol what OkHttp's MockWebServer is to HTTP: a real server that records what it received.
 *
 * <pre>{@code
 * @SlnetTestGrid(accounts = "Hello Bot")
 * class HelloBotTest {
 *     @Test
 *     void saysHello(Client client, TestAccount bot, Simulator simulator) throws Exception {
 *         client.chat().say("Hello!");
 *         simulator.awaitMessage(bot.agentId(), "ChatFromViewer", Duration.ofSeconds(10));
 *     }
 * }
 * }</pre>
 *
 * <p>{@link slnet.testing.junit.SlnetTestGrid} configures it (accounts, regions, per-class or per-test
 * grid); {@link slnet.testing.junit.SlnetTestGridExtension} lists what can be injected and how to
 * register it programmatically; {@link slnet.testing.junit.AsAccount} and
 * {@link slnet.testing.junit.InRegion} pick an account or region for one parameter.
 *
 * <p>Threading: JUnit drives the extension; the injected grid and clients are thread-safe as their
 * own documentation says. Ownership: the extension owns the grid and the clients it injected and
 * closes them; a test closes what it made itself.
 */
package slnet.testing.junit;
