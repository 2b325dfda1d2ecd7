package slnet.testgrid.caps;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import slnet.caps.EventQueueEvent;
import slnet.caps.EventQueueSink;

/** Collects what an event queue delivers. */
final class CollectingSink implements EventQueueSink {
    final LinkedBlockingQueue<EventQueueEvent> events = new LinkedBlockingQueue<>();
    final CompletableFuture<StopReason> stopped = new CompletableFuture<>();

    @Override
    public void onEvent(EventQueueEvent event) {
        if (stopped.isDone()) {
            throw new AssertionError("event after stop");
        }
        events.add(event);
    }

    @Override
    public void onStopped(StopReason reason) {
        if (!stopped.complete(reason)) {
            throw new AssertionError("stopped twice");
        }
    }

    EventQueueEvent next() throws InterruptedException {
        EventQueueEvent e = events.poll(5, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event within 5 s");
        }
        return e;
    }
}
