package slnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The pure parts of {@link RegionTravel}: which regions are neighbours, and server-given addresses. */
class RegionTravelTest {

    private static long handle(int gridX, int gridY) {
        return ((long) gridX * 256 << 32) | (gridY * 256L);
    }

    @Test
    void neighboursTouchAtAnEdgeOrCorner() {
        assertThat(RegionTravel.adjacent(handle(1000, 1000), handle(1001, 1000))).isTrue();
        assertThat(RegionTravel.adjacent(handle(1000, 1000), handle(999, 999))).isTrue();
        assertThat(RegionTravel.adjacent(handle(1000, 1000), handle(1000, 1000))).isTrue();
        assertThat(RegionTravel.adjacent(handle(1000, 1000), handle(1002, 1000))).isFalse();
        assertThat(RegionTravel.adjacent(handle(1000, 1000), handle(1010, 1010))).isFalse();
    }

    @Test
    void simIpAndPortIsALiteralIpv4AddressAndAPort() {
        assertThat(RegionTravel.parseAddress("127.0.0.1:13001")).contains(new InetSocketAddress("127.0.0.1", 13001));
        assertThat(RegionTravel.parseAddress("127.0.0.1")).isEmpty();
        assertThat(RegionTravel.parseAddress("127.0.0.1:0")).isEmpty();
        assertThat(RegionTravel.parseAddress("127.0.0.1:70000")).isEmpty();
        assertThat(RegionTravel.parseAddress("127.0.0.1:x")).isEmpty();
        assertThat(RegionTravel.parseAddress("example.com:13000")).isEmpty(); // no name lookups from server input
        assertThat(RegionTravel.parseAddress("")).isEmpty();
    }
}
