package slnet.world;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.world.WorldFixtures.HANDLE;
import static slnet.world.WorldFixtures.context;
import static slnet.world.WorldFixtures.prim;
import static slnet.world.WorldFixtures.update;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.login.SessionInfo;
import slnet.network.EventStream;
import slnet.network.NetworkEventBus;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.KillObject;
import slnet.protocol.messages.ObjectPropertiesFamily;
import slnet.protocol.messages.ObjectUpdateCached;
import slnet.protocol.messages.RequestMultipleObjects;
import slnet.protocol.messages.RequestObjectPropertiesFamily;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/** The world's store and handlers, driven through a handler registry without sockets. */
class WorldTest {
    private final HandlerRegistry handlers = new HandlerRegistry();
    private final NetworkEventBus bus = new NetworkEventBus();
    private final WorldFixtures.RecordingCircuit circuit = new WorldFixtures.RecordingCircuit(13000);
    private final HandlerContext context = context(circuit);
    private SessionInfo session;
    private World world;

    @BeforeEach
    void setUp() {
        world = new World(handlers, bus, Clock.systemUTC(), () -> Optional.ofNullable(session));
    }

    @AfterEach
    void tearDown() {
        world.close();
        bus.close();
    }

    private static UUID id(int n) {
        return new UUID(0x1234, n);
    }

    @Test
    void fullUpdatesMakeObjectsFoundByLocalIdUuidAndRadius() {
        handlers.dispatch(update(prim(10, id(10), 0, new Vector3(100, 100, 25), "hello"),
                prim(11, id(11), 0, new Vector3(200, 50, 25), null)), context);
        RegionObjects region = world.region(HANDLE).orElseThrow();
        assertThat(region.size()).isEqualTo(2);
        WorldObject box = region.get(10).orElseThrow();
        assertThat(box.id()).isEqualTo(id(10));
        assertThat(box.pcode()).isEqualTo(PCode.PRIM);
        assertThat(box.material()).isEqualTo(Material.WOOD);
        assertThat(box.shape().basicShape()).isEqualTo("box");
        assertThat(box.text().text()).isEqualTo("hello");
        assertThat(box.text().red()).isEqualTo(255);
        assertThat(box.text().alpha()).isEqualTo(255);
        assertThat(world.object(id(11))).isPresent();
        assertThat(region.within(new Vector3(101, 101, 25), 5)).extracting(WorldObject::localId).containsExactly(10);
        assertThat(world.stats().fullUpdates()).isEqualTo(2);
    }

    @Test
    void linksetsResolveEvenWhenAChildArrivesFirst() {
        handlers.dispatch(update(prim(21, id(21), 20, new Vector3(1, 0, 0), null)), context);
        RegionObjects region = world.region(HANDLE).orElseThrow();
        assertThat(region.root(21)).isEmpty();
        assertThat(region.children(20)).extracting(WorldObject::localId).containsExactly(21);
        handlers.dispatch(update(prim(20, id(20), 0, new Vector3(50, 50, 20), null)), context);
        assertThat(region.root(21).orElseThrow().localId()).isEqualTo(20);
        assertThat(region.regionPosition(21)).contains(new Vector3(51, 50, 20));
    }

    @Test
    void killingARootRemovesItsChildren() throws Exception {
        handlers.dispatch(update(prim(20, id(20), 0, new Vector3(50, 50, 20), null),
                prim(21, id(21), 20, new Vector3(1, 0, 0), null), prim(22, id(22), 20, new Vector3(2, 0, 0), null),
                prim(30, id(30), 0, new Vector3(5, 5, 5), null)), context);
        try (EventStream events = bus.events()) {
            handlers.dispatch(new KillObject(List.of(new KillObject.ObjectData(20))), context);
            ObjectRemoved first = events.awaitEvent(ObjectRemoved.class, Duration.ofSeconds(5));
            assertThat(first.reason()).isEqualTo(ObjectRemoved.Reason.KILLED);
            assertThat(first.object().localId()).isEqualTo(20);
            assertThat(events.awaitEvent(ObjectRemoved.class, Duration.ofSeconds(5)).reason())
                    .isEqualTo(ObjectRemoved.Reason.PARENT_KILLED);
        }
        RegionObjects region = world.region(HANDLE).orElseThrow();
        assertThat(region.all()).extracting(WorldObject::localId).containsExactly(30);
        assertThat(world.stats().kills()).isEqualTo(3);
    }

    @Test
    void terseUpdatesMoveKnownObjectsInPlaceAndCountUnknownOnes() throws Exception {
        handlers.dispatch(update(prim(10, id(10), 0, new Vector3(100, 100, 25), null)), context);
        try (EventStream events = bus.events()) {
            handlers.dispatch(new ImprovedTerseObjectUpdate(new ImprovedTerseObjectUpdate.RegionData(HANDLE, 65535),
                    List.of(new ImprovedTerseObjectUpdate.ObjectData(WorldFixtures.terse(10, new Vector3(110, 100, 25),
                            3f), Bytes.EMPTY), new ImprovedTerseObjectUpdate.ObjectData(WorldFixtures.terse(99,
                            new Vector3(1, 1, 1), 0), Bytes.EMPTY))), context);
            ObjectChanged changed = events.awaitEvent(ObjectChanged.class, Duration.ofSeconds(5));
            assertThat(changed.changes()).containsExactly(ObjectChange.MOTION);
            assertThat(changed.object().position()).isEqualTo(new Vector3(110, 100, 25));
        }
        WorldObject moved = world.region(HANDLE).orElseThrow().get(10).orElseThrow();
        assertThat(moved.position()).isEqualTo(new Vector3(110, 100, 25));
        assertThat(moved.motion().velocity().x()).isCloseTo(3f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(moved.text()).isNull();
        assertThat(world.stats().terseUpdates()).isEqualTo(1);
        assertThat(world.stats().terseUnknown()).isEqualTo(1);
    }

    @Test
    void aChangedFullUpdateSaysWhatChanged() throws Exception {
        handlers.dispatch(update(prim(10, id(10), 0, new Vector3(100, 100, 25), "a")), context);
        try (EventStream events = bus.events()) {
            handlers.dispatch(update(prim(10, id(10), 0, new Vector3(100, 100, 25), "b")), context);
            assertThat(events.awaitEvent(ObjectChanged.class, Duration.ofSeconds(5)).changes())
                    .containsExactly(ObjectChange.TEXT);
        }
    }

    @Test
    void cacheMissesAreRequestedAndHitsAreNot() {
        session = WorldFixturesSession.session();
        handlers.dispatch(update(prim(10, id(10), 0, new Vector3(100, 100, 25), null)), context);
        handlers.dispatch(new ObjectUpdateCached(new ObjectUpdateCached.RegionData(HANDLE, 65535), List.of(
                new ObjectUpdateCached.ObjectData(10, 7, 0), new ObjectUpdateCached.ObjectData(11, 5, 0),
                new ObjectUpdateCached.ObjectData(10, 7, 0))), context);
        RequestMultipleObjects request = (RequestMultipleObjects) circuit.sent.get(0);
        assertThat(request.objectData()).containsExactly(new RequestMultipleObjects.ObjectData(0, 11));
        assertThat(world.stats().cachedHits()).isEqualTo(2);
        assertThat(world.stats().cacheMissesRequested()).isEqualTo(1);
    }

    @Test
    void propertiesGiveNamesAndCompleteTheRequest() throws Exception {
        session = WorldFixturesSession.session();
        handlers.dispatch(update(prim(10, id(10), 0, new Vector3(100, 100, 25), null)), context);
        WorldObject box = world.object(id(10)).orElseThrow();
        var reply = world.requestProperties(box);
        RequestObjectPropertiesFamily request = (RequestObjectPropertiesFamily) circuit.sent.get(0);
        assertThat(request.objectData().objectID()).isEqualTo(id(10));
        handlers.dispatch(new ObjectPropertiesFamily(new ObjectPropertiesFamily.ObjectData(0, id(10), id(1), id(2),
                0, 0, 0, 0, 0, 0, 0, 10, 0, id(1), Bytes.ofString("Sign"), Bytes.ofString("A sign"))), context);
        assertThat(reply.get(5, java.util.concurrent.TimeUnit.SECONDS).name()).isEqualTo("Sign");
        assertThat(world.byName("sign")).extracting(WorldObject::localId).containsExactly(10);
    }

    @Test
    void theEndOfTheCircuitRemovesTheRegion() throws Exception {
        handlers.dispatch(update(prim(10, id(10), 0, new Vector3(100, 100, 25), null)), context);
        try (EventStream events = bus.events()) {
            circuit.open = false;
            handlers.dispatchCircuitClosed(context);
            assertThat(events.awaitEvent(ObjectRemoved.class, Duration.ofSeconds(5)).reason())
                    .isEqualTo(ObjectRemoved.Reason.REGION_ENDED);
        }
        assertThat(world.regions()).isEmpty();
        // A message that raced with the closing leaves nothing behind.
        handlers.dispatch(update(prim(11, id(11), 0, new Vector3(1, 1, 1), null)), context);
        assertThat(world.regions()).isEmpty();
    }

    @Test
    void aBadBlockIsCountedAndTheOthersApplied() {
        var bad = new slnet.protocol.messages.ObjectUpdate.ObjectData(12, 0, id(12), 0, 9, 0, 0, Vector3.ZERO,
                Bytes.fromHex("0102"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.fromHex("00000000"),
                Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, new UUID(0, 0), new UUID(0, 0), 0, 0, 0, 0, Vector3.ZERO,
                Vector3.ZERO);
        handlers.dispatch(update(bad, prim(10, id(10), 0, new Vector3(1, 1, 1), null)), context);
        assertThat(world.stats().rejected()).isEqualTo(1);
        assertThat(world.stats().objects()).isEqualTo(1);
    }
}
