#!/usr/bin/env bash
# bench-summary.sh [FILE]: prints the summary table of `make bench` — every
# part's rows, appended to "$SUMMARY" (build/bench/summary.tsv) while it ran,
# one line per measure, tab-separated:
#   measure<TAB>ours<TAB>anchor<TAB>ratio<TAB>aim<TAB>met
# as one aligned table, then how many measures met their aim. scripts/bench.sh
# empties the file at the start and runs this at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
f=${1:-${SUMMARY:-build/bench/summary.tsv}}
[ -s "$f" ] || { echo "bench: no summary rows ($f is empty)"; exit 0; }
echo
echo "== summary (each ratio against its anchor measured in the same run) =="
# widths in characters, not bytes (×, ≥, ≤ are two bytes in UTF-8): bytes
# 0x80-0xBF continue a character and are not counted
LC_ALL=C awk -F '\t' '
  function w(s,  t) { t = s; gsub(/[\200-\277]/, "", t); return length(t) }
  function pad(s, n,  k) { k = n - w(s); while (k-- > 0) s = s " "; return s }
  BEGIN { split("measure ours anchor ratio aim met", head, " "); for (i = 1; i <= 6; i++) width[i] = w(head[i]) }
  NF { n++; for (i = 1; i <= 6; i++) { cell[n, i] = $i; if (w($i) > width[i]) width[i] = w($i) }
       if ($6 == "yes") met++ }
  END {
    line = ""; rule = ""
    for (i = 1; i <= 6; i++) { line = line (i > 1 ? "  " : "") pad(head[i], width[i]); r = ""; for (k = 0; k < width[i]; k++) r = r "-"; rule = rule (i > 1 ? "  " : "") r }
    print line; print rule
    for (j = 1; j <= n; j++) {
      line = ""
      for (i = 1; i <= 6; i++) line = line (i > 1 ? "  " : "") pad(cell[j, i], width[i])
      sub(/ +$/, "", line); print line
    }
    printf "%d of %d measures met their aim\n", met, n
  }' "$f"
