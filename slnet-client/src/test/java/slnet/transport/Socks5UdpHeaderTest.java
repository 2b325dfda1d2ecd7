package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Socks5UdpHeaderTest {

    @Test
    void encodesIpv4AndIpv6Destinations() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 13000);
        assertThat(Socks5UdpHeader.udpHeader(v4)).containsExactly(0, 0, 0, 1, 192 - 256, 0, 2, 7, 0x32, 0xC8);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 1);
        byte[] header = Socks5UdpHeader.udpHeader(v6);
        assertThat(header).hasSize(3 + 1 + 16 + 2);
        assertThat(header[3]).isEqualTo((byte) 4);
        assertThat(header[header.length - 1]).isEqualTo((byte) 1);
    }

    @Test
    void readsWhatItEncodesAndLeavesThePositionAtThePayload() throws Exception {
        Socks5UdpHeader.Reader reader = new Socks5UdpHeader.Reader();
        for (String host : new String[] {"192.0.2.7", "2001:db8::1", "192.0.2.7"}) {
            InetSocketAddress source = new InetSocketAddress(InetAddress.getByName(host), 9000);
            ByteBuffer datagram = ByteBuffer.allocate(64).put(Socks5UdpHeader.udpHeader(source)).put((byte) 42).flip();
            assertThat(reader.read(datagram)).isEqualTo(source);
            assertThat(datagram.remaining()).isEqualTo(1);
            assertThat(datagram.get()).isEqualTo((byte) 42);
        }
    }

    @Test
    void reusesTheSourceOfARepeatedSender() throws Exception {
        Socks5UdpHeader.Reader reader = new Socks5UdpHeader.Reader();
        byte[] header = Socks5UdpHeader.udpHeader(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 9000));
        InetSocketAddress first = reader.read(ByteBuffer.wrap(header));
        assertThat(reader.read(ByteBuffer.wrap(header))).isSameAs(first);
    }

    /** Whatever arrives from the relay, the reader answers null or an address; it never throws. */
    @Property(tries = 2000)
    void neverThrowsOnArbitraryBytes(@ForAll @Size(max = 40) byte[] bytes) {
        ByteBuffer datagram = ByteBuffer.wrap(bytes);
        InetSocketAddress source = new Socks5UdpHeader.Reader().read(datagram);
        if (source == null) {
            assertThat(datagram.position()).isZero();
        } else {
            assertThat(datagram.position()).isIn(10, 22);
        }
    }
}
