package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import slnet.Client;
import slnet.ClientConfig;
import slnet.ImReceived;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.EventStream;
import slnet.network.NetworkConfig;
import slnet.cli.json.Json;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/**
 * {@code slnet connect --im} between two avatars on the test grid: the CLI finds Bob by name and
 * messages him; Bob, a library client, answers, and the CLI prints the answer as an {@code im} event.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ConnectImTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private static final TestAccount BOB = TestAccount.of("Bob", "Tester", "bob-pw");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private TestGrid grid;
    private Client bob;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).account(BOB).regionName("Testville").start();
        bob = Client.create(ClientConfig.builder().network(NetworkConfig.builder().logoutOnShutdown(false).build())
                .build());
        bob.connect(LoginCredentials.of("Bob", "Tester", "bob-pw").withGrid(Grid.custom(grid.loginUri())));
    }

    @AfterEach
    void stop() {
        bob.close();
        grid.close();
    }

    private CliRun connect(String... args) {
        return CliRun.connect("alice-pw", args);
    }

    @Test
    void sendsAnImByNameAndPrintsTheAnswer() throws Exception {
        try (EventStream bobsEvents = bob.events().events()) {
            // Bob answers each IM at once, so the answer arrives while the CLI stays.
            var answering = bob.events().subscribe(event -> {
                if (event instanceof ImReceived received) {
                    bob.ims().send(received.message().fromId(), "got: " + received.message().text());
                }
            });
            CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                    "--im", "bob tester", "hello Bob", "--stay", "4", "--json");
            answering.close();

            assertThat(run.exitCode()).as(run.err()).isZero();
            ImReceived received = bobsEvents.awaitEvent(ImReceived.class, WAIT);
            assertThat(received.message().text()).isEqualTo("hello Bob");
            assertThat(received.message().fromId()).isEqualTo(ALICE.agentId());
            List<Map<String, Object>> events = run.json();
            assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "im_sent")
                    .containsEntry("to", "Bob Tester").containsEntry("target", BOB.agentId().toString())
                    .containsEntry("text", "hello Bob"));
            assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "im")
                    .containsEntry("from", "Bob Tester").containsEntry("source", BOB.agentId().toString())
                    .containsEntry("text", "got: hello Bob").containsKey("t_ms"));
        }
    }

    @Test
    void textLinesByDefault() {
        CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--im", "Bob Tester", "hi", "--stay", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("] im to Bob Tester: hi");
    }

    @Test
    void anUnknownNameFailsAndLogsOut() {
        CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--im", "Nobody Here", "hello", "--stay", "0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--im: no avatar named Nobody Here");
        assertThat(run.out()).contains("disconnected: logged out");
    }

    @Test
    void anEmptyTextIsAUsageError() {
        CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester", "--im", "Bob", "");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
