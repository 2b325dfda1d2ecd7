package slnet.circuit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RttEstimatorTest {
    private static final long MS = 1_000_000;
    private final RttEstimator rtt = new RttEstimator(1000 * MS, 1000 * MS, 8000 * MS, 5);

    @Test
    void usesTheInitialTimeoutBeforeAnySample() {
        assertThat(rtt.retransmitTimeoutNs()).isEqualTo(1000 * MS);
        assertThat(rtt.smoothedNs()).isZero();
    }

    @Test
    void followsRfc6298Smoothing() {
        rtt.sample(100 * MS);
        assertThat(rtt.smoothedNs()).isEqualTo(100 * MS);
        rtt.sample(200 * MS);
        // SRTT = 7/8 * 100 + 1/8 * 200; RTTVAR = 3/4 * 50 + 1/4 * 100
        assertThat(rtt.smoothedNs()).isEqualTo(112_500_000);
        assertThat(rtt.lastNs()).isEqualTo(200 * MS);
    }

    @Test
    void timeoutIsTheLargerOfRfcAndViewerRuleWithinBounds() {
        rtt.sample(300 * MS); // RFC: 300 + 4 * 150 = 900; viewer: 1500
        assertThat(rtt.retransmitTimeoutNs()).isEqualTo(1500 * MS);
        RttEstimator jittery = new RttEstimator(1000 * MS, 100 * MS, 8000 * MS, 1);
        jittery.sample(100 * MS); // RFC: 100 + 4 * 50 = 300 beats 1 x 100
        assertThat(jittery.retransmitTimeoutNs()).isEqualTo(300 * MS);
        rtt.sample(5000 * MS);
        rtt.sample(5000 * MS);
        assertThat(rtt.retransmitTimeoutNs()).isEqualTo(8000 * MS);
    }

    @Test
    void backoffGrowsGeometricallyUpToTheCeiling() {
        assertThat(rtt.backedOffTimeoutNs(0, 2)).isEqualTo(1000 * MS);
        assertThat(rtt.backedOffTimeoutNs(2, 2)).isEqualTo(4000 * MS);
        assertThat(rtt.backedOffTimeoutNs(5, 2)).isEqualTo(8000 * MS);
        assertThat(rtt.backedOffTimeoutNs(5, 1)).isEqualTo(1000 * MS);
    }

    @Test
    void ignoresNegativeSamples() {
        rtt.sample(-5);
        assertThat(rtt.smoothedNs()).isZero();
    }
}
