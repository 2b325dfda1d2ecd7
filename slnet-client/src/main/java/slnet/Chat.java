package slnet;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.types.Bytes;

/**
 * Local chat of a {@link Client}: say things with {@link #say}; hear them as {@link ChatReceived}
 * events on {@link Client#events()}. Thread-safe.
 */
public final class Chat {
    /** The official viewer's limit: a chat line is at most 1023 bytes of UTF-8. */
    public static final int MAX_MESSAGE_BYTES = 1023;

    private final Client client;

    Chat(Client client) {
        this.client = client;
    }

    /**
     * Says something in normal local chat on channel 0.
     *
     * @param text what to say
     * @throws IllegalStateException if not connected
     * @throws IllegalArgumentException if the text is longer than {@link #MAX_MESSAGE_BYTES}
     */
    public void say(String text) {
        say(text, 0, ChatType.NORMAL);
    }

    /**
     * Says something ({@code ChatFromViewer}, sent reliably as the viewer does).
     *
     * @param text what to say
     * @param channel the channel: 0 is public chat, others are heard by scripts only
     * @param type whisper, normal, shout, or a typing notice
     * @throws IllegalStateException if not connected
     * @throws IllegalArgumentException if the text is too long or the type is {@link ChatType#UNKNOWN}
     */
    public void say(String text, int channel, ChatType type) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        if (type == ChatType.UNKNOWN) {
            throw new IllegalArgumentException("cannot send a chat of unknown type");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("chat text is longer than " + MAX_MESSAGE_BYTES + " bytes");
        }
        Client.Connected c = client.connected();
        c.circuit().send(new ChatFromViewer(new ChatFromViewer.AgentData(c.agentId(), c.sessionId()),
                new ChatFromViewer.ChatData(Bytes.ofString(text), type.code(), channel)), true);
    }
}
