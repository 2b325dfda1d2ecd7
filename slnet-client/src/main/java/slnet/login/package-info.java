/**
 * Login: authenticating an agent against a grid's login service ({@code login_to_simulator}
 * over XML-RPC or LLSD) and turning the reply into an immutable {@link slnet.login.SessionInfo}.
 *
 * <p>This layer knows HTTP but not circuits: it ends where the simulator address, circuit code
 * and session ids are known.
 *
 * <p>Threading and ownership: value types ({@link slnet.login.Grid}, {@link slnet.login.LoginCredentials},
 * {@link slnet.login.SessionInfo}, events) are immutable. {@link slnet.login.AuthenticationService}
 * is thread-safe; {@code login} blocks the calling thread, and listener and MFA callbacks run on
 * that thread. The service owns its {@code HttpClient} only when it created it, and closes only
 * that one. Passwords, MFA tokens and hashes and session secrets never appear in {@code toString}
 * or log output.
 */
package slnet.login;
