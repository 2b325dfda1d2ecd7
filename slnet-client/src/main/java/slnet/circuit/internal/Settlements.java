package slnet.circuit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Futures to complete once a circuit's lock is released, so that no user callback ever runs under
 * it. Reusable: {@link #settle()} empties it. Not thread-safe.
 */
public final class Settlements {
    private final List<CompletableFuture<Void>> futures = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private boolean settling;

    /** Creates an empty set. */
    public Settlements() {
    }

    /** @param future to complete normally */
    public void complete(CompletableFuture<Void> future) {
        futures.add(future);
        failures.add(null);
    }

    /**
     * Records a future to fail.
     *
     * @param future the future
     * @param failure why
     */
    public void fail(CompletableFuture<Void> future, Throwable failure) {
        futures.add(future);
        failures.add(failure);
    }

    /** @return true while {@link #settle()} runs callbacks; a re-entrant caller needs its own instance */
    public boolean settling() {
        return settling;
    }

    /** Completes everything recorded, in order, and forgets it. */
    public void settle() {
        if (futures.isEmpty()) {
            return;
        }
        settling = true;
        try {
            for (int i = 0; i < futures.size(); i++) {
                Throwable failure = failures.get(i);
                if (failure == null) {
                    futures.get(i).complete(null);
                } else {
                    futures.get(i).completeExceptionally(failure);
                }
            }
        } finally {
            futures.clear();
            failures.clear();
            settling = false;
        }
    }
}
