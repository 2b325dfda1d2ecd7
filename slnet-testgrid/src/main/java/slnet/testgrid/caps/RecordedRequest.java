package slnet.testgrid.caps;

import java.util.Objects;
import slnet.protocol.llsd.Llsd;

/**
 * A request the capability server received, as tests inspect it.
 *
 * @param sequence its arrival order on the server, from 0
 * @param region the region of the session it was for
 * @param capability the capability's name ({@code Seed}, {@code EventQueueGet}, ...), or
 *     {@code unknown} for a path the server does not serve
 * @param method the HTTP method
 * @param body the parsed LLSD body; undef for none, or a string describing a body that did not parse
 */
public record RecordedRequest(long sequence, String region, String capability, String method, Llsd body) {
    /** Validates. */
    public RecordedRequest {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(body, "body");
    }

    /**
     * Returns whether this is an event-queue poll (not the closing {@code done: true}).
     *
     * @return whether this is an event-queue poll (not the closing {@code done: true})
     */
    public boolean isPoll() {
        return capability.equals("EventQueueGet") && !body.get("done").asBoolean();
    }
}
