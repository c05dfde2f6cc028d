#!/usr/bin/env bash
# bench-coaching.sh: `make bench`, after scripts/bench.sh — are the one-on-one
# pages fast at scale (issue 8)?
#
# On bench.sh's organisation (1,000 reps in 35 teams, a year of history in
# build/bench/bench.db), the step "coaching data" below adds, once (kept
# between runs, made again when this script changes): a cadence every two
# weeks for every rep and 26 one-on-ones per rep over the year (25 held, the
# next planned), three agenda points and one action each (done at the next
# one, every fourth carried forward three more), and two observations per
# rep with two scores. For manager01 (who leads team 1, about 30 reps) it
# times
#
#   ooo-list    /one-on-ones               (the reps, cadence, last held, next due)
#   ooo-page    /one-on-ones/ID            (the agenda of a rep's latest one, with
#                                           the facts since the one before)
#   ooo-api     /api/v1/one-on-ones/ID     (the same one as JSON)
#
# N times each after warm-ups (curl, median and p90), in turns with the
# sqlite3 shell running the very SQL the page ran (captured by bench.sh's
# statement trace, tools/sqltrace.c), with the timing harness bench.sh uses
# (scripts/bench-lib.sh). The aim: well under 20 ms; a WARNING says when a
# median is over 20 ms or the server slower than the shell. A bench
# reports; it exits 0 once it could measure.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
bench_on_data bench-coaching

# --- the step "coaching data" -------------------------------------------------
stamp=$(sha256sum "$0" | cut -c1-16)
if [ "$(cat "$dir/stamp-coaching" 2>/dev/null)" != "$stamp" ]; then
  echo "bench-coaching: generating the coaching data (26 one-on-ones per rep per year)..."
  start=$(date +%s)
  sqlite3 -bail "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
DELETE FROM one_on_one_actions WHERE org_id = $org;
DELETE FROM one_on_one_points WHERE org_id = $org;
DELETE FROM one_on_ones WHERE org_id = $org;
DELETE FROM one_on_one_cadences WHERE org_id = $org;
DELETE FROM observation_scores WHERE org_id = $org;
DELETE FROM observations WHERE org_id = $org;
INSERT INTO one_on_one_cadences (org_id, rep_id, every, anchor_on, set_by, updated_at)
  SELECT u.org_id, u.id, 'biweekly', date('$today', '-350 days', '-' || (u.id % 14) || ' days'), t.manager_id, 0
  FROM users u JOIN team_members tm ON tm.org_id = u.org_id AND tm.user_id = u.id
  JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id
  WHERE u.org_id = $org AND u.role = 'rep' AND t.manager_id IS NOT NULL;
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 25)
INSERT INTO one_on_ones (org_id, rep_id, manager_id, scheduled_on, held_on, status, shared_notes, private_notes, created_at)
  SELECT c.org_id, c.rep_id, c.set_by, date(c.anchor_on, '+' || (14 * k.n) || ' days'),
    CASE WHEN k.n < 25 THEN date(c.anchor_on, '+' || (14 * k.n) || ' days') END,
    CASE WHEN k.n < 25 THEN 'held' ELSE 'planned' END,
    'Pipeline reviewed; two deals get a dated next step this week.', 'Ready for a larger territory?', 0
  FROM one_on_one_cadences c, k WHERE c.org_id = $org ORDER BY c.rep_id, k.n;
WITH RECURSIVE s(n, section, text) AS (SELECT 0, 'effort', 'Twelve conversations, ten with a step.'
  UNION ALL SELECT 1, 'works', 'Opening with the customer''s goal.'
  UNION ALL SELECT 2, 'rep', 'Help with the quote for the largest deal.')
INSERT INTO one_on_one_points (org_id, meeting_id, author_id, section, text, position, created_at)
  SELECT o.org_id, o.id, CASE WHEN s.section = 'rep' THEN o.rep_id ELSE o.manager_id END, s.section, s.text, s.n, 0
  FROM one_on_ones o, s WHERE o.org_id = $org;
INSERT INTO one_on_one_actions (org_id, meeting_id, rep_id, owner_id, what, due, done_on, done_meeting_id, created_at)
  SELECT o.org_id, o.id, o.rep_id, o.rep_id, 'Give every open deal a dated next step', date(o.scheduled_on, '+7 days'),
    CASE WHEN date(o.scheduled_on, '+' || (CASE WHEN o.id % 4 = 3 THEN 56 ELSE 14 END) || ' days') <=
      (SELECT max(n.held_on) FROM one_on_ones n WHERE n.org_id = o.org_id AND n.rep_id = o.rep_id)
    THEN date(o.scheduled_on, '+' || (CASE WHEN o.id % 4 = 3 THEN 56 ELSE 14 END) || ' days') END, NULL, 0
  FROM one_on_ones o WHERE o.org_id = $org AND o.status = 'held';
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 1)
INSERT INTO observations (org_id, rep_id, observer_id, kind, observed_on, went_well, to_strengthen, agreed_action, created_at)
  SELECT c.org_id, c.rep_id, c.set_by, 'joint_call', date('$today', '-' || (20 + 90 * k.n) || ' days'),
    'Calm with the buyer', 'Close with a date', 'Ask for the next step every time', 0
  FROM one_on_one_cadences c, k WHERE c.org_id = $org;
INSERT INTO observation_scores (org_id, observation_id, trait_id, subskill_id, score, seen)
  SELECT o.org_id, o.id, t.id, 0, 1 + (o.id + t.position) % 5, 'Asked three open questions'
  FROM observations o JOIN traits t ON t.org_id = o.org_id AND t.position <= 2 WHERE o.org_id = $org;
COMMIT;
SQL
  counts=$(sqlite3 -separator ' ' "$db" "SELECT (SELECT count(*) FROM one_on_ones WHERE org_id = $org),
    (SELECT count(*) FROM one_on_one_points WHERE org_id = $org), (SELECT count(*) FROM one_on_one_actions WHERE org_id = $org),
    (SELECT count(*) FROM observations WHERE org_id = $org)")
  echo "bench-coaching: $counts one-on-ones, points, actions, observations in $(( $(date +%s) - start )) s"
  echo "$stamp" >"$dir/stamp-coaching"
fi

team=$(sqlite3 "$db" "SELECT t.id FROM teams t JOIN users u ON u.id = t.manager_id WHERE u.email = 'manager01@bench.example'")
meeting=$(sqlite3 "$db" "SELECT o.id FROM one_on_ones o JOIN team_members tm ON tm.org_id = o.org_id AND tm.user_id = o.rep_id
  WHERE o.org_id = $org AND tm.team_id = $team AND o.status = 'held' ORDER BY o.scheduled_on DESC, o.rep_id LIMIT 1")
nmeet=$(sqlite3 "$db" "SELECT count(*) FROM one_on_ones WHERE org_id = $org")
echo "bench-coaching: $nmeet one-on-ones; team $team, one-on-one $meeting; N=$N after $WARM warm-ups"

# --- servers and timing (scripts/bench-lib.sh, as bench.sh) ------------------
port=${BENCH_PORT:-$(bench_free_port 18900 18949)}
tport=$(bench_free_port $((port + 1)) 18949)

pages=(ooo-list ooo-page ooo-api)
declare -A path
path[ooo-list]="/one-on-ones"
path[ooo-page]="/one-on-ones/$meeting"
path[ooo-api]="/api/v1/one-on-ones/$meeting"
fetch() {	# fetch PAGE [curl options]: the request of a page, to the server at $bench_at
  local p=$1
  shift
  case $p in
    ooo-api) curl -s -H "Authorization: Bearer $token" "$@" "$bench_at${path[$p]}" || true ;;
    *) curl -s -b "$jar" "$@" "$bench_at${path[$p]}" || true ;;
  esac
}

trace=$dir/trace-coaching.sql
bench_start_trace_server bench-coaching "$tport" "$dir/serve-trace-coaching.log" "$trace" "$dir/sqltrace.so" || exit 0
trace_pid=$bench_server_pid
jar=$dir/cookies-coaching
code=$(bench_sign_in "$jar" manager01@bench.example "$pw")
[ "$code" = 303 ] || { echo "bench-coaching: signing in answered $code"; exit 0; }
token=$(./salesgarden token create --org bench --email manager01@bench.example --label bench-coaching 2>/dev/null || true)
bench_capture "$trace" "$dir" "$dir/pragmas-coaching.sql" "${pages[@]}"
kill "$trace_pid" 2>/dev/null || true

bench_start_server bench-coaching "$port" "$dir/serve-coaching.log" || exit 0
bench_measure "$db" "$dir" "$dir/pragmas-coaching.sql" "$N" "$WARM" "${pages[@]}"

bench_report 40 20 "" "${pages[@]}"
exit 0
