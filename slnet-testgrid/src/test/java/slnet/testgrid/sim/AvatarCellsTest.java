package slnet.testgrid.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import slnet.protocol.messages.CoarseLocationUpdate;
import slnet.protocol.types.Vector3;

class AvatarCellsTest {

    private static Agent agent(int i, Vector3 position) {
        return new Agent(new AgentSession(new UUID(0, i), new UUID(1, i), i, "Load", "Bot" + i), 1000 + i, position);
    }

    private static List<Agent> scatter(long seed, int count, float spread) {
        java.util.Random random = new java.util.Random(seed);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // some outside the region: a test may put an avatar there
            agents.add(agent(i, new Vector3(random.nextFloat() * spread - 20, random.nextFloat() * spread - 20,
                    random.nextFloat() * 60)));
        }
        return agents;
    }

    @Property(tries = 200)
    void rangeQueriesFindExactlyWhatAFullScanFinds(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count,
            @ForAll @FloatRange(min = 0, max = 120) float range, @ForAll @IntRange(min = 0, max = 299) int probe) {
        List<Agent> agents = scatter(seed, count, 300);
        AvatarCells cells = new AvatarCells();
        agents.forEach(cells::add);
        Vector3 centre = count == 0 ? new Vector3(128, 128, 20) : agents.get(probe % count).position;
        Set<Agent> found = new HashSet<>();
        cells.forEachWithin(centre, range, found::add);
        Set<Agent> expected = new HashSet<>();
        for (Agent a : agents) {
            if (Agent.distance(centre, a.position) <= range) {
                expected.add(a);
            }
        }
        assertThat(found).isEqualTo(expected);
        assertThat(cells.size()).isEqualTo(count);
    }

    @Test
    void movedAndRemovedAgentsAreFoundWhereTheyAreNow() {
        AvatarCells cells = new AvatarCells();
        Agent a = agent(1, new Vector3(10, 10, 20));
        Agent b = agent(2, new Vector3(200, 200, 20));
        cells.add(a);
        cells.add(b);
        a.position = new Vector3(199, 199, 20);
        cells.moved(a);
        Set<Agent> near = new HashSet<>();
        cells.forEachWithin(new Vector3(200, 200, 20), 5, near::add);
        assertThat(near).containsExactlyInAnyOrder(a, b);
        cells.remove(b);
        near.clear();
        cells.forEachWithin(new Vector3(200, 200, 20), 5, near::add);
        assertThat(near).containsExactly(a);
        assertThat(cells.size()).isEqualTo(1);
    }

    @Test
    void nearestFirstVisitsCloseCellsBeforeFarOnesAndStopsWhenAsked() {
        AvatarCells cells = new AvatarCells();
        Agent far = agent(1, new Vector3(250, 250, 20));
        Agent near = agent(2, new Vector3(130, 131, 20));
        Agent middle = agent(3, new Vector3(170, 128, 20));
        cells.add(far);
        cells.add(near);
        cells.add(middle);
        List<Agent> order = new ArrayList<>();
        cells.visitNearestFirst(new Vector3(128, 128, 20), a -> order.add(a));
        assertThat(order).containsExactly(near, middle, far);
        order.clear();
        cells.visitNearestFirst(new Vector3(128, 128, 20), a -> order.add(a) && order.size() < 2);
        assertThat(order).containsExactly(near, middle);
    }

    @Test
    void coarseLocationsListAtMostSixtyAndTellEachListedAgentItsIndex() {
        List<Agent> roots = scatter(7, 75, 256);
        List<CoarseLocationUpdate> round = CoarseLocations.round(roots);
        assertThat(round).hasSize(75);
        for (int i = 0; i < 75; i++) {
            CoarseLocationUpdate m = round.get(i);
            assertThat(m.location()).hasSize(CoarseLocations.MAX_PER_MESSAGE);
            assertThat(m.agentData()).hasSize(CoarseLocations.MAX_PER_MESSAGE);
            assertThat(m.index().you()).isEqualTo(i < 60 ? i : -1);
            assertThat(m.index().prey()).isEqualTo(-1);
        }
        assertThat(round.get(3).agentData().get(3).agentID()).isEqualTo(roots.get(3).session.agentId());
        assertThat(round.subList(60, 75)).allSatisfy(m -> assertThat(m).isSameAs(round.get(60)));
        assertThat(CoarseLocations.location(new Vector3(300.5f, -4, 100))).isEqualTo(
                new CoarseLocationUpdate.Location(255, 0, 25));
    }
}
