package slnet.testing.junit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a grid's scope left running when it ended: threads started within it that are still alive, and
 * ports of the grid still bound. Ported from slnet-client's test-only {@code LeakCheckExtension}: a
 * thread counts if it is non-daemon or named {@code slnet...}, and is not one of JUnit's or the JVM's
 * own lazily started threads; threads alive before the scope began are never blamed.
 */
final class Leftovers {
    /** Threads and sockets finishing their last loop iteration get this long. */
    static final Duration GRACE = Duration.ofSeconds(5);
    private static final List<String> INFRASTRUCTURE_PREFIXES =
            List.of("junit-", "surefire-", "Attach Listener", "process reaper", "JFR ", "Common-Cleaner");

    private final Set<Thread> before;

    private Leftovers(Set<Thread> before) {
        this.before = before;
    }

    /** @return a watch over threads started from now on */
    static Leftovers watchFromNow() {
        return new Leftovers(liveThreads());
    }

    /**
     * Waits up to {@link #GRACE} for the scope's threads to end and its ports to be free.
     *
     * @param udpPorts  UDP addresses the scope bound (the simulators)
     * @param tcpPorts  TCP addresses the scope listened on (login and capability servers)
     * @return what is still there, one description each; empty if nothing
     * @throws InterruptedException if interrupted while waiting
     */
    List<String> await(List<InetSocketAddress> udpPorts, List<InetSocketAddress> tcpPorts) throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (true) {
            List<String> left = new ArrayList<>();
            for (Thread t : leakedThreads()) {
                left.add("thread '" + t.getName() + "'" + (t.isDaemon() ? " (daemon)" : ""));
            }
            for (InetSocketAddress a : udpPorts) {
                if (!udpFree(a)) {
                    left.add("UDP port " + a);
                }
            }
            for (InetSocketAddress a : tcpPorts) {
                if (!tcpFree(a)) {
                    left.add("TCP port " + a);
                }
            }
            if (left.isEmpty() || System.nanoTime() - deadline > 0) {
                return left;
            }
            Thread.sleep(20); // polling a condition with a deadline, not waiting a fixed time
        }
    }

    private List<Thread> leakedThreads() {
        return liveThreads().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> !t.isDaemon() || t.getName().startsWith("slnet"))
                .filter(t -> INFRASTRUCTURE_PREFIXES.stream().noneMatch(t.getName()::startsWith))
                .toList();
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    private static boolean udpFree(SocketAddress address) {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean tcpFree(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // connections of the test in TIME_WAIT do not hold a closed listener's port
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
