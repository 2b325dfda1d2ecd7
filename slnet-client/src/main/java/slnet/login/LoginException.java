package slnet.login;

import java.io.Serial;
import java.util.Objects;

/**
 * A login that failed, with a typed reason and what the server said.
 */
public final class LoginException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What failed. */
    private final LoginFailure failure;
    /** The grid's reason code, as sent. */
    private final String reasonCode;
    /** The grid's message, as sent. */
    private final String serverMessage;
    /** The HTTP status, or 0. */
    private final int httpStatus;

    /**
     * Creates the exception.
     *
     * @param failure       the typed reason
     * @param reasonCode    the server's {@code reason} value (e.g. {@code key}), or empty
     * @param serverMessage the server's text for the user, or a description of the local failure
     * @param httpStatus    the HTTP status, or 0 when no status applies
     * @param cause         the underlying error, or null
     */
    public LoginException(LoginFailure failure, String reasonCode, String serverMessage, int httpStatus,
                          Throwable cause) {
        super(failure + (serverMessage.isEmpty() ? "" : ": " + serverMessage), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
        this.serverMessage = Objects.requireNonNull(serverMessage, "serverMessage");
        this.httpStatus = httpStatus;
    }

    /**
     * A failure detected locally, without a server reason.
     *
     * @param failure the reason
     * @param message what happened
     * @param cause   the underlying error, or null
     * @return the exception
     */
    public static LoginException local(LoginFailure failure, String message, Throwable cause) {
        return new LoginException(failure, "", message, 0, cause);
    }

    /**
     * The typed reason.
     *
     * @return the failure
     */
    public LoginFailure failure() {
        return failure;
    }

    /**
     * The server's {@code reason} code as sent.
     *
     * @return e.g. {@code key}, {@code presence}; empty for local failures
     */
    public String reasonCode() {
        return reasonCode;
    }

    /**
     * The server's message for the user, or a description of the local failure.
     *
     * @return the text
     */
    public String serverMessage() {
        return serverMessage;
    }

    /**
     * The HTTP status of the reply that failed.
     *
     * @return the status, or 0
     */
    public int httpStatus() {
        return httpStatus;
    }
}
