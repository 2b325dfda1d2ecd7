package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.ChatSessionMessage;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.EventStream;
import slnet.network.NetworkConfig;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;

/** {@code slnet connect --group-say}: a message said in a group's chat, and the group's chat printed. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConnectGroupSayTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private static final TestAccount BOB = TestAccount.of("Bob", "Tester", "bob-pw");
    private TestGrid grid;
    private UUID group;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).account(BOB).start();
        group = grid.grid().createGroup("Builders", List.of(ALICE.agentId(), BOB.agentId()));
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    @Test
    void groupSaySpeaksInTheGroupAndGroupChatIsPrinted() throws Exception {
        try (Client bob = Client.create(ClientConfig.builder().network(NetworkConfig.builder()
                .logoutOnShutdown(false).build()).build()); EventStream bobHeard = bob.events().events()) {
            bob.connect(LoginCredentials.of("Bob", "Tester", "bob-pw").withGrid(Grid.custom(grid.loginUri())));
            CompletableFuture<CliRun> running = new CompletableFuture<>();
            Thread.ofPlatform().name("cli").start(() -> running.complete(CliRun.connect("alice-pw",
                    "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester", "--group-say", "builders",
                    "hello from the CLI", "--stay", "4", "--json")));
            ChatSessionMessage heard = bobHeard.awaitEvent(ChatSessionMessage.class, java.time.Duration.ofSeconds(30));
            assertThat(heard.text()).isEqualTo("hello from the CLI");
            assertThat(heard.sessionName()).isEqualTo("Builders");
            bob.chatSessions().send(group, "hello back");

            CliRun run = running.get(60, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<Map<String, Object>> events = run.json();
            assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "group_sent")
                    .containsEntry("session_name", "Builders").containsEntry("text", "hello from the CLI"));
            assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "group_message")
                    .containsEntry("session_name", "Builders").containsEntry("from", "Bob Tester")
                    .containsEntry("text", "hello back"));
        }
    }

    @Test
    void anUnknownGroupIsAnErrorAndExitCode1() {
        CliRun run = CliRun.connect("alice-pw", "--login-uri", grid.loginUri().toString(), "--user", "Alice Tester",
                "--group-say", "Gardeners", "hi", "--stay", "1", "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json()).anySatisfy(e -> assertThat(e).containsEntry("event", "error")
                .hasEntrySatisfying("reason", r -> assertThat((String) r).contains("no group Gardeners")
                        .contains("Builders")));
    }
}
