package slnet.network;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * Messages from a simulator were lost: its circuit's dispatch queue (bounded by
 * {@link NetworkConfig#inboundQueueCapacity()}) was full because a handler kept the circuit's
 * dispatch thread busy, so they were dropped unhandled. The circuit had already acknowledged them
 * (acks leave on receipt, before dispatch), so the simulator will not send them again: a loss, not
 * a delay. Every drop is counted ({@link NetworkManager#inboundDropped()},
 * {@code ClientStats.inboundDropped}); this event is coalesced so a flood makes no storm of events:
 * it is published on a circuit's first drop, then when the circuit's count reaches a power of two
 * (2, 4, 8, ...) or a second has passed since the last one, whichever comes first. Published on
 * the transport's receive thread, which the bus never blocks.
 *
 * @param simulator the simulator's UDP address
 * @param firstMessageName the first message dropped since this circuit's previous {@code MessagesDropped}
 * @param count how many messages this circuit has dropped in all so far
 * @param at when
 */
public record MessagesDropped(InetSocketAddress simulator, String firstMessageName, long count, Instant at)
        implements NetworkEvent.ExtensionEvent {
    /** Checks that nothing is null and the count is positive. */
    public MessagesDropped {
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(firstMessageName, "firstMessageName");
        Objects.requireNonNull(at, "at");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }
}
