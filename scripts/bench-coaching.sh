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
# statement trace, tools/sqltrace.c), as bench.sh does. The aim: well under
# 20 ms; a WARNING says when a median is over 20 ms or the server slower
# than the shell. A bench reports; it exits 0 once it could measure.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${BENCH_N:-20}
WARM=${BENCH_WARM:-3}
dir=build/bench
db=$dir/bench.db
export SALESGARDEN_DB=sqlite:$db
[ -s "$db" ] && [ -s "$dir/today" ] && [ -x "$dir/sqltrace.so" -o -s "$dir/sqltrace.so" ] ||
  { echo "bench-coaching: no bench data (run scripts/bench.sh first: make bench does)"; exit 0; }
./salesgarden migrate >/dev/null
today=$(cat "$dir/today")
pw=$(cat "$dir/password")
export SALESGARDEN_TODAY=$today
org=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'bench'")

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

# --- servers (as bench.sh) ----------------------------------------------------
free_port() {
  local p
  for p in $(seq "${1:-18900}" 18949); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  return 1
}
pids=()
cleanup() {
  local p
  for p in "${pids[@]+"${pids[@]}"}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
start_server() {	# start_server PORT LOG [ENV...]: waits until it answers
  local port=$1 log=$2
  shift 2
  env "$@" ./salesgarden serve --listen "127.0.0.1:$port" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/login" && return 0
    sleep 0.1
  done
  echo "bench-coaching: the server on port $port did not start (log: $log)"
  return 1
}
port=${BENCH_PORT:-$(free_port)}
tport=$(free_port $((port + 1)))

pages=(ooo-list ooo-page ooo-api)
declare -A path
path[ooo-list]="/one-on-ones"
path[ooo-page]="/one-on-ones/$meeting"
path[ooo-api]="/api/v1/one-on-ones/$meeting"
fetch() {
  local p=$1
  shift
  case $p in
    ooo-api) curl -s -H "Authorization: Bearer $token" "$@" "$at${path[$p]}" || true ;;
    *) curl -s -b "$jar" "$@" "$at${path[$p]}" || true ;;
  esac
}
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (!NR) { print "- -"; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    i = int(0.9 * NR + 0.999999); if (i < 1) i = 1
    printf "%.1f %.1f\n", m, v[i] }'
}

trace=$dir/trace-coaching.sql
rm -f "$trace"
start_server "$tport" "$dir/serve-trace-coaching.log" SG_SQLTRACE="$PWD/$trace" LD_PRELOAD="$PWD/$dir/sqltrace.so" || exit 0
at=http://127.0.0.1:$tport
jar=$dir/cookies-coaching
rm -f "$jar"
csrf=$(curl -s -c "$jar" -b "$jar" "$at/login" | grep -o 'name="csrf_token"[^>]*value="[^"]*"' |
  sed 's/.*value="//; s/"$//' | head -n 1)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "csrf_token=$csrf" \
  --data-urlencode "email=manager01@bench.example" --data-urlencode "password=$pw" "$at/login")
[ "$code" = 303 ] || { echo "bench-coaching: signing in answered $code"; exit 0; }
token=$(./salesgarden token create --org bench --email manager01@bench.example --label bench-coaching 2>/dev/null || true)

declare -A srv srv_med srv_p90 sh sh_med nstmt status
for p in "${pages[@]}"; do
  status[$p]=$(fetch "$p" -o /dev/null -w '%{http_code}')
  [ "${status[$p]}" = 200 ] || continue
  sleep 0.2
  before=$(stat -c %s "$trace")
  fetch "$p" -o /dev/null
  sleep 0.2
  tail -c +$((before + 1)) "$trace" | grep -E '^(SELECT|WITH) ' >"$dir/$p.sql" || true
  nstmt[$p]=$(wc -l <"$dir/$p.sql")
done
kill "${pids[0]}" 2>/dev/null || true
grep -E '^PRAGMA ' "$trace" | awk '!seen[$0]++' | grep -v -i 'journal_mode' >"$dir/pragmas-coaching.sql" || true

start_server "$port" "$dir/serve-coaching.log" || exit 0
at=http://127.0.0.1:$port
shell_run() {
  {
    echo ".output /dev/null"
    cat "$dir/pragmas-coaching.sql" "$1"
    echo ".shell date +%s%N"
    echo ".shell date +%s%N"
    cat "$1"
    echo ".shell date +%s%N"
  } | sqlite3 "$db" | awk '{ t[NR] = $1 } END {
      v = (t[3] - t[2]) - (t[2] - t[1]); printf "%.3f\n", (v < 0 ? 0 : v) / 1e6 }'
}
for p in "${pages[@]}"; do
  [ "${status[$p]}" = 200 ] || continue
  for _ in $(seq "$WARM"); do fetch "$p" -o /dev/null; done
  srv[$p]="" sh[$p]=""
  for _ in $(seq "$N"); do
    srv[$p]+="$(fetch "$p" -o /dev/null -w '%{time_total}' | awk '{ printf "%.3f", $1 * 1000 }') "
    sh[$p]+="$(shell_run "$dir/$p.sql") "
  done
  read -r srv_med[$p] srv_p90[$p] < <(tr ' ' '\n' <<<"${srv[$p]}" | grep . | stats)
  read -r sh_med[$p] _ < <(tr ' ' '\n' <<<"${sh[$p]}" | grep . | stats)
done

echo
printf '%-10s %-40s %9s %9s %9s %6s %12s\n' page request "median ms" "p90 ms" "shell ms" stmts server/shell
warn=()
for p in "${pages[@]}"; do
  if [ "${status[$p]}" != 200 ]; then
    printf '%-10s %-40s %s\n' "$p" "${path[$p]}" "not measured: HTTP ${status[$p]}"
    warn+=("WARNING: $p answered HTTP ${status[$p]}; not measured")
    continue
  fi
  ratio=$(awk -v a="${srv_med[$p]}" -v b="${sh_med[$p]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }')
  printf '%-10s %-40s %9s %9s %9s %6s %12s\n' "$p" "${path[$p]}" "${srv_med[$p]}" "${srv_p90[$p]}" \
    "${sh_med[$p]}" "${nstmt[$p]}" "$ratio"
  awk -v m="${srv_med[$p]}" 'BEGIN { exit !(m > 20) }' &&
    warn+=("WARNING: $p: the median ${srv_med[$p]} ms is over 20 ms")
  [ "$ratio" != - ] && awk -v r="$ratio" 'BEGIN { exit !(r > 1) }' &&
    warn+=("WARNING: $p: the server (${srv_med[$p]} ms) is slower than the sqlite3 shell on the same SQL (${sh_med[$p]} ms)")
done
for w in "${warn[@]+"${warn[@]}"}"; do echo "$w"; done
exit 0
