package slnet.handler;

/** How a message reached the client. */
public enum MessagePath {
    /** In a UDP packet on a circuit. */
    UDP,
    /** In the body of a capability event queue response, as LLSD. */
    EVENT_QUEUE
}
