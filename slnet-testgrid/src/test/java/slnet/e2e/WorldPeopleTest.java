package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;
import static slnet.e2e.E2e.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.ClientConfig;
import slnet.names.DisplayName;
import slnet.names.NameLookupException;
import slnet.names.Names;
import slnet.network.EventStream;
import slnet.protocol.types.Vector3;
import slnet.testgrid.TestGrid;
import slnet.testgrid.caps.RecordedRequest;
import slnet.testing.LeakCheckExtension;
import slnet.world.Avatar;
import slnet.world.AvatarArrived;
import slnet.world.AvatarLeft;
import slnet.world.Parcel;
import slnet.world.ParcelEntered;
import slnet.world.RegionDetails;
import slnet.world.RegionTime;

/**
 * Two bots see each other over real loopback sockets: in view (object updates, with names), beyond
 * draw distance (coarse locations only), sitting state, arrivals and departures; names resolve
 * (legacy over UDP, display names over the capability, a timeout for an unknown id); the parcel,
 * region details, time of day and active group arrive on their own.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class WorldPeopleTest {
    private TestGrid grid;
    private Client alice;
    private Client bob;

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
        if (grid != null) {
            grid.close();
        }
    }

    private TestGrid start(int avatarViewLimit) throws Exception {
        grid = TestGrid.builder().account(ALICE).account(BOB).regionName("Testville").regionCorner(256000, 256512)
                .circuitConfig(E2e.FAST_SIM).avatarViewLimit(avatarViewLimit)
                .coarseLocationInterval(Duration.ofMillis(100)).start();
        return grid;
    }

    private static Client client(Duration nameTimeout) {
        return Client.create(ClientConfig.builder().network(E2e.network().build())
                .names(new Names.Config(Duration.ofMillis(20), nameTimeout, 100)).build());
    }

    @Test
    void avatarsInViewHaveNamesAndDistances() throws Exception {
        start(100);
        alice = E2e.client();
        bob = E2e.client();
        try (EventStream events = alice.events().events(4096)) {
            alice.connect(E2e.credentials(grid, ALICE));
            bob.connect(E2e.credentials(grid, BOB));
            grid.simulator().moveAgent(BOB.agentId(), new Vector3(131, 128, 25));
            AvatarArrived arrived = events.awaitEvent(AvatarArrived.class, e -> e.avatar().id().equals(BOB.agentId()), WAIT);
            assertThat(arrived.avatar().name()).isEqualTo("Bob Tester");
            assertThat(arrived.avatar().inView()).isTrue();
            long handle = grid.simulator().region().handle();
            assertThat(arrived.avatar().regionHandle()).isEqualTo(handle);

            // The move is a terse update; the coarse list comes too, and neither adds a second Bob.
            Avatar seen = awaitAvatar(alice, BOB.agentId(), a -> a.position().x() == 131f);
            assertThat(seen.distance()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(seen.isSitting()).isFalse();
            assertThat(alice.avatars().inRegion(handle)).extracting(Avatar::id).containsExactly(BOB.agentId());
            assertThat(alice.avatars().ownGlobalPosition()).isPresent();

            bob.disconnect();
            AvatarLeft left = events.awaitEvent(AvatarLeft.class, e -> e.avatar().id().equals(BOB.agentId()), WAIT);
            assertThat(left.regionEnded()).isFalse();
            assertThat(alice.avatars().inRegion(handle)).isEmpty();
        }
    }

    @Test
    void avatarsBeyondDrawDistanceComeFromCoarseLocations() throws Exception {
        start(0); // nobody is shown anybody's avatar: only the mini-map's dots
        alice = E2e.client();
        bob = E2e.client();
        try (EventStream events = alice.events().events(4096)) {
            alice.connect(E2e.credentials(grid, ALICE));
            bob.connect(E2e.credentials(grid, BOB));
            grid.simulator().moveAgent(BOB.agentId(), new Vector3(200.7f, 40.2f, 61f));
            AvatarArrived arrived = events.awaitEvent(AvatarArrived.class, e -> e.avatar().id().equals(BOB.agentId()), WAIT);
            assertThat(arrived.avatar().inView()).isFalse();
            assertThat(arrived.avatar().name()).isEmpty();
            Avatar far = awaitAvatar(alice, BOB.agentId(), a -> a.position().x() == 200f);
            assertThat(far.position()).isEqualTo(new Vector3(200, 40, 60)); // whole meters, z in steps of 4 m
            assertThat(far.localId()).isZero();
            assertThat(far.distance()).isGreaterThan(100);
            assertThat(alice.names().legacyName(far.id()).get(5, TimeUnit.SECONDS)).isEqualTo("Bob Tester");

            bob.disconnect();
            events.awaitEvent(AvatarLeft.class, e -> e.avatar().id().equals(BOB.agentId()), WAIT);
        }
    }

    @Test
    void aSittingAvatarShowsItsSeat() throws Exception {
        start(100);
        alice = E2e.client();
        bob = E2e.client();
        int seat = grid.simulator().objects().addObject(slnet.testgrid.sim.SimObject.box(new Vector3(140, 128, 24)));
        alice.connect(E2e.credentials(grid, ALICE));
        bob.connect(E2e.credentials(grid, BOB));
        awaitAvatar(alice, BOB.agentId(), Avatar::inView);
        grid.simulator().sitAgent(BOB.agentId(), seat, new Vector3(0, 0, 0.5f));
        Avatar sitting = awaitAvatar(alice, BOB.agentId(), Avatar::isSitting);
        assertThat(sitting.parentId()).isEqualTo(seat);
        assertThat(sitting.position()).isEqualTo(new Vector3(140, 128, 24.5f));
    }

    @Test
    void leavingTheRegionEndsItsList() throws Exception {
        start(100);
        alice = E2e.client();
        bob = E2e.client();
        try (EventStream events = alice.events().events(4096)) {
            alice.connect(E2e.credentials(grid, ALICE));
            bob.connect(E2e.credentials(grid, BOB));
            events.awaitEvent(AvatarArrived.class, e -> e.avatar().id().equals(BOB.agentId()), WAIT);
            alice.disconnect();
            AvatarLeft left = events.awaitEvent(AvatarLeft.class, e -> e.avatar().id().equals(BOB.agentId()), WAIT);
            assertThat(left.regionEnded()).isTrue();
            assertThat(alice.avatars().all()).isEmpty();
        }
    }

    @Test
    void namesResolveInBatchesAndFailCleanly() throws Exception {
        start(100);
        alice = client(Duration.ofMillis(500));
        alice.connect(E2e.credentials(grid, ALICE));
        grid.setDisplayName(BOB.agentId(), "Bobby Tables");
        UUID stranger = UUID.randomUUID();

        Map<UUID, String> legacy = alice.names().legacyNames(List.of(ALICE.agentId(), BOB.agentId()))
                .get(5, TimeUnit.SECONDS);
        assertThat(legacy).containsEntry(ALICE.agentId(), "Alice Tester").containsEntry(BOB.agentId(), "Bob Tester");
        assertThat(grid.simulator().receivedMessages(ALICE.agentId())).filteredOn("UUIDNameRequest"::equals).hasSize(1);
        assertThat(alice.names().cachedLegacyName(BOB.agentId())).contains("Bob Tester");

        awaitCondition(() -> alice.names().displayNamesOffered()); // once the seed capability answered
        DisplayName bobby = alice.names().displayName(BOB.agentId()).get(5, TimeUnit.SECONDS);
        assertThat(bobby.displayName()).isEqualTo("Bobby Tables");
        assertThat(bobby.username()).isEqualTo("bob.tester");
        assertThat(bobby.legacyName()).isEqualTo("Bob Tester");
        assertThat(bobby.isDefault()).isFalse();
        assertThat(grid.capsServer().orElseThrow().requests()).extracting(RecordedRequest::capability)
                .contains("GetDisplayNames");

        // The simulator does not answer for an id it does not know: the future times out, typed.
        assertThatThrownBy(() -> alice.names().legacyName(stranger).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NameLookupException.class)
                .extracting(e -> ((NameLookupException) e).kind()).isEqualTo(NameLookupException.Kind.TIMEOUT);
        // The capability names it in bad_ids: that fails at once.
        assertThatThrownBy(() -> alice.names().displayName(stranger).get(5, TimeUnit.SECONDS))
                .cause().extracting(e -> ((NameLookupException) e).kind()).isEqualTo(NameLookupException.Kind.UNKNOWN_ID);
    }

    @Test
    void namesFailWhenNotConnected() throws Exception {
        start(100);
        alice = client(Duration.ofSeconds(5));
        assertThatThrownBy(() -> alice.names().legacyName(BOB.agentId()).get(5, TimeUnit.SECONDS))
                .cause().extracting(e -> ((NameLookupException) e).kind()).isEqualTo(NameLookupException.Kind.NOT_CONNECTED);
    }

    @Test
    void theParcelRegionTimeAndGroupArriveOnTheirOwn() throws Exception {
        start(100);
        alice = E2e.client();
        try (EventStream events = alice.events().events(4096)) {
            alice.connect(E2e.credentials(grid, ALICE));
            Parcel parcel = events.awaitEvent(ParcelEntered.class, WAIT).parcel();
            assertThat(parcel.name()).isEqualTo("Testville Commons");
            assertThat(parcel.area()).isEqualTo(65536);
            assertThat(parcel.musicUrl()).isEqualTo("http://music.invalid/stream");
            assertThat(parcel.mediaUrl()).isEqualTo("http://media.invalid/welcome.html");
            assertThat(parcel.hasFlag(Parcel.FLAG_ALLOW_FLY)).isTrue();
            assertThat(parcel.regionHandle()).isEqualTo(grid.simulator().region().handle());
            assertThat(grid.capsServer().orElseThrow().requests()).isNotEmpty();
            assertThat(grid.simulator().receivedMessages(ALICE.agentId())).contains("ParcelPropertiesRequest");

            awaitCondition(() -> alice.surroundings().regionDetails().isPresent()
                    && alice.surroundings().agentGroup().isPresent() && alice.surroundings().time().isPresent());
            RegionDetails details = alice.surroundings().regionDetails().orElseThrow();
            assertThat(details.name()).isEqualTo("Testville");
            assertThat(details.productName()).isEqualTo("slnet test region");
            assertThat(details.maxAgents()).isEqualTo(100);
            RegionTime time = alice.surroundings().time().orElseThrow();
            assertThat(time.secondsPerDay()).isEqualTo(14400);
            assertThat(time.dayFraction()).isBetween(0.0, 1.0);
            var group = alice.surroundings().agentGroup().orElseThrow();
            assertThat(group.groupName()).isEqualTo("Test Group");
            assertThat(group.groupTitle()).isEqualTo("Tester");
            assertThat(group.hasActiveGroup()).isTrue();
        }
    }

    private static Avatar awaitAvatar(Client client, UUID id, java.util.function.Predicate<Avatar> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var found = client.avatars().get(id).filter(condition);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no avatar " + id + " as expected; have " + client.avatars().all());
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(10);
        }
    }
}
