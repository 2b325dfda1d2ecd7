package slnet.bench.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark's pairs move what they claim to, so a broken wiring shows up here and not as a
 * suspiciously good number. Counts only, no timing.
 */
class LoopbackPairTest {
    private static final int PACKETS = 2_000;

    @Test
    @Timeout(30)
    void bareLoopDeliversWhatItSends() throws Exception {
        try (BareDatagramPair pair = new BareDatagramPair(CircuitPair.datagramBytes(CircuitPair.MESSAGE))) {
            sendAndAwait(pair, PACKETS * 9 / 10);
            assertThat(pair.acked()).isZero();
        }
    }

    @Test
    @Timeout(30)
    void unreliableCircuitDeliversToTheSimulatorSink() throws Exception {
        try (CircuitPair pair = new CircuitPair(false, 1024)) {
            sendAndAwait(pair, PACKETS * 9 / 10);
        }
    }

    @Test
    @Timeout(30)
    void reliableCircuitDeliversAndAcksEveryMessage() throws Exception {
        try (CircuitPair pair = new CircuitPair(true, 512)) {
            sendAndAwait(pair, PACKETS);
            // The last acks leave on the simulator's flush timer (100 ms by default).
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pair.acked() < PACKETS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(pair.acked()).as(pair::diagnostics).isEqualTo(PACKETS);
            assertThat(pair.failed()).as(pair::diagnostics).isZero();
            assertThat(pair.receiveThreadName()).startsWith("slnet-udp-rx-");
        }
    }

    /** Sends PACKETS and waits until at least {@code expected} arrived (loopback UDP may drop a few). */
    private static void sendAndAwait(LoopbackPair pair, int expected) throws Exception {
        for (int i = 0; i < PACKETS; i++) {
            pair.sendOne();
            if (i % 64 == 0) {
                // Paced so that the unreliable runs do not overrun the receive buffer.
                Thread.sleep(1);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pair.delivered() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pair.delivered()).isBetween((long) expected, (long) PACKETS);
    }
}
