package slnet.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A packet from a simulator could not be decoded and was dropped. */
@Name("slnet.PacketRejected")
@Label("Packet Rejected")
@Category({"slnet", "Network"})
@Description("A packet from a simulator could not be decoded and was dropped; recorded on the 1st, 2nd,"
        + " 4th, 8th... rejection of a message on a circuit, with the count so far")
@StackTrace(false)
public final class PacketRejectedEvent extends jdk.jfr.Event {
    /** Made by {@link FlightEvents} only; public because JFR requires it. */
    public PacketRejectedEvent() {
    }

    @Label("Simulator")
    @Description("The simulator's address, host:port")
    String simulator;

    @Label("Message")
    String message;

    @Label("Reason")
    String reason;

    @Label("Detail")
    String detail;

    @Label("Count")
    @Description("Rejections of this message on this circuit so far")
    long count;
}
