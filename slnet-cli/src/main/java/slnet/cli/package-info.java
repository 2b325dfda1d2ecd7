/**
 * The {@code slnet} command-line tool: picocli commands ({@link slnet.cli.Main} is the root) and
 * the JSON form of packets ({@link slnet.cli.PacketJson}) that tools share.
 *
 * <p>Threading: each command runs on the thread picocli calls it on and owns what it opens;
 * commands write to the command line's {@code getOut()}/{@code getErr()} writers and read the
 * standard input handed to them, never {@code System.in}/{@code System.out} directly, so they
 * run in-process in tests. {@link slnet.cli.PacketJson} is stateless and thread-safe.
 */
package slnet.cli;
