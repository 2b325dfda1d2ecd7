#!/usr/bin/env bash
# Builds slnet-bench (with the modules below it, so this worktree's code is measured, not whatever
# another checkout installed into ~/.m2) and runs the circuit loopback throughput report:
# bare DatagramChannel loop, circuit unreliable, circuit reliable, bare again; prints a Markdown
# table and writes it to slnet-bench/target/circuit-table.md.
#
# Settings are sized for a 2-core machine: one sender thread (the receive threads take the other
# core), one fork per row, 1 GiB heap. Extra arguments go to the report, e.g.
#   bench/run-circuit.sh -wi 1 -w 1 -i 2 -r 2      # a quick smoke run
#   bench/run-circuit.sh -f 2 -i 8 -r 5             # a longer, steadier one
# Defaults: -wi 3 -w 2 -i 5 -r 4 -f 1. If another JMH run holds /tmp/jmh.lock the report waits for it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -o package -DskipTests -pl slnet-bench -am
fi
. .mvn/jdk.sh
echo "load before: $(cat /proc/loadavg 2>/dev/null || echo '?')" >&2
"$JAVA_HOME/bin/java" -Xmx256m -cp slnet-bench/target/benchmarks.jar slnet.bench.circuit.LoopbackThroughputReport \
  -o slnet-bench/target/circuit-table.md "$@"
echo "load after: $(cat /proc/loadavg 2>/dev/null || echo '?')" >&2
