package slnet.testgrid.sim;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import slnet.circuit.Circuit;
import slnet.protocol.types.Vector3;

/**
 * A simulator's mutable record of one agent. The circuit is set once, before any message of the
 * circuit is handled; the rest is read from any thread.
 */
final class Agent {
    final AgentSession session;
    final int localId;
    final AtomicBoolean handshakeSent = new AtomicBoolean();
    final AtomicBoolean leaving = new AtomicBoolean();
    volatile Circuit circuit;
    volatile Vector3 position;
    volatile boolean inRegion;
    /** Set just before its AgentMovementComplete is sent: from then on its viewer is in the region. */
    volatile boolean movementCompleted;
    /** The root agents whose avatars this agent's viewer was sent; guarded by the region's lock. */
    final Set<Agent> shown = new HashSet<>();
    /** The root agents whose viewers were sent this agent's avatar; guarded by the region's lock. */
    final Set<Agent> shownTo = new HashSet<>();
    /** Where {@link AvatarCells} filed this agent, -1 if it is not filed; guarded by the region's lock. */
    int cell = -1;
    /** The control flags of its last AgentUpdate: what it holds down. */
    volatile int controlFlags;
    /** The body rotation of its last AgentUpdate, which walking follows. */
    volatile slnet.protocol.types.Quaternion bodyRotation = slnet.protocol.types.Quaternion.IDENTITY;
    /** Set by SetAlwaysRun. */
    volatile boolean alwaysRun;
    /** The object it sits on, 0 for none; guarded by the region's lock. */
    int seatLocalId;
    /** Where on the seat, in its frame; guarded by the region's lock. */
    Vector3 seatOffset = Vector3.ZERO;
    /** Sitting on the ground (AGENT_CONTROL_SIT_ON_GROUND until it stands). */
    volatile boolean onGround;
    /** The seat it asked for and was answered, until it confirms with AgentSit; guarded by the region's lock. */
    int pendingSeat;
    /** Where on the pending seat; guarded by the region's lock. */
    Vector3 pendingSeatOffset = Vector3.ZERO;

    Agent(AgentSession session, int localId, Vector3 position) {
        this.session = session;
        this.localId = localId;
        this.position = position;
    }

    AgentPresence presence() {
        Circuit c = circuit;
        return new AgentPresence(session.agentId(), session.fullName(), localId, position, inRegion,
                c == null ? null : c.remoteAddress());
    }

    /** True if the message's AgentID/SessionID pair is this agent's: viewers must not speak for others. */
    boolean owns(java.util.UUID agentId, java.util.UUID sessionId) {
        return session.agentId().equals(agentId) && session.sessionId().equals(sessionId);
    }

    static float distance(Vector3 a, Vector3 b) {
        float dx = a.x() - b.x();
        float dy = a.y() - b.y();
        float dz = a.z() - b.z();
        return (float) Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
