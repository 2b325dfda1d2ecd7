package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;

/** A process that exits while connected still logs its agent out (the JVM shutdown hook). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShutdownLogoutTest {

    @Test
    void aProcessExitingWhileConnectedSendsLogoutRequest() throws Exception {
        try (TestGrid grid = TestGrid.builder().account("Exit", "Early", "pw").start()) {
            TestAccount account = grid.account("Exit", "Early");
            runChild(grid);
            grid.simulator().awaitAgentGone(account.agentId(), Duration.ofSeconds(10));
            assertThat(grid.simulator().receivedMessages(account.agentId())).contains("LogoutRequest");
        }
    }

    @Test
    void withTheHookTurnedOffTheAgentIsLeftBehind() throws Exception {
        try (TestGrid grid = TestGrid.builder().account("Exit", "Early", "pw").start()) {
            TestAccount account = grid.account("Exit", "Early");
            runChild(grid, "no-hook");
            // a ghost: still in the region, and no LogoutRequest ever came
            assertThat(grid.simulator().agent(account.agentId())).isPresent();
            assertThat(grid.simulator().receivedMessages(account.agentId())).doesNotContain("LogoutRequest");
        }
    }

    private static void runChild(TestGrid grid, String... extra) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("java.class.path"), ShutdownLogoutMain.class.getName(),
                grid.loginUri().toString(), "Exit", "Early", "pw"));
        command.addAll(List.of(extra));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(child.waitFor(45, TimeUnit.SECONDS)).as("child exited").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("connected");
    }
}
