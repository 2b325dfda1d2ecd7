package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.testing.LeakCheckExtension;
import slnet.transport.ScriptedSocks5Proxy.Behaviour;

/** {@link Socks5UdpTransport} against an in-test proxy, for what a real server won't do on cue. */
@Timeout(20)
@ExtendWith(LeakCheckExtension.class)
class Socks5UdpTransportScriptedTest {

    private static Socks5Config config(ScriptedSocks5Proxy proxy) {
        return Socks5Config.builder(proxy.address()).connectTimeout(Duration.ofSeconds(2))
                .udp(UdpTransportTest.loopback()).build();
    }

    @Test
    void aWildcardRelayAddressMeansTheProxysHost() throws Exception {
        RecordingHandler received = new RecordingHandler();
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.ANNOUNCE_WILDCARD_RELAY);
             UdpEchoPeer echo = new UdpEchoPeer();
             Socks5UdpTransport transport = Socks5UdpTransport.open(config(proxy))) {
            assertThat(transport.relayAddress()).isEqualTo(proxy.relayAddress());
            transport.start(received);
            transport.send(RecordingHandler.text("via wildcard"), echo.address());
            RecordingHandler.Received reply = received.take();
            assertThat(reply.text()).isEqualTo("via wildcard");
            assertThat(reply.source()).isEqualTo(echo.address());
        }
    }

    @Test
    void theAssociationNamesTheLocalSocketAndEachDatagramCarriesTheRequestHeader() throws Exception {
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.RELAY);
             UdpEchoPeer echo = new UdpEchoPeer();
             Socks5UdpTransport transport = Socks5UdpTransport.open(config(proxy))) {
            RecordingHandler received = new RecordingHandler();
            transport.start(received);
            assertThat(proxy.requestedClientAddress).isEqualTo(transport.localAddress());
            transport.send(RecordingHandler.text("x"), echo.address());
            received.take();
            int port = echo.address().getPort();
            assertThat(proxy.headersFromClient).singleElement().isEqualTo(
                    new byte[] {0, 0, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
        }
    }

    @Test
    void usernameAndPasswordAreSentPerRfc1929() throws Exception {
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.RELAY, "ünïcode", "pa:ss word")) {
            Socks5Config good = Socks5Config.builder(proxy.address()).credentials("ünïcode", "pa:ss word")
                    .udp(UdpTransportTest.loopback()).build();
            try (Socks5UdpTransport transport = Socks5UdpTransport.open(good)) {
                proxy.awaitAssociation();
                assertThat(proxy.requestedClientAddress).isEqualTo(transport.localAddress());
            }
        }
    }

    @Test
    void fragmentedMalformedAndDomainAddressedDatagramsAreDroppedAndCounted() throws Exception {
        RecordingHandler received = new RecordingHandler();
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.RELAY);
             Socks5UdpTransport transport = Socks5UdpTransport.open(config(proxy))) {
            transport.start(received);
            proxy.awaitAssociation();
            proxy.sendRawToClient(new byte[] {0, 0, 1, 1, 127, 0, 0, 1, 0, 80, 'f', 'r', 'a', 'g'});
            proxy.sendRawToClient(new byte[] {0, 0, 0, 1, 127, 0});
            proxy.sendRawToClient(new byte[] {0, 0, 0, 3, 3, 'a', '.', 'b', 0, 80, 'd'});
            proxy.sendRawToClient(new byte[] {0, 0, 0, 9, 127, 0, 0, 1, 0, 80, 'x'});
            proxy.sendRawToClient(new byte[] {0, 0, 0, 1, 10, 1, 2, 3, 0, 81, 'o', 'k'});
            RecordingHandler.Received ok = received.take();
            assertThat(ok.text()).isEqualTo("ok");
            assertThat(ok.source()).isEqualTo(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 1, 2, 3}), 81));
            assertThat(transport.stats().malformedDropped()).isEqualTo(4);
            assertThat(transport.stats().datagramsIn()).isEqualTo(1);
        }
    }

    @Test
    void aCutControlConnectionFailsTheTransportAndLaterSends() throws Exception {
        CompletableFuture<TransportFailure> failed = new CompletableFuture<>();
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.RELAY);
             UdpEchoPeer echo = new UdpEchoPeer();
             Socks5UdpTransport transport = Socks5UdpTransport.open(config(proxy))) {
            transport.start((d, s) -> { }, new TransportListener() {
                @Override
                public void onFailed(TransportFailure failure) {
                    failed.complete(failure);
                }
            });
            proxy.awaitAssociation();
            proxy.cutControlConnection();

            TransportFailure failure = failed.get(5, TimeUnit.SECONDS);
            assertThat(failure.kind()).isEqualTo(TransportFailure.Kind.PROXY_CONNECTION_LOST);
            assertThat(failure.detail()).contains("control connection");
            assertThatThrownBy(() -> transport.send(RecordingHandler.text("lost"), echo.address()))
                    .isInstanceOfSatisfying(TransportFailedException.class, e -> assertThat(e.failure()).isEqualTo(failure))
                    .hasMessageContaining("PROXY_CONNECTION_LOST");
        }
    }

    @Test
    void aFailureBeforeStartIsToldAtStart() throws Exception {
        CompletableFuture<TransportFailure> failed = new CompletableFuture<>();
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.RELAY);
             Socks5UdpTransport transport = Socks5UdpTransport.open(config(proxy))) {
            proxy.awaitAssociation();
            proxy.cutControlConnection();
            while (true) {
                try {
                    transport.send(RecordingHandler.text("probe"), transport.localAddress());
                    Thread.sleep(10);
                } catch (TransportFailedException expected) {
                    break;
                }
            }
            transport.start((d, s) -> { }, new TransportListener() {
                @Override
                public void onFailed(TransportFailure failure) {
                    failed.complete(failure);
                }
            });
            assertThat(failed.get(5, TimeUnit.SECONDS).kind()).isEqualTo(TransportFailure.Kind.PROXY_CONNECTION_LOST);
        }
    }

    @Test
    void aRejectedRequestCarriesTheReplyCode() throws Exception {
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.REJECT_NOT_ALLOWED)) {
            assertThatThrownBy(() -> Socks5UdpTransport.open(config(proxy)).close())
                    .isInstanceOfSatisfying(Socks5Exception.class, e -> {
                        assertThat(e.reason()).isEqualTo(Socks5Exception.Reason.REQUEST_REJECTED);
                        assertThat(e.replyCode()).isEqualTo(2);
                    })
                    .hasMessageContaining("not allowed by ruleset");
        }
    }

    @Test
    void aSilentProxyTimesOut() throws Exception {
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.SILENT)) {
            Socks5Config quick = Socks5Config.builder(proxy.address()).connectTimeout(Duration.ofMillis(200))
                    .udp(UdpTransportTest.loopback()).build();
            assertThatThrownBy(() -> Socks5UdpTransport.open(quick).close())
                    .isInstanceOfSatisfying(Socks5Exception.class,
                            e -> assertThat(e.reason()).isEqualTo(Socks5Exception.Reason.TIMED_OUT));
        }
    }

    @Test
    void aServerThatIsNotSocksIsAProtocolViolation() throws Exception {
        try (ScriptedSocks5Proxy proxy = new ScriptedSocks5Proxy(Behaviour.NOT_SOCKS)) {
            assertThatThrownBy(() -> Socks5UdpTransport.open(config(proxy)).close())
                    .isInstanceOfSatisfying(Socks5Exception.class,
                            e -> assertThat(e.reason()).isEqualTo(Socks5Exception.Reason.PROTOCOL_VIOLATION));
        }
    }
}
