package slnet.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A login failed. */
@Name("slnet.LoginFailed")
@Label("Login Failed")
@Category({"slnet", "Login"})
@Description("A login failed; never carries a password, token or session secret")
@StackTrace(false)
public final class LoginFailedEvent extends jdk.jfr.Event {
    /** Made by {@link FlightEvents} only; public because JFR requires it. */
    public LoginFailedEvent() {
    }

    @Label("Account")
    @Description("First and last name")
    String account;

    @Label("Login Host")
    @Description("The login server's host:port (no path, user info or query)")
    String loginHost;

    @Label("Failure")
    String failure;

    @Label("Message")
    @Description("What the grid or the network said")
    String message;

    @Label("Elapsed")
    @Timespan(Timespan.NANOSECONDS)
    long elapsed;
}
