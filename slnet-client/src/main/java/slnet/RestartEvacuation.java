package slnet;

import java.time.Instant;
import java.util.Objects;
import slnet.network.NetworkEvent;

/** What the {@link RestartPolicy} did about a region's restart. */
public sealed interface RestartEvacuation extends NetworkEvent.ExtensionEvent {

    /**
     * The agent left the restarting region for the fallback.
     *
     * @param from the region that restarts
     * @param to the fallback region
     * @param at when it arrived there
     */
    record Evacuated(String from, String to, Instant at) implements RestartEvacuation {
        /** Checks that nothing is null. */
        public Evacuated {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The region is back and so is the agent, where it stood before.
     *
     * @param region the region
     * @param attempts how many teleports it took
     * @param at when it arrived
     */
    record Returned(String region, int attempts, Instant at) implements RestartEvacuation {
        /** Checks that nothing is null. */
        public Returned {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A step failed: leaving (the agent stays and goes down with the region), or going back within
     * the policy's wait (the agent stays in the fallback region).
     *
     * @param region the region that restarts
     * @param returning false if leaving failed, true if going back did
     * @param reason why
     * @param at when it was given up
     */
    record Failed(String region, boolean returning, String reason, Instant at) implements RestartEvacuation {
        /** Checks that nothing is null. */
        public Failed {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
