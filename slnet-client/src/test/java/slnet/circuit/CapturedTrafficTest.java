package slnet.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.circuit.TestMessages.SIM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.DecodeMode;
import slnet.protocol.SharedCaptures;
import slnet.time.ManualScheduler;

/**
 * What a real OpenSimulator 0.9.2.2 sent ({@code ../shared/captures}) goes through a client circuit's
 * receive path, as it would off the socket: nothing is rejected, and what was tolerated is counted.
 */
class CapturedTrafficTest {
    private final ManualScheduler scheduler = new ManualScheduler();

    /** One circuit per datagram: the capture mixes sessions, so sequence numbers repeat across it. */
    private CircuitStats receive(CapturedDatagram datagram, CircuitConfig config, List<InboundMessage> inbox,
                                 List<CircuitEvent> events) {
        try (Circuit circuit = Circuit.builder(SIM, new RecordingSender(), scheduler).config(config)
                .sink(inbox::add).listener(events::add).eventExecutor(Runnable::run).open()) {
            circuit.onDatagram(datagram.datagram(), 0, datagram.length());
            return circuit.stats();
        }
    }

    @Test
    void everyDatagramIsAcceptedAndWhatWasToleratedIsCounted() throws Exception {
        List<InboundMessage> inbox = new ArrayList<>();
        List<CircuitEvent> events = new ArrayList<>();
        long missingBlocks = 0;
        long trailing = 0;
        Map<String, Integer> delivered = new TreeMap<>();
        for (CapturedDatagram datagram : SharedCaptures.openSim0922Inbound()) {
            int before = inbox.size();
            CircuitStats stats = receive(datagram, CircuitConfig.defaults(), inbox, events);
            assertThat(stats.malformedDropped()).as(datagram.toLine()).isZero();
            assertThat(stats.trustDropped()).as(datagram.toLine()).isZero();
            assertThat(stats.blacklistedDropped()).as(datagram.toLine()).isZero();
            assertThat(stats.tolerated().fieldsReadAsZeros()).as(datagram.toLine()).isZero();
            missingBlocks += stats.tolerated().missingTrailingBlocks();
            trailing += stats.tolerated().trailingBytes();
            if (inbox.size() > before) {
                delivered.merge(datagram.messageName(), 1, Integer::sum);
            }
        }
        assertThat(events).noneMatch(e -> e instanceof CircuitEvent.PacketRejected);
        // 6 AvatarAppearance, 5 ImprovedInstantMessage and 1 RegionInfo without trailing blocks;
        // 3 MapBlockReply with a byte after the last block
        assertThat(missingBlocks).isEqualTo(12);
        assertThat(trailing).isEqualTo(3);
        assertThat(delivered).containsEntry("ImprovedInstantMessage", 5).containsEntry("AvatarAppearance", 6)
                .containsEntry("RegionInfo", 1).containsEntry("MapBlockReply", 3);
    }

    @Test
    void aStrictCircuitRejectsWhatTheViewerAccepts() throws Exception {
        CircuitConfig strict = CircuitConfig.builder().decodeMode(DecodeMode.STRICT).build();
        List<CircuitEvent> events = new ArrayList<>();
        long malformed = 0;
        for (CapturedDatagram datagram : SharedCaptures.openSim0922Inbound()) {
            malformed += receive(datagram, strict, new ArrayList<>(), events).malformedDropped();
        }
        assertThat(malformed).isEqualTo(15);
        assertThat(events).filteredOn(e -> e instanceof CircuitEvent.PacketRejected)
                .extracting(e -> ((CircuitEvent.PacketRejected) e).messageName())
                .containsOnly("AvatarAppearance", "ImprovedInstantMessage", "RegionInfo", "MapBlockReply");
    }
}
