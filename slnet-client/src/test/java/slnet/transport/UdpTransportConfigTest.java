package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class UdpTransportConfigTest {

    @Test
    void defaultsAreNamedValues() {
        UdpTransportConfig config = UdpTransportConfig.defaults();
        assertThat(config.receiveBufferBytes()).isEqualTo(UdpTransportConfig.DEFAULT_RECEIVE_BUFFER_BYTES);
        assertThat(config.maxDatagramBytes()).isEqualTo(8192);
        assertThat(config.bindAddress().getPort()).isZero();
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> UdpTransportConfig.builder().maxDatagramBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDatagramBytes");
        assertThatThrownBy(() -> UdpTransportConfig.builder().maxDatagramBytes(65_508).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UdpTransportConfig.builder().receiveBufferBytes(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiveBufferBytes");
        assertThatThrownBy(() -> UdpTransportConfig.builder()
                .bindAddress(InetSocketAddress.createUnresolved("nowhere.invalid", 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolved");
        assertThatThrownBy(() -> UdpTransportConfig.builder().bindAddress(null).build())
                .isInstanceOf(NullPointerException.class);
    }
}
