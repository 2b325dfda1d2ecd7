package slnet.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How a {@link UdpTransport} sets up its socket. Validated on construction; use {@link #builder()}.
 *
 * @param bindAddress        local address and port to bind; port 0 picks a free one
 * @param receiveBufferBytes requested SO_RCVBUF; the kernel may grant less (Linux caps it at
 *                           {@code net.core.rmem_max})
 * @param maxDatagramBytes   the largest payload accepted in either direction; a larger received
 *                           datagram is dropped and counted in {@link TransportStats#oversizeDropped()}
 */
public record UdpTransportConfig(InetSocketAddress bindAddress, int receiveBufferBytes, int maxDatagramBytes) {

    /** Bursts of a busy region fit in 2 MiB without the kernel dropping datagrams. */
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 2 * 1024 * 1024;
    /** Larger than any Second Life packet (the simulator's MTU is 1200 bytes plus headers). */
    public static final int DEFAULT_MAX_DATAGRAM_BYTES = 8192;
    /** The largest UDP payload over IPv4. */
    public static final int MAX_UDP_PAYLOAD_BYTES = 65_507;

    /** Validates the fields. */
    public UdpTransportConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (bindAddress.isUnresolved()) {
            throw new IllegalArgumentException("bindAddress must be resolved: " + bindAddress);
        }
        if (receiveBufferBytes < 1024) {
            throw new IllegalArgumentException("receiveBufferBytes must be >= 1024: " + receiveBufferBytes);
        }
        if (maxDatagramBytes < 1 || maxDatagramBytes > MAX_UDP_PAYLOAD_BYTES) {
            throw new IllegalArgumentException(
                    "maxDatagramBytes must be in 1.." + MAX_UDP_PAYLOAD_BYTES + ": " + maxDatagramBytes);
        }
    }

    /**
     * The defaults: any local address, a free port, 2 MiB receive buffer, 8192-byte datagrams.
     *
     * @return the default configuration
     */
    public static UdpTransportConfig defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link UdpTransportConfig}; validation happens in {@link #build()}. */
    public static final class Builder {
        private InetSocketAddress bindAddress = new InetSocketAddress(0);
        private int receiveBufferBytes = DEFAULT_RECEIVE_BUFFER_BYTES;
        private int maxDatagramBytes = DEFAULT_MAX_DATAGRAM_BYTES;

        private Builder() { }

        /**
         * Sets the local address to bind.
         *
         * @param bindAddress resolved address; port 0 for any free port
         * @return this
         */
        public Builder bindAddress(InetSocketAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * Sets the requested SO_RCVBUF.
         *
         * @param receiveBufferBytes at least 1024
         * @return this
         */
        public Builder receiveBufferBytes(int receiveBufferBytes) {
            this.receiveBufferBytes = receiveBufferBytes;
            return this;
        }

        /**
         * Sets the largest datagram payload.
         *
         * @param maxDatagramBytes 1..65507
         * @return this
         */
        public Builder maxDatagramBytes(int maxDatagramBytes) {
            this.maxDatagramBytes = maxDatagramBytes;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException if the bind address is null
         */
        public UdpTransportConfig build() {
            return new UdpTransportConfig(bindAddress, receiveBufferBytes, maxDatagramBytes);
        }
    }
}
