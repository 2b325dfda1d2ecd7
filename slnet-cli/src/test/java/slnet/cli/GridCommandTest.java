package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GridCommandTest {

    @Test
    void servesTheGridAndStops() {
        CliRun run = CliRun.run("grid", "--for", "0", "--account", "Ann Example:pw", "--region", "Solo@1000,1000");
        assertThat(run.exitCode()).isZero();
        assertThat(String.join("\n", run.lines())).contains("login URI: http://127.0.0.1:", "region Solo at 127.0.0.1:",
                "account \"Ann Example\"", "test grid stopping").doesNotContain("pw\"");
    }

    @Test
    void loadAccountsAreSummedUpInOneLineAndTheLoginUriStaysFindable() {
        CliRun run = CliRun.run("grid", "--for", "0", "--accounts", "500", "--spawn-scatter", "50");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSizeLessThan(12)
                .anySatisfy(line -> assertThat(line).matches("test grid up; login URI: http://127\\.0\\.0\\.1:\\d+/\\S*"))
                .contains("  accounts \"Load Bot1\" to \"Load Bot500\", password \"password\"",
                        "  account \"Test User\"");
    }

    @Test
    void anOlderSimulatorIsSaidOnALineOfItsOwn() {
        CliRun run = CliRun.run("grid", "--for", "0", "--old-simulator");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).contains("as OpenSimulator 0.9 does"));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(CliRun.run("grid", "--for", "0", "--accounts", "-1").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("grid", "--for", "0", "--spawn-scatter", "300").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("grid", "--for", "0", "--account", "NoPassword").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("grid", "--for", "0", "--region", "Nowhere").exitCode()).isEqualTo(2);
    }
}
