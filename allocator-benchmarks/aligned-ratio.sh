#!/bin/bash
# Issue #11's judgement: aligned churn against unaligned churn (AlignedChurnBenchmark), measured in
# rounds. Each round runs every cell once, in a JMH fork of its own, with the issue's settings; the
# summary gives, per cell, the median of the rounds, and per strategy and live size the ratio of the
# aligned median to the unaligned one, with the lowest and highest ratio a single round gave.
#
#   mvn -B -q -DskipTests package -pl allocator-benchmarks -am
#   ROUNDS=6 allocator-benchmarks/aligned-ratio.sh
#
# Why rounds rather than -f N: JMH runs all forks of one cell before the next cell, so a slow phase
# of the machine (measured here: the same code 1.37x in one hour and 2.08x in the next) lands on
# one cell. Alternating the cells round by round spreads such a phase over all of them, and the
# medians leave out the odd fork the JIT compiled badly.
#
# Settings: ROUNDS (6), STRATEGIES (first-fit,best-fit), LIVE (10000,1000000), ALIGN (1,16,256;
# 1 is the baseline and must be among them), JAR (the module's benchmarks.jar), JMH_OPTS (the
# issue's -wi 3 -w 2s -i 5 -r 2s). The rounds' CSV files are kept in OUT (a new temporary
# directory unless set). ROUNDS=0 runs nothing and summarises the round-*.csv files already in OUT:
# to pool several runs, copy their files into one directory under distinct names.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-6}
jar=${JAR:-$root/allocator-benchmarks/target/benchmarks.jar}
opts=${JMH_OPTS:--wi 3 -w 2s -i 5 -r 2s}
out=${OUT:-$(mktemp -d)}
[[ -f $jar ]] || { echo "aligned-ratio.sh: no $jar: build allocator-benchmarks first" >&2; exit 1; }
[[ ,${ALIGN:-1,16,256}, == *,1,* ]] || { echo "aligned-ratio.sh: ALIGN must include 1" >&2; exit 1; }
mkdir -p "$out"

for ((round = 1; round <= rounds; round++)); do
  echo "round $round of $rounds at $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  # shellcheck disable=SC2086 # opts holds several options
  java -jar "$jar" AlignedChurnBenchmark -f 1 $opts \
    -p strategy="${STRATEGIES:-first-fit,best-fit}" -p live="${LIVE:-10000,1000000}" \
    -p align="${ALIGN:-1,16,256}" -rf csv -rff "$out/round-$round.csv" > "$out/round-$round.log"
done
((rounds == 0)) || echo "done at $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg); CSV in $out" >&2
compgen -G "$out/round-*.csv" > /dev/null || { echo "aligned-ratio.sh: no round-*.csv in $out" >&2; exit 1; }

# One line per cell and round: strategy live align round score. JMH's CSV ends its lines in CR LF,
# quotes every field and names the columns in its header; the score is the fifth.
for file in "$out"/round-*.csv; do
  round=${file##*/round-}
  awk -F, -v round="${round%.csv}" '
    { sub(/\r$/, "") }
    NR == 1 { for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); column[$i] = i }; next }
    { gsub(/"/, "")
      print $(column["Param: strategy"]), $(column["Param: live"]), $(column["Param: align"]), round, $5 }' \
    "$file"
done | sort -k1,1 -k2,2n -k3,3n -k4,4 | awk '
  function median(values, n,    i, j, v, sorted) {
    for (i = 1; i <= n; i++) sorted[i] = values[i]
    for (i = 2; i <= n; i++) {              # insertion sort: mawk has no asort
      v = sorted[i]
      for (j = i - 1; j >= 1 && sorted[j] > v; j--) sorted[j + 1] = sorted[j]
      sorted[j + 1] = v
    }
    return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
  }
  { key = $1 " " $2; cell = key " " $3
    if (!(cell in count)) { cells[++ncells] = cell; alignOf[cell] = $3; keyOf[cell] = key }
    score[cell, ++count[cell]] = $5; byRound[cell, $4] = $5; rounds[$4] = 1 }
  END {
    printf "| strategy | live | alignment | rounds | median ns/op | ratio of medians | ratio per round, lowest to highest |\n"
    printf "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
    for (c = 1; c <= ncells; c++) {
      cell = cells[c]; n = count[cell]
      for (i = 1; i <= n; i++) values[i] = score[cell, i]
      med[cell] = median(values, n)
    }
    for (c = 1; c <= ncells; c++) {
      cell = cells[c]; split(cell, part, " ")
      base = keyOf[cell] " 1"
      ratio = "baseline"; spread = ""
      if (alignOf[cell] != 1) {
        ratio = sprintf("%.2fx", med[cell] / med[base])
        low = ""; high = ""
        for (r in rounds) {
          if (!((cell, r) in byRound) || !((base, r) in byRound)) continue
          x = byRound[cell, r] / byRound[base, r]
          if (low == "" || x < low) low = x
          if (high == "" || x > high) high = x
        }
        spread = sprintf("%.2fx to %.2fx", low, high)
      }
      printf "| %s | %s | %s | %d | %.1f | %s | %s |\n", part[1], part[2], part[3], count[cell], med[cell], ratio, spread
    }
  }'
