package slnet.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.circuit.TestMessages.chat;
import static slnet.circuit.TestMessages.simChat;
import static slnet.circuit.TestMessages.text;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.testing.LeakCheckExtension;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.messages.UseCircuitCode;
import slnet.time.ExecutorScheduler;
import slnet.transport.UdpTransport;
import slnet.transport.UdpTransportConfig;

/**
 * The lossy scenario over real UDP sockets on loopback, in real time: loss, duplication and
 * reordering are injected by a wrapper on each sending side.
 */
@ExtendWith(LeakCheckExtension.class)
class UdpCircuitPairTest {
    private static final int MESSAGES = 100;

    /** Drops, duplicates and swaps datagrams before they reach the real sender. Seeded. */
    private static final class FaultySender implements DatagramSender {
        private final DatagramSender target;
        private final Random random;
        private byte[] heldBack;
        private InetSocketAddress heldBackTo;

        FaultySender(DatagramSender target, long seed) {
            this.target = target;
            this.random = new Random(seed);
        }

        @Override
        public synchronized void send(byte[] datagram, int offset, int length, InetSocketAddress to)
                throws IOException {
            if (random.nextDouble() < 0.3) {
                return;
            }
            if (heldBack == null && random.nextDouble() < 0.1) {
                // Reorder: this one goes out after the next.
                heldBack = Arrays.copyOfRange(datagram, offset, offset + length);
                heldBackTo = to;
                return;
            }
            target.send(datagram, offset, length, to);
            if (random.nextDouble() < 0.1) {
                target.send(datagram, offset, length, to);
            }
            if (heldBack != null) {
                byte[] late = heldBack;
                heldBack = null;
                target.send(late, 0, late.length, heldBackTo);
            }
        }
    }

    private static UdpTransportConfig loopback() {
        return UdpTransportConfig.builder().bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .build();
    }

    @Test
    @Timeout(60)
    void everyReliableMessageArrivesExactlyOnceOverLossyLoopbackUdp() throws Exception {
        // Quick timers so that loss recovers in real time within the test's bound.
        CircuitConfig base = CircuitConfig.builder().initialRetransmitTimeout(Duration.ofMillis(100))
                .minRetransmitTimeout(Duration.ofMillis(100)).maxRetransmitTimeout(Duration.ofMillis(300))
                .ackFlushDelay(Duration.ofMillis(20)).tickInterval(Duration.ofMillis(10))
                .pingInterval(Duration.ofMillis(500)).inactivityTimeout(Duration.ofSeconds(20)).maxResends(30)
                .build();
        List<InboundMessage> viewerInbox = new CopyOnWriteArrayList<>();
        List<InboundMessage> simInbox = new CopyOnWriteArrayList<>();
        List<CircuitEvent> events = new CopyOnWriteArrayList<>();
        try (ExecutorScheduler scheduler = new ExecutorScheduler("slnet-udp-circuit-test-timer");
             UdpTransport viewerUdp = UdpTransport.open(loopback());
             UdpTransport simUdp = UdpTransport.open(loopback());
             CircuitHost viewerHost = new CircuitHost(new FaultySender(new TransportDatagramSender(viewerUdp), 11),
                     scheduler, base.toBuilder().role(CircuitRole.CLIENT).build());
             CircuitHost simHost = new CircuitHost(new FaultySender(new TransportDatagramSender(simUdp), 12),
                     scheduler, base.toBuilder().role(CircuitRole.SIMULATOR).build())) {
            // The simulator side opens a circuit when a viewer's UseCircuitCode arrives, as a region does.
            PacketCodec peek = new PacketCodec();
            simHost.acceptor((host, source, datagram) -> {
                byte[] bytes = new byte[datagram.remaining()];
                datagram.get(bytes);
                try {
                    return peek.peekDescriptor(bytes, 0, bytes.length) == UseCircuitCode.DESCRIPTOR
                            ? host.open(source, simInbox::add, events::add) : null;
                } catch (PacketDecodeException e) {
                    return null;
                }
            });
            viewerUdp.start(viewerHost::onDatagram);
            simUdp.start(simHost::onDatagram);
            Circuit viewer = viewerHost.open(simUdp.localAddress(), viewerInbox::add, events::add);
            viewer.sendReliable(new UseCircuitCode(new UseCircuitCode.CircuitCode(7, TestMessages.SESSION,
                    TestMessages.AGENT))).get(20, TimeUnit.SECONDS);
            Circuit sim = simHost.circuit(viewerUdp.localAddress());
            assertThat(sim).isNotNull();

            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                sends.add(viewer.sendReliable(chat("v" + i)));
                sends.add(sim.sendReliable(simChat("s" + i)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);

            assertThat(simInbox.get(0).message()).isInstanceOf(UseCircuitCode.class);
            assertThat(simInbox.stream().skip(1).map(m -> text(m.message())))
                    .doesNotHaveDuplicates().hasSize(MESSAGES);
            assertThat(viewerInbox.stream().map(m -> text(m.message()))).doesNotHaveDuplicates().hasSize(MESSAGES);
            CircuitStats v = viewer.stats();
            CircuitStats s = sim.stats();
            assertThat(v.acked()).isEqualTo(MESSAGES + 1);
            assertThat(s.acked()).isEqualTo(MESSAGES);
            assertThat(v.resent() + s.resent()).isPositive();
            assertThat(v.lost() + s.lost() + v.malformedDropped() + s.malformedDropped()).isZero();
            // The simulator may have dropped a viewer ping that overtook a lost UseCircuitCode; the
            // viewer hears only from the simulator it opened a circuit to.
            assertThat(viewerHost.unknownSourceDropped()).isZero();
            assertThat(events).noneMatch(e -> e instanceof CircuitEvent.PacketLost);
            assertThat(viewer.isOpen() && sim.isOpen()).isTrue();
        }
    }
}
