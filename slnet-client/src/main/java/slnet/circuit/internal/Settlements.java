package slnet.circuit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Futures to complete once a circuit's lock is released, so that no user callback ever runs under
 * it. Reusable: {@link #settle()} empties it. Not thread-safe.
 *
 * <p>The lists are made on first use: every send creates one of these, and most record at most one
 * future, so an empty instance must cost no more than its own header (and escape analysis can then
 * drop it altogether).
 */
public final class Settlements {
    private List<CompletableFuture<Void>> futures;
    private List<Throwable> failures;
    private boolean settling;

    /** Creates an empty set. */
    public Settlements() {
    }

    /**
     * Sets to complete normally.
     *
     * @param future to complete normally
     */
    public void complete(CompletableFuture<Void> future) {
        record(future, null);
    }

    /**
     * Records a future to fail.
     *
     * @param future the future
     * @param failure why
     */
    public void fail(CompletableFuture<Void> future, Throwable failure) {
        record(future, failure);
    }

    private void record(CompletableFuture<Void> future, Throwable failure) {
        if (futures == null) {
            futures = new ArrayList<>(4);
            failures = new ArrayList<>(4);
        }
        futures.add(future);
        failures.add(failure);
    }

    /**
     * Returns true while {@link #settle()} runs callbacks; a re-entrant caller needs its own instance.
     *
     * @return true while {@link #settle()} runs callbacks; a re-entrant caller needs its own instance
     */
    public boolean settling() {
        return settling;
    }

    /** Completes everything recorded, in order, and forgets it. */
    public void settle() {
        if (futures == null || futures.isEmpty()) {
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
