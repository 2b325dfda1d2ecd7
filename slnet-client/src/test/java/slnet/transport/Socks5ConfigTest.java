package slnet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class Socks5ConfigTest {

    private static final InetSocketAddress PROXY = InetSocketAddress.createUnresolved("proxy.example", 1080);

    @Test
    void toStringNeverShowsCredentials() {
        Socks5Config config = Socks5Config.builder(PROXY).credentials("alice-user", "s3cret-pw").build();
        assertThat(config.toString()).doesNotContain("alice-user").doesNotContain("s3cret-pw").contains("***");
        assertThat(config.hasCredentials()).isTrue();
        assertThat(Socks5Config.builder(PROXY).build().toString()).contains("no authentication");
    }

    @Test
    void rejectsInvalidCombinations() {
        assertThatThrownBy(() -> Socks5Config.builder(PROXY).credentials("user", null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("together");
        assertThatThrownBy(() -> Socks5Config.builder(PROXY).credentials("", "pw").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> Socks5Config.builder(PROXY).credentials("user", "p".repeat(256)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password")
                .hasMessageNotContaining("ppp");
        assertThatThrownBy(() -> Socks5Config.builder(PROXY).connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Socks5Config.builder(InetSocketAddress.createUnresolved("p", 0)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Socks5Config.builder(null).build()).isInstanceOf(NullPointerException.class);
    }
}
