package slnet.circuit;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import slnet.time.Scheduler;

/**
 * One direction of an in-memory link with seeded loss, duplication and random delay (which
 * reorders). Deliveries are scheduled on the scheduler, so a manual scheduler makes the whole link
 * deterministic.
 */
final class LossyLink implements DatagramSender {
    private final Scheduler scheduler;
    private final Random random;
    private final Consumer<byte[]> receiver;
    private volatile double loss;
    private volatile double duplication;
    private volatile long minDelayNs;
    private volatile long maxDelayNs;
    private volatile boolean dead;
    private long sent;
    private long dropped;
    private long delivered;

    LossyLink(Scheduler scheduler, long seed, Consumer<byte[]> receiver) {
        this.scheduler = scheduler;
        this.random = new Random(seed);
        this.receiver = receiver;
    }

    LossyLink loss(double value) {
        loss = value;
        return this;
    }

    LossyLink duplication(double value) {
        duplication = value;
        return this;
    }

    LossyLink delayMs(long min, long max) {
        minDelayNs = min * 1_000_000;
        maxDelayNs = max * 1_000_000;
        return this;
    }

    /** Drops everything from now on. */
    void kill() {
        dead = true;
    }

    @Override
    public synchronized void send(byte[] datagram, int offset, int length, InetSocketAddress to) {
        sent++;
        if (dead || random.nextDouble() < loss) {
            dropped++;
            return;
        }
        int copies = random.nextDouble() < duplication ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            byte[] copy = Arrays.copyOfRange(datagram, offset, offset + length);
            long delay = minDelayNs + (long) (random.nextDouble() * (maxDelayNs - minDelayNs));
            scheduler.schedule(() -> {
                synchronized (this) {
                    delivered++;
                }
                receiver.accept(copy);
            }, delay);
        }
    }

    synchronized long sent() {
        return sent;
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized long delivered() {
        return delivered;
    }
}
