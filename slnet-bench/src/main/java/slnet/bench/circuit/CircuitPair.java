package slnet.bench.circuit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import slnet.circuit.Circuit;
import slnet.circuit.CircuitAcceptor;
import slnet.circuit.CircuitConfig;
import slnet.circuit.CircuitHost;
import slnet.circuit.CircuitListener;
import slnet.circuit.CircuitRole;
import slnet.circuit.InboundMessage;
import slnet.circuit.TransportDatagramSender;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketDecodeException;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.messages.UseCircuitCode;
import slnet.protocol.types.Bytes;
import slnet.time.ExecutorScheduler;
import slnet.transport.UdpTransport;
import slnet.transport.UdpTransportConfig;

/**
 * A viewer circuit sending to a simulator circuit over two real {@link UdpTransport}s on loopback,
 * wired as the library wires them ({@link CircuitHost} on each transport's receive thread, the
 * simulator side opening on {@code UseCircuitCode}). The simulator's sink counts deliveries.
 *
 * <p>Unreliable: {@link #sendOne()} is {@link Circuit#send}. Reliable: it is
 * {@link Circuit#sendReliable} behind a window of at most {@code window} unsettled futures, so the
 * sender measures acks coming back rather than filling the circuit's queue.
 */
final class CircuitPair implements LoopbackPair {
    /** 60 bytes of chat text, the size of a typical line. */
    static final ChatFromViewer MESSAGE = new ChatFromViewer(
            new ChatFromViewer.AgentData(new UUID(1, 2), new UUID(3, 4)),
            new ChatFromViewer.ChatData(Bytes.ofString("x".repeat(59)), 1, 0));

    private final boolean reliable;
    private final ExecutorScheduler scheduler;
    private final UdpTransport viewerUdp;
    private final UdpTransport simUdp;
    private final CircuitHost viewerHost;
    private final CircuitHost simHost;
    private final Circuit viewer;
    private final AtomicLong delivered = new AtomicLong();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Semaphore window;
    private final BiConsumer<Void, Throwable> onSettled;

    CircuitPair(boolean reliable, int window) throws Exception {
        this.reliable = reliable;
        this.window = new Semaphore(window);
        this.onSettled = (ignored, failure) -> {
            if (failure == null) {
                acked.increment();
            } else {
                failed.increment();
            }
            this.window.release();
        };
        UdpTransportConfig loopback = UdpTransportConfig.builder()
                .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        scheduler = new ExecutorScheduler("bench-circuit-timer");
        viewerUdp = UdpTransport.open(loopback);
        simUdp = UdpTransport.open(loopback);
        viewerHost = new CircuitHost(new TransportDatagramSender(viewerUdp), scheduler,
                CircuitConfig.builder().role(CircuitRole.CLIENT).build());
        simHost = new CircuitHost(new TransportDatagramSender(simUdp), scheduler,
                CircuitConfig.builder().role(CircuitRole.SIMULATOR).build());
        simHost.acceptor(openOnUseCircuitCode());
        viewerUdp.start(viewerHost::onDatagram);
        simUdp.start(simHost::onDatagram);
        viewer = viewerHost.open(simUdp.localAddress(), message -> { }, CircuitListener.NONE);
        viewer.sendReliable(new UseCircuitCode(new UseCircuitCode.CircuitCode(7, new UUID(3, 4), new UUID(1, 2))))
                .get(10, TimeUnit.SECONDS);
        delivered.set(0);
    }

    private CircuitAcceptor openOnUseCircuitCode() {
        PacketCodec peek = new PacketCodec();
        return (host, source, datagram) -> {
            byte[] bytes = new byte[datagram.remaining()];
            datagram.get(bytes);
            try {
                return peek.peekDescriptor(bytes, 0, bytes.length) == UseCircuitCode.DESCRIPTOR
                        ? host.open(source, this::onDelivered, CircuitListener.NONE) : null;
            } catch (PacketDecodeException e) {
                return null;
            }
        };
    }

    private void onDelivered(InboundMessage message) {
        // Only the simulator's receive thread writes: a release store is enough for the reader.
        delivered.setRelease(delivered.getPlain() + 1);
    }

    @Override
    public void sendOne() throws InterruptedException {
        if (reliable) {
            window.acquire();
            viewer.sendReliable(MESSAGE).whenComplete(onSettled);
        } else {
            viewer.send(MESSAGE);
        }
    }

    @Override
    public long delivered() {
        return delivered.getAcquire();
    }

    @Override
    public long acked() {
        return acked.sum();
    }

    @Override
    public long failed() {
        return failed.sum();
    }

    @Override
    public long resent() {
        return viewer.stats().resent();
    }

    /** @return both ends' circuit and transport counters, to explain a loss */
    String diagnostics() {
        Circuit sim = simHost.circuit(viewerUdp.localAddress());
        return "viewer " + viewer.stats() + "\nviewer transport " + viewerUdp.stats() + "\nsimulator "
                + (sim == null ? "(no circuit)" : sim.stats()) + "\nsimulator transport " + simUdp.stats();
    }

    @Override
    public String receiveThreadName() {
        // UdpTransport names its receive thread after its port.
        return "slnet-udp-rx-" + simUdp.localAddress().getPort();
    }

    @Override
    public int datagramBytes() {
        return datagramBytes(MESSAGE);
    }

    static int datagramBytes(ChatFromViewer message) {
        return new PacketCodec().encodeMessage(message, 0, 1, new byte[PacketCodec.MAX_PACKET_SIZE], 0);
    }

    @Override
    public void close() throws IOException {
        viewerHost.close();
        simHost.close();
        viewerUdp.close();
        simUdp.close();
        scheduler.close();
    }
}
