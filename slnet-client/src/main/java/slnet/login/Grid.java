package slnet.login;

import java.net.URI;
import java.util.Objects;

/**
 * A grid to log in to: a name and its login URI.
 *
 * @param name             a display name
 * @param loginUri         where {@code login_to_simulator} is POSTed (http or https)
 * @param passwordMaxChars how many leading characters of a plain-text password are hashed;
 *                         Second Life's viewer caps passwords at 16 characters, OpenSimulator
 *                         hashes the whole password ({@code 0} = no cap)
 */
public record Grid(String name, URI loginUri, int passwordMaxChars) {

    /** Second Life's main grid (agni). */
    public static final Grid SECOND_LIFE =
            new Grid("Second Life", URI.create("https://login.agni.lindenlab.com/cgi-bin/login.cgi"), 16);
    /** Second Life's beta grid (aditi). */
    public static final Grid SECOND_LIFE_BETA =
            new Grid("Second Life Beta", URI.create("https://login.aditi.lindenlab.com/cgi-bin/login.cgi"), 16);
    /** A standalone OpenSimulator on this machine with its default port. */
    public static final Grid OPENSIM_LOCAL = new Grid("OpenSimulator", URI.create("http://127.0.0.1:9000/"), 0);

    /** Validates the components. */
    public Grid {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loginUri, "loginUri");
        String scheme = loginUri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || loginUri.getHost() == null) {
            throw new IllegalArgumentException("login URI must be an absolute http(s) URI with a host: " + loginUri);
        }
        if (passwordMaxChars < 0) {
            throw new IllegalArgumentException("passwordMaxChars must be >= 0");
        }
    }

    /**
     * A custom grid (OpenSimulator rules: the whole password is hashed).
     *
     * @param loginUri the login URI
     * @return the grid, named after the URI's host
     */
    public static Grid custom(URI loginUri) {
        return new Grid(loginUri.getHost() == null ? loginUri.toString() : loginUri.getHost(), loginUri, 0);
    }
}
