package slnet.bench.world;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import slnet.handler.CircuitView;
import slnet.handler.HandlerContext;
import slnet.handler.HandlerRegistry;
import slnet.handler.MessagePath;
import slnet.handler.RegionView;
import slnet.network.NetworkEventBus;
import slnet.protocol.Message;
import slnet.protocol.messages.ImprovedTerseObjectUpdate;
import slnet.protocol.messages.ObjectUpdate;
import slnet.protocol.types.Bytes;
import slnet.protocol.types.Vector3;
import slnet.world.ObjectDecodeException;
import slnet.world.ObjectUpdateDecoder;
import slnet.world.World;
import slnet.world.WorldObject;

/**
 * The world's two hot paths: applying a stream of {@code ImprovedTerseObjectUpdate}s (10 blocks a
 * message, random objects) to a region of 10,000 objects through the handler registry, as a
 * circuit's dispatch thread does; and decoding full {@code ObjectUpdate} blocks of typical prims
 * (a box with a texture entry overriding two faces, hover text) into {@link WorldObject}s.
 * No event subscriber: the world builds no snapshot for events then.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WorldBenchmark {
    private static final long HANDLE = (256000L << 32) | 256000L;
    private static final int OBJECTS = 10_000;
    private static final int BLOCKS_PER_MESSAGE = 10;
    private static final int MESSAGES = 4096;

    private HandlerRegistry handlers;
    private NetworkEventBus bus;
    private World world;
    private HandlerContext context;
    private ImprovedTerseObjectUpdate[] terse;
    private ObjectUpdate.ObjectData[] prims;
    private int next;

    /** A circuit that sends nowhere. */
    private record NoCircuit(InetSocketAddress remoteAddress) implements CircuitView {
        @Override
        public void send(Message message, boolean reliable) {
        }
    }

    private record Region(String name, long handle) implements RegionView {
    }

    @Setup(Level.Trial)
    public void setUp() {
        handlers = new HandlerRegistry();
        bus = new NetworkEventBus();
        world = new World(handlers, bus, Clock.systemUTC(), Optional::empty);
        context = new HandlerContext(null, new NoCircuit(new InetSocketAddress("127.0.0.1", 9000)),
                new Region("Bench", HANDLE), MessagePath.UDP);
        SplittableRandom random = new SplittableRandom(42);
        prims = new ObjectUpdate.ObjectData[OBJECTS];
        for (int i = 0; i < OBJECTS; i++) {
            prims[i] = prim(1000 + i, new Vector3(random.nextInt(256), random.nextInt(256), 20 + random.nextInt(50)));
        }
        for (int from = 0; from < OBJECTS; from += 100) {
            handlers.dispatch(new ObjectUpdate(new ObjectUpdate.RegionData(HANDLE, 65535),
                    List.of(prims).subList(from, from + 100)), context);
        }
        if (world.stats().objects() != OBJECTS) {
            throw new IllegalStateException("store holds " + world.stats().objects());
        }
        terse = new ImprovedTerseObjectUpdate[MESSAGES];
        for (int m = 0; m < MESSAGES; m++) {
            List<ImprovedTerseObjectUpdate.ObjectData> blocks = new ArrayList<>();
            for (int b = 0; b < BLOCKS_PER_MESSAGE; b++) {
                blocks.add(new ImprovedTerseObjectUpdate.ObjectData(terseBlock(1000 + random.nextInt(OBJECTS),
                        random.nextFloat() * 256, random.nextFloat() * 256, 25), Bytes.EMPTY));
            }
            terse[m] = new ImprovedTerseObjectUpdate(new ImprovedTerseObjectUpdate.RegionData(HANDLE, 65535), blocks);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        world.close();
        bus.close();
    }

    /** Per terse block: one message of 10 blocks dispatched per invocation. */
    @Benchmark
    @OperationsPerInvocation(BLOCKS_PER_MESSAGE)
    public int applyTerseUpdates() {
        ImprovedTerseObjectUpdate m = terse[next];
        next = (next + 1) & (MESSAGES - 1);
        return handlers.dispatch(m, context);
    }

    /** One full update block of a typical prim into an immutable object. */
    @Benchmark
    public WorldObject decodeFullUpdate() throws ObjectDecodeException {
        ObjectUpdate.ObjectData block = prims[next];
        next = (next + 1) & (MESSAGES - 1);
        return ObjectUpdateDecoder.decodeFull(HANDLE, block);
    }

    private static ObjectUpdate.ObjectData prim(int localId, Vector3 p) {
        ByteBuffer motion = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        motion.putFloat(p.x()).putFloat(p.y()).putFloat(p.z());
        ByteBuffer te = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
        te.putLong(0x89556747_24cb43edL).putLong(0x920b47caed15465fL);
        te.put((byte) 0x06).putLong(0x5748deccf629461cL).putLong(0x9a36a35a221fe21fL).put((byte) 0);
        te.putInt(0).put((byte) 0);
        te.putFloat(1).put((byte) 0).putFloat(1).put((byte) 0);
        Bytes textureEntry = Bytes.copyOf(te.array(), 0, te.position());
        return new ObjectUpdate.ObjectData(localId, 0, new UUID(0x5eed, localId), 7, 9, 3, 0, new Vector3(1, 1, 1),
                Bytes.copyOf(motion.array()), 0, 0, 16, 1, 0, 0, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                textureEntry, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.ofString("hover"),
                Bytes.fromHex("ffffff00"), Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, new UUID(0, 0), new UUID(0, 0), 0, 0,
                0, 0, Vector3.ZERO, Vector3.ZERO);
    }

    private static Bytes terseBlock(int localId, float x, float y, float z) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(localId).put((byte) 0).put((byte) 0).putFloat(x).putFloat(y).putFloat(z);
        for (int i = 0; i < 6; i++) {
            b.putShort((short) 0x8000);
        }
        b.putShort((short) 0x8000).putShort((short) 0x8000).putShort((short) 0x8000).putShort((short) 0xFFFF);
        for (int i = 0; i < 3; i++) {
            b.putShort((short) 0x8000);
        }
        return Bytes.copyOf(b.array());
    }
}
