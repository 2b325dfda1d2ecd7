package slnet.transport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The RFC 1928 UDP request header: RSV (2 bytes, 0), FRAG (1 byte), ATYP, DST.ADDR, DST.PORT.
 * Also the ATYP/ADDR/PORT triple the TCP requests use.
 */
final class Socks5UdpHeader {

    /** RSV + FRAG + ATYP + a domain name of up to 255 bytes + its length + PORT. */
    static final int MAX_HEADER_BYTES = 3 + 1 + 1 + 255 + 2;
    /** The smallest header: an IPv4 address. */
    static final int MIN_HEADER_BYTES = 3 + 1 + 4 + 2;

    private Socks5UdpHeader() { }

    /** ATYP, ADDR and PORT of a resolved address. */
    static byte[] encode(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        byte[] raw = ip.getAddress();
        byte[] out = new byte[1 + raw.length + 2];
        out[0] = (byte) (ip instanceof Inet4Address ? Socks5Handshake.ATYP_IPV4 : Socks5Handshake.ATYP_IPV6);
        System.arraycopy(raw, 0, out, 1, raw.length);
        out[out.length - 2] = (byte) (address.getPort() >>> 8);
        out[out.length - 1] = (byte) address.getPort();
        return out;
    }

    /** The full UDP request header for a destination, FRAG 0. */
    static byte[] udpHeader(InetSocketAddress destination) {
        byte[] address = encode(destination);
        byte[] header = new byte[3 + address.length];
        System.arraycopy(address, 0, header, 3, address.length);
        return header;
    }

    /**
     * Reads the header of a datagram from the relay, and remembers the last source so a steady
     * stream from one simulator costs no allocation. Receive thread only.
     */
    static final class Reader {
        private final byte[] lastAddress16 = new byte[16];
        private int lastAddressLength;
        private int lastPort = -1;
        private InetSocketAddress lastSource;

        /**
         * Parses the header at {@code datagram}'s position and, if it is acceptable, advances the
         * position to the payload.
         *
         * @return the encapsulated source, or null if the datagram is malformed, fragmented, or
         *         names its source by domain (a relay answering a UDP request never should)
         */
        InetSocketAddress read(ByteBuffer datagram) {
            int start = datagram.position();
            if (datagram.remaining() < MIN_HEADER_BYTES) {
                return null;
            }
            // RSV is ignored: some relays do not zero it, and it carries nothing.
            if (datagram.get(start + 2) != 0) {
                return null; // FRAG: fragment reassembly is optional and nobody uses it
            }
            int type = datagram.get(start + 3);
            int addressLength = switch (type) {
                case Socks5Handshake.ATYP_IPV4 -> 4;
                case Socks5Handshake.ATYP_IPV6 -> 16;
                default -> -1;
            };
            if (addressLength < 0 || datagram.remaining() < 4 + addressLength + 2) {
                return null;
            }
            int addressAt = start + 4;
            int port = ((datagram.get(addressAt + addressLength) & 0xFF) << 8)
                    | (datagram.get(addressAt + addressLength + 1) & 0xFF);
            datagram.position(addressAt + addressLength + 2);
            if (port == lastPort && addressLength == lastAddressLength
                    && sameBytes(datagram, addressAt, addressLength)) {
                return lastSource;
            }
            byte[] address = new byte[addressLength];
            datagram.get(addressAt, address);
            try {
                lastSource = new InetSocketAddress(InetAddress.getByAddress(address), port);
            } catch (UnknownHostException e) {
                throw new AssertionError("4 or 16 bytes are always an address", e);
            }
            System.arraycopy(address, 0, lastAddress16, 0, addressLength);
            lastAddressLength = addressLength;
            lastPort = port;
            return lastSource;
        }

        private boolean sameBytes(ByteBuffer datagram, int at, int length) {
            for (int i = 0; i < length; i++) {
                if (datagram.get(at + i) != lastAddress16[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
