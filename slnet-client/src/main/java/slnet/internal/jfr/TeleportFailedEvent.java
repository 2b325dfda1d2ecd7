package slnet.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A teleport failed. */
@Name("slnet.TeleportFailed")
@Label("Teleport Failed")
@Category({"slnet", "Network"})
@Description("A teleport was refused by the grid or not answered in time")
@StackTrace(false)
public final class TeleportFailedEvent extends jdk.jfr.Event {
    /** Made by {@link FlightEvents} only; public because JFR requires it. */
    public TeleportFailedEvent() {
    }

    @Label("Reason")
    String reason;
}
