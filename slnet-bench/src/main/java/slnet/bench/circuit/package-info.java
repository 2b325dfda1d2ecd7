/**
 * Loopback throughput of the UDP circuit layer against the bare socket it runs on: a JMH benchmark
 * ({@link slnet.bench.circuit.LoopbackThroughputBenchmark}) whose one benchmark thread is the sender
 * and whose receive threads are the real transports', and a report
 * ({@link slnet.bench.circuit.LoopbackThroughputReport}) that runs it and prints packets per second,
 * CPU per packet and loss as a Markdown table.
 *
 * <p>Threading: each benchmark state owns its sockets, transports, circuit hosts and threads, opens
 * them in its trial setup and closes them in its trial teardown; the counters it exposes are written
 * by the receive threads and read by the benchmark thread at iteration boundaries.
 */
package slnet.bench.circuit;
