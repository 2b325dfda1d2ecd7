#!/usr/bin/env bash
# The fleet benchmark (issue 10): a test grid in one JVM, N bots in another, measured by FleetBench.
#   bench/run-fleet.sh COUNT MODE [HOLD_S] [BENCH_JAR] [GRID_JAR]
# MODE: shared (one ClientResources) or own (every bot owns its threads, the single-client default).
# Prints FleetBench's JSON line; the grid's log goes to /tmp/slnet-fleet-grid.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/jdk.sh"
count=${1:?count}; mode=${2:?mode}; hold=${3:-30}
bench_jar=${4:-$root/slnet-bench/target/benchmarks.jar}
grid_jar=${5:-$root/slnet-cli/target/slnet.jar}
log=/tmp/slnet-fleet-grid.log
"$JAVA_HOME/bin/java" -Xmx4g -jar "$grid_jar" grid --accounts "$count" --spawn-scatter 100 > "$log" 2>&1 &
grid=$!
trap 'kill $grid 2>/dev/null || true; wait $grid 2>/dev/null || true' EXIT
uri=""
for _ in $(seq 300); do
  uri=$(grep -m1 -o 'http://[^ ]*/login[^ ]*' "$log" || true)
  [ -n "$uri" ] && break
  sleep 0.1
done
[ -n "$uri" ] || { echo "grid did not print its login URI" >&2; cat "$log" >&2; exit 1; }
# FLEET_JAVA_OPTS: extra JVM options for the bots' JVM; FLEET_ARGS: extra FleetBench options
"$JAVA_HOME/bin/java" -Xmx4g ${FLEET_JAVA_OPTS:-} -cp "$bench_jar" slnet.bench.fleet.FleetBench --login-uri "$uri" \
    --count "$count" --mode "$mode" --hold-s "$hold" --batch 50 ${FLEET_ARGS:-}
