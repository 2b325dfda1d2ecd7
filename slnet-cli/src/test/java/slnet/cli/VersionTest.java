package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code slnet --version} names the version and the commit the tool was built from. */
class VersionTest {
    @Test
    void theVersionLineHasTheVersionAndTheCommit() {
        CliRun run = CliRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip())
                .matches("slnet \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\((commit [0-9a-f]{7,40}|unknown commit), Java \\d+\\)");
        // Every command answers -V the same way (the option is inherited).
        assertThat(CliRun.run("connect", "-V").out()).isEqualTo(run.out());
    }
}
