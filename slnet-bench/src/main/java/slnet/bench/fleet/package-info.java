/**
 * Fleet measurements: many bots in one JVM against a grid in another ({@link slnet.bench.fleet.FleetBench}).
 * Not JMH: what a fleet costs is measured over minutes of a whole process (threads, heap, CPU), not
 * per operation.
 */
package slnet.bench.fleet;
