package slnet.world;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.world.WorldFixtures.HANDLE;
import static slnet.world.WorldFixtures.context;
import static slnet.world.WorldFixtures.prim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Offset;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.network.EventStream;
import slnet.network.NetworkEventBus;
import slnet.protocol.messages.CoarseLocationUpdate;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/** Avatars merged from the object store and coarse locations, without sockets. */
class AvatarsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final UUID ME = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    private static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-0000000000b0");
    private static final UUID CAROL = UUID.fromString("00000000-0000-4000-8000-0000000000c0");

    private final HandlerRegistry handlers = new HandlerRegistry();
    private final WorldFixtures.RecordingCircuit circuit = new WorldFixtures.RecordingCircuit(13000);
    private final HandlerContext context = context(circuit);
    private NetworkEventBus bus;
    private World world;
    private Avatars avatars;
    private EventStream events;

    @BeforeEach
    void setUp() {
        bus = new NetworkEventBus();
        world = new World(handlers, bus, Clock.systemUTC(), Optional::empty);
        avatars = new Avatars(handlers, bus, Clock.systemUTC(), world, () -> Optional.of(ME));
        events = bus.events(1024);
    }

    @AfterEach
    void tearDown() {
        events.close();
        avatars.close();
        world.close();
        bus.close();
    }

    /** A full update of an avatar: 76-byte motion block, names in name-value pairs. */
    static ObjectUpdate.ObjectData avatar(int localId, UUID id, int parent, Vector3 p, String first, String last) {
        ByteBuffer b = ByteBuffer.allocate(76).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(0).putFloat(0).putFloat(1).putFloat(0);
        b.putFloat(p.x()).putFloat(p.y()).putFloat(p.z());
        String nv = "FirstName STRING RW SV " + first + "\nLastName STRING RW SV " + last + "\n";
        return new ObjectUpdate.ObjectData(localId, 0, id, 0, 47, 4, 0, new Vector3(0.45f, 0.6f, 1.9f),
                Bytes.copyOf(b.array()), parent, 0, 16, 1, 0, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Bytes.EMPTY, Bytes.EMPTY, Bytes.ofString(nv), Bytes.EMPTY, Bytes.EMPTY, Bytes.fromHex("00000000"),
                Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, new UUID(0, 0), new UUID(0, 0), 0, 0, 0, 0, Vector3.ZERO,
                Vector3.ZERO);
    }

    private static ObjectUpdate update(ObjectUpdate.ObjectData... blocks) {
        return new ObjectUpdate(new ObjectUpdate.RegionData(HANDLE, 65535), List.of(blocks));
    }

    private static CoarseLocationUpdate coarse(int you, int prey, Object... idsAndPositions) {
        List<CoarseLocationUpdate.Location> locations = new java.util.ArrayList<>();
        List<CoarseLocationUpdate.AgentData> ids = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndPositions.length; i += 2) {
            ids.add(new CoarseLocationUpdate.AgentData((UUID) idsAndPositions[i]));
            int[] xyz = (int[]) idsAndPositions[i + 1];
            locations.add(new CoarseLocationUpdate.Location(xyz[0], xyz[1], xyz[2]));
        }
        return new CoarseLocationUpdate(locations, new CoarseLocationUpdate.Index(you, prey), ids);
    }

    @Test
    void coarseLocationsListAvatarsBeyondDrawDistance() throws Exception {
        handlers.dispatch(coarse(0, 2, ME, new int[] {128, 128, 5}, BOB, new int[] {200, 40, 15},
                CAROL, new int[] {10, 10, 0}), context);
        AvatarArrived first = events.awaitEvent(AvatarArrived.class, WAIT);
        assertThat(first.avatar().inView()).isFalse();
        List<Avatar> listed = avatars.inRegion(HANDLE);
        assertThat(listed).extracting(Avatar::id).containsExactly(BOB, CAROL); // nearest first, without me
        Avatar bob = listed.get(0);
        assertThat(bob.position()).isEqualTo(new Vector3(200, 40, 60)); // z in units of 4 m
        assertThat(bob.name()).isEmpty();
        assertThat(bob.distance()).isCloseTo(Math.sqrt(72 * 72 + 88 * 88 + 40 * 40), Offset.offset(0.01));
        assertThat(avatars.tracked(HANDLE)).contains(CAROL);

        handlers.dispatch(coarse(0, -1, ME, new int[] {128, 128, 5}, BOB, new int[] {201, 40, 15}), context);
        AvatarLeft left = events.awaitEvent(AvatarLeft.class, WAIT);
        assertThat(left.avatar().id()).isEqualTo(CAROL);
        assertThat(left.regionEnded()).isFalse();
        assertThat(avatars.inRegion(HANDLE)).extracting(a -> a.position().x()).containsExactly(201f);
        assertThat(avatars.tracked(HANDLE)).isEmpty();
    }

    @Test
    void entriesWithoutIdsAreSkipped() {
        handlers.dispatch(new CoarseLocationUpdate(List.of(new CoarseLocationUpdate.Location(1, 2, 3)),
                new CoarseLocationUpdate.Index(-1, -1), List.of()), context);
        assertThat(avatars.all()).isEmpty();
    }

    @Test
    void inViewAvatarsMergeWithCoarseOnesAndStayWhileInView() throws Exception {
        handlers.dispatch(update(avatar(50, ME, 0, new Vector3(128, 128, 20), "Me", "Self"),
                avatar(51, BOB, 0, new Vector3(131, 132, 20), "Bob", "Tester")), context);
        AvatarArrived arrived = events.awaitEvent(AvatarArrived.class, WAIT);
        assertThat(arrived.avatar().name()).isEqualTo("Bob Tester");
        assertThat(arrived.avatar().distance()).isCloseTo(5.0, Offset.offset(0.001));
        assertThat(arrived.avatar().localId()).isEqualTo(51);

        // The coarse list names Bob too: still one Bob, with the exact position from view.
        handlers.dispatch(coarse(0, -1, ME, new int[] {128, 128, 5}, BOB, new int[] {131, 132, 5}), context);
        // A coarse list without Bob does not remove him while he is in view.
        handlers.dispatch(coarse(0, -1, ME, new int[] {128, 128, 5}), context);
        assertThat(avatars.all()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(BOB);
            assertThat(a.inView()).isTrue();
            assertThat(a.position()).isEqualTo(new Vector3(131, 132, 20));
        });

        // A terse update moves him.
        handlers.dispatch(new ImprovedTerseObjectUpdate(new ImprovedTerseObjectUpdate.RegionData(HANDLE, 65535),
                List.of(new ImprovedTerseObjectUpdate.ObjectData(terseAvatar(51, new Vector3(140, 128, 20)),
                        Bytes.EMPTY))), context);
        assertThat(avatars.get(BOB).orElseThrow().distance()).isCloseTo(12.0, Offset.offset(0.01));

        // Out of view and not in the coarse list: gone.
        handlers.dispatch(new KillObject(List.of(new KillObject.ObjectData(51))), context);
        AvatarLeft left = events.awaitEvent(AvatarLeft.class, WAIT);
        assertThat(left.avatar().id()).isEqualTo(BOB);
        assertThat(avatars.all()).isEmpty();
    }

    @Test
    void outOfViewButStillListedKeepsTheCoarsePosition() throws Exception {
        handlers.dispatch(update(avatar(51, BOB, 0, new Vector3(131, 132, 20), "Bob", "Tester")), context);
        handlers.dispatch(coarse(-1, -1, BOB, new int[] {131, 132, 5}), context);
        handlers.dispatch(new KillObject(List.of(new KillObject.ObjectData(51))), context);
        Avatar bob = avatars.get(BOB).orElseThrow();
        assertThat(bob.inView()).isFalse();
        assertThat(bob.name()).isEqualTo("Bob Tester"); // learnt while in view
        assertThat(bob.position()).isEqualTo(new Vector3(131, 132, 20));
        assertThat(bob.distance()).isNaN(); // the client's own position is not known yet
    }

    @Test
    void aSittingAvatarIsPlacedOnItsSeat() {
        handlers.dispatch(update(prim(60, UUID.randomUUID(), 0, new Vector3(100, 100, 20), null)), context);
        handlers.dispatch(update(avatar(51, BOB, 60, new Vector3(0, 0, 1), "Bob", "Tester")), context);
        Avatar bob = avatars.get(BOB).orElseThrow();
        assertThat(bob.isSitting()).isTrue();
        assertThat(bob.parentId()).isEqualTo(60);
        assertThat(bob.position()).isEqualTo(new Vector3(100, 100, 21));

        // The seat is deleted: the store drops what sat on it, and so do the avatars.
        handlers.dispatch(new KillObject(List.of(new KillObject.ObjectData(60))), context);
        assertThat(avatars.all()).isEmpty();
    }

    @Test
    void theRegionsEndEmptiesItsList() throws Exception {
        handlers.dispatch(coarse(-1, -1, BOB, new int[] {1, 2, 3}), context);
        events.awaitEvent(AvatarArrived.class, WAIT);
        circuit.open = false;
        handlers.dispatchCircuitClosed(context);
        AvatarLeft left = events.awaitEvent(AvatarLeft.class, WAIT);
        assertThat(left.regionEnded()).isTrue();
        assertThat(avatars.all()).isEmpty();
    }

    @Test
    void distancesCrossRegionBorders() {
        // The client stands in the region east of this one, 10 m from the shared border.
        HandlerContext east = new HandlerContext(null, new WorldFixtures.RecordingCircuit(13001),
                new WorldFixtures.FixedRegion("East", HANDLE + (256L << 32)), slnet.handler.MessagePath.UDP);
        handlers.dispatch(coarse(0, -1, ME, new int[] {10, 100, 5}), east);
        handlers.dispatch(coarse(-1, -1, BOB, new int[] {250, 100, 5}), context);
        assertThat(avatars.get(BOB).orElseThrow().distance()).isCloseTo(16.0, Offset.offset(0.001));
        assertThat(avatars.ownGlobalPosition()).isPresent();
    }

    @Test
    void noEventsAreBuiltWithoutSubscribers() {
        events.close();
        handlers.dispatch(coarse(-1, -1, BOB, new int[] {1, 2, 3}), context);
        assertThat(avatars.all()).hasSize(1);
        assertThat(bus.published()).isZero();
    }

    /** A 60-byte terse block of an avatar at {@code p}. */
    private static Bytes terseAvatar(int localId, Vector3 p) {
        ByteBuffer b = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(localId).put((byte) 0).put((byte) 1);
        b.putFloat(0).putFloat(0).putFloat(1).putFloat(0);
        b.putFloat(p.x()).putFloat(p.y()).putFloat(p.z());
        for (int i = 0; i < 9; i++) {
            b.putShort(WorldFixtures.q(0, 128));
        }
        b.putShort(WorldFixtures.q(1, 1));
        for (int i = 0; i < 3; i++) {
            b.putShort(WorldFixtures.q(0, 64));
        }
        return Bytes.copyOf(b.array());
    }
}
