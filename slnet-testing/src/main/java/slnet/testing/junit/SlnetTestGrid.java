package slnet.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tests of a class (or one test method) against an embedded test grid on loopback: a login
 * server, a simulator per region and the capability server, started before and stopped after, with
 * {@link SlnetTestGridExtension} injecting what a test asks for by parameter type.
 *
 * <pre>{@code
 * @SlnetTestGrid(accounts = {"Alice Tester", "Bob Tester"})
 * class GreeterTest {
 *     @Test
 *     void greets(Client alice, @AsAccount("Bob Tester") LoginCredentials bob, TestGrid grid) { ... }
 * }
 * }</pre>
 *
 * <p>On a class, the grid lives as {@link #lifecycle()} says: once for all its tests (the default) or
 * once per test. On a method, that test gets a grid of its own with the method's settings. After the
 * grid closes, the extension fails the class (or test) if a thread named {@code slnet...}, or any
 * non-daemon thread, started within it is still alive, or if a port of the grid is still bound.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SlnetTestGridExtension.class)
public @interface SlnetTestGrid {

    /** The password every account of {@link #accounts()} has unless told otherwise. */
    String DEFAULT_PASSWORD = "password";

    /**
     * Returns the accounts the login server accepts, each {@code "First Last"}; the first is the one an injected {@code Client} connects as unless {@link #connectAs()} or {@link AsAccount} says otherwise.
     *
     * @return the accounts the login server accepts, each {@code "First Last"}; the first is the one
     *         an injected {@code Client} connects as unless {@link #connectAs()} or
     *         {@link AsAccount} says otherwise
     */
    String[] accounts() default {"Test User"};

    /**
     * Returns the password of every account.
     *
     * @return the password of every account
     */
    String password() default DEFAULT_PASSWORD;

    /**
     * Returns the regions, each {@code "Name"} (placed in a row eastwards from grid coordinates (1000, 1000), so consecutive regions are neighbours) or {@code "Name@x,y"} (at grid coordinates x, y in region units); the first is where logins arrive. Empty: one region, {@code "Test Region"}.
     *
     * @return the regions, each {@code "Name"} (placed in a row eastwards from grid coordinates
     *         (1000, 1000), so consecutive regions are neighbours) or {@code "Name@x,y"} (at grid
     *         coordinates x, y in region units); the first is where logins arrive. Empty: one region,
     *         {@code "Test Region"}
     */
    String[] regions() default {};

    /**
     * Returns the account (by {@code "First Last"}) an injected {@code Client} connects as; empty: the first.
     *
     * @return the account (by {@code "First Last"}) an injected {@code Client} connects as; empty: the first
     */
    String connectAs() default "";

    /**
     * Returns whether the grid serves seed capabilities and event queues.
     *
     * @return whether the grid serves seed capabilities and event queues
     */
    boolean capabilities() default true;

    /**
     * Returns when the grid starts and stops; ignored on a method, whose grid is always its own.
     *
     * @return when the grid starts and stops; ignored on a method, whose grid is always its own
     */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /**
     * Returns whether to fail when threads or ports of the grid or of injected clients outlive it.
     *
     * @return whether to fail when threads or ports of the grid or of injected clients outlive it
     */
    boolean failOnLeaks() default true;

    /** When the grid starts and stops. */
    enum Lifecycle {
        /** One grid for all tests of the class: started before the first, stopped after the last. */
        PER_CLASS,
        /** A fresh grid for every test: no state (agents, recorded messages, faults) carries over. */
        PER_TEST
    }
}
