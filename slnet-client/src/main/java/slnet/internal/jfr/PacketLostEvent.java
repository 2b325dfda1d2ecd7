package slnet.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A reliable packet was given up after its last resend. */
@Name("slnet.PacketLost")
@Label("Packet Lost")
@Category({"slnet", "Network"})
@Description("A reliable packet was given up after its last resend")
@StackTrace(false)
public final class PacketLostEvent extends jdk.jfr.Event {
    /** Made by {@link FlightEvents} only; public because JFR requires it. */
    public PacketLostEvent() {
    }

    @Label("Peer")
    @Description("The other end of the circuit, host:port")
    String peer;

    @Label("Role")
    @Description("Which end of the circuit gave up: CLIENT (a viewer or bot) or SIMULATOR (the test grid)")
    String role;

    @Label("Message")
    String message;

    @Label("Sequence")
    int sequence;

    @Label("Transmissions")
    @Description("How often it was sent, the first send included")
    int transmissions;
}
