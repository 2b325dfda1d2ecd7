package slnet;

import slnet.protocol.types.Vector3;

/**
 * One decision of the {@link Movement#moveTo} autopilot, on a position update: arrived, or which
 * way to face and whether to rise or sink. Pure, so that the steering is tested without a network
 * or a clock.
 *
 * @param arrived true if the agent is within the radius: release the controls
 * @param heading the way to face, radians counter-clockwise from east (unchanged unless off by more
 *                than the re-aim threshold)
 * @param up true to hold up (flying, target above)
 * @param down true to hold down (flying, target below)
 */
record AutopilotStep(boolean arrived, double heading, boolean up, boolean down) {
    /** Re-aim when the heading to the target is off by more than this, in radians (about 3 degrees). */
    static final double REAIM = 0.05;

    /**
     * Decides the next step.
     *
     * @param at where the agent is
     * @param target where it goes
     * @param radius how close is there
     * @param fly whether it flies (the height counts, and up/down steer it)
     * @param heading the way it faces now
     * @return the decision
     */
    static AutopilotStep steer(Vector3 at, Vector3 target, double radius, boolean fly, double heading) {
        double dx = target.x() - at.x();
        double dy = target.y() - at.y();
        double dz = fly ? target.z() - at.z() : 0;
        if (Math.sqrt(dx * dx + dy * dy + dz * dz) <= radius) {
            return new AutopilotStep(true, heading, false, false);
        }
        double next = heading;
        if (dx != 0 || dy != 0) {
            double yaw = Math.atan2(dy, dx);
            if (Math.abs(Math.IEEEremainder(yaw - heading, 2 * Math.PI)) > REAIM) {
                next = yaw;
            }
        }
        return new AutopilotStep(false, next, fly && dz > radius / 2, fly && dz < -radius / 2);
    }
}
