package slnet.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counters behind {@link TransportStats}. Receive-side counters have a single writer
 * (the receive thread) but are read from any thread; send-side ones are written by any thread.
 */
final class TransportCounters {
    final AtomicLong datagramsIn = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong datagramsOut = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    final AtomicLong receiveErrors = new AtomicLong();
    final AtomicLong handlerExceptions = new AtomicLong();
    final AtomicLong oversizeDropped = new AtomicLong();
    final AtomicLong malformedDropped = new AtomicLong();
    final AtomicLong foreignDropped = new AtomicLong();

    TransportStats snapshot() {
        return new TransportStats(
                datagramsIn.get(), bytesIn.get(), datagramsOut.get(), bytesOut.get(),
                receiveErrors.get(), handlerExceptions.get(),
                oversizeDropped.get(), malformedDropped.get(), foreignDropped.get());
    }
}
