package slnet.circuit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import slnet.protocol.Message;
import slnet.protocol.Packet;
import slnet.protocol.PacketCodec;
import slnet.protocol.PacketHeader;
import slnet.protocol.messages.ChatFromSimulator;
import slnet.protocol.messages.ChatFromViewer;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/** Messages and raw packets for circuit tests. */
final class TestMessages {
    static final UUID AGENT = new UUID(1, 2);
    static final UUID SESSION = new UUID(3, 4);
    static final InetSocketAddress VIEWER = address(50_000);
    static final InetSocketAddress SIM = address(9_000);

    private TestMessages() {
    }

    static InetSocketAddress address(int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static ChatFromViewer chat(String text) {
        return new ChatFromViewer(new ChatFromViewer.AgentData(AGENT, SESSION),
                new ChatFromViewer.ChatData(Bytes.ofString(text), 1, 0));
    }

    static ChatFromSimulator simChat(String text) {
        return new ChatFromSimulator(new ChatFromSimulator.ChatData(Bytes.ofString("Sim"), AGENT, AGENT, 1, 1, 1,
                new Vector3(1, 2, 3), Bytes.ofString(text)));
    }

    static String text(Message message) {
        return switch (message) {
            case ChatFromViewer c -> c.chatData().message().asString();
            case ChatFromSimulator c -> c.chatData().message().asString();
            default -> throw new AssertionError("not a chat: " + message);
        };
    }

    /** Encodes a packet as a peer would send it, with acks appended when given. */
    static byte[] packet(Message message, int flags, int sequence, int... acks) {
        int allFlags = flags | (acks.length > 0 ? PacketHeader.ACKS : 0);
        return new PacketCodec().encode(Packet.of(allFlags, sequence, Bytes.EMPTY, acks, message));
    }
}
