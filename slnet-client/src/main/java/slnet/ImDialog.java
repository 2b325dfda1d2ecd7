package slnet;

/**
 * The dialog type of an {@code ImprovedInstantMessage}: what the message is (a plain message, an
 * offer, a typing notice, a group notice...). Values as in the official viewer's
 * {@code llinstantmessage.h}; a value it does not define is {@link #UNKNOWN}, and the message still
 * reaches the user as an {@link ImReceived} event with its raw {@link InstantMessage#dialog()}.
 */
public enum ImDialog {
    /** A plain message. */
    MESSAGE(0),
    /** A message box shown to the user. */
    MESSAGE_BOX(1),
    /** An invitation to join a group. */
    GROUP_INVITATION(3),
    /** An inventory item or folder offered by an agent. */
    INVENTORY_OFFERED(4),
    /** An inventory offer was accepted. */
    INVENTORY_ACCEPTED(5),
    /** An inventory offer was declined. */
    INVENTORY_DECLINED(6),
    /** A group vote (obsolete). */
    GROUP_VOTE(7),
    /** A group message (obsolete: group chat uses sessions). */
    GROUP_MESSAGE_DEPRECATED(8),
    /** An inventory item offered by an object. */
    TASK_INVENTORY_OFFERED(9),
    /** An object's inventory offer was accepted. */
    TASK_INVENTORY_ACCEPTED(10),
    /** An object's inventory offer was declined. */
    TASK_INVENTORY_DECLINED(11),
    /** A default message for a new user. */
    NEW_USER_DEFAULT(12),
    /** An invitation to an IM session. */
    SESSION_INVITE(13),
    /** An invitation to a one-to-one session. */
    SESSION_P2P_INVITE(14),
    /** A group chat session starts. */
    SESSION_GROUP_START(15),
    /** A conference (ad-hoc) session starts. */
    SESSION_CONFERENCE_START(16),
    /** A message in a session. */
    SESSION_SEND(17),
    /** Someone left a session. */
    SESSION_LEAVE(18),
    /** A message from an object ({@code llInstantMessage}, {@code llOwnerSay} of attachments). */
    FROM_TASK(19),
    /** An automatic "do not disturb" answer. */
    DO_NOT_DISTURB_AUTO_RESPONSE(20),
    /** Text for the console and chat history only. */
    CONSOLE_AND_CHAT_HISTORY(21),
    /** A teleport offer (lure). */
    LURE_USER(22),
    /** A teleport offer was accepted. */
    LURE_ACCEPTED(23),
    /** A teleport offer was declined. */
    LURE_DECLINED(24),
    /** A teleport offer from a god. */
    GODLIKE_LURE_USER(25),
    /** A request to be offered a teleport. */
    TELEPORT_REQUEST(26),
    /** A group election (obsolete). */
    GROUP_ELECTION_DEPRECATED(27),
    /** A URL to open. */
    GOTO_URL(28),
    /** A message from an object shown as an alert. */
    FROM_TASK_AS_ALERT(31),
    /** A group notice, possibly with an attachment. */
    GROUP_NOTICE(32),
    /** A group notice's attachment was accepted. */
    GROUP_NOTICE_INVENTORY_ACCEPTED(33),
    /** A group notice's attachment was declined. */
    GROUP_NOTICE_INVENTORY_DECLINED(34),
    /** A group invitation was accepted. */
    GROUP_INVITATION_ACCEPT(35),
    /** A group invitation was declined. */
    GROUP_INVITATION_DECLINE(36),
    /** A group notice requested from the notice archive. */
    GROUP_NOTICE_REQUESTED(37),
    /** A friendship offer. */
    FRIENDSHIP_OFFERED(38),
    /** A friendship offer was accepted. */
    FRIENDSHIP_ACCEPTED(39),
    /** A friendship offer was declined (obsolete: the simulator sends a plain message). */
    FRIENDSHIP_DECLINED_DEPRECATED(40),
    /** The sender started typing. */
    TYPING_START(41),
    /** The sender stopped typing. */
    TYPING_STOP(42),
    /** A value the viewer does not define. */
    UNKNOWN(-1);

    private static final ImDialog[] BY_CODE = new ImDialog[256];

    static {
        for (ImDialog d : values()) {
            if (d.code >= 0) {
                BY_CODE[d.code] = d;
            }
        }
    }

    private final int code;

    ImDialog(int code) {
        this.code = code;
    }

    /** @return the value on the wire, or -1 for {@link #UNKNOWN} */
    public int code() {
        return code;
    }

    /**
     * The dialog type of a value on the wire.
     *
     * @param code the value (one byte on the wire)
     * @return its type, or {@link #UNKNOWN}
     */
    public static ImDialog of(int code) {
        ImDialog d = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return d == null ? UNKNOWN : d;
    }
}
