package slnet.network;

import java.util.Objects;
import java.util.Optional;
import slnet.login.LoginException;
import slnet.login.LoginFailure;

/**
 * {@link NetworkManager#connect} did not reach the region: the message names the step and, for a
 * handshake step, the message the simulator did not answer. Never carries secrets.
 */
public final class ConnectException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ConnectStep step;

    /**
     * Creates the exception.
     *
     * @param step the step that failed
     * @param message what happened
     * @param cause the underlying failure, or null
     */
    public ConnectException(ConnectStep step, String message, Throwable cause) {
        super(message, cause);
        this.step = Objects.requireNonNull(step, "step");
    }

    /**
     * Returns the step that failed.
     *
     * @return the step
     */
    public ConnectStep step() {
        return step;
    }

    /**
     * Returns the login failure when the {@link ConnectStep#LOGIN} step failed.
     *
     * @return the typed login failure, or empty
     */
    public Optional<LoginFailure> loginFailure() {
        return getCause() instanceof LoginException e ? Optional.of(e.failure()) : Optional.empty();
    }
}
