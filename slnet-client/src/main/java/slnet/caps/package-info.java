/**
 * Capabilities: LLSD over HTTP to a region's per-agent URIs, the seed capability that hands them
 * out, and the event queue that carries server-to-viewer events.
 *
 * <ul>
 *   <li>{@link slnet.caps.CapabilityClient} calls any capability (GET/POST, LLSD in and out, a
 *       timeout and a response size bound on every call, {@link slnet.caps.CapabilityException}
 *       on every failure) and asks a seed for {@link slnet.caps.RegionCapabilities}.</li>
 *   <li>{@link slnet.caps.EventQueueClient} long-polls {@code EventQueueGet} and gives an
 *       {@link slnet.caps.EventQueueSink} each {@link slnet.caps.EventQueueEvent} once, in order:
 *       template messages as their generated records (via {@link slnet.caps.LlsdMessageMapper}),
 *       LLSD-only events by name.</li>
 * </ul>
 *
 * <h2>Secrets</h2>
 * Capability URIs grant access to whoever holds them. This package logs them only through
 * {@link slnet.caps.CapabilityUris#redact}, and {@code RegionCapabilities.toString()} shows names
 * only.
 *
 * <h2>Threading and ownership</h2>
 * <ul>
 *   <li>{@code CapabilityClient} is thread-safe and blocking (call it from virtual threads); it
 *       closes its {@code HttpClient} only if it made it.</li>
 *   <li>Each {@code EventQueueClient} owns one virtual thread, which runs its poll loop and calls
 *       its sink; there is never more than one poll in flight per client. {@code close()} is
 *       idempotent, sends {@code done: true}, and returns after the thread ended.</li>
 *   <li>Backoff waits go through an injected {@link slnet.time.Sleeper} and the spacing through a
 *       {@link slnet.caps.Backoff} strategy, so tests drive them without sleeping.</li>
 *   <li>{@code LlsdMessageMapper}, {@code CapabilityUris} and the records are stateless or immutable.</li>
 * </ul>
 */
package slnet.caps;
