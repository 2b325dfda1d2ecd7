package slnet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import slnet.network.NetworkEvent;

/**
 * A script showed the agent a dialog ({@code llDialog} or {@code llTextBox}): answer it with
 * {@link Scripts#reply(ScriptDialogReceived, int)} or {@link Scripts#replyText}, or let it be (a
 * dialog needs no answer).
 *
 * @param objectId the object whose script asks
 * @param objectName its name
 * @param ownerName its owner's name, "First Last" as the simulator gives it
 * @param ownerId its owner, when the simulator says
 * @param message the dialog's text
 * @param channel the chat channel the answer goes to
 * @param imageId the image shown with it, or the nil id
 * @param buttons the buttons' labels, in order (empty for a text box)
 * @param textBox true for {@code llTextBox}: the answer is free text
 * @param at when it arrived
 */
public record ScriptDialogReceived(UUID objectId, String objectName, String ownerName, Optional<UUID> ownerId,
                                   String message, int channel, UUID imageId, List<String> buttons, boolean textBox,
                                   Instant at) implements NetworkEvent.ExtensionEvent {
    /** The one button of a dialog that {@code llTextBox} sends, by the viewer's convention. */
    public static final String TEXT_BOX_BUTTON = "!!llTextBox!!";

    /** Checks that nothing is null and copies the buttons. */
    public ScriptDialogReceived {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(imageId, "imageId");
        buttons = List.copyOf(buttons);
        Objects.requireNonNull(at, "at");
    }
}
