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
    void badArgumentsAreUsageErrors() {
        assertThat(CliRun.run("grid", "--for", "0", "--account", "NoPassword").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("grid", "--for", "0", "--region", "Nowhere").exitCode()).isEqualTo(2);
    }
}
