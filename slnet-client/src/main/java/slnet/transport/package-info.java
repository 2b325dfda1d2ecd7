/**
 * The transport layer: moves UDP datagrams between the client and simulators, knowing nothing
 * of messages or circuits.
 *
 * <p>{@link slnet.transport.DatagramTransport} is the contract the circuit layer builds on;
 * {@link slnet.transport.UdpTransport} is a plain UDP socket and
 * {@link slnet.transport.Socks5UdpTransport} goes through a SOCKS5 proxy's UDP ASSOCIATE. One
 * transport (one socket) serves all circuits of a client; the circuit layer demultiplexes by the
 * source address the handler is given.
 *
 * <h2>Threading and ownership</h2>
 * <ul>
 *   <li>Each transport owns its socket and threads: a receive thread
 *       ({@code slnet-udp-rx-<port>} / {@code slnet-socks5-rx-<port>}) and, for SOCKS5, a control
 *       connection watcher ({@code slnet-socks5-ctl-<port>}). All are daemon platform threads;
 *       {@code close()} ends them and releases the sockets, and is idempotent.</li>
 *   <li>{@code send}, {@code stats}, {@code localAddress} and {@code close} are safe from any
 *       thread. The {@link slnet.transport.DatagramHandler} runs on the receive thread only, and
 *       its buffer is lent for the duration of the call.</li>
 *   <li>Nothing a remote peer sends can stop the receive loop: oversize, malformed and foreign
 *       datagrams are dropped and counted; handler exceptions are counted and logged.</li>
 * </ul>
 *
 * <h2>Proxies</h2>
 * UDP (circuits) can go through SOCKS5 only; HTTP(S) (login, capabilities, event queue) goes
 * through {@code java.net.http.HttpClient} with a {@code ProxySelector}, which supports HTTP
 * CONNECT proxies but not SOCKS. See {@code docs/proxies.md}.
 */
package slnet.transport;
