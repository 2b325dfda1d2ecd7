package slnet;

import java.util.Objects;
import slnet.network.NetworkConfig;

/**
 * How a {@link Client} behaves. Build with {@link #builder()}; validated when built.
 *
 * @param network the network manager's configuration (transport, timeouts, reconnect, ...)
 * @param publishTypingNotices whether start/stop-typing chat lines are published as {@link ChatReceived}
 * @param objectTracking whether the client keeps the objects around it ({@link Client#world()}); on by
 *                       default. A bot that never looks at the world (a load tester's idle bot) turns it
 *                       off and does not hold a copy of every avatar and prim in view, as
 *                       LibreMetaverse's {@code OBJECT_TRACKING} setting does; avatars
 *                       ({@link Client#avatars()}) and the requests for the parcel, region details
 *                       and active group on arrival go with it
 * @param names how {@link Client#names()} batches, waits and caches
 * @param restartPolicy what to do when the agent's region warns of a restart ({@link RestartPolicy#stay()}
 *                      by default)
 */
public record ClientConfig(NetworkConfig network, boolean publishTypingNotices, boolean objectTracking,
                           slnet.names.Names.Config names, RestartPolicy restartPolicy) {

    /** Checks that nothing is null. */
    public ClientConfig {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(restartPolicy, "restartPolicy");
    }

    /**
     * Returns the defaults.
     *
     * @return the defaults
     */
    public static ClientConfig defaults() {
        return builder().build();
    }

    /**
     * Returns a builder with the defaults.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ClientConfig}; not thread-safe. */
    public static final class Builder {
        private NetworkConfig network = NetworkConfig.defaults();
        private boolean publishTypingNotices;
        private boolean objectTracking = true;
        private RestartPolicy restartPolicy = RestartPolicy.stay();
        private slnet.names.Names.Config names = slnet.names.Names.Config.DEFAULTS;

        private Builder() {
        }

        /**
         * Sets the network configuration.
         *
         * @param v the network configuration
         * @return this
         */
        public Builder network(NetworkConfig v) {
            network = v;
            return this;
        }

        /**
         * Sets whether typing notices become events.
         *
         * @param v whether typing notices become events
         * @return this
         */
        public Builder publishTypingNotices(boolean v) {
            publishTypingNotices = v;
            return this;
        }

        /**
         * Sets whether the client keeps the objects around it (default true).
         *
         * @param v whether the client keeps the objects around it (default true)
         * @return this
         */
        public Builder objectTracking(boolean v) {
            objectTracking = v;
            return this;
        }

        /**
         * Sets what to do when the agent's region warns of a restart (default stay).
         *
         * @param v what to do when the agent's region warns of a restart (default stay)
         * @return this
         */
        public Builder restartPolicy(RestartPolicy v) {
            restartPolicy = v;
            return this;
        }

        /**
         * Sets how name lookups batch, wait and cache (default {@link slnet.names.Names.Config#DEFAULTS}).
         *
         * @param v how name lookups batch, wait and cache (default {@link slnet.names.Names.Config#DEFAULTS})
         * @return this
         */
        public Builder names(slnet.names.Names.Config v) {
            names = v;
            return this;
        }

        /**
         * Returns the validated configuration.
         *
         * @return the validated configuration
         */
        public ClientConfig build() {
            return new ClientConfig(network, publishTypingNotices, objectTracking, names, restartPolicy);
        }
    }
}
