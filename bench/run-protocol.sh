#!/usr/bin/env bash
# Builds slnet-bench and runs the protocol benchmarks (encode/decode of whole datagrams,
# zero-decoding, the header/ack fast path) with allocation profiling, then prints a table.
#
#   bench/run-protocol.sh              # the settings BENCHMARKS.md uses (about 2 minutes)
#   QUICK=1 bench/run-protocol.sh      # a smoke run (seconds, numbers meaningless)
#   bench/run-protocol.sh -p ...       # extra arguments go to JMH, after the defaults
#
# Settings are sized for a 2-core machine: one fork, one thread, 3 x 1 s warm-up, 5 x 1 s
# measurement. Raw results land in slnet-bench/target/jmh-protocol.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B install -DskipTests -pl slnet-bench -am
. .mvn/jdk.sh

if [ -n "${QUICK:-}" ]; then
  settings=(-f 1 -wi 1 -i 1 -w 200ms -r 200ms)
else
  settings=(-f 1 -wi 3 -i 5 -w 1s -r 1s)
fi
csv=slnet-bench/target/jmh-protocol.csv
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -jar slnet-bench/target/benchmarks.jar \
  'slnet\.bench\.(Encode|Decode|ZeroDecode|PacketHeader)Benchmark' \
  "${settings[@]}" -t 1 -prof gc -rf csv -rff "$csv" "$@" > slnet-bench/target/jmh-protocol.log
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); full JMH log: slnet-bench/target/jmh-protocol.log"

# CSV columns: Benchmark, Mode, Threads, Samples, Score, Score Error (99.9%), Unit
awk -F',' -v zero_bytes=1200 '
  NR == 1 { next }
  {
    for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
    name = $1; sub(/^slnet\.bench\./, "", name)
    if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:gc\.alloc\.rate\.norm$/, "", name); alloc[name] = $5; next }
    if (name ~ /:/) next
    order[++n] = name; score[name] = $5; error[name] = $6
  }
  END {
    printf "| %-45s | %10s | %8s | %8s | %s\n", "benchmark", "ns/op", "+/-", "B/op", "note"
    printf "|%s|%s|%s|%s|%s\n", "-----------------------------------------------", "------------", "----------", "----------", "-----"
    for (i = 1; i <= n; i++) {
      b = order[i]; note = ""
      if (b ~ /zeroDecode/) note = sprintf("%.0f MB/s of encoded input", zero_bytes * 1000 / score[b])
      printf "| %-45s | %10.1f | %8.1f | %8.1f | %s\n", b, score[b], error[b], alloc[b], note
    }
  }' "$csv"
