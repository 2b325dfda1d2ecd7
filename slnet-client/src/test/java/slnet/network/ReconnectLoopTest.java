package slnet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import slnet.time.ManualScheduler;

/** Reconnect spacing on a manual clock. */
class ReconnectLoopTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private final ManualScheduler clock = new ManualScheduler();
    private final List<Integer> started = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final List<String> gaveUp = new ArrayList<>();
    private final Deque<ReconnectLoop.Outcome> outcomes = new ArrayDeque<>();

    private ReconnectLoop loop(ReconnectPolicy policy) {
        return new ReconnectLoop(clock, policy, attempt -> {
            started.add(attempt);
            return CompletableFuture.completedFuture(new ReconnectLoop.Result(outcomes.removeFirst(), "presence"));
        }, (attempt, delay) -> delays.add(delay), gaveUp::add);
    }

    @Test
    void backsOffExponentiallyWhilePresenceThenStopsOnSuccess() {
        outcomes.addAll(List.of(ReconnectLoop.Outcome.RETRY, ReconnectLoop.Outcome.RETRY,
                ReconnectLoop.Outcome.CONNECTED));
        ReconnectLoop loop = loop(new ReconnectPolicy(5, Delay.exponential(SECOND, Duration.ofSeconds(60))));

        loop.start();
        clock.advanceBy(SECOND.toNanos() - 1);
        assertThat(started).isEmpty();
        clock.advanceBy(1);
        assertThat(started).containsExactly(1);
        clock.advanceBy(Duration.ofSeconds(2).toNanos() - 1);
        assertThat(started).containsExactly(1);
        clock.advanceBy(1);
        assertThat(started).containsExactly(1, 2);
        clock.advanceBy(Duration.ofSeconds(4).toNanos());
        assertThat(started).containsExactly(1, 2, 3);
        clock.advanceBy(Duration.ofMinutes(10).toNanos());

        assertThat(delays).containsExactly(SECOND, Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(gaveUp).isEmpty();
    }

    @Test
    void aNewLossStartsTheSpacingOver() {
        ReconnectPolicy policy = new ReconnectPolicy(5, Delay.exponential(SECOND, Duration.ofSeconds(60)));
        outcomes.addAll(List.of(ReconnectLoop.Outcome.RETRY, ReconnectLoop.Outcome.CONNECTED,
                ReconnectLoop.Outcome.CONNECTED));
        loop(policy).start();
        clock.advanceBy(Duration.ofSeconds(3).toNanos());
        loop(policy).start();
        clock.advanceBy(Duration.ofSeconds(3).toNanos());

        assertThat(delays).containsExactly(SECOND, Duration.ofSeconds(2), SECOND);
    }

    @Test
    void givesUpAfterTheLastAttemptOrOnAFinalFailure() {
        outcomes.addAll(List.of(ReconnectLoop.Outcome.RETRY, ReconnectLoop.Outcome.RETRY));
        loop(new ReconnectPolicy(2, Delay.constant(SECOND))).start();
        clock.advanceBy(Duration.ofSeconds(10).toNanos());
        assertThat(started).containsExactly(1, 2);
        assertThat(gaveUp).singleElement().asString().contains("after 2 attempt(s)").contains("presence");

        gaveUp.clear();
        outcomes.add(ReconnectLoop.Outcome.GIVE_UP);
        loop(new ReconnectPolicy(5, Delay.constant(SECOND))).start();
        clock.advanceBy(Duration.ofSeconds(10).toNanos());
        assertThat(gaveUp).containsExactly("presence");
    }

    @Test
    void cancelStopsPendingAttempts() {
        ReconnectLoop loop = loop(new ReconnectPolicy(3, Delay.constant(SECOND)));
        loop.start();
        loop.cancel();
        clock.advanceBy(Duration.ofSeconds(10).toNanos());
        assertThat(started).isEmpty();
        assertThat(gaveUp).isEmpty();
    }

    @Test
    void exponentialDelayIsCappedAndConstantIsConstant() {
        Delay d = Delay.exponential(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(List.of(d.before(1), d.before(2), d.before(3), d.before(4), d.before(100)))
                .containsExactly(Duration.ofMillis(500), SECOND, Duration.ofSeconds(2), Duration.ofSeconds(3),
                        Duration.ofSeconds(3));
        assertThat(Delay.constant(SECOND).before(7)).isEqualTo(SECOND);
    }

    @Test
    void disabledPolicyHasNoAttempts() {
        assertThat(ReconnectPolicy.DISABLED.enabled()).isFalse();
        assertThat(ReconnectPolicy.attempts(3).enabled()).isTrue();
    }
}
