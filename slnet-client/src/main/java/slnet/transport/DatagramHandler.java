package slnet.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Receives the datagrams a {@link DatagramTransport} reads.
 *
 * <p>Called on the transport's single receive thread, one datagram at a time, never
 * concurrently. The {@code datagram} buffer belongs to the transport and is reused for the next
 * datagram: its bytes are valid only during the call, from its position to its limit. A handler
 * that needs them later must copy them. It may move the buffer's position and limit; changes are
 * discarded after the call. The buffer is direct (no backing array), and its position need not be
 * 0 (through SOCKS5, the unwrapped header precedes it): read relative to the position, or slice. A handler should be quick: while it runs, nothing is read from the
 * socket (the kernel's receive buffer absorbs bursts).
 *
 * <p>A handler that throws does not stop the transport: the exception is counted
 * ({@link TransportStats#handlerExceptions()}), logged, and the next datagram is delivered.
 */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * Handles one datagram.
     *
     * @param datagram the payload, from position to limit; valid only during this call
     * @param source   who sent it; through a SOCKS5 proxy, the original sender, not the relay
     */
    void onDatagram(ByteBuffer datagram, InetSocketAddress source);
}
