package slnet.cli;

import java.util.concurrent.CompletableFuture;
import slnet.Client;
import slnet.network.NetworkEvent;

/**
 * One bot of a swarm: its account, its client, and where it is in its life. State changes come
 * from the client's event threads and from the swarm's loop; they are one volatile field moved by
 * compare-and-set, so each bot is counted once as connected, failed, lost or logged out.
 */
final class SwarmBot {
    /** Where a bot is in its life. */
    enum State { CONNECTING, CONNECTED, FAILED, LOST, STOPPING, STOPPED }

    final SwarmAccount account;
    final Client client;
    final long launchedNs;
    private final java.util.concurrent.atomic.AtomicReference<State> state =
            new java.util.concurrent.atomic.AtomicReference<>(State.CONNECTING);
    /** Owned by the swarm's loop thread. */
    long nextActionNs;
    long actions;
    CompletableFuture<?> action;

    SwarmBot(SwarmAccount account, Client client, long launchedNs) {
        this.account = account;
        this.client = client;
        this.launchedNs = launchedNs;
    }

    State state() {
        return state.get();
    }

    boolean move(State from, State to) {
        return state.compareAndSet(from, to);
    }

    /** @return true if the event means the bot's session ended without being asked to */
    static boolean endsSession(NetworkEvent event) {
        return event instanceof NetworkEvent.Disconnected;
    }
}
