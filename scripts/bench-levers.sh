#!/usr/bin/env bash
# bench-levers.sh: `make bench`, after scripts/bench.sh — are the manager's
# levers fast at scale (issue 10, "Speed")?
#
# On bench.sh's organisation (1,000 reps in 35 teams, a year of history:
# about 1,000,000 conversations in build/bench/bench.db; the inbox also
# finds the one-on-ones of scripts/bench-coaching.sh when that ran) it times
#
#   lb-org     /leaderboards?figure=commitment_rate&period=this_month
#              (the whole organisation, live, as its admin: every rep's
#              commitment rate from the roll-ups rollup_conversations and
#              rollup_steps_due, not from the conversations)
#   lb-api     /api/v1/leaderboards?figure=commitment_rate&period=this_month
#   lb-year    /leaderboards?figure=commitment_rate&period=this_year
#              (the same over the year: twelve times the roll-up rows)
#   inbox      /inbox             (manager01's inbox: the team they lead)
#   inbox-api  /api/v1/inbox      (the same as JSON)
#   inbox-adm  /inbox             (the admin's inbox: every team)
#
# N times each after warm-ups (curl, median and p90), in turns with the
# sqlite3 shell running the very SQL the page ran (captured by bench.sh's
# statement trace, tools/sqltrace.c), with the timing harness bench.sh uses
# (scripts/bench-lib.sh, bench_part_run). The aim (the issue's): well under
# 20 ms; a WARNING says when a median is over 20 ms or the server slower than
# the shell. BENCH_VERBOSE=1 lists each page's slowest statements with their
# plans. A bench reports; it
# exits 0 once it could measure. Alone: `scripts/bench.sh levers` (makes
# the data first when there is none).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
bench_on_data bench-levers
counts=$(sqlite3 -separator ' ' "$db" "SELECT (SELECT count(*) FROM users WHERE org_id = $org AND role = 'rep'),
  (SELECT count(*) FROM conversations WHERE org_id = $org),
  (SELECT count(*) FROM rollup_conversations WHERE org_id = $org AND rep_id <> 0)")
read -r nreps nconvs nrolled <<<"$counts"
echo "bench-levers: $nreps reps, $nconvs conversations, $nrolled per-rep per-day roll-up rows; N=$N after $WARM warm-ups"

pages=(lb-org lb-mgr lb-api lb-year inbox inbox-api inbox-adm)
declare -A path as
path[lb-org]="/leaderboards?figure=commitment_rate&period=this_month"
path[lb-mgr]="/leaderboards?figure=commitment_rate&period=this_month"
path[lb-api]="/api/v1/leaderboards?figure=commitment_rate&period=this_month"
path[lb-year]="/leaderboards?figure=commitment_rate&period=this_year"
path[inbox]="/inbox"
path[inbox-api]="/api/v1/inbox"
path[inbox-adm]="/inbox"
as=([lb-org]=admin [lb-mgr]=manager [lb-api]=admin-api [lb-year]=admin [inbox]=manager [inbox-api]=manager-api [inbox-adm]=admin)
fetch() { bench_fetch_as "${as[$1]}" "$@"; }	# fetch PAGE [curl options] (bench-lib.sh)

bench_part_run bench-levers levers 18800 18849 58 20 "${pages[@]}"
# what was measured: the leaderboard's lines and the inboxes' items
lines=$(fetch lb-api | grep -o '"rep_id"' | wc -l || true)
items=$(fetch inbox-api | grep -o '"key"' | wc -l || true)
echo "bench-levers: the organisation's leaderboard has $lines lines; manager01's inbox $items items"
exit 0
