package slnet.testgrid.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The threads slnet and the test grid start, snapshot before a test and compared after: a small
 * stand-in for the client module's leak extension (whose test jar is not on this classpath).
 */
final class ThreadLeakCheck {
    private static final String[] PREFIXES = {"slnet-", "testgrid-", "HttpClient-", "HTTP-Dispatcher"};
    private final Set<Thread> before = threads();

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(ThreadLeakCheck::ours).collect(Collectors.toSet());
    }

    private static boolean ours(Thread t) {
        for (String prefix : PREFIXES) {
            if (t.getName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Fails if threads started since the snapshot are still alive after a grace period. */
    void assertNoNewThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<Thread> leaked;
        do {
            leaked = threads();
            leaked.removeAll(before);
            leaked.removeIf(t -> !t.isAlive());
            if (leaked.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(leaked).extracting(Thread::getName).isEmpty();
    }
}
