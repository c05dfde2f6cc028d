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
#              rollup_steps_due, not from the conversations; the menu's
#              count is the admin's inbox, every team's)
#   lb-mgr     the same page as manager01 (the menu's count: their inbox)
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
# (scripts/bench-lib.sh). The aim (the issue's): well under 20 ms; a WARNING
# says when a median is over 20 ms or the server slower than the shell.
# BENCH_VERBOSE=1 lists each page's slowest statements. A bench reports; it
# exits 0 once it could measure. Alone: `scripts/bench.sh levers` (makes
# the data first when there is none).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${BENCH_N:-20}
WARM=${BENCH_WARM:-3}
dir=build/bench
db=$dir/bench.db
export SALESGARDEN_DB=sqlite:$db
[ -s "$db" ] && [ -s "$dir/today" ] && [ -x "$dir/sqltrace.so" -o -s "$dir/sqltrace.so" ] ||
  { echo "bench-levers: no bench data (run scripts/bench.sh first: make bench does)"; exit 0; }
./salesgarden migrate >/dev/null
today=$(cat "$dir/today")
pw=$(cat "$dir/password")
export SALESGARDEN_TODAY=$today
org=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'bench'")
counts=$(sqlite3 -separator ' ' "$db" "SELECT (SELECT count(*) FROM users WHERE org_id = $org AND role = 'rep'),
  (SELECT count(*) FROM conversations WHERE org_id = $org),
  (SELECT count(*) FROM rollup_conversations WHERE org_id = $org AND rep_id <> 0)")
read -r nreps nconvs nrolled <<<"$counts"
echo "bench-levers: $nreps reps, $nconvs conversations, $nrolled per-rep per-day roll-up rows; N=$N after $WARM warm-ups"

# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
port=${BENCH_PORT:-$(bench_free_port 18800 18849)}
tport=$(bench_free_port $((port + 1)) 18849)

pages=(lb-org lb-mgr lb-api lb-year inbox inbox-api inbox-adm)
declare -A path
path[lb-org]="/leaderboards?figure=commitment_rate&period=this_month"
path[lb-mgr]="/leaderboards?figure=commitment_rate&period=this_month"
path[lb-api]="/api/v1/leaderboards?figure=commitment_rate&period=this_month"
path[lb-year]="/leaderboards?figure=commitment_rate&period=this_year"
path[inbox]="/inbox"
path[inbox-api]="/api/v1/inbox"
path[inbox-adm]="/inbox"
fetch() {	# fetch PAGE [curl options]: the request of a page, to the server at $bench_at
  local p=$1
  shift
  case $p in
    lb-api) curl -s -H "Authorization: Bearer $admin_token" "$@" "$bench_at${path[$p]}" || true ;;
    inbox-api) curl -s -H "Authorization: Bearer $token" "$@" "$bench_at${path[$p]}" || true ;;
    lb-org|lb-year|inbox-adm) curl -s -b "$admin_jar" "$@" "$bench_at${path[$p]}" || true ;;
    *) curl -s -b "$jar" "$@" "$bench_at${path[$p]}" || true ;;
  esac
}

trace=$dir/trace-levers.sql
bench_start_trace_server bench-levers "$tport" "$dir/serve-trace-levers.log" "$trace" "$dir/sqltrace.so" || exit 0
trace_pid=$bench_server_pid
jar=$dir/cookies-levers
code=$(bench_sign_in "$jar" manager01@bench.example "$pw")
[ "$code" = 303 ] || { echo "bench-levers: signing in answered $code"; exit 0; }
admin_jar=$dir/cookies-levers-admin
code=$(bench_sign_in "$admin_jar" admin@bench.example "$pw")
[ "$code" = 303 ] || { echo "bench-levers: signing in as the admin answered $code"; exit 0; }
token=$(./salesgarden token create --org bench --email manager01@bench.example --label bench-levers 2>/dev/null || true)
admin_token=$(./salesgarden token create --org bench --email admin@bench.example --label bench-levers 2>/dev/null || true)
bench_capture "$trace" "$dir" "$dir/pragmas-levers.sql" "${pages[@]}"
# what is measured: the leaderboard's lines and the inboxes' items
lines=$(fetch lb-api | grep -o '"rep_id"' | wc -l || true)
items=$(fetch inbox-api | grep -o '"key"' | wc -l || true)
echo "bench-levers: the organisation's leaderboard has $lines lines; manager01's inbox $items items"
kill "$trace_pid" 2>/dev/null || true

bench_start_server bench-levers "$port" "$dir/serve-levers.log" || exit 0
bench_measure "$db" "$dir" "$dir/pragmas-levers.sql" "$N" "$WARM" "${pages[@]}"

bench_report 58 20 "$dir/pragmas-levers.sql" "${pages[@]}"

if [ -n "${BENCH_VERBOSE:-}" ]; then
  for p in "${pages[@]}"; do
    [ -s "$dir/$p.sql" ] || continue
    echo
    echo "== $p: statements by time (sqlite3 .timer), slowest first"
    { echo ".output /dev/null"; echo ".timer on"; cat "$dir/$p.sql"; } | sqlite3 "$db" 2>&1 |
      grep -o 'real [0-9.]*' | awk '{ print NR, $2 * 1000 }' | sort -k2 -g -r | sed -n 1,3p |
      while read -r i ms; do
        echo "-- $ms ms: $(sed -n "${i}p" "$dir/$p.sql" | cut -c1-160)..."
      done
  done
fi
exit 0
