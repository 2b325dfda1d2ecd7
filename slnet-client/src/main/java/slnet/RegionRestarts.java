package slnet;

import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import slnet.protocol.types.Vector3;

/** Carries out the client's {@link RestartPolicy} on the network manager's scheduler. */
final class RegionRestarts {
    private static final Vector3 EAST = new Vector3(1, 0, 0);

    private final Client client;
    private final RestartPolicy policy;
    // Guarded by this: the restart being waited out, or null.
    private String restarting;

    RegionRestarts(Client client, RestartPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    /** A restart was announced; only the agent's own region's counts. */
    void onScheduled(RegionRestartScheduled warning) {
        if (policy.fallbackRegion().isEmpty()) {
            return;
        }
        RegionInfo here = client.region().orElse(null);
        AgentPosition at = client.position().orElse(null);
        if (here == null || at == null || !(warning.regionName().isEmpty()
                || warning.regionName().equalsIgnoreCase(here.name()))
                || here.name().equalsIgnoreCase(policy.fallbackRegion().get())) {
            return;
        }
        synchronized (this) {
            if (restarting != null) {
                return; // a later warning of the same restart
            }
            restarting = here.name();
        }
        long leaveInNs = Math.max(0, warning.in().minus(policy.margin()).toNanos());
        long restartInNs = warning.in().toNanos();
        long sinceNs = client.network().scheduler().nanoTime();
        schedule(() -> leave(here, at.position(), sinceNs + restartInNs), leaveInNs);
    }

    private void leave(RegionInfo home, Vector3 position, long restartAtNs) {
        String fallback = policy.fallbackRegion().orElseThrow();
        client.teleport(fallback, policy.fallbackPosition(), EAST).whenComplete((ok, failure) -> {
            if (failure != null) {
                done();
                publish(new RestartEvacuation.Failed(home.name(), false, reason(failure), now()));
                return;
            }
            publish(new RestartEvacuation.Evacuated(home.name(), fallback, now()));
            long waitNs = Math.max(0, restartAtNs - client.network().scheduler().nanoTime())
                    + policy.retryInterval().toNanos();
            long giveUpAtNs = restartAtNs + policy.maxWait().toNanos();
            schedule(() -> goBack(home, position, 1, giveUpAtNs), waitNs);
        });
    }

    private void goBack(RegionInfo home, Vector3 position, int attempt, long giveUpAtNs) {
        if (!client.status().hasSession()) {
            done();
            return;
        }
        client.teleport(home.handle(), position, EAST).whenComplete((ok, failure) -> {
            if (failure == null) {
                done();
                publish(new RestartEvacuation.Returned(home.name(), attempt, now()));
            } else if (client.network().scheduler().nanoTime() - giveUpAtNs >= 0 || !client.status().hasSession()) {
                done();
                publish(new RestartEvacuation.Failed(home.name(), true, "not back within "
                        + policy.maxWait().toSeconds() + " s of the restart (" + attempt + " attempts; last: "
                        + reason(failure) + ")", now()));
            } else {
                schedule(() -> goBack(home, position, attempt + 1, giveUpAtNs), policy.retryInterval().toNanos());
            }
        });
    }

    private void schedule(Runnable task, long delayNs) {
        try {
            client.network().scheduler().schedule(task, delayNs);
        } catch (RejectedExecutionException e) {
            done(); // the client is closing
        }
    }

    private synchronized void done() {
        restarting = null;
    }

    private void publish(RestartEvacuation event) {
        client.network().publish(event);
    }

    private Instant now() {
        return client.clock().instant();
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return String.valueOf(cause.getMessage());
    }
}
