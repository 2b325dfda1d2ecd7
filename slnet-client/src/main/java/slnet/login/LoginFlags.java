package slnet.login;

/**
 * The {@code login-flags} entry of the reply.
 *
 * @param stipendSinceLogin a stipend was paid since the last login
 * @param everLoggedIn      the agent has logged in before
 * @param daylightSavings   the grid's clock is on daylight-saving time
 * @param gendered          the agent has chosen a gender
 */
public record LoginFlags(boolean stipendSinceLogin, boolean everLoggedIn, boolean daylightSavings, boolean gendered) {
    /** All flags false, used when the reply carries none. */
    public static final LoginFlags NONE = new LoginFlags(false, false, false, false);
}
