package slnet.bench.circuit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Packets per second from one sender thread to one receive thread over loopback UDP, for three
 * paths ({@link Loop#path}): {@code bare}, a blocking {@link java.nio.channels.DatagramChannel} pair
 * (the physical limit on this machine); {@code unreliable}, a viewer circuit's {@code send} to a
 * simulator circuit; {@code reliable}, {@code sendReliable} with a bounded window of unacked futures.
 *
 * <p>Why JMH for a two-socket loop: the benchmark thread is the sender, so JMH's primary score is
 * the send rate, and the receive side's rates (delivered, acked, failed, resent, CPU nanoseconds of
 * the process, of the sender thread and of the receive thread) come out as {@link AuxCounters} per
 * second over the same fixed-duration iterations, with JMH's forking, warm-up and statistics. One thread only ({@link Threads}(1)): with 2 cores the sender and
 * the receive thread already fill the machine. {@link LoopbackThroughputReport} turns the rates into
 * CPU per packet, loss and percent of bare.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class LoopbackThroughputBenchmark {

    /** The pair under test, one per trial. */
    @State(Scope.Benchmark)
    public static class Loop {
        /** Which path: bare, unreliable or reliable. */
        @Param({"bare", "unreliable", "reliable"})
        public String path;

        /** Reliable only: the most sendReliable futures unsettled at once. */
        @Param({"1024"})
        public int window;

        LoopbackPair pair;

        /**
         * Opens the pair.
         *
         * @throws Exception if the sockets or circuits cannot be opened
         */
        @Setup(Level.Trial)
        public void open() throws Exception {
            int datagramBytes = CircuitPair.datagramBytes(CircuitPair.MESSAGE);
            pair = switch (path) {
                case "bare" -> new BareDatagramPair(datagramBytes);
                case "unreliable" -> new CircuitPair(false, window);
                case "reliable" -> new CircuitPair(true, window);
                default -> throw new IllegalArgumentException("unknown path " + path);
            };
        }

        /**
         * Closes the pair.
         *
         * @throws Exception if closing failed
         */
        @TearDown(Level.Trial)
        public void close() throws Exception {
            pair.close();
        }
    }

    /**
     * The receive side's counts over one iteration, which JMH divides by the iteration's time.
     * Each reads live counters against a snapshot taken at the iteration's start.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Rates {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private Loop loop;
        private long deliveredAtStart;
        private long ackedAtStart;
        private long failedAtStart;
        private long resentAtStart;
        private long cpuNsAtStart;
        private long senderCpuNsAtStart;
        private long senderCpuNs;
        private long receiverThreadId = -1;
        private long receiverCpuNsAtStart;
        private long receiverCpuNs;
        private long delivered;
        private long acked;
        private long failed;
        private long resent;
        private long cpuNs;

        /**
         * Snapshots the counters.
         *
         * @param loop the pair
         */
        @Setup(Level.Iteration)
        public void start(Loop loop) {
            this.loop = loop;
            deliveredAtStart = loop.pair.delivered();
            ackedAtStart = loop.pair.acked();
            failedAtStart = loop.pair.failed();
            resentAtStart = loop.pair.resent();
            cpuNsAtStart = OS.getProcessCpuTime();
            // Iteration fixtures run on the benchmark thread, which is the sender.
            senderCpuNsAtStart = THREADS.getCurrentThreadCpuTime();
            if (receiverThreadId < 0) {
                receiverThreadId = threadId(loop.pair.receiveThreadName());
            }
            receiverCpuNsAtStart = THREADS.getThreadCpuTime(receiverThreadId);
        }

        /**
         * Takes the counts as the measured loop ends, before JMH reads them: JMH reads after the
         * trial teardown on the last iteration, which must not be counted.
         */
        @TearDown(Level.Iteration)
        public void stop() {
            cpuNs = OS.getProcessCpuTime() - cpuNsAtStart;
            senderCpuNs = THREADS.getCurrentThreadCpuTime() - senderCpuNsAtStart;
            receiverCpuNs = THREADS.getThreadCpuTime(receiverThreadId) - receiverCpuNsAtStart;
            delivered = loop.pair.delivered() - deliveredAtStart;
            acked = loop.pair.acked() - ackedAtStart;
            failed = loop.pair.failed() - failedAtStart;
            resent = loop.pair.resent() - resentAtStart;
        }

        /** @return messages handed to the receiving sink */
        public long delivered() {
            return delivered;
        }

        /** @return reliable messages acked back to the sender */
        public long acked() {
            return acked;
        }

        /** @return reliable sends that failed */
        public long failed() {
            return failed;
        }

        /** @return CPU nanoseconds of the sending (benchmark) thread alone */
        public long senderCpuNs() {
            return senderCpuNs;
        }

        /** @return CPU nanoseconds of the receiving side's receive thread alone */
        public long receiverCpuNs() {
            return receiverCpuNs;
        }

        private static long threadId(String name) {
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (info != null && info.getThreadName().equals(name)) {
                    return info.getThreadId();
                }
            }
            throw new IllegalStateException("no thread named " + name);
        }

        /** @return reliable packets resent */
        public long resent() {
            return resent;
        }

        /** @return CPU nanoseconds of the whole process, all threads */
        public long cpuNs() {
            return cpuNs;
        }
    }

    /**
     * Sends one packet; the score is sends per second.
     *
     * @param loop the pair
     * @param rates the receive side's counters
     * @throws Exception if sending failed
     */
    @Benchmark
    public void send(Loop loop, Rates rates) throws Exception {
        loop.pair.sendOne();
    }
}
