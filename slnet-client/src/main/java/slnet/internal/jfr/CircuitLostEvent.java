package slnet.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A client's circuit to a simulator was lost. */
@Name("slnet.CircuitLost")
@Label("Circuit Lost")
@Category({"slnet", "Network"})
@Description("A client's circuit to a simulator was lost: silence, a kick, DisableSimulator or an error")
@StackTrace(false)
public final class CircuitLostEvent extends jdk.jfr.Event {
    /** Made by {@link FlightEvents} only; public because JFR requires it. */
    public CircuitLostEvent() {
    }

    @Label("Simulator")
    @Description("The simulator's address, host:port")
    String simulator;

    @Label("Reason")
    String reason;
}
