package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
import slnet.protocol.CaptureFile;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.DecodeMode;
import slnet.protocol.PacketCodec;
import slnet.protocol.messages.Messages;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/** {@code slnet connect --capture} against the test grid, the file read back as {@link CaptureFile} reads it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ConnectCaptureTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private TestGrid grid;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        grid = TestGrid.builder().account(ALICE).regionName("Testville").start();
    }

    @AfterEach
    void stop() {
        grid.close();
    }

    private CliRun connect(String... args) {
        return CliRun.connect("alice-pw", args);
    }

    @Test
    void capturesEveryDatagramBothWaysInTheSharedCaptureFormat() throws Exception {
        Path file = dir.resolve("session.txt");
        CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester", "--say", "hi",
                "--stay", "0", "--capture", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("# slnet capture by slnet connect, started ")
                .contains("login URI " + grid.loginUri());
        assertThat(lines.get(lines.size() - 1)).startsWith("# ended ").doesNotContain("dropped");
        assertThat(String.join("\n", lines)).doesNotContain("alice-pw");

        List<CapturedDatagram> all = CaptureFile.read(file);
        List<String> sent = all.stream().filter(CapturedDatagram::outbound).map(CapturedDatagram::messageName).toList();
        List<String> received = all.stream().filter(d -> !d.outbound()).map(CapturedDatagram::messageName).toList();
        assertThat(sent.get(0)).isEqualTo("UseCircuitCode");
        assertThat(sent).contains("CompleteAgentMovement", "ChatFromViewer", "LogoutRequest");
        assertThat(received).contains("RegionHandshake", "AgentMovementComplete", "ChatFromSimulator");

        List<CapturedDatagram> inbound = CaptureFile.readInbound(file);
        assertThat(inbound).hasSize(received.size());
        PacketCodec strict = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE, DecodeMode.STRICT);
        for (CapturedDatagram d : all) {
            assertThat(strict.decode(d.datagram(), 0, d.length()).message().descriptor().name())
                    .isEqualTo(d.messageName());
        }
    }

    @Test
    void anUnwritableCaptureIsAUsageError() {
        CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester", "--stay", "0",
                "--capture", dir.resolve("no/such/dir/x.txt").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--capture: cannot write");
    }

    @Test
    void loginUriSecretsAreLeftOutOfTheHeading() {
        assertThat(CaptureWriter.withoutSecrets(java.net.URI.create("https://user:pw@grid.example:8002/login?token=x#f")))
                .isEqualTo("https://grid.example:8002/login");
    }
}
