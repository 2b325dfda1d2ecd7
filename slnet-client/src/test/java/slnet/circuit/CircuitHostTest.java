package slnet.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static slnet.circuit.TestMessages.SIM;
import static slnet.circuit.TestMessages.packet;
import static slnet.circuit.TestMessages.simChat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import slnet.time.ManualScheduler;

class CircuitHostTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingSender out = new RecordingSender();
    private final CircuitHost host = new CircuitHost(out, scheduler, CircuitConfig.defaults(), Runnable::run);
    private final List<InboundMessage> inbox = new ArrayList<>();

    @Test
    void routesBySourceAndDropsUnknownSources() {
        Circuit circuit = host.open(SIM, inbox::add, CircuitListener.NONE);
        InetSocketAddress other = TestMessages.address(9001);
        Circuit second = host.open(other, m -> { }, CircuitListener.NONE);
        byte[] datagram = packet(simChat("hi"), 0, 1);
        host.onDatagram(ByteBuffer.wrap(datagram), SIM);
        // A direct buffer starting past 0, as a transport lends it.
        ByteBuffer direct = ByteBuffer.allocateDirect(datagram.length + 10);
        direct.position(10);
        direct.put(datagram);
        direct.position(10);
        host.onDatagram(direct, SIM);
        assertThat(direct.position()).isEqualTo(10);
        host.onDatagram(ByteBuffer.wrap(datagram), TestMessages.address(666));
        host.onDatagram(datagram, 0, datagram.length, TestMessages.address(667));
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(0).circuit()).isSameAs(circuit);
        assertThat(host.unknownSourceDropped()).isEqualTo(2);
        assertThat(host.circuit(SIM)).isSameAs(circuit);
        assertThat(host.circuits()).containsExactlyInAnyOrder(circuit, second);
    }

    @Test
    void oneCircuitPerAddressAndClosingRemovesIt() {
        Circuit circuit = host.open(SIM, inbox::add, CircuitListener.NONE);
        assertThatThrownBy(() -> host.open(SIM, inbox::add, CircuitListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(SIM.toString());
        circuit.close();
        assertThat(host.circuit(SIM)).isNull();
        host.onDatagram(ByteBuffer.wrap(packet(simChat("late"), 0, 1)), SIM);
        assertThat(host.unknownSourceDropped()).isEqualTo(1);
        Circuit again = host.open(SIM, inbox::add, CircuitListener.NONE);
        assertThat(again).isNotSameAs(circuit);
    }

    @Test
    void closingTheHostClosesItsCircuits() {
        Circuit circuit = host.open(SIM, inbox::add, CircuitListener.NONE);
        host.close();
        host.close();
        assertThat(circuit.isOpen()).isFalse();
        assertThat(host.circuits()).isEmpty();
        assertThat(scheduler.pendingTasks()).isZero();
        assertThatThrownBy(() -> host.open(SIM, inbox::add, CircuitListener.NONE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAcceptorOpensCircuitsForNewPeersItRecognises() {
        slnet.protocol.PacketCodec codec = new slnet.protocol.PacketCodec();
        host.acceptor((h, source, datagram) -> {
            byte[] bytes = new byte[datagram.remaining()];
            datagram.get(bytes);
            try {
                String name = codec.peekDescriptor(bytes, 0, bytes.length).name();
                return name.equals("UseCircuitCode") ? h.open(source, inbox::add, CircuitListener.NONE) : null;
            } catch (slnet.protocol.PacketDecodeException e) {
                return null;
            }
        });
        InetSocketAddress viewer = TestMessages.VIEWER;
        host.onDatagram(ByteBuffer.wrap(packet(simChat("not a greeting"), 0, 1)), viewer);
        host.onDatagram(ByteBuffer.wrap(new byte[] {1, 2}), viewer);
        assertThat(host.circuit(viewer)).isNull();
        assertThat(host.unknownSourceDropped()).isEqualTo(2);
        byte[] greeting = packet(new slnet.protocol.messages.UseCircuitCode(
                new slnet.protocol.messages.UseCircuitCode.CircuitCode(42, TestMessages.SESSION, TestMessages.AGENT)),
                slnet.protocol.PacketHeader.RELIABLE, 1);
        host.onDatagram(ByteBuffer.wrap(greeting), viewer);
        assertThat(host.circuit(viewer)).isNotNull();
        assertThat(inbox).extracting(m -> m.message().descriptor().name()).containsExactly("UseCircuitCode");
        host.onDatagram(ByteBuffer.wrap(packet(simChat("now known"), 0, 2)), viewer);
        assertThat(inbox).hasSize(2);
        host.close();
    }
}
