package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.ChatReceived;
import slnet.Client;
import slnet.circuit.CircuitStats;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketHeader;
import slnet.protocol.SharedCaptures;
import slnet.protocol.messages.ImprovedInstantMessage;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/**
 * Bytes a real simulator wrote, and bytes no simulator should write, reach a connected client over
 * its real socket: the first are read as the official viewer reads them, the second are rejected
 * visibly without harming the session.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class RealSimulatorBytesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestGrid grid;
    private Client alice;
    private Client bob;
    private UUID aliceId;

    @BeforeEach
    void start() throws Exception {
        grid = E2e.grid();
        alice = E2e.client();
        bob = E2e.client();
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        aliceId = alice.agentId().orElseThrow();
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        grid.close();
    }

    /** Gives a captured datagram a sequence number this circuit has not seen, so it is no duplicate. */
    private static byte[] withSequence(byte[] datagram, int sequence) {
        byte[] copy = datagram.clone();
        PacketHeader.setSequence(copy, 0, sequence);
        return copy;
    }

    @Test
    void anInstantMessageAsOpenSimulatorSendsItArrivesAndIsCountedAsTolerated() throws Exception {
        CapturedDatagram captured = SharedCaptures.openSim0922Inbound().stream()
                .filter(d -> d.messageName().equals("ImprovedInstantMessage")).findFirst().orElseThrow();
        CompletableFuture<ImprovedInstantMessage> seen = new CompletableFuture<>();
        alice.handlers().register(ImprovedInstantMessage.class, (m, c) -> seen.complete(m));

        grid.simulator().sendDatagram(aliceId, withSequence(captured.datagram(), 900_001));

        ImprovedInstantMessage im = seen.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(im.metaData()).isEmpty();
        assertThat(im.messageBlock().message().length()).isPositive();
        CircuitStats stats = alice.stats().primaryCircuit().orElseThrow();
        assertThat(stats.tolerated().missingTrailingBlocks()).isEqualTo(1);
        assertThat(stats.malformedDropped()).isZero();
    }

    @Test
    void aPacketThatCannotBeReadIsRejectedVisiblyAndTheSessionGoesOn() throws Exception {
        ChatFromSimulator chat = new ChatFromSimulator(new ChatFromSimulator.ChatData(Bytes.ofString("Obj"),
                new UUID(9, 9), new UUID(0, 0), 2, 1, 1, new Vector3(1, 2, 3), Bytes.ofString("hello")));
        byte[] whole = new PacketCodec().encode(slnet.protocol.Packet.of(PacketHeader.RELIABLE, 1, Bytes.EMPTY,
                new int[0], chat));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 2); // the text's length says 6, 4 remain
        try (EventStream events = alice.events().events()) {
            for (int i = 0; i < 3; i++) {
                grid.simulator().sendDatagram(aliceId, withSequence(cut, 900_100)); // as a simulator resends it
            }
            NetworkEvent.PacketRejected first = events.awaitEvent(NetworkEvent.PacketRejected.class, WAIT);
            NetworkEvent.PacketRejected second = events.awaitEvent(NetworkEvent.PacketRejected.class, WAIT);
            assertThat(first.messageName()).isEqualTo("ChatFromSimulator");
            assertThat(first.reason()).isEqualTo("BAD_LENGTH");
            assertThat(first.simulator()).isEqualTo(grid.simulator().address());
            assertThat(first.count()).isEqualTo(1);
            assertThat(second.count()).isEqualTo(2);

            bob.chat().say("still here");
            ChatReceived heard = events.awaitEvent(ChatReceived.class, WAIT);
            assertThat(heard.message().text()).isEqualTo("still here");
        }
        assertThat(alice.stats().primaryCircuit().orElseThrow().malformedDropped()).isEqualTo(3);
    }
}
