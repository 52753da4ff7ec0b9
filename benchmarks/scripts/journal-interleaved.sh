#!/usr/bin/env bash
# Runs JournalOverheadBenchmark's sessionAlone and sessionJournaled in interleaved rounds, per database, and
# reports each round's ratio and the median (see interleaved.sh for why rounds).
# Usage: benchmarks/scripts/journal-interleaved.sh [ROUNDS]   (from the repository root, after the build)
set -euo pipefail
ROUNDS="${1:-6}"
JAR=benchmarks/target/benchmarks.jar
OUT=$(mktemp -d)
for vendor in ${VENDORS:-H2 POSTGRESQL}; do
  for ((r = 0; r < ROUNDS; r++)); do
    names=(sessionAlone sessionJournaled)
    if ((r % 2 == 1)); then names=(sessionJournaled sessionAlone); fi
    for name in "${names[@]}"; do
      java -jar "$JAR" "JournalOverheadBenchmark.${name}\$" -p vendor=$vendor -f 1 -wi 5 -w 2 -i 5 -r 5 \
        -rf csv -rff "$OUT/$vendor-$r-$name.csv" > "$OUT/$vendor-$r-$name.log"
      grep -h "gaps between runs" "$OUT/$vendor-$r-$name.log" | sed "s/^/  $name: /" || true
    done
    a=$(awk -F, 'NR==2{print $5}' "$OUT/$vendor-$r-sessionAlone.csv")
    j=$(awk -F, 'NR==2{print $5}' "$OUT/$vendor-$r-sessionJournaled.csv")
    awk -v v="$vendor" -v r="$r" -v a="$a" -v j="$j" 'BEGIN{printf "%s round %d: alone %.2fM  journaled %.2fM  journaled/alone %.3f\n", v, r+1, a/1e6, j/1e6, j/a}'
    echo "$j $a" >> "$OUT/$vendor"
  done
  m=$(awk '{print $1/$2}' "$OUT/$vendor" | sort -g | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
  echo "$vendor median over $ROUNDS rounds: journaled/alone $m"
done
