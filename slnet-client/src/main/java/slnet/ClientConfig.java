package slnet;

import java.util.Objects;
import slnet.network.NetworkConfig;

/**
 * How a {@link Client} behaves. Build with {@link #builder()}; validated when built.
 *
 * @param network the network manager's configuration (transport, timeouts, reconnect, ...)
 * @param publishTypingNotices whether start/stop-typing chat lines are published as {@link ChatReceived}
 */
public record ClientConfig(NetworkConfig network, boolean publishTypingNotices) {

    /** Checks that nothing is null. */
    public ClientConfig {
        Objects.requireNonNull(network, "network");
    }

    /** @return the defaults */
    public static ClientConfig defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ClientConfig}; not thread-safe. */
    public static final class Builder {
        private NetworkConfig network = NetworkConfig.defaults();
        private boolean publishTypingNotices;

        private Builder() {
        }

        /** @param v the network configuration @return this */
        public Builder network(NetworkConfig v) {
            network = v;
            return this;
        }

        /** @param v whether typing notices become events @return this */
        public Builder publishTypingNotices(boolean v) {
            publishTypingNotices = v;
            return this;
        }

        /** @return the validated configuration */
        public ClientConfig build() {
            return new ClientConfig(network, publishTypingNotices);
        }
    }
}
