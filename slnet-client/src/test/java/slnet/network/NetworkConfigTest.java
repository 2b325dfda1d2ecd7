package slnet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import slnet.circuit.CircuitConfig;
import slnet.circuit.CircuitRole;

class NetworkConfigTest {
    @Test
    void defaultsFollowTheViewer() {
        NetworkConfig c = NetworkConfig.defaults();
        assertThat(c.agentUpdateInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.regionServices()).isInstanceOf(CapabilityRegionServices.class);
        assertThat(NetworkConfig.builder().regionServices(RegionServices.NONE).build().regionServices())
                .isSameAs(RegionServices.NONE);
        assertThat(c.agentUpdateKeepAlive()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.reconnectPolicy().enabled()).isFalse();
        assertThat(c.logoutOnShutdown()).isTrue();
    }

    @Test
    void buildRejectsBadValues() {
        assertThatThrownBy(() -> NetworkConfig.builder().handshakeStepTimeout(Duration.ZERO).build())
                .hasMessageContaining("handshakeStepTimeout");
        assertThatThrownBy(() -> NetworkConfig.builder().agentUpdateKeepAlive(Duration.ofMillis(50)).build())
                .hasMessageContaining("agentUpdateKeepAlive");
        assertThatThrownBy(() -> NetworkConfig.builder()
                .circuitConfig(CircuitConfig.builder().role(CircuitRole.SIMULATOR).build()).build())
                .hasMessageContaining("CLIENT");
        assertThatThrownBy(() -> NetworkConfig.builder().inboundQueueCapacity(0).build())
                .hasMessageContaining("inboundQueueCapacity");
        assertThatThrownBy(() -> new ReconnectPolicy(-1, Delay.constant(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Delay.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
