#!/usr/bin/env bash
# Runs the backtest benchmarks in interleaved rounds and reports per-round ratios against ta4j.
# Why: on a shared machine the host's speed drifts over minutes; JMH runs all forks of one benchmark before the
# next, so two benchmarks measured minutes apart meet different host speeds. Within a round the three run back to
# back (the first one rotates), so each round's ratio compares like with like; the median of the rounds is reported.
# Usage: benchmarks/scripts/interleaved.sh [ROUNDS]   (from the repository root, after the build)
#        EXTRA_JVM_ARGS="-XX:+UseParallelGC" benchmarks/scripts/interleaved.sh 10   (both engines get the same flags)
set -euo pipefail
ROUNDS="${1:-6}"
JAR=benchmarks/target/benchmarks.jar
NAMES=(quantplugSession quantplug ta4j)
OUT=$(mktemp -d)
for ((r = 0; r < ROUNDS; r++)); do
  for ((k = 0; k < 3; k++)); do
    name=${NAMES[$(((r + k) % 3))]}
    java -jar "$JAR" "SmaCrossoverBacktestBenchmark.${name}\$" -f 1 -wf 0 -wi 5 -i 5 \
      -jvmArgsAppend "-XX:+AlwaysPreTouch ${EXTRA_JVM_ARGS:-}" -rf csv -rff "$OUT/$r-$name.csv" > /dev/null
  done
  s=$(awk -F, 'NR==2{print $5}' "$OUT/$r-quantplugSession.csv")
  f=$(awk -F, 'NR==2{print $5}' "$OUT/$r-quantplug.csv")
  t=$(awk -F, 'NR==2{print $5}' "$OUT/$r-ta4j.csv")
  awk -v r="$r" -v s="$s" -v f="$f" -v t="$t" 'BEGIN{printf "round %d: session %.2fM  full %.2fM  ta4j %.2fM  session/ta4j %.2fx  full/ta4j %.2fx\n", r+1, s/1e6, f/1e6, t/1e6, s/t, f/t}'
  echo "$s $f $t" >> "$OUT/all"
done
median() { sort -g | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ms=$(awk '{print $1/$3}' "$OUT/all" | median)
mf=$(awk '{print $2/$3}' "$OUT/all" | median)
echo "median over $ROUNDS rounds: session/ta4j ${ms}x, full/ta4j ${mf}x"
