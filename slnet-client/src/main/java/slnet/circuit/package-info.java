/**
 * LLUDP circuits: one {@link slnet.circuit.Circuit} per peer, reliable delivery (acks appended or in
 * {@code PacketAck}, resends with RESENT set, RTT-based timeouts with backoff), duplicate
 * suppression, pings, liveness, flow control, trust filtering and per-circuit statistics; and a
 * {@link slnet.circuit.CircuitHost} that routes a transport's datagrams to circuits by source address.
 *
 * <p>This layer knows packets and messages but no sockets and no login: it sends through a
 * {@link slnet.circuit.DatagramSender} and is fed datagrams by whoever owns the transport. Time comes
 * from a {@link slnet.time.Scheduler}, so tests drive it with {@link slnet.time.ManualScheduler}.
 *
 * <p>Threading and ownership: inbound processing (ack harvesting, duplicate check, decoding, trust
 * checks, delivery to the {@link slnet.circuit.MessageSink}) runs on the thread that calls
 * {@code onDatagram}, normally the transport's receive thread, serialised per circuit. Sends may come
 * from any thread; a per-circuit lock keeps sequence numbers and the wire in the same order. Timers
 * (resends, ack flushes, pings, liveness) run on the scheduler. Futures complete and events are
 * posted outside that lock, but a {@code sendReliable} future completes on the thread that handled
 * its ack (the receive thread) or gave it up (the timer): its callbacks must not block, or should be
 * attached with the {@code *Async} variants. {@link slnet.circuit.CircuitListener}s run on an
 * executor, never on the network thread. A circuit owns its timers and is {@link java.lang.AutoCloseable}; a host owns its
 * circuits but not the transport or the scheduler.
 */
package slnet.circuit;
