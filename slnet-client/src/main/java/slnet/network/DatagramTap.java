package slnet.network;

import java.net.InetSocketAddress;

/**
 * Sees every datagram a {@link NetworkManager}'s circuits send or receive, whole and exactly as it
 * crossed the socket (header, possibly zerocoded body, appended acks), e.g. to write a capture
 * file. Inbound datagrams are shown before the circuit reads them, whoever sent them; outbound ones
 * after the transport took them.
 *
 * <p>Called on the network threads (the transport's receive thread, or whichever thread sends), so
 * it must be quick and must not block. The bytes are only valid during the call: copy what you keep.
 * An exception it throws is logged and ignored. Costs nothing when none is configured.
 */
@FunctionalInterface
public interface DatagramTap {
    /**
     * Takes one datagram.
     *
     * @param outbound true for a datagram sent, false for one received
     * @param simulator the other end: where it went, or where it came from
     * @param datagram holds the bytes; do not keep or change it
     * @param offset where the datagram starts in {@code datagram}
     * @param length its length in bytes
     */
    void onDatagram(boolean outbound, InetSocketAddress simulator, byte[] datagram, int offset, int length);
}
