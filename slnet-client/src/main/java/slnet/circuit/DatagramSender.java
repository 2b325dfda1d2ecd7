package slnet.circuit;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Where a circuit hands its datagrams: a transport, or a test link. It must not keep the array
 * after returning, and should not block for long (it is called with the circuit's send lock held).
 */
@FunctionalInterface
public interface DatagramSender {
    /**
     * Sends one datagram.
     *
     * @param datagram the bytes
     * @param offset the first byte
     * @param length how many bytes
     * @param to the destination
     * @throws IOException if the transport failed to send it
     */
    void send(byte[] datagram, int offset, int length, InetSocketAddress to) throws IOException;
}
