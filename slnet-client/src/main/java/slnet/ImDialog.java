package slnet;

import java.util.Optional;

/**
 * What an {@code ImprovedInstantMessage} is, by its {@code Dialog} field: a plain message, an
 * offer, an answer to one, a group or conference session message, a typing notice... The values are
 * the viewer's; every one arrives as an {@link ImReceived} event, so none is lost for want of a
 * typed event.
 */
public enum ImDialog {
    /** A plain message between two agents. */
    MESSAGE(0),
    /** A message shown in a box (from the system or a god). */
    MESSAGE_BOX(1),
    /** A group invitation; the bucket holds the membership fee and role. */
    GROUP_INVITATION(3),
    /** An agent offers an inventory item; the bucket holds its asset type and id. */
    INVENTORY_OFFERED(4),
    /** The offered item was accepted. */
    INVENTORY_ACCEPTED(5),
    /** The offered item was declined. */
    INVENTORY_DECLINED(6),
    /** A group vote (no longer used). */
    GROUP_VOTE(7),
    /** A group message (no longer used: group chat is a session, see {@link #SESSION_SEND}). */
    GROUP_MESSAGE_DEPRECATED(8),
    /** An object offers an inventory item. */
    TASK_INVENTORY_OFFERED(9),
    /** An object's offer was accepted. */
    TASK_INVENTORY_ACCEPTED(10),
    /** An object's offer was declined. */
    TASK_INVENTORY_DECLINED(11),
    /** A default message for new users (no longer used). */
    NEW_USER_DEFAULT(12),
    /** An invitation into an IM session (group or conference). */
    SESSION_INVITE(13),
    /** An invitation into a one-to-one session. */
    SESSION_P2P_INVITE(14),
    /** Starts a group chat session. */
    SESSION_GROUP_START(15),
    /** Starts a conference (ad-hoc) session. */
    SESSION_CONFERENCE_START(16),
    /** A message in a group or conference session. */
    SESSION_SEND(17),
    /** Someone left a session. */
    SESSION_LEAVE(18),
    /** A message from an object ({@code llInstantMessage}, {@code llOwnerSay} to the owner away). */
    FROM_TASK(19),
    /** The automatic answer of an agent who is busy (do not disturb). */
    BUSY_AUTO_RESPONSE(20),
    /** A message for the console and the chat history only. */
    CONSOLE_AND_CHAT_HISTORY(21),
    /** A teleport offer (lure); the bucket holds the destination. */
    LURE_USER(22),
    /** A teleport offer was accepted. */
    LURE_ACCEPTED(23),
    /** A teleport offer was declined. */
    LURE_DECLINED(24),
    /** A god's teleport offer, which the viewer follows at once. */
    GODLIKE_LURE_USER(25),
    /** Someone asks to be offered a teleport. */
    TELEPORT_REQUEST(26),
    /** A group election (no longer used). */
    GROUP_ELECTION_DEPRECATED(27),
    /** A script asks the viewer to open a URL; the bucket holds it (see also {@code LoadURL}). */
    GOTO_URL(28),
    /** A message from an object, shown as an alert. */
    FROM_TASK_AS_ALERT(31),
    /** A group notice; the bucket may name an attachment. */
    GROUP_NOTICE(32),
    /** A group notice's attachment was accepted. */
    GROUP_NOTICE_INVENTORY_ACCEPTED(33),
    /** A group notice's attachment was declined. */
    GROUP_NOTICE_INVENTORY_DECLINED(34),
    /** A group invitation was accepted. */
    GROUP_INVITATION_ACCEPT(35),
    /** A group invitation was declined. */
    GROUP_INVITATION_DECLINE(36),
    /** A group notice asked for again (from the notice list). */
    GROUP_NOTICE_REQUESTED(37),
    /** A friendship offer. */
    FRIENDSHIP_OFFERED(38),
    /** A friendship offer was accepted. */
    FRIENDSHIP_ACCEPTED(39),
    /** A friendship offer was declined (no longer sent: the decline has its own message). */
    FRIENDSHIP_DECLINED_DEPRECATED(40),
    /** The sender started typing. */
    TYPING_START(41),
    /** The sender stopped typing. */
    TYPING_STOP(42);

    private static final ImDialog[] BY_CODE = new ImDialog[43];

    static {
        for (ImDialog d : values()) {
            BY_CODE[d.code] = d;
        }
    }

    private final int code;

    ImDialog(int code) {
        this.code = code;
    }

    /**
     * Returns the value on the wire.
     *
     * @return the value on the wire
     */
    public int code() {
        return code;
    }

    /**
     * Returns its dialog, or empty for a value the viewer does not know (still delivered, as a raw {@link InstantMessage#dialog()}).
     *
     * @param code a {@code Dialog} value from the wire
     * @return its dialog, or empty for a value the viewer does not know (still delivered, as a raw
     *     {@link InstantMessage#dialog()})
     */
    public static Optional<ImDialog> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
