package slnet.testgrid.sim;

import java.util.ArrayList;
import java.util.List;
import slnet.protocol.messages.CoarseLocationUpdate;
import slnet.protocol.types.Vector3;

/**
 * The periodic {@code CoarseLocationUpdate} of a region (the dots on the viewer's mini-map), built
 * from one snapshot of the root agents per interval. As OpenSimulator does, a message lists at most
 * {@value #MAX_PER_MESSAGE} avatars, the same ones for everybody; each listed agent gets its own
 * index in {@code You}, everyone else shares one message with {@code You = -1}. So one round costs
 * one send per agent and at most {@value #MAX_PER_MESSAGE} + 1 distinct messages. Stateless.
 */
final class CoarseLocations {
    /** OpenSimulator's cap on avatars per message. */
    static final int MAX_PER_MESSAGE = 60;
    private static final CoarseLocationUpdate.Index NOT_LISTED = new CoarseLocationUpdate.Index(-1, -1);

    private CoarseLocations() {
    }

    /** Sends one round to {@code roots}, unreliably, as simulators do (the next round replaces it). */
    static void send(List<Agent> roots) {
        List<CoarseLocationUpdate> round = round(roots);
        for (int i = 0; i < roots.size(); i++) {
            roots.get(i).circuit.send(round.get(i));
        }
    }

    /** @return the message for each of {@code roots}, in order; at most 61 distinct ones */
    static List<CoarseLocationUpdate> round(List<Agent> roots) {
        int listed = Math.min(roots.size(), MAX_PER_MESSAGE);
        List<CoarseLocationUpdate.Location> locations = new ArrayList<>(listed);
        List<CoarseLocationUpdate.AgentData> ids = new ArrayList<>(listed);
        for (int i = 0; i < listed; i++) {
            Agent agent = roots.get(i);
            locations.add(location(agent.position));
            ids.add(new CoarseLocationUpdate.AgentData(agent.session.agentId()));
        }
        List<CoarseLocationUpdate.Location> frozenLocations = List.copyOf(locations);
        List<CoarseLocationUpdate.AgentData> frozenIds = List.copyOf(ids);
        CoarseLocationUpdate unlisted = new CoarseLocationUpdate(frozenLocations, NOT_LISTED, frozenIds);
        List<CoarseLocationUpdate> round = new ArrayList<>(roots.size());
        for (int i = 0; i < roots.size(); i++) {
            round.add(i < listed
                    ? new CoarseLocationUpdate(frozenLocations, new CoarseLocationUpdate.Index(i, -1), frozenIds)
                    : unlisted);
        }
        return round;
    }

    /** Meters as bytes: x and y clamped to 0..255, z in units of 4 m. */
    static CoarseLocationUpdate.Location location(Vector3 position) {
        return new CoarseLocationUpdate.Location(clampByte(position.x()), clampByte(position.y()),
                clampByte(position.z() / 4f));
    }

    private static int clampByte(float v) {
        return Float.isNaN(v) ? 0 : (int) Math.max(0, Math.min(255, v));
    }
}
