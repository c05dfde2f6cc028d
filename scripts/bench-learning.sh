#!/usr/bin/env bash
# bench-learning.sh: `make bench`, after scripts/bench.sh — is the team's
# learning page fast at scale (issue 9)?
#
# On bench.sh's organisation (1,000 reps in 35 teams, build/bench/bench.db),
# the step "learning data" below adds, once (kept between runs, made again
# when this script changes): 20 done learning activities per rep in the last
# 12 months — 20,000 a year — with origins that differ by rep (a quarter
# learn from within, a quarter only attend mandatory training, the rest mix
# the three), hours from half an hour to a day, every other one reflected
# on, a trait on most; plus one assigned (not done) mandatory training per
# rep that the index must leave out. For manager01 (who leads team 1, about
# 30 reps) it times
#
#   team-learning  /team/learning?team=ID            (every rep's index and parts,
#                                                     the lists, the scatter chart
#                                                     against attainment, the 84%
#                                                     and the team's hours by month)
#   li-api         /api/v1/learning-index?team=ID    (the same as JSON)
#   li-rep         /api/v1/learning-index?rep=ID     (one rep's index)
#
# N times each after warm-ups (curl, median and p90), in turns with the
# sqlite3 shell running the very SQL the page ran (captured by bench.sh's
# statement trace, tools/sqltrace.c), with the timing harness bench.sh uses
# (scripts/bench-lib.sh). The aim: well under 20 ms; a WARNING says when a
# median is over 20 ms or the server slower than the shell. A bench
# reports; it exits 0 once it could measure.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${BENCH_N:-20}
WARM=${BENCH_WARM:-3}
dir=build/bench
db=$dir/bench.db
export SALESGARDEN_DB=sqlite:$db
[ -s "$db" ] && [ -s "$dir/today" ] && [ -x "$dir/sqltrace.so" -o -s "$dir/sqltrace.so" ] ||
  { echo "bench-learning: no bench data (run scripts/bench.sh first: make bench does)"; exit 0; }
./salesgarden migrate >/dev/null
today=$(cat "$dir/today")
pw=$(cat "$dir/password")
export SALESGARDEN_TODAY=$today
org=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'bench'")

# --- the step "learning data" -------------------------------------------------
stamp=$(sha256sum "$0" | cut -c1-16)
if [ "$(cat "$dir/stamp-learning" 2>/dev/null)" != "$stamp" ]; then
  echo "bench-learning: generating the learning data (20 activities per rep in 12 months)..."
  start=$(date +%s)
  sqlite3 -bail "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
DELETE FROM learning_activities WHERE org_id = $org;
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 19),
  tr(i, id) AS (SELECT row_number() OVER (ORDER BY position, id) - 1, id FROM traits WHERE org_id = $org)
INSERT INTO learning_activities (org_id, rep_id, kind, title, origin, status, done_on, minutes, trait_id, learned,
    will_change, created_by, created_at)
  SELECT u.org_id, u.id,
    CASE k.n % 5 WHEN 0 THEN 'book' WHEN 1 THEN 'article' WHEN 2 THEN 'webinar' WHEN 3 THEN 'ride_along' ELSE 'course' END,
    'Learning ' || k.n,
    CASE u.id % 4 WHEN 0 THEN 'self' WHEN 1 THEN 'mandatory'
      ELSE CASE k.n % 3 WHEN 0 THEN 'self' WHEN 1 THEN 'suggested' ELSE 'mandatory' END END,
    'done', date('$today', '-' || ((k.n * 18 + u.id % 17) % 364) || ' days'),
    30 + (k.n * 37 + u.id) % 450,
    tr.id,
    CASE WHEN k.n % 2 = 0 THEN 'Open questions first' ELSE '' END,
    CASE WHEN k.n % 4 = 0 THEN 'Ask for the next step every time' ELSE '' END, u.id, 0
  FROM users u CROSS JOIN k LEFT JOIN tr ON tr.i = k.n % 5 WHERE u.org_id = $org AND u.role = 'rep';
INSERT INTO learning_activities (org_id, rep_id, kind, title, origin, status, due_on, minutes, created_by, created_at)
  SELECT u.org_id, u.id, 'training_day', 'Compliance day', 'mandatory', 'assigned', date('$today', '+30 days'), 480,
    u.id, 0
  FROM users u WHERE u.org_id = $org AND u.role = 'rep';
COMMIT;
SQL
  counts=$(sqlite3 -separator ' ' "$db" "SELECT (SELECT count(*) FROM learning_activities WHERE org_id = $org
    AND status = 'done'), (SELECT count(*) FROM learning_activities WHERE org_id = $org)")
  echo "bench-learning: $counts done and all learning activities in $(( $(date +%s) - start )) s"
  echo "$stamp" >"$dir/stamp-learning"
fi

team=$(sqlite3 "$db" "SELECT t.id FROM teams t JOIN users u ON u.id = t.manager_id WHERE u.email = 'manager01@bench.example'")
rep=$(sqlite3 "$db" "SELECT tm.user_id FROM team_members tm JOIN users u ON u.org_id = tm.org_id AND u.id = tm.user_id
  WHERE tm.org_id = $org AND tm.team_id = $team AND u.role = 'rep' ORDER BY tm.user_id LIMIT 1")
nteam=$(sqlite3 "$db" "SELECT count(*) FROM team_members tm JOIN users u ON u.org_id = tm.org_id AND u.id = tm.user_id
  WHERE tm.org_id = $org AND tm.team_id = $team AND u.role = 'rep'")
nact=$(sqlite3 "$db" "SELECT count(*) FROM learning_activities WHERE org_id = $org")
echo "bench-learning: $nact learning activities; team $team ($nteam reps), rep $rep; N=$N after $WARM warm-ups"

# --- servers and timing (scripts/bench-lib.sh, as bench.sh) ------------------
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
port=${BENCH_PORT:-$(bench_free_port 18850 18899)}
tport=$(bench_free_port $((port + 1)) 18899)

pages=(team-learning li-api li-rep)
declare -A path
path[team-learning]="/team/learning?team=$team"
path[li-api]="/api/v1/learning-index?team=$team"
path[li-rep]="/api/v1/learning-index?rep=$rep"
fetch() {	# fetch PAGE [curl options]: the request of a page, to the server at $bench_at
  local p=$1
  shift
  case $p in
    li-*) curl -s -H "Authorization: Bearer $token" "$@" "$bench_at${path[$p]}" || true ;;
    *) curl -s -b "$jar" "$@" "$bench_at${path[$p]}" || true ;;
  esac
}

trace=$dir/trace-learning.sql
bench_start_trace_server bench-learning "$tport" "$dir/serve-trace-learning.log" "$trace" "$dir/sqltrace.so" || exit 0
trace_pid=$bench_server_pid
jar=$dir/cookies-learning
code=$(bench_sign_in "$jar" manager01@bench.example "$pw")
[ "$code" = 303 ] || { echo "bench-learning: signing in answered $code"; exit 0; }
token=$(./salesgarden token create --org bench --email manager01@bench.example --label bench-learning 2>/dev/null || true)
bench_capture "$trace" "$dir" "$dir/pragmas-learning.sql" "${pages[@]}"
kill "$trace_pid" 2>/dev/null || true

bench_start_server bench-learning "$port" "$dir/serve-learning.log" || exit 0
bench_measure "$db" "$dir" "$dir/pragmas-learning.sql" "$N" "$WARM" "${pages[@]}"

bench_report 44 20 "" "${pages[@]}"
exit 0
