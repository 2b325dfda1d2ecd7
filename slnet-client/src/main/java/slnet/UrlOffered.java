package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * A script offered the agent a web page to open ({@code llLoadURL}: {@code LoadURL}). A bot decides
 * itself whether to follow it; nothing is fetched.
 *
 * @param objectId the object whose script offers it
 * @param objectName its name
 * @param ownerId its owner, an agent or a group
 * @param ownerIsGroup true if a group owns the object
 * @param message the text shown with it
 * @param url the address, as the script gave it (not checked)
 * @param at when it arrived
 */
public record UrlOffered(UUID objectId, String objectName, UUID ownerId, boolean ownerIsGroup, String message,
                         String url, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public UrlOffered {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(at, "at");
    }
}
