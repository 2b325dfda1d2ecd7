package slnet.login;

import java.net.URI;
import java.time.Duration;

/**
 * Progress of one login, in the order it happens. Past-tense names: each reports something done.
 */
public sealed interface LoginEvent {

    /**
     * The login began.
     *
     * @param loginUri the first URI tried
     * @param protocol the wire format
     */
    record LoginStarted(URI loginUri, LoginProtocol protocol) implements LoginEvent {
    }

    /**
     * A request was sent and its reply awaited.
     *
     * @param loginUri where it went
     * @param attempt  1 for the first request, counting redirects and MFA retries
     */
    record RequestSent(URI loginUri, int attempt) implements LoginEvent {
    }

    /**
     * The grid answered {@code indeterminate} and named another URI.
     *
     * @param nextUri where the next request goes
     * @param delay   how long the grid asked to wait first
     * @param message the grid's text, possibly empty
     */
    record Redirected(URI nextUri, Duration delay, String message) implements LoginEvent {
    }

    /**
     * The grid asked for a multi-factor token.
     *
     * @param message the grid's prompt
     */
    record MfaRequested(String message) implements LoginEvent {
    }

    /**
     * The login produced a session.
     *
     * @param session the session (its toString hides secrets)
     * @param elapsed time since {@link LoginStarted}
     */
    record LoginSucceeded(SessionInfo session, Duration elapsed) implements LoginEvent {
    }

    /**
     * The login failed.
     *
     * @param failure the reason
     * @param message the server's or the local explanation
     * @param elapsed time since {@link LoginStarted}
     */
    record LoginFailed(LoginFailure failure, String message, Duration elapsed) implements LoginEvent {
    }
}
