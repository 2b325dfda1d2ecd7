package slnet.world;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.world.WorldFixtures.context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.names.Names;
import slnet.network.NetworkEventBus;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.DecodeMode;
import slnet.protocol.Message;
import slnet.protocol.PacketCodec;
import slnet.protocol.SharedCaptures;
import slnet.protocol.messages.CoarseLocationUpdate;
import slnet.protocol.messages.Messages;
import slnet.protocol.messages.RegionInfo;
import slnet.protocol.messages.SimulatorViewerTimeMessage;
import slnet.protocol.messages.UUIDNameReply;
import slnet.time.ManualScheduler;

/**
 * What a real OpenSimulator 0.9.2.2 sent about people and places decodes (leniently, as a circuit
 * reads it) and lands in the avatars, names and surroundings.
 */
class OpenSimCapturePeopleTest {

    private static List<Message> inbound(String name) throws Exception {
        PacketCodec codec = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE, DecodeMode.LENIENT);
        List<Message> messages = new ArrayList<>();
        for (CapturedDatagram d : SharedCaptures.openSim0922Inbound()) {
            if (d.messageName().equals(name)) {
                messages.add(codec.decodeMessage(d.datagram(), 0, d.length()));
            }
        }
        return messages;
    }

    @Test
    void coarseLocationsListAgentsWithIdsAndPlausiblePositions() throws Exception {
        List<Message> updates = inbound("CoarseLocationUpdate");
        assertThat(updates).hasSize(26);
        HandlerRegistry handlers = new HandlerRegistry();
        WorldFixtures.RecordingCircuit circuit = new WorldFixtures.RecordingCircuit(9000);
        HandlerContext context = context(circuit);
        int listed = 0;
        try (NetworkEventBus bus = new NetworkEventBus();
             World world = new World(handlers, bus, Clock.systemUTC(), Optional::empty);
             Avatars avatars = new Avatars(handlers, bus, Clock.systemUTC(), world, Optional::empty)) {
            for (Message m : updates) {
                CoarseLocationUpdate u = (CoarseLocationUpdate) m;
                assertThat(u.agentData()).hasSameSizeAs(u.location());
                assertThat(u.index().you()).isBetween(-1, u.location().size() - 1);
                for (CoarseLocationUpdate.Location l : u.location()) {
                    assertThat(l.x()).isBetween(0, 255);
                    assertThat(l.y()).isBetween(0, 255);
                }
                listed = Math.max(listed, u.location().size() - (u.index().you() >= 0 ? 1 : 0));
                handlers.dispatch(u, context);
                int others = u.location().size() - (u.index().you() >= 0 ? 1 : 0);
                assertThat(avatars.inRegion(WorldFixtures.HANDLE)).hasSize(others);
            }
            assertThat(listed).isPositive();
            // The "You" entry gave the client its own position, so distances are known.
            assertThat(avatars.ownGlobalPosition()).isPresent();
            assertThat(avatars.all()).allSatisfy(a -> {
                assertThat(a.distance()).isNotNaN();
                assertThat(a.position().z() % 4).isZero();
            });
        }
    }

    @Test
    void nameRepliesFillTheCache() throws Exception {
        List<Message> replies = inbound("UUIDNameReply");
        assertThat(replies).hasSize(2);
        HandlerRegistry handlers = new HandlerRegistry();
        try (Names names = new Names(handlers, new ManualScheduler(), Optional::empty, Optional::empty,
                Names.Config.DEFAULTS)) {
            List<UUID> named = new ArrayList<>();
            for (Message m : replies) {
                for (UUIDNameReply.UUIDNameBlock b : ((UUIDNameReply) m).uuidNameBlock()) {
                    assertThat(b.firstName().asString()).isNotBlank();
                    named.add(b.id());
                }
                handlers.dispatch(m, context(new WorldFixtures.RecordingCircuit(9000)));
            }
            assertThat(named).isNotEmpty().allSatisfy(id -> assertThat(names.cachedLegacyName(id)).isPresent()
                    .get().asString().contains(" "));
            assertThat(names.legacyName(named.get(0))).isCompleted();
        }
    }

    @Test
    void regionInfoWithoutItsTrailingBlockAndTheTimeOfDayDecode() throws Exception {
        List<Message> info = inbound("RegionInfo");
        assertThat(info).hasSize(1);
        RegionInfo r = (RegionInfo) info.get(0);
        assertThat(r.regionInfo5()).isEmpty(); // OpenSimulator 0.9.2 sends none
        List<Message> times = inbound("SimulatorViewerTimeMessage");
        assertThat(times).hasSize(40);

        HandlerRegistry handlers = new HandlerRegistry();
        WorldFixtures.RecordingCircuit circuit = new WorldFixtures.RecordingCircuit(9000);
        HandlerContext context = context(circuit);
        try (NetworkEventBus bus = new NetworkEventBus();
             Surroundings surroundings = new Surroundings(handlers, bus, Clock.systemUTC(), Optional::empty,
                     () -> Optional.of(circuit.remoteAddress()), true)) {
            handlers.dispatch(r, context);
            RegionDetails details = surroundings.regionDetails().orElseThrow();
            assertThat(details.name()).isNotBlank().isEqualTo(r.regionInfo().simName().asString());
            assertThat(details.waterHeight()).isBetween(0f, 100f);
            assertThat(details.maxAgents()).isPositive();
            for (Message m : times) {
                SimulatorViewerTimeMessage t = (SimulatorViewerTimeMessage) m;
                handlers.dispatch(t, context);
                RegionTime time = surroundings.time().orElseThrow();
                assertThat(time.secondsPerDay()).isPositive();
                assertThat(time.dayFraction()).isBetween(0.0, 1.0);
                assertThat(time.sunPhase()).isBetween(0f, 7f);
                assertThat(time.usecSinceStart()).isPositive();
                double length = Math.sqrt(time.sunDirection().x() * time.sunDirection().x()
                        + time.sunDirection().y() * time.sunDirection().y()
                        + time.sunDirection().z() * time.sunDirection().z());
                // OpenSimulator 0.9.2 leaves the sun's direction zero (its sky travels as environment
                // settings); the phase is still there.
                assertThat(length).satisfiesAnyOf(l -> assertThat(l).isZero(), l -> assertThat(l).isBetween(0.99, 1.01));
            }
        }
    }
}
