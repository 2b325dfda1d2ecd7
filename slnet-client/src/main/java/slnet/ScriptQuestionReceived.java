package slnet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * A script asked the agent for permissions ({@code llRequestPermissions}), and the client answered
 * it with the {@linkplain Scripts#permissionPolicy policy} set: by default, no.
 *
 * @param taskId the object whose script asks
 * @param itemId the script
 * @param objectName the object's name
 * @param ownerName its owner's name
 * @param experienceId the experience it asks under, or the nil id
 * @param questions the permissions asked for, as {@link ScriptPermissions} bits
 * @param granted the permissions the answer granted (a subset of {@code questions})
 * @param at when it arrived
 */
public record ScriptQuestionReceived(UUID taskId, UUID itemId, String objectName, String ownerName, UUID experienceId,
                                     int questions, int granted, Instant at) implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null. */
    public ScriptQuestionReceived {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(experienceId, "experienceId");
        Objects.requireNonNull(at, "at");
    }
}
