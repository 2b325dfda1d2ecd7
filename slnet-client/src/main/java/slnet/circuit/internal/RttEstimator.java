package slnet.circuit.internal;

/**
 * Round-trip time and retransmission timeout after RFC 6298 (SRTT, RTTVAR, gains 1/8 and 1/4), with
 * the official viewer's rule on top: never less than a multiple of the smoothed RTT, and never less
 * than a floor. Not thread-safe.
 */
public final class RttEstimator {
    private final long initialRtoNs;
    private final long minRtoNs;
    private final long maxRtoNs;
    private final double rttMultiplier;
    private long smoothedNs;
    private long variationNs;
    private long lastNs;

    /**
     * Creates an estimator with no samples.
     *
     * @param initialRtoNs the timeout before the first sample
     * @param minRtoNs the timeout's floor
     * @param maxRtoNs the timeout's ceiling
     * @param rttMultiplier the timeout is at least this many smoothed RTTs
     */
    public RttEstimator(long initialRtoNs, long minRtoNs, long maxRtoNs, double rttMultiplier) {
        this.initialRtoNs = initialRtoNs;
        this.minRtoNs = minRtoNs;
        this.maxRtoNs = maxRtoNs;
        this.rttMultiplier = rttMultiplier;
    }

    /**
     * Takes one round-trip measurement.
     *
     * @param rttNs the measured round trip; negative values are ignored
     */
    public void sample(long rttNs) {
        if (rttNs < 0) {
            return;
        }
        lastNs = rttNs;
        if (smoothedNs == 0) {
            smoothedNs = Math.max(1, rttNs);
            variationNs = rttNs / 2;
        } else {
            variationNs = (3 * variationNs + Math.abs(smoothedNs - rttNs)) / 4;
            smoothedNs = Math.max(1, (7 * smoothedNs + rttNs) / 8);
        }
    }

    /**
     * Returns the smoothed RTT, or 0 before the first sample.
     *
     * @return the smoothed RTT, or 0 before the first sample
     */
    public long smoothedNs() {
        return smoothedNs;
    }

    /**
     * Returns the latest sample, or 0 before the first.
     *
     * @return the latest sample, or 0 before the first
     */
    public long lastNs() {
        return lastNs;
    }

    /**
     * Returns the retransmission timeout for a first send.
     *
     * @return the retransmission timeout for a first send
     */
    public long retransmitTimeoutNs() {
        if (smoothedNs == 0) {
            return initialRtoNs;
        }
        long rfc = smoothedNs + 4 * variationNs;
        long viewer = (long) (rttMultiplier * smoothedNs);
        return Math.min(maxRtoNs, Math.max(minRtoNs, Math.max(rfc, viewer)));
    }

    /**
     * Returns the timeout after a number of resends: the base timeout grown by the backoff.
     *
     * @param resends how often the packet was resent so far
     * @param backoffMultiplier the growth per resend
     * @return the timeout, at most the ceiling
     */
    public long backedOffTimeoutNs(int resends, double backoffMultiplier) {
        double timeout = retransmitTimeoutNs() * Math.pow(backoffMultiplier, resends);
        return (long) Math.min(maxRtoNs, timeout);
    }
}
