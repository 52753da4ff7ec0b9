#!/usr/bin/env bash
# Whole-command timings of issue 18's speed target: `quantplug optimize` of 1,000 SMA-crossover trials (fast 2..41
# by 1 x slow 50..290 by 10) on the 50,000 real one-minute bars of BTCUSDT_1m_2022chunk.csv, with 1 and with 2
# workers, against the same 1,000 backtests run one after another by ta4j in one JVM (Ta4jSweepCommand, JVM
# defaults). Rounds interleaved; prints the median wall time of each and the ratios. Run from the repository root
# after `mvn -B -ntp -DskipTests package`; needs GNU time (/usr/bin/time) and ../shared/data.
#   benchmarks/scripts/optimize-sweep.sh [ROUNDS]        (default 3)
set -euo pipefail
ROUNDS=${1:-3}
WORK=${WORK:-/tmp/quantplug-optimize-sweep}
JAR=benchmarks/target/benchmarks.jar
REAL=../shared/data/binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv
mkdir -p "$WORK"
rm -f "$WORK"/*.txt
export QUANTPLUG_HOME="$WORK/home"

measure() { # label command... -> appends "seconds kilobytes" to $WORK/label.txt
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.tmp" "$@" > "$WORK/$label.out" 2>&1
  cat "$WORK/time.tmp" >> "$WORK/$label.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
OPTIMIZE=(./quantplug optimize --data "$REAL" --symbol BTCUSDT --strategy sma-crossover --grid fast=2..41:1
  --grid slow=50..290:10 --json)

"${OPTIMIZE[@]}" --workers 2 > /dev/null 2>&1 # fills the bar cache of the home
for ((r = 0; r < ROUNDS; r++)); do
  measure quantplug-1 "${OPTIMIZE[@]}" --workers 1
  measure quantplug-2 "${OPTIMIZE[@]}" --workers 2
  measure ta4j java -cp "$JAR" io.quantplug.benchmarks.command.Ta4jSweepCommand "$REAL" 2 41 50 290 10
done
q1=$(cut -d' ' -f1 "$WORK/quantplug-1.txt" | median)
q2=$(cut -d' ' -f1 "$WORK/quantplug-2.txt" | median)
t=$(cut -d' ' -f1 "$WORK/ta4j.txt" | median)
printf 'quantplug optimize, 1 worker  %7.2f s (rounds: %s)\n' "$q1" "$(cut -d' ' -f1 "$WORK/quantplug-1.txt" | xargs)"
printf 'quantplug optimize, 2 workers %7.2f s (rounds: %s)\n' "$q2" "$(cut -d' ' -f1 "$WORK/quantplug-2.txt" | xargs)"
printf 'ta4j, 1,000 backtests         %7.2f s (rounds: %s)\n' "$t" "$(cut -d' ' -f1 "$WORK/ta4j.txt" | xargs)"
awk -v a="$q1" -v b="$q2" -v c="$t" 'BEGIN {printf "ta4j / quantplug: %.2fx with 1 worker, %.2fx with 2; 2 workers speed-up %.2fx\n", c / a, c / b, a / b}'
tail -1 "$WORK/ta4j.out"
