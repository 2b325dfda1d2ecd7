package slnet.login;

/**
 * Observes login progress. Called synchronously on the login thread, so it must be quick; an
 * exception it throws is swallowed so that observing never changes the outcome.
 */
@FunctionalInterface
public interface LoginListener {

    /** A listener that ignores everything. */
    LoginListener NONE = event -> { };

    /**
     * Receives one event.
     *
     * @param event what happened
     */
    void onEvent(LoginEvent event);
}
