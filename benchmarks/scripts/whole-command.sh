#!/usr/bin/env bash
# Whole-command timings of issue 17: `quantplug backtest` against a ta4j program doing the same work (load the CSV,
# SMA 10/30 crossover on the next bar's open) as one process each, with the launcher's JVM flags for both, rounds
# interleaved; prints the median wall time and peak RSS of each. Run from the repository root after
# `mvn -B -ntp -DskipTests package`; needs GNU time (/usr/bin/time) and ../shared/data.
#   benchmarks/scripts/whole-command.sh [ROUNDS]        (default 5)
# The 1,000,000- and 5,000,000-bar files are synthetic (benchmarks' RandomWalkBars, seeded) and written once to
# $WORK (default /tmp/quantplug-whole-command); the first quantplug run of a file parses it and fills the bar cache
# of a fresh home, the later ones load the cache: both are reported.
set -euo pipefail
ROUNDS=${1:-5}
WORK=${WORK:-/tmp/quantplug-whole-command}
JAR=benchmarks/target/benchmarks.jar
REAL=../shared/data/binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv
mkdir -p "$WORK"
for n in 1000000 5000000; do
  [ -f "$WORK/BTCUSDT_1m_$n.csv" ] || java -cp "$JAR" io.quantplug.benchmarks.command.RandomWalkBars "$n" "$WORK/BTCUSDT_1m_$n.csv"
done
JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)

measure() { # label command... -> appends "seconds kilobytes" to $WORK/label.txt
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.tmp" "$@" > /dev/null 2>&1
  cat "$WORK/time.tmp" >> "$WORK/$label.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run_case() { # name file store(yes|no)
  local name=$1 file=$2 store=$3 home="$WORK/home-$1"
  rm -rf "$home" "$WORK/$name-"*.txt
  local extra=(); [ "$store" = no ] && extra=(--no-store)
  QUANTPLUG_HOME="$home" measure "$name-quantplug-first" ./quantplug backtest --data "$file" --symbol BTCUSDT \
    --strategy sma-crossover "${extra[@]}" --out "$WORK/out-$name"
  for ((r = 0; r < ROUNDS; r++)); do
    QUANTPLUG_HOME="$home" measure "$name-quantplug" ./quantplug backtest --data "$file" --symbol BTCUSDT \
      --strategy sma-crossover "${extra[@]}" --out "$WORK/out-$name"
    measure "$name-ta4j" java "${JVM[@]}" -cp "$JAR" io.quantplug.benchmarks.command.Ta4jCommand "$file"
  done
  local q t qm tm
  q=$(cut -d' ' -f1 "$WORK/$name-quantplug.txt" | median); qm=$(cut -d' ' -f2 "$WORK/$name-quantplug.txt" | median)
  t=$(cut -d' ' -f1 "$WORK/$name-ta4j.txt" | median); tm=$(cut -d' ' -f2 "$WORK/$name-ta4j.txt" | median)
  printf '%-28s quantplug %6.2f s %5d MB (first run %s s)   ta4j %6.2f s %5d MB   ratio %.2f   files %s\n' \
    "$name" "$q" $((qm / 1024)) "$(cut -d' ' -f1 "$WORK/$name-quantplug-first.txt")" "$t" $((tm / 1024)) \
    "$(awk -v a="$q" -v b="$t" 'BEGIN {print a / b}')" \
    "$(du -cb "$WORK/out-$name/result.json" "$WORK/out-$name/report.html" | tail -1 | cut -f1)"
}

run_case real-50k-stored "$REAL" yes
run_case synthetic-1m-no-store "$WORK/BTCUSDT_1m_1000000.csv" no
run_case synthetic-5m-no-store "$WORK/BTCUSDT_1m_5000000.csv" no
