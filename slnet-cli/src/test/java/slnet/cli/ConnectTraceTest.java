package slnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import slnet.cli.json.Json;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketHeader;
import slnet.protocol.SharedCaptures;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/**
 * {@code slnet connect --trace} shows what the circuit tolerated and what it rejected, with bytes a
 * real OpenSimulator sent and bytes no simulator should send, over the test grid's real socket.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class ConnectTraceTest {
    private static final TestAccount ALICE = TestAccount.of("Alice", "Tester", "alice-pw");
    private TestGrid grid;

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

    private static byte[] withSequence(byte[] datagram, int sequence) {
        byte[] copy = datagram.clone();
        PacketHeader.setSequence(copy, 0, sequence);
        return copy;
    }

    /** Once Alice is in, the simulator sends an OpenSimulator IM and, four times, a chat cut short. */
    private Thread sendOddBytesOnArrival() throws Exception {
        CapturedDatagram im = SharedCaptures.openSim0922Inbound().stream()
                .filter(d -> d.messageName().equals("ImprovedInstantMessage")).findFirst().orElseThrow();
        ChatFromSimulator chat = new ChatFromSimulator(new ChatFromSimulator.ChatData(Bytes.ofString("Obj"),
                new UUID(9, 9), new UUID(0, 0), 2, 1, 1, new Vector3(1, 2, 3), Bytes.ofString("hello")));
        byte[] whole = new PacketCodec().encode(Packet.of(PacketHeader.RELIABLE, 1, Bytes.EMPTY, new int[0], chat));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 2);
        return Thread.ofVirtual().start(() -> {
            try {
                grid.simulator().awaitAgentInRegion(ALICE.agentId(), Duration.ofSeconds(20));
                grid.simulator().sendDatagram(ALICE.agentId(), withSequence(im.datagram(), 900_001));
                for (int i = 0; i < 4; i++) {
                    grid.simulator().sendDatagram(ALICE.agentId(), withSequence(cut, 900_100));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void jsonLinesShowToleratedAndRejectedPackets() throws Exception {
        Thread sender = sendOddBytesOnArrival();
        CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester", "--stay", "3",
                "--json", "--trace");
        sender.join();

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> events = run.json();
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "tolerated")
                .containsEntry("name", "ImprovedInstantMessage")
                .containsEntry("tolerated", List.of("missing trailing blocks"))
                .containsEntry("circuit", EventLines.address(grid.simulator().address())));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("event", "rejected")
                .containsEntry("name", "ChatFromSimulator").containsEntry("reason", "BAD_LENGTH")
                .containsEntry("count", 4L).containsKey("detail"));
        assertThat(events).noneSatisfy(e -> assertThat(e).containsEntry("event", "tolerated")
                .containsEntry("name", "RegionHandshake"));
    }

    @Test
    void textLinesSayHowOftenAPacketWasRejected() throws Exception {
        Thread sender = sendOddBytesOnArrival();
        CliRun run = connect("--login-uri", grid.loginUri().toString(), "--user", "Alice Tester", "--stay", "3",
                "--trace");
        sender.join();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tolerated ImprovedInstantMessage from ")
                .contains(": missing trailing blocks")
                .containsPattern("rejected ChatFromSimulator BAD_LENGTH from [^ ]+ \\(x1\\): ")
                .containsPattern("rejected ChatFromSimulator BAD_LENGTH from [^ ]+ \\(x4\\): ");
    }
}
