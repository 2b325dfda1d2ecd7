package slnet.world;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import slnet.handler.CircuitView;
import slnet.handler.HandlerContext;
import slnet.handler.MessagePath;
import slnet.handler.RegionView;
import slnet.protocol.Message;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;

/** Contexts and hand-built object blocks for world tests (no sockets). */
final class WorldFixtures {
    static final long HANDLE = (256000L << 32) | 256000L;

    private WorldFixtures() {
    }

    /** Records what the world sends; can be closed. */
    static final class RecordingCircuit implements CircuitView {
        final List<Message> sent = new CopyOnWriteArrayList<>();
        volatile boolean open = true;
        private final InetSocketAddress address;

        RecordingCircuit(int port) {
            address = new InetSocketAddress("127.0.0.1", port);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return address;
        }

        @Override
        public void send(Message message, boolean reliable) {
            sent.add(message);
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    record FixedRegion(String name, long handle) implements RegionView {
    }

    static HandlerContext context(CircuitView circuit) {
        return new HandlerContext(null, circuit, new FixedRegion("Sandbox", HANDLE), MessagePath.UDP);
    }

    /** A 60-byte full-precision motion block at {@code p}, unrotated, still. */
    static Bytes motion60(Vector3 p) {
        ByteBuffer b = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(p.x()).putFloat(p.y()).putFloat(p.z());
        return Bytes.copyOf(b.array());
    }

    /** A terse block (44 bytes) moving an object to {@code p} with a velocity along x. */
    static Bytes terse(int localId, Vector3 p, float vx) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(localId).put((byte) 0).put((byte) 0);
        b.putFloat(p.x()).putFloat(p.y()).putFloat(p.z());
        b.putShort(q(vx, 128)).putShort(q(0, 128)).putShort(q(0, 128));
        b.putShort(q(0, 64)).putShort(q(0, 64)).putShort(q(0, 64));
        b.putShort(q(0, 1)).putShort(q(0, 1)).putShort(q(0, 1)).putShort(q(1, 1));
        b.putShort(q(0, 64)).putShort(q(0, 64)).putShort(q(0, 64));
        return Bytes.copyOf(b.array());
    }

    static short q(float v, float range) {
        return (short) Math.round((v + range) / (2 * range) * 65535);
    }

    /** A full-update block of a box prim. */
    static ObjectUpdate.ObjectData prim(int localId, UUID id, int parent, Vector3 p, String text) {
        Bytes textBytes = text == null ? Bytes.EMPTY : Bytes.ofString(text);
        return new ObjectUpdate.ObjectData(localId, 0, id, 7, 9, 3, 0, new Vector3(1, 1, 1), motion60(p), parent,
                0, 16, 1, 0, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY,
                Bytes.EMPTY, textBytes, Bytes.fromHex("ff000000"), Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY,
                new UUID(0, 0), new UUID(0, 0), 0, 0, 0, 0, Vector3.ZERO, Vector3.ZERO);
    }

    static ObjectUpdate update(ObjectUpdate.ObjectData... blocks) {
        return new ObjectUpdate(new ObjectUpdate.RegionData(HANDLE, 65535), List.of(blocks));
    }
}
