package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.testing.LeakCheckExtension;

/** {@link Socks5UdpTransport} against the real Dante servers of {@code .ci/services.sh}. */
@Timeout(30)
@ExtendWith(LeakCheckExtension.class)
class Socks5UdpTransportDantedTest {

    private static Socks5Config.Builder config(InetSocketAddress proxy) {
        return Socks5Config.builder(proxy).connectTimeout(Duration.ofSeconds(5))
                .udp(UdpTransportTest.loopback());
    }

    @Test
    void roundTripThroughAProxyWithoutAuthentication() throws Exception {
        roundTrip(config(DantedProxies.noAuth()).build());
    }

    @Test
    void roundTripThroughAProxyWithUsernameAndPassword() throws Exception {
        // Default UDP settings (wildcard bind): the association must name the address the proxy sees.
        roundTrip(config(DantedProxies.usernamePassword()).udp(UdpTransportConfig.defaults())
                .credentials(DantedProxies.USERNAME, DantedProxies.PASSWORD).build());
    }

    private static void roundTrip(Socks5Config config) throws Exception {
        RecordingHandler received = new RecordingHandler();
        try (UdpEchoPeer echo = new UdpEchoPeer(); Socks5UdpTransport transport = Socks5UdpTransport.open(config)) {
            transport.start(received);
            transport.send(RecordingHandler.text("hello through socks"), echo.address());

            RecordingHandler.Received reply = received.take();
            assertThat(reply.text()).isEqualTo("hello through socks");
            assertThat(reply.source()).as("the encapsulated source, not the relay").isEqualTo(echo.address());
            assertThat(transport.relayAddress()).isNotEqualTo(echo.address());
            assertThat(transport.stats()).isEqualTo(new TransportStats(1, 19, 1, 19, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void manyDatagramsToTwoPeersKeepTheirSources() throws Exception {
        RecordingHandler received = new RecordingHandler();
        try (UdpEchoPeer first = new UdpEchoPeer(); UdpEchoPeer second = new UdpEchoPeer();
             Socks5UdpTransport transport = Socks5UdpTransport.open(config(DantedProxies.noAuth()).build())) {
            transport.start(received);
            ByteBuffer buffer = ByteBuffer.allocateDirect(4);
            for (int base = 0; base < 200; base += 20) {
                for (int i = base; i < base + 20; i++) {
                    transport.send(buffer.clear().putInt(i).flip(), (i % 2 == 0 ? first : second).address());
                }
                for (int i = base; i < base + 20; i++) {
                    RecordingHandler.Received reply = received.take();
                    int value = ByteBuffer.wrap(reply.payload()).getInt();
                    assertThat(reply.source()).isEqualTo((value % 2 == 0 ? first : second).address());
                }
            }
            assertThat(transport.stats().datagramsIn()).isEqualTo(200);
        }
    }

    @Test
    void aWrongPasswordFailsWithAuthenticationFailed() {
        Socks5Config config = config(DantedProxies.usernamePassword())
                .credentials(DantedProxies.USERNAME, "not-the-password").build();
        assertThatThrownBy(() -> Socks5UdpTransport.open(config).close())
                .isInstanceOfSatisfying(Socks5Exception.class,
                        e -> assertThat(e.reason()).isEqualTo(Socks5Exception.Reason.AUTHENTICATION_FAILED))
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void noCredentialsForAProxyThatWantsThemFailsWithNoAcceptableMethod() {
        Socks5Config config = config(DantedProxies.usernamePassword()).build();
        assertThatThrownBy(() -> Socks5UdpTransport.open(config).close())
                .isInstanceOfSatisfying(Socks5Exception.class,
                        e -> assertThat(e.reason()).isEqualTo(Socks5Exception.Reason.NO_ACCEPTABLE_METHOD))
                .hasMessageContaining("configure a username and password");
    }

    @Test
    void datagramsFromAnyoneButTheRelayAreDroppedAndCounted() throws Exception {
        RecordingHandler received = new RecordingHandler();
        try (UdpEchoPeer echo = new UdpEchoPeer(); DatagramChannel intruder = DatagramChannel.open();
             Socks5UdpTransport transport = Socks5UdpTransport.open(config(DantedProxies.noAuth()).build())) {
            transport.start(received);
            intruder.send(RecordingHandler.text("spoofed"), transport.localAddress());
            transport.send(RecordingHandler.text("genuine"), echo.address());
            assertThat(received.take().text()).isEqualTo("genuine");
            // The intruder's datagram was sent first on loopback, so it has been read by now.
            assertThat(transport.stats().foreignDropped()).isEqualTo(1);
            assertThat(received.poll(100)).isNull();
        }
    }

    @Test
    void closeEndsBothThreadsAndIsIdempotent() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Socks5UdpTransport transport = Socks5UdpTransport.open(config(DantedProxies.noAuth()).build());
        int port = transport.localAddress().getPort();
        transport.start((d, s) -> { }, new TransportListener() {
            @Override
            public void onFailed(TransportFailure failure) {
                events.add("failed " + failure);
            }

            @Override
            public void onClosed() {
                events.add("closed");
            }
        });
        assertThat(UdpTransportTest.threadNamed("slnet-socks5-ctl-" + port)).isTrue();
        transport.close();
        transport.close();
        assertThat(UdpTransportTest.threadNamed("slnet-socks5-ctl-" + port)).isFalse();
        assertThat(UdpTransportTest.threadNamed("slnet-socks5-rx-" + port)).isFalse();
        assertThat(events).containsExactly("closed");
    }

    @Test
    void anUnreachableProxyFailsWithProxyUnreachable() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) free.getLocalSocketAddress();
        }
        Socks5Config config = config(nobody).build();
        assertThatThrownBy(() -> Socks5UdpTransport.open(config).close())
                .isInstanceOfSatisfying(Socks5Exception.class,
                        e -> assertThat(e.reason()).isEqualTo(Socks5Exception.Reason.PROXY_UNREACHABLE))
                .hasMessageContaining(String.valueOf(nobody.getPort()));
    }
}
