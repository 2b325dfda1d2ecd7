package slnet.testgrid.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import slnet.protocol.types.Vector3;

/**
 * The root agents of a region by where they stand, in square cells of {@value #CELL_METERS} m, so
 * that "who is within 20 m" and "who is nearest" look at the cells in range instead of at every
 * agent. Positions outside the region (a test may put an avatar there) count in the edge cells.
 * Not thread-safe: the region guards it with its own lock.
 */
final class AvatarCells {
    static final float CELL_METERS = 16f;
    private static final int SIDE = 16; // 256 m / 16 m
    private final List<Set<Agent>> cells = new ArrayList<>(SIDE * SIDE);
    private int size;

    AvatarCells() {
        for (int i = 0; i < SIDE * SIDE; i++) {
            cells.add(new LinkedHashSet<>());
        }
    }

    int size() {
        return size;
    }

    /** Files the agent at its current position; {@link Agent#cell} remembers where. */
    void add(Agent agent) {
        int cell = cellOf(agent.position);
        if (cells.get(cell).add(agent)) {
            size++;
        }
        agent.cell = cell;
    }

    void remove(Agent agent) {
        if (agent.cell >= 0 && cells.get(agent.cell).remove(agent)) {
            size--;
        }
        agent.cell = -1;
    }

    /** Refiles an agent whose position changed. */
    void moved(Agent agent) {
        int cell = cellOf(agent.position);
        if (cell != agent.cell && agent.cell >= 0) {
            cells.get(agent.cell).remove(agent);
            cells.get(cell).add(agent);
            agent.cell = cell;
        }
    }

    /** Calls {@code action} for every filed agent within {@code range} meters (3D) of {@code centre}. */
    void forEachWithin(Vector3 centre, float range, Consumer<Agent> action) {
        int x0 = clamp((int) Math.floor((centre.x() - range) / CELL_METERS));
        int x1 = clamp((int) Math.floor((centre.x() + range) / CELL_METERS));
        int y0 = clamp((int) Math.floor((centre.y() - range) / CELL_METERS));
        int y1 = clamp((int) Math.floor((centre.y() + range) / CELL_METERS));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                for (Agent agent : cells.get(y * SIDE + x)) {
                    if (Agent.distance(centre, agent.position) <= range) {
                        action.accept(agent);
                    }
                }
            }
        }
    }

    /**
     * Visits filed agents ring by ring outwards from {@code centre}'s cell (roughly nearest first)
     * until the visitor returns false or every agent was visited.
     */
    void visitNearestFirst(Vector3 centre, Predicate<Agent> visitor) {
        int cx = clamp((int) Math.floor(centre.x() / CELL_METERS));
        int cy = clamp((int) Math.floor(centre.y() / CELL_METERS));
        for (int ring = 0; ring < SIDE; ring++) {
            for (int y = cy - ring; y <= cy + ring; y++) {
                for (int x = cx - ring; x <= cx + ring; x++) {
                    boolean onRing = Math.abs(x - cx) == ring || Math.abs(y - cy) == ring;
                    if (!onRing || x < 0 || y < 0 || x >= SIDE || y >= SIDE) {
                        continue;
                    }
                    for (Agent agent : cells.get(y * SIDE + x)) {
                        if (!visitor.test(agent)) {
                            return;
                        }
                    }
                }
            }
        }
    }

    private static int cellOf(Vector3 position) {
        int x = clamp((int) Math.floor(position.x() / CELL_METERS));
        int y = clamp((int) Math.floor(position.y() / CELL_METERS));
        return y * SIDE + x;
    }

    private static int clamp(int cell) {
        return Math.max(0, Math.min(SIDE - 1, cell));
    }
}
