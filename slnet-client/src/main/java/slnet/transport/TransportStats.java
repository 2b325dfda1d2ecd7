package slnet.transport;

/**
 * A snapshot of a transport's counters, all monotonic since it was opened.
 *
 * <p>"In" counts datagrams delivered to the {@link DatagramHandler} (for SOCKS5: after
 * unwrapping, payload bytes only); "out" counts datagrams the socket accepted (payload bytes,
 * without any SOCKS5 header).
 *
 * @param datagramsIn       datagrams handed to the handler
 * @param bytesIn           payload bytes handed to the handler
 * @param datagramsOut      datagrams sent
 * @param bytesOut          payload bytes sent
 * @param receiveErrors     socket errors while receiving (the loop went on)
 * @param handlerExceptions exceptions thrown by the handler (the loop went on)
 * @param oversizeDropped   datagrams larger than the configured maximum, dropped unseen
 * @param malformedDropped  datagrams the transport could not unwrap (SOCKS5: short or bad header,
 *                          FRAG != 0, unsupported address type), dropped unseen
 * @param foreignDropped    datagrams from a sender the transport does not accept (SOCKS5: anyone
 *                          but the relay), dropped unseen
 */
public record TransportStats(
        long datagramsIn,
        long bytesIn,
        long datagramsOut,
        long bytesOut,
        long receiveErrors,
        long handlerExceptions,
        long oversizeDropped,
        long malformedDropped,
        long foreignDropped) {
}
