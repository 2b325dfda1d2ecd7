package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static slnet.e2e.E2e.ALICE;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import slnet.Client;
import slnet.ClientConfig;
import slnet.network.NetworkStatus;
import slnet.protocol.CapturedDatagram;
import slnet.protocol.DecodeMode;
import slnet.protocol.PacketCodec;
import slnet.protocol.messages.Messages;
import slnet.testgrid.TestGrid;
import slnet.testing.LeakCheckExtension;

/** A {@link slnet.network.DatagramTap} sees the whole datagrams of a session, both ways, and cannot break it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(LeakCheckExtension.class)
class DatagramTapTest {
    private record Seen(CapturedDatagram datagram, InetSocketAddress peer) {
    }

    private final PacketCodec namer = new PacketCodec(PacketCodec.MAX_PACKET_SIZE);
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private TestGrid grid;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        grid = E2e.grid();
        client = Client.create(ClientConfig.builder().network(E2e.network().datagramTap(
                (outbound, simulator, bytes, offset, length) -> {
                    synchronized (namer) {
                        seen.add(new Seen(CapturedDatagram.of(namer, bytes, offset, length, outbound), simulator));
                        if (seen.size() <= 3) { // the handshake's first datagrams, both ways
                            throw new IllegalStateException("a tap that throws is logged and ignored");
                        }
                    }
                }).build()).build());
    }

    @AfterEach
    void stop() {
        client.close();
        grid.close();
    }

    @Test
    void seesEveryDatagramBothWaysAndItsExceptionsAreIgnored() throws Exception {
        client.connect(E2e.credentials(grid, ALICE));
        client.disconnect();
        assertThat(client.status()).isEqualTo(NetworkStatus.DISCONNECTED);

        List<Seen> all;
        synchronized (seen) {
            all = List.copyOf(seen);
        }
        InetSocketAddress sim = grid.simulator().address();
        assertThat(all).allSatisfy(s -> assertThat(s.peer()).isEqualTo(sim));
        assertThat(names(all, true)).contains("UseCircuitCode", "CompleteAgentMovement", "RegionHandshakeReply",
                "LogoutRequest");
        assertThat(names(all, false)).contains("RegionHandshake", "AgentMovementComplete");
        assertThat(names(all, true).indexOf("UseCircuitCode")).isZero();

        PacketCodec lenient = new PacketCodec(Messages.REGISTRY, PacketCodec.MAX_PACKET_SIZE, DecodeMode.LENIENT);
        for (Seen s : all) {
            byte[] bytes = s.datagram().datagram();
            assertThat(lenient.decode(bytes, 0, bytes.length).message().descriptor().name())
                    .isEqualTo(s.datagram().messageName());
        }
    }

    private static List<String> names(List<Seen> all, boolean outbound) {
        return all.stream().filter(s -> s.datagram().outbound() == outbound).map(s -> s.datagram().messageName())
                .toList();
    }
}
