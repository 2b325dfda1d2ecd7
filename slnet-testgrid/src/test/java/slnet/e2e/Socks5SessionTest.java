package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.ChatReceived;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.EventStream;
import slnet.network.NetworkConfig;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.transport.DantedProxies;
import slnet.transport.Socks5Config;
import slnet.transport.Socks5UdpTransport;

/** A whole session whose circuits travel through a real SOCKS5 server (Debian's dante). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Socks5SessionTest {

    @Test
    void aSessionRunsThroughDanteWithUsernameAndPassword() throws Exception {
        InetSocketAddress proxy = DantedProxies.usernamePassword();
        try (TestGrid grid = TestGrid.builder().account("Socks", "User", "pw").start()) {
            NetworkConfig network = NetworkConfig.builder().logoutOnShutdown(false)
                    .transportFactory(() -> Socks5UdpTransport.open(Socks5Config.builder(proxy)
                            .credentials(DantedProxies.USERNAME, DantedProxies.PASSWORD).build()))
                    .build();
            try (Client client = Client.create(ClientConfig.builder().network(network).build());
                 EventStream events = client.events().events()) {
                client.connect(LoginCredentials.of("Socks", "User", "pw").withGrid(Grid.custom(grid.loginUri())));
                client.chat().say("through the proxy");
                assertThat(events.awaitEvent(ChatReceived.class, Duration.ofSeconds(10)).message().text())
                        .isEqualTo("through the proxy");
                TestAccount account = grid.account("Socks", "User");
                InetSocketAddress seenBySimulator = grid.simulator().agent(account.agentId()).orElseThrow().address();
                // the simulator talks to dante's relay, not to the client's own socket
                assertThat(seenBySimulator.getPort())
                        .isNotEqualTo(client.network().localAddress().orElseThrow().getPort());
                client.disconnect();
            }
        }
    }
}
