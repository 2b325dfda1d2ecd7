package slnet.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import slnet.handler.HandlerRegistry;
import slnet.network.NetworkEventBus;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.DecodeMode;
import slnet.protocol.Message;
import slnet.protocol.PacketCodec;
import slnet.protocol.SharedCaptures;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.Messages;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.types.Quaternion;
import slnet.protocol.types.Vector3;

/** The object messages a real OpenSimulator 0.9.2.2 sent decode into plausible objects. */
class OpenSimCaptureObjectsTest {

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
    void everyFullUpdateDecodesIntoAPlausibleObject() throws Exception {
        List<Message> updates = inbound("ObjectUpdate");
        assertThat(updates).hasSize(40);
        int avatars = 0;
        for (Message m : updates) {
            ObjectUpdate update = (ObjectUpdate) m;
            for (ObjectUpdate.ObjectData block : update.objectData()) {
                WorldObject o = ObjectUpdateDecoder.decodeFull(update.regionData().regionHandle(), block);
                assertThat(o.localId()).isNotZero();
                plausible(o.motion().position(), o.motion().rotation());
                if (o.isAvatar()) {
                    avatars++;
                    assertThat(o.nameValue("FirstName")).isPresent();
                    assertThat(o.nameValue("LastName")).isPresent();
                    assertThat(o.name()).isPresent();
                    assertThat(o.motion().collisionPlane()).isNotNull();
                }
            }
        }
        assertThat(avatars).isPositive();
    }

    @Test
    void everyTerseUpdateDecodes() throws Exception {
        List<Message> updates = inbound("ImprovedTerseObjectUpdate");
        assertThat(updates).hasSize(40);
        for (Message m : updates) {
            for (ImprovedTerseObjectUpdate.ObjectData block : ((ImprovedTerseObjectUpdate) m).objectData()) {
                ObjectMotions.TerseMotion t = ObjectMotions.decodeTerse(block.data());
                assertThat(t.localId()).isNotZero();
                plausible(t.motion().position(), t.motion().rotation());
                assertThat(t.motion().velocity().x()).isBetween(-128f, 128f);
            }
        }
    }

    @Test
    void theCapturedSessionReplaysIntoAWorld() throws Exception {
        HandlerRegistry handlers = new HandlerRegistry();
        try (NetworkEventBus bus = new NetworkEventBus(); World world = new World(handlers, bus, Clock.systemUTC(),
                Optional::empty)) {
            PacketCodec codec = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE,
                    DecodeMode.LENIENT);
            var context = WorldFixtures.context(new WorldFixtures.RecordingCircuit(13000));
            int kills = 0;
            for (CapturedDatagram d : SharedCaptures.openSim0922Inbound()) {
                Message m = codec.decodeMessage(d.datagram(), 0, d.length());
                if (m instanceof KillObject) {
                    kills++;
                }
                handlers.dispatch(m, context);
            }
            WorldStats stats = world.stats();
            assertThat(stats.rejected()).isZero();
            assertThat(stats.fullUpdates()).isPositive();
            assertThat(stats.terseUpdates()).isPositive();
            assertThat(kills).isEqualTo(2);
            for (WorldObject o : world.find(o -> true)) {
                plausible(o.position(), o.motion().rotation());
            }
        }
    }

    private static void plausible(Vector3 p, Quaternion q) {
        assertThat(p.x()).isBetween(0f, 256f);
        assertThat(p.y()).isBetween(0f, 256f);
        assertThat(p.z()).isBetween(-100f, 4096f);
        double norm = Math.sqrt(q.x() * q.x() + q.y() * q.y() + q.z() * q.z() + q.w() * q.w());
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }
}
