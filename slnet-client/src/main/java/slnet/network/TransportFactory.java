package slnet.network;

import java.io.IOException;
import slnet.transport.DatagramTransport;
import slnet.transport.UdpTransport;

/**
 * Opens the one datagram transport a {@link NetworkManager} uses for all its circuits, e.g. a plain
 * UDP socket or UDP through a SOCKS5 proxy. The manager owns what this returns and closes it.
 */
@FunctionalInterface
public interface TransportFactory {

    /** A UDP socket on any local address and a free port. */
    TransportFactory UDP = UdpTransport::open;

    /**
     * Opens the transport.
     *
     * @return an open, not yet started transport
     * @throws IOException if it could not be opened
     */
    DatagramTransport open() throws IOException;
}
