/**
 * JMH benchmarks and scale harnesses. Results are recorded in BENCHMARKS.md at the repository
 * root; {@code bench/run-protocol.sh} builds and runs the protocol benchmarks.
 *
 * <p>The protocol benchmarks ({@link slnet.bench.EncodeBenchmark}, {@link slnet.bench.DecodeBenchmark},
 * {@link slnet.bench.ZeroDecodeBenchmark}, {@link slnet.bench.PacketHeaderBenchmark}) all work on
 * {@link slnet.bench.SampleTraffic}, which {@link slnet.bench.ComparisonDatagrams} also writes out
 * for the node-metaverse harness in {@code bench/node-metaverse}, so both sides time the same bytes.
 *
 * <p>Threading: every benchmark state is {@code Scope.Thread} and owns its codec and buffers; run
 * them with one thread ({@code -t 1}) on a small machine. Nothing here opens sockets or threads.
 */
package slnet.bench;
