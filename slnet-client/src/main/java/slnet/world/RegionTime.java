package slnet.world;

import java.util.Objects;
import slnet.protocol.types.Vector3;

/**
 * A region's clock and sun, from {@code SimulatorViewerTimeMessage}. Immutable.
 *
 * @param regionHandle the region
 * @param usecSinceStart the simulator's time, microseconds since the grid's epoch
 * @param secondsPerDay the length of a region day, seconds (14400 on Second Life)
 * @param secondsPerYear the length of a region year, seconds
 * @param sunDirection the unit vector towards the sun; zero from simulators that describe the sky with
 *     environment settings instead (OpenSimulator 0.9.2 does)
 * @param sunPhase the sun's phase, radians (0 to 2 pi over a day)
 * @param sunAngularVelocity how fast the sun moves, radians per second
 */
public record RegionTime(long regionHandle, long usecSinceStart, int secondsPerDay, int secondsPerYear,
                         Vector3 sunDirection, float sunPhase, Vector3 sunAngularVelocity) {
    /** Checks that nothing is null. */
    public RegionTime {
        Objects.requireNonNull(sunDirection, "sunDirection");
        Objects.requireNonNull(sunAngularVelocity, "sunAngularVelocity");
    }

    /**
     * Returns how far through the region's day it is, 0 (inclusive) to 1 (exclusive); 0 if a day has no length.
     *
     * @return how far through the region's day it is, 0 (inclusive) to 1 (exclusive); 0 if a day has no length
     */
    public double dayFraction() {
        if (secondsPerDay <= 0) {
            return 0;
        }
        long dayUsec = secondsPerDay * 1_000_000L;
        return (double) Long.remainderUnsigned(usecSinceStart, dayUsec) / dayUsec;
    }
}
