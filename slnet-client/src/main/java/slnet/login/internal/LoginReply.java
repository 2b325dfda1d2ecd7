package slnet.login.internal;

import java.net.URI;
import java.time.Duration;
import slnet.login.LoginFailure;
import slnet.login.SessionInfo;

/**
 * A decoded login reply: what the grid decided.
 */
public sealed interface LoginReply {

    /**
     * {@code login=true}.
     *
     * @param session the session
     */
    record Accepted(SessionInfo session) implements LoginReply {
    }

    /**
     * {@code login=false} for a reason other than an MFA challenge.
     *
     * @param failure    the typed reason
     * @param reasonCode the server's reason
     * @param message    the server's message
     */
    record Refused(LoginFailure failure, String reasonCode, String message) implements LoginReply {
    }

    /**
     * {@code login=false, reason=mfa_challenge}.
     *
     * @param message the prompt
     */
    record MfaChallenged(String message) implements LoginReply {
    }

    /**
     * {@code login=indeterminate}: try again elsewhere after a wait.
     *
     * @param nextUri    where
     * @param nextMethod the XML-RPC method to call there
     * @param delay      how long to wait first
     * @param message    the grid's text
     */
    record Redirect(URI nextUri, String nextMethod, Duration delay, String message) implements LoginReply {
    }
}
