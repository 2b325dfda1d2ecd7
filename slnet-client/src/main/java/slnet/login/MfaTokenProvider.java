package slnet.login;

import java.util.Optional;

/**
 * Supplies a multi-factor token when the grid challenges a login.
 *
 * <p>Called on the thread running the login; may block (e.g. prompting a user).
 */
@FunctionalInterface
public interface MfaTokenProvider {

    /** A provider that never has a token: a challenge fails the login with {@link LoginFailure#MFA_CHALLENGE}. */
    MfaTokenProvider NONE = message -> Optional.empty();

    /**
     * Asks for a token.
     *
     * @param serverMessage the grid's prompt text
     * @return the token, or empty to give up
     */
    Optional<String> tokenFor(String serverMessage);
}
