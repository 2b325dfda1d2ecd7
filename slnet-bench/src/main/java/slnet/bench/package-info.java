/**
 * JMH benchmarks and scale harnesses. Results are recorded in BENCHMARKS.md.
 */
package slnet.bench;
