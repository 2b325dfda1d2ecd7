package slnet.testing;

import static java.util.stream.Collectors.joining;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves threads behind: every thread started during the test that is
 * non-daemon, or whose name starts with {@code slnet}, must have ended when the test ends (after a
 * short grace period, polled, for threads that are finishing).
 *
 * <p>Use {@code @ExtendWith(LeakCheckExtension.class)} for the defaults, or
 * {@code @RegisterExtension static LeakCheckExtension leaks = new LeakCheckExtension(grace)}.
 * Threads that existed before the test are never reported, so tests in a shared JVM don't blame
 * each other, nor are JUnit's and the JVM's own lazily started threads (e.g. JUnit's timeout
 * watcher). Sockets are not tracked: a transport's socket and its thread live and die together.
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {

    /** Threads finishing their last loop iteration get this long. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LeakCheckExtension.class);
    private static final String BEFORE = "threadsBefore";
    /** Test-framework and JVM threads started lazily during a test and meant to outlive it. */
    private static final List<String> INFRASTRUCTURE_PREFIXES =
            List.of("junit-", "surefire-", "Attach Listener", "process reaper");

    private final Duration grace;

    /** Checks with the default grace period. */
    public LeakCheckExtension() {
        this(DEFAULT_GRACE);
    }

    /**
     * Checks with a given grace period.
     *
     * @param grace how long leaked-looking threads get to end
     */
    public LeakCheckExtension(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(BEFORE, liveThreads());
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Set<Thread> before = (Set<Thread>) context.getStore(NAMESPACE).remove(BEFORE, Set.class);
        List<Thread> leaked = awaitLeaked(before, grace);
        if (!leaked.isEmpty()) {
            throw new AssertionError("test leaked " + leaked.size() + " thread(s): "
                    + leaked.stream().map(t -> "'" + t.getName() + "'" + (t.isDaemon() ? " (daemon)" : ""))
                            .collect(joining(", ")));
        }
    }

    /** The threads started since {@code before} that count as leaks and outlive {@code grace}. */
    static List<Thread> awaitLeaked(Set<Thread> before, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            List<Thread> leaked = leakedSince(before);
            if (leaked.isEmpty() || System.nanoTime() > deadline) {
                return leaked;
            }
            Thread.sleep(10);
        }
    }

    private static List<Thread> leakedSince(Set<Thread> before) {
        return liveThreads().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> !t.isDaemon() || t.getName().startsWith("slnet"))
                .filter(t -> INFRASTRUCTURE_PREFIXES.stream().noneMatch(t.getName()::startsWith))
                .toList();
    }

    static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }
}
