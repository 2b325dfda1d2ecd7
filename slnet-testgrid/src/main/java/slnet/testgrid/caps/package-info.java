/**
 * The test grid's capability server: seed capabilities and long-polling event queues over real
 * HTTP on loopback, with fault switches (error statuses, slow polls, dropped connections, a
 * server that dies) and a log of what it received.
 *
 * <h2>Threading and ownership</h2>
 * {@link slnet.testgrid.caps.CapsServer} owns its HTTP server and the virtual threads serving
 * requests; {@code close()} is idempotent and stops it at once. {@link slnet.testgrid.caps.CapsSession}
 * is thread-safe: tests enqueue events and read the log while server threads answer polls.
 */
package slnet.testgrid.caps;
