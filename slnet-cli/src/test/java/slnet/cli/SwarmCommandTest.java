package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import slnet.cli.json.Json;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/** {@code slnet swarm} against the in-process test grid: a few dozen bots over loopback. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class SwarmCommandTest {
    private static final int BOTS = 24;
    private TestGrid grid;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().region("Alpha", 1000, 1000).region("Beta", 1002, 1000).loadAccounts(BOTS)
                .spawnScatter(60).start();
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    private CliRun swarm(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new SwarmCommand(env::get, Optional::empty, false));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    private String[] args(String... extra) {
        List<String> all = new java.util.ArrayList<>(List.of("--login-uri", grid.loginUri().toString(), "--ramp",
                "50", "--duration", "90", "--interval", "0.5", "--json"));
        all.addAll(List.of(extra));
        if (!all.contains("--hold")) {
            all.addAll(List.of("--hold", "1"));
        }
        return all.toArray(String[]::new);
    }

    private static final Map<String, String> PASSWORD = Map.of(LoginCommand.PASSWORD_ENV, TestGrid.LOAD_PASSWORD);

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> json(CliRun run) {
        return run.lines().stream().map(line -> {
            try {
                return (Map<String, Object>) Json.parse(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    private static Map<String, Object> summary(CliRun run) {
        List<Map<String, Object>> lines = json(run);
        assertThat(lines).isNotEmpty();
        Map<String, Object> last = lines.get(lines.size() - 1);
        assertThat(last).containsEntry("event", "summary");
        return last;
    }

    @Test
    void idleBotsAllConnectHoldAndLogOutWithASummary() {
        CliRun run = swarm(PASSWORD, args("--name-pattern", "Load Bot%d", "--count", String.valueOf(BOTS)));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> lines = json(run);
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty().allSatisfy(p -> assertThat(p)
                .containsEntry("event", "progress").containsKeys("t_ms", "launched", "connected", "online", "failed",
                        "failed_by_step", "lost", "rtt_ms_p50", "rtt_ms_p99", "packets_in_per_s", "packets_out_per_s"));
        Map<String, Object> summary = summary(run);
        assertThat(summary).containsEntry("launched", (long) BOTS).containsEntry("connected", (long) BOTS)
                .containsEntry("failed", 0L).containsEntry("lost", 0L).containsEntry("logged_out", (long) BOTS)
                .containsEntry("shard", "0/1").containsEntry("behaviour", "idle");
        for (String field : List.of("connect_ms_p50", "connect_ms_p90", "connect_ms_p99", "connect_ms_max")) {
            assertThat(summary.get(field)).as(field).isInstanceOf(Long.class);
            assertThat((Long) summary.get(field)).as(field).isPositive();
        }
        assertThat((Long) summary.get("connect_ms_p50")).isLessThanOrEqualTo((Long) summary.get("connect_ms_max"));
        assertThat(grid.simulator("Alpha").agents()).as("everyone logged out").isEmpty();
    }

    @Test
    void chattingBotsAreHeardByTheGrid() {
        CliRun run = swarm(PASSWORD, args("--name-pattern", "Load Bot%d", "--count", "8", "--behaviour", "chat",
                "--action-interval", "0.2", "--hold", "2"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> summary = summary(run);
        assertThat(summary).containsEntry("connected", 8L).containsEntry("behaviour", "chat");
        assertThat((Long) summary.get("actions")).isPositive();
        assertThat(grid.simulator("Alpha").receivedMessages()).anySatisfy(m ->
                assertThat(m.name()).isEqualTo("ChatFromViewer"));
    }

    @Test
    void walkingAndTeleportingBotsMoveWithoutLosses() {
        CliRun walk = swarm(PASSWORD, args("--name-pattern", "Load Bot%d", "--count", "4", "--behaviour", "walk",
                "--action-interval", "0.3", "--hold", "2"));
        assertThat(walk.exitCode()).as(walk.err()).isZero();
        assertThat((Long) summary(walk).get("actions")).isPositive();
        assertThat(summary(walk)).containsEntry("action_failures", 0L).containsEntry("lost", 0L);

        CliRun teleport = swarm(PASSWORD, args("--name-pattern", "Load Bot%d", "--count", "4", "--behaviour",
                "teleport", "--regions", "Alpha,Beta", "--action-interval", "0.5", "--hold", "3"));
        assertThat(teleport.exitCode()).as(teleport.err()).isZero();
        assertThat((Long) summary(teleport).get("actions")).isPositive();
        assertThat(summary(teleport)).containsEntry("action_failures", 0L).containsEntry("lost", 0L);
        assertThat(grid.simulator("Beta").receivedMessages()).anySatisfy(m ->
                assertThat(m.name()).isEqualTo("CompleteAgentMovement"));
    }

    @Test
    void aFailingAccountFailsTheRunUnlessWithinMaxFailures(@TempDir Path dir) throws Exception {
        Path accounts = dir.resolve("accounts.txt");
        Files.writeString(accounts, """
                # three bots, one with a wrong password
                Load Bot1 password
                Load Bot2 wrong-password

                Load Bot3 password
                """);
        CliRun strict = swarm(Map.of(), args("--accounts", accounts.toString()));
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(summary(strict)).containsEntry("launched", 3L).containsEntry("connected", 2L)
                .containsEntry("failed", 1L).containsEntry("failed_by_step", Map.of("login", 1L));
        assertThat(strict.out()).doesNotContain("wrong-password");

        CliRun tolerant = swarm(Map.of(), args("--accounts", accounts.toString(), "--max-failures", "1"));
        assertThat(tolerant.exitCode()).as(tolerant.err()).isZero();
        assertThat(summary(tolerant)).containsEntry("failed", 1L);
    }

    @Test
    void aShardLogsInOnlyItsSliceOfTheAccounts() {
        CliRun run = swarm(Map.of(LoginCommand.PASSWORD_ENV, TestGrid.LOAD_PASSWORD,
                SwarmShard.JOB_COMPLETION_INDEX, "1"), args("--name-pattern", "Load Bot%d", "--count", "9",
                "--shard", "auto/3"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(summary(run)).containsEntry("launched", 3L).containsEntry("connected", 3L)
                .containsEntry("shard", "1/3");
        assertThat(grid.loginServer().receivedLogins()).extracting(l -> l.params().get("first") + " "
                + l.params().get("last")).containsExactlyInAnyOrder("Load Bot4", "Load Bot5", "Load Bot6");
    }

    @Test
    void badInputIsRefusedWithExitTwo() {
        assertThat(swarm(Map.of(), args("--name-pattern", "Load Bot%d", "--count", "2")).exitCode())
                .as("no SLNET_PASSWORD").isEqualTo(2);
        assertThat(swarm(PASSWORD, args("--name-pattern", "Load Bot", "--count", "2")).exitCode())
                .as("unnumbered pattern").isEqualTo(2);
        assertThat(swarm(PASSWORD, args("--count", "2")).exitCode()).isEqualTo(2);
        assertThat(swarm(PASSWORD, args("--name-pattern", "Load Bot%d", "--count", "2", "--behaviour", "dance"))
                .exitCode()).isEqualTo(2);
        assertThat(swarm(PASSWORD, args("--name-pattern", "Load Bot%d", "--count", "2", "--behaviour", "teleport"))
                .exitCode()).as("teleport without --regions").isEqualTo(2);
        assertThat(swarm(PASSWORD, args("--name-pattern", "Load Bot%d", "--count", "2", "--shard", "3/3"))
                .exitCode()).isEqualTo(2);
        assertThat(grid.loginServer().receivedLogins()).isEmpty();
    }
}
