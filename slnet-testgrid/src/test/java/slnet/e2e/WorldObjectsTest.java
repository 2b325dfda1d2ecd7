package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.WAIT;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.network.EventStream;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.SimObject;
import slnet.testgrid.sim.SimObjects;
import slnet.testing.LeakCheckExtension;
import slnet.world.ObjectAppeared;
import slnet.world.ObjectChange;
import slnet.world.ObjectChanged;
import slnet.world.ObjectRemoved;
import slnet.world.PCode;
import slnet.world.RegionObjects;
import slnet.world.WorldObject;

/**
 * A client sees a test region's objects over real loopback sockets, in each form a simulator sends
 * them: full, compressed, cached (misses requested), terse motion, kills and the region's end.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class WorldObjectsTest {
    private static final UUID FACE_TEXTURE = UUID.fromString("5748decc-f629-461c-9a36-a35a221fe21f");

    private TestGrid grid;
    private Client alice;
    private SimObjects objects;
    private int box;
    private int cylinder;
    private int sphere;
    private int tree;
    private int root;
    private int child1;
    private int child2;

    @BeforeEach
    void start() throws Exception {
        grid = E2e.grid();
        alice = E2e.client();
        objects = grid.simulator().objects();
        box = objects.addObject(SimObject.box(new Vector3(100, 100, 25)).withText("For sale"));
        cylinder = objects.addObject(SimObject.cylinder(new Vector3(110, 100, 25)));
        sphere = objects.addObject(SimObject.sphere(new Vector3(120, 100, 25)).withLight(8));
        tree = objects.addObject(SimObject.tree(new Vector3(30, 200, 22)));
        root = objects.addObject(SimObject.box(new Vector3(60, 60, 30)));
        child1 = objects.addObject(SimObject.cylinder(Vector3.ZERO).linkedTo(root, new Vector3(0, 0, 1))
                .withFaceTexture(FACE_TEXTURE));
        child2 = objects.addObject(SimObject.sphere(Vector3.ZERO).linkedTo(root, new Vector3(0, 0, 2)));
    }

    @AfterEach
    void stop() {
        alice.close();
        grid.close();
    }

    private static final int PRIMS = 7;

    /** Connects and waits until every prim (and Alice's own avatar) has appeared. */
    private RegionObjects connectAndSeeAll(EventStream events) throws Exception {
        alice.connect(E2e.credentials(grid, ALICE));
        Set<Integer> seen = new HashSet<>();
        while (seen.size() < PRIMS) {
            ObjectAppeared appeared = events.awaitEvent(ObjectAppeared.class, e -> !e.object().isAvatar(), WAIT);
            seen.add(appeared.object().localId());
        }
        return alice.world().region(grid.simulator().region().handle()).orElseThrow();
    }

    private void checkScene(RegionObjects region) {
        WorldObject sign = region.get(box).orElseThrow();
        assertThat(sign.pcode()).isEqualTo(PCode.PRIM);
        assertThat(sign.shape().basicShape()).isEqualTo("box");
        assertThat(sign.text().text()).isEqualTo("For sale");
        assertThat(sign.position()).isEqualTo(new Vector3(100, 100, 25));
        assertThat(region.get(cylinder).orElseThrow().shape().basicShape()).isEqualTo("cylinder");
        WorldObject lamp = region.get(sphere).orElseThrow();
        assertThat(lamp.shape().basicShape()).isEqualTo("sphere");
        assertThat(lamp.extraParams().light().radius()).isEqualTo(8f);
        assertThat(region.get(tree).orElseThrow().pcode()).isEqualTo(PCode.TREE);
        assertThat(region.children(root)).extracting(WorldObject::localId).containsExactlyInAnyOrder(child1, child2);
        assertThat(region.root(child2).orElseThrow().localId()).isEqualTo(root);
        assertThat(region.regionPosition(child2)).contains(new Vector3(60, 60, 32));
        assertThat(region.get(child1).orElseThrow().textures().face(1).textureId()).isEqualTo(FACE_TEXTURE);
        assertThat(region.get(child1).orElseThrow().textures().face(0).textureId()).isNotEqualTo(FACE_TEXTURE);
        assertThat(region.within(new Vector3(105, 100, 25), 6)).extracting(WorldObject::localId)
                .containsExactlyInAnyOrder(box, cylinder);
        assertThat(alice.world().object(region.get(box).orElseThrow().id())).isPresent();
    }

    @Test
    void fullUpdatesShowEveryObjectAndTheAgentsOwnAvatar() throws Exception {
        try (EventStream events = alice.events().events(4096)) {
            RegionObjects region = connectAndSeeAll(events);
            checkScene(region);
            // The simulator sends the avatar before the prims, so it is there by now.
            WorldObject me = region.avatars().get(0);
            assertThat(me.id()).isEqualTo(ALICE.agentId());
            assertThat(me.name()).contains("Alice Tester");
            assertThat(alice.world().stats().fullUpdates()).isGreaterThanOrEqualTo(PRIMS);
            assertThat(alice.world().stats().rejected()).isZero();
        }
    }

    @Test
    void compressedUpdatesShowTheSameScene() throws Exception {
        objects.setUpdateForm(SimObjects.UpdateForm.COMPRESSED);
        try (EventStream events = alice.events().events(4096)) {
            checkScene(connectAndSeeAll(events));
            // the count moves just after the last object's event is published: wait for it, bounded
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (alice.world().stats().compressedUpdates() < PRIMS && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(alice.world().stats().compressedUpdates()).isEqualTo(PRIMS);
        }
    }

    @Test
    void cachedUpdatesAreAnsweredByRequestingTheMisses() throws Exception {
        objects.setUpdateForm(SimObjects.UpdateForm.CACHED);
        try (EventStream events = alice.events().events(4096)) {
            checkScene(connectAndSeeAll(events));
            assertThat(alice.world().stats().cacheMissesRequested()).isEqualTo(PRIMS);
            assertThat(objects.requestedObjects()).isEqualTo(PRIMS);
        }
    }

    @Test
    void aMovingObjectSendsTerseUpdates() throws Exception {
        try (EventStream events = alice.events().events(4096)) {
            RegionObjects region = connectAndSeeAll(events);
            for (int step = 1; step <= 5; step++) {
                Vector3 to = new Vector3(110 + step, 100, 25);
                objects.moveObject(cylinder, to);
                ObjectChanged moved = events.awaitEvent(ObjectChanged.class,
                        e -> e.object().localId() == cylinder && e.object().position().equals(to), WAIT);
                assertThat(moved.changes()).containsExactly(ObjectChange.MOTION);
            }
            assertThat(region.get(cylinder).orElseThrow().position()).isEqualTo(new Vector3(115, 100, 25));
            // counted just after the event is published: wait for it, bounded
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (alice.world().stats().terseUpdates() < 5 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(alice.world().stats().terseUpdates()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aDeletedRootTakesItsLinksetAlong() throws Exception {
        try (EventStream events = alice.events().events(4096)) {
            RegionObjects region = connectAndSeeAll(events);
            objects.removeObject(root);
            Set<Integer> gone = new HashSet<>();
            while (gone.size() < 3) {
                gone.add(events.awaitEvent(ObjectRemoved.class, WAIT).object().localId());
            }
            assertThat(gone).containsExactlyInAnyOrder(root, child1, child2);
            assertThat(region.get(root)).isEmpty();
            assertThat(region.children(root)).isEmpty();
            assertThat(region.get(box)).isPresent();
        }
    }

    @Test
    void propertiesNameAnObject() throws Exception {
        try (EventStream events = alice.events().events(4096)) {
            RegionObjects region = connectAndSeeAll(events);
            WorldObject sign = region.get(box).orElseThrow();
            assertThat(alice.world().requestProperties(sign).get(5, TimeUnit.SECONDS).name())
                    .isEqualTo("Object " + box);
            assertThat(alice.world().byName("object " + box)).extracting(WorldObject::localId).containsExactly(box);
        }
    }

    @Test
    void leavingTheRegionRemovesItsObjects() throws Exception {
        try (EventStream events = alice.events().events(4096)) {
            connectAndSeeAll(events);
            alice.disconnect();
            events.awaitEvent(ObjectRemoved.class, e -> e.reason() == ObjectRemoved.Reason.REGION_ENDED, WAIT);
            assertThat(alice.world().regions()).isEmpty();
        }
    }
}
