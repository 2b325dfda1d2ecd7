package slnet.testgrid.sim;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import slnet.circuit.Circuit;
import slnet.protocol.messages.DisableSimulator;
import slnet.protocol.messages.TeleportFinish;
import slnet.protocol.messages.TeleportLocationRequest;
import slnet.protocol.types.Vector3;

/**
 * How agents leave a region for another: teleports the viewer asks for and border crossings the
 * simulator decides. The source region speaks; the destination only learns where the agent will
 * stand, and takes the viewer's {@code CompleteAgentMovement} as the arrival. Thread-safe: it keeps
 * no state of its own.
 */
final class Travel {
    private static final Logger LOG = LoggerFactory.getLogger(Travel.class);
    static final int VIA_LANDMARK = 1 << 3;
    static final int VIA_LOCATION = 1 << 4;
    /** TELEPORT_FLAGS_VIA_LURE. */
    static final int VIA_LURE = 1 << 2;
    static final int VIA_HOME = 1 << 5;
    static final int FINISHED_VIA_NEW_SIM = 1 << 28;
    static final int FINISHED_VIA_SAME_SIM = 1 << 29;
    /** The viewer's teleport message keys, which it looks up in its own strings. */
    static final String NO_HOST = "no_host";
    static final String NO_LANDMARK = "nolandmark_tp";
    private static final float REGION_WIDTH = 256f;
    private static final UUID HOME_LANDMARK = new UUID(0, 0);
    private static final Vector3 EAST = new Vector3(1, 0, 0);

    private final Region region;
    private final RegionMessages messages;
    private final long departureGraceNs;

    Travel(Region region, RegionMessages messages, long departureGraceNs) {
        this.region = region;
        this.messages = messages;
        this.departureGraceNs = departureGraceNs;
    }

    void teleportToLocation(Agent agent, TeleportLocationRequest.Info info) {
        teleport(agent, info.regionHandle(), info.position(), info.lookAt(), VIA_LOCATION);
    }

    /** Follows a lure the grid issued to this agent; an unknown or someone else's lure fails. */
    void teleportByLure(Agent agent, UUID lureId) {
        Optional<GridMap.Lure> lure = region.grid.takeLure(lureId, agent.session.agentId());
        if (lure.isEmpty()) {
            agent.circuit.sendReliable(RegionMessages.teleportFailed(agent.session.agentId(), "no such teleport offer"));
            return;
        }
        teleport(agent, lure.get().regionHandle(), lure.get().position(), new Vector3(1, 0, 0), VIA_LURE);
    }

    /** A zero landmark id is the viewer's "teleport home"; the grid keeps no other landmarks. */
    void teleportToLandmark(Agent agent, UUID landmarkId) {
        Optional<Simulator> home = region.grid.home();
        if (!HOME_LANDMARK.equals(landmarkId) || home.isEmpty()) {
            fail(agent, NO_LANDMARK);
            return;
        }
        teleport(agent, home.get().region().handle(), home.get().region().spawn(), EAST, VIA_HOME);
    }

    private void teleport(Agent agent, long handle, Vector3 position, Vector3 lookAt, int flags) {
        UUID id = agent.session.agentId();
        Optional<Simulator> dest = region.grid.simulatorAt(handle);
        if (dest.isEmpty() || !inside(position) || dest.get().behaviour().isDown()) {
            LOG.debug("teleport of {} to handle {} {} refused", id, Long.toUnsignedString(handle), position);
            fail(agent, NO_HOST);
            return;
        }
        Simulator to = dest.get();
        Circuit circuit = agent.circuit;
        CompletableFuture<Void> start = circuit.sendReliable(RegionMessages.teleportStart(flags));
        if (to == region.self) {
            start.whenComplete((ok, failure) -> {
                if (failure == null) {
                    circuit.sendReliable(messages.teleportLocal(id, position, lookAt, flags | FINISHED_VIA_SAME_SIM));
                    region.moveAgent(id, position);
                }
            });
            return;
        }
        CompletableFuture<Void> progress = circuit.sendReliable(
                RegionMessages.teleportProgress(id, flags, "sending_dest"));
        to.behaviour().expectArrival(id, position, lookAt);
        String seed = region.grid.seedCapability(agent.session, to).map(URI::toString).orElse("");
        TeleportFinish finish = RegionMessages.teleportFinish(id, to.address(), handle, seed,
                flags | FINISHED_VIA_NEW_SIM);
        // The viewer must have seen TeleportStart before the finish, which travels another path: queue
        // the finish once the viewer acknowledged both UDP messages.
        CompletableFuture.allOf(start, progress).whenComplete((ok, failure) -> {
            if (failure != null) {
                return; // the circuit is gone, and the agent with it
            }
            depart(agent, "teleported to " + to.region().name());
            if (region.disablesBeforeTeleportFinish()) {
                circuit.sendReliable(new DisableSimulator()).whenComplete((acked, lost) -> region.deliver(id, finish));
            } else {
                region.deliver(id, finish);
            }
        });
    }

    /**
     * Crosses the agent into the neighbour beyond the border, if the position is past one and a
     * region runs there.
     *
     * @return true if the agent crossed (the caller must not move it here)
     */
    boolean crossIfOutside(Agent agent, Vector3 position) {
        if (inside(position)) {
            return false;
        }
        RegionSettings here = region.settings();
        double gx = here.cornerX() + (double) position.x();
        double gy = here.cornerY() + (double) position.y();
        long cx = (long) Math.floor(gx / REGION_WIDTH) * 256;
        long cy = (long) Math.floor(gy / REGION_WIDTH) * 256;
        if (cx < 0 || cy < 0 || cx > 0xFFFF_FFFFL || cy > 0xFFFF_FFFFL) {
            return false;
        }
        Optional<Simulator> dest = region.grid.simulatorAt((cx << 32) | cy);
        if (dest.isEmpty() || dest.get() == region.self) {
            return false;
        }
        Simulator to = dest.get();
        UUID id = agent.session.agentId();
        Vector3 local = new Vector3((float) (gx - cx), (float) (gy - cy), position.z());
        Vector3 lookAt = heading(agent.position, position);
        to.behaviour().expectArrival(id, local, lookAt);
        String seed = region.grid.seedCapability(agent.session, to).map(URI::toString).orElse("");
        LOG.debug("agent {} crosses from {} into {} at {}", id, here.name(), to.region().name(), local);
        agent.position = position;
        depart(agent, "crossed into " + to.region().name());
        region.deliver(id, RegionMessages.crossedRegion(agent.session, to.address(), to.region().handle(), seed,
                local, lookAt));
        return true;
    }

    /** The agent is on its way elsewhere: a child here, dropped after a grace unless it stays a neighbour. */
    private void depart(Agent agent, String reason) {
        UUID id = agent.session.agentId();
        region.demote(id, reason);
        try {
            region.scheduler.schedule(() -> region.grid.reviewDeparted(region.self, id), departureGraceNs);
        } catch (RejectedExecutionException e) {
            // the simulator is closing: nothing left to review
        }
    }

    private void fail(Agent agent, String reason) {
        UUID id = agent.session.agentId();
        region.deliver(id, RegionMessages.teleportFailed(id, reason));
    }

    static boolean inside(Vector3 p) {
        return p.x() >= 0 && p.x() < REGION_WIDTH && p.y() >= 0 && p.y() < REGION_WIDTH;
    }

    private static Vector3 heading(Vector3 from, Vector3 to) {
        float dx = to.x() - from.x();
        float dy = to.y() - from.y();
        float length = (float) Math.sqrt(dx * dx + dy * dy);
        return length < 1e-3f ? EAST : new Vector3(dx / length, dy / length, 0);
    }
}
