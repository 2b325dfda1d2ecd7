package slnet.internal.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import slnet.circuit.Circuit;
import slnet.circuit.CircuitConfig;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.login.LoginException;
import slnet.network.NetworkEvent;
import slnet.network.NetworkEventBus;
import slnet.network.TeleportFailed;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.types.Bytes;
import slnet.time.ManualScheduler;

/**
 * The flight-recorder events, recorded where the moments happen (a circuit giving up a packet, a
 * login refused by a closed port, the events a client publishes), dumped to a file and read back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlightRecorderEventsTest {
    private static final InetSocketAddress SIM = new InetSocketAddress("127.0.0.1", 9000);

    @TempDir
    Path dir;

    @Test
    void aPacketGivenUpAfterItsLastResendIsRecorded() throws IOException {
        List<RecordedEvent> events = record(() -> {
            ManualScheduler scheduler = new ManualScheduler();
            Circuit circuit = Circuit.builder(SIM, (d, off, len, to) -> { }, scheduler)
                    .config(CircuitConfig.defaults()).eventExecutor(Runnable::run).open();
            try {
                circuit.sendReliable(new ChatFromViewer(new ChatFromViewer.AgentData(new UUID(1, 2), new UUID(3, 4)),
                        new ChatFromViewer.ChatData(Bytes.ofString("hello"), 1, 0)));
                scheduler.advance(Duration.ofSeconds(16)); // 1 + 2 + 4 + 8 s of resends, then given up
            } finally {
                circuit.close();
            }
        });
        RecordedEvent lost = only(events, "slnet.PacketLost");
        assertThat(lost.getString("peer")).isEqualTo("127.0.0.1:9000");
        assertThat(lost.getString("role")).isEqualTo("CLIENT");
        assertThat(lost.getString("message")).isEqualTo("ChatFromViewer");
        assertThat(lost.getInt("sequence")).isEqualTo(1);
        assertThat(lost.getInt("transmissions")).isEqualTo(4);
    }

    @Test
    void aFailedLoginIsRecordedWithoutItsSecrets() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI login = URI.create("http://user:pw@127.0.0.1:" + closedPort + "/login?token=querysecret");
        List<RecordedEvent> events = record(() -> {
            try (AuthenticationService auth = AuthenticationService.builder().build()) {
                assertThatThrownBy(() -> auth.login(LoginCredentials.of("Flight", "Recorder", "hunter2")
                        .withGrid(Grid.custom(login)))).isInstanceOf(LoginException.class);
            }
        });
        RecordedEvent failed = only(events, "slnet.LoginFailed");
        assertThat(failed.getString("account")).isEqualTo("Flight Recorder");
        assertThat(failed.getString("loginHost")).isEqualTo("127.0.0.1:" + closedPort);
        assertThat(failed.getString("failure")).isNotBlank();
        assertThat(failed.getDuration("elapsed")).isPositive();
        assertThat(failed.toString()).doesNotContain("hunter2", "querysecret", "user:pw");
    }

    @Test
    void circuitLostPacketRejectedAndTeleportFailedAreRecordedAsTheClientPublishesThem() throws IOException {
        List<RecordedEvent> events = record(() -> {
            try (NetworkEventBus bus = new NetworkEventBus()) {
                Instant now = Instant.now();
                bus.publish(new NetworkEvent.CircuitLost(SIM, "no packets from the simulator for 60000 ms", now));
                bus.publish(new NetworkEvent.PacketRejected(SIM, "ChatFromSimulator", "BAD_LENGTH",
                        "field ends past the packet at offset 40", 4, now));
                bus.publish(new TeleportFailed("no such region", now));
                bus.publish(new NetworkEvent.CircuitConnected(SIM, now)); // not a rare moment: not recorded
            }
        });
        assertThat(events).extracting(e -> e.getEventType().getName())
                .containsExactlyInAnyOrder("slnet.CircuitLost", "slnet.PacketRejected", "slnet.TeleportFailed");
        RecordedEvent lost = only(events, "slnet.CircuitLost");
        assertThat(lost.getString("simulator")).isEqualTo("127.0.0.1:9000");
        assertThat(lost.getString("reason")).contains("no packets");
        RecordedEvent rejected = only(events, "slnet.PacketRejected");
        assertThat(rejected.getString("message")).isEqualTo("ChatFromSimulator");
        assertThat(rejected.getString("reason")).isEqualTo("BAD_LENGTH");
        assertThat(rejected.getLong("count")).isEqualTo(4);
        assertThat(only(events, "slnet.TeleportFailed").getString("reason")).isEqualTo("no such region");
    }

    @Test
    void nothingIsRecordedWhenNoRecordingWantsIt() {
        // Built and checked, never committed: must not throw, whatever is null.
        FlightEvents.circuitLost(SIM, "r");
        FlightEvents.packetLost(SIM, "VIEWER", "m", 1, 4);
        FlightEvents.packetRejected(null, "?", "r", "d", 1);
        FlightEvents.loginFailed("a b", null, "NETWORK", null, null);
        FlightEvents.teleportFailed("r");
    }

    /** Runs {@code action} under a recording of the slnet events only, and reads back what it recorded. */
    private List<RecordedEvent> record(ThrowingRunnable action) throws IOException {
        Path file = dir.resolve("slnet-" + UUID.randomUUID() + ".jfr");
        try (Recording recording = new Recording()) {
            for (String name : List.of("slnet.CircuitLost", "slnet.PacketLost", "slnet.PacketRejected",
                    "slnet.LoginFailed", "slnet.TeleportFailed")) {
                recording.enable(name);
            }
            recording.start();
            try {
                action.run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            recording.stop();
            recording.dump(file);
        }
        assertThat(Files.size(file)).isPositive();
        // Other tests in this JVM may emit slnet events meanwhile: keep only this test's.
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("slnet."))
                .filter(e -> e.getThread() == null || e.getThread().getJavaThreadId() == Thread.currentThread().threadId())
                .toList();
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> matching = events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
        assertThat(matching).as(name).hasSize(1);
        return matching.get(0);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
