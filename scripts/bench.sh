#!/usr/bin/env bash
# bench.sh: `make bench` — are the pages fast at scale, and how fast is an import?
#
# An organisation of 1,000 reps in 35 teams with a year of history:
# 150,000 deals, about 1,000,000 conversations and their steps
# (tools/benchgen.c, straight into a freshly migrated SQLite database under
# build/bench/, kept between runs and rebuilt when the generator changes).
# For one team of about 30 reps over those 12 months it times
#
#   figures   /figures/commitment?team=ID&from=..&to=..   (signed in as its manager)
#   pipeline  /pipeline?team=ID                           (the board)
#   api       /api/v1/figures/commitment?team=ID&...      (API token)
#
# and, in a second, big organisation (benchgen --big: 5,000 accounts holding
# 320,000 open deals, the shape that stalled the server before migration
# 0006 indexed deals by account), as its admin
#
#   accounts  /accounts     (each account's open deals counted)
#   deals-new /deals/new    (the new-deal form: up to 2,000 accounts to pick)
#
# N times each after a few warm-ups (curl, median and p90), and in turns with
# it the sqlite3 shell running the very SQL the page ran — captured from the
# server by an LD_PRELOAD statement trace (tools/sqltrace.c), with the
# parameters SQLite bound expanded into it — on the same database.
# The ratio server/shell shows what the server adds to the database work; a
# WARNING says when a page's median is over 100 ms or the ratio above 1.
# Then the other parts: scripts/bench-coaching.sh, bench-learning.sh,
# bench-http.sh (pages under load beside nginx, the server's memory) and
# bench-import.sh; each appends its rows to "$SUMMARY", printed at the end as
# one table (scripts/bench-summary.sh).
# A bench reports; it always exits 0 once it could measure. The timing
# harness (servers, statement trace, timed loop, report) is
# scripts/bench-lib.sh, shared with the parts after it (bench-coaching.sh,
# bench-levers.sh, bench-recruiting.sh).
#
#   BENCH_N=20       timed requests per page (after BENCH_WARM=3 warm-ups)
#   BENCH_PORT=...   port of the server (default: the first free in 18950-18999)
#   BENCH_VERBOSE=1  also list each page's slowest statements with their plans
#   BENCH_FRESH=1    generate the data again
#   scripts/bench.sh import   only the import part (scripts/bench-import.sh)
#   scripts/bench.sh http     only the HTTP part (scripts/bench-http.sh)
#   scripts/bench.sh rollups  only the figures as history grows (scripts/bench-rollups.sh:
#                             100k, 1M and 5M conversations, growth factors, summary rows)
#   scripts/bench.sh levers   only the manager's levers (scripts/bench-levers.sh: the
#                             organisation's leaderboard on commitment rate, the inboxes)
#   scripts/bench.sh recruiting  only recruiting (scripts/bench-recruiting.sh: the talent
#                             pool, a candidate's page, the hiring profile)
set -euo pipefail
cd "$(dirname "$0")/.."

# the summary table: every part appends its rows (measure, ours, anchor,
# ratio, aim, met; scripts/bench-lib.sh bench_row) to this file, emptied here
# and printed as one table at the end (scripts/bench-summary.sh)
export SUMMARY=${SUMMARY:-build/bench/summary.tsv}
mkdir -p "$(dirname "$SUMMARY")"
: >"$SUMMARY"

# `scripts/bench.sh import`: the import part alone
if [ "${1:-}" = import ]; then scripts/bench-import.sh; exec scripts/bench-summary.sh; fi
# `scripts/bench.sh upload`: the upload memory part alone (speed, issue 15)
if [ "${1:-}" = upload ]; then scripts/bench-upload.sh; exec scripts/bench-summary.sh; fi
# speed (issue 15): `scripts/bench.sh rollups`: the figures as history grows alone
if [ "${1:-}" = rollups ]; then scripts/bench-rollups.sh; exec scripts/bench-summary.sh; fi

N=${BENCH_N:-20}
WARM=${BENCH_WARM:-3}
dir=build/bench
db=$dir/bench.db
url=sqlite:$db
mkdir -p "$dir"
export SALESGARDEN_DB=$url

for t in sqlite3 curl cc; do
  command -v $t >/dev/null || { echo "bench: $t is missing (make deps)"; exit 0; }
done

# --- tools ------------------------------------------------------------------
cc -O2 -Wall -Wextra -o "$dir/benchgen" tools/benchgen.c
cc -O2 -Wall -Wextra -shared -fPIC -o "$dir/sqltrace.so" tools/sqltrace.c -ldl

# --- data -------------------------------------------------------------------
stamp=$(sha256sum tools/benchgen.c | cut -c1-16)
if [ -n "${BENCH_FRESH:-}" ] || [ ! -s "$db" ] || [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "bench: generating the data (1,000 reps, 150,000 deals, 1,000,000 conversations; and a big"
  echo "       organisation of 5,000 accounts and 320,000 open deals; a minute or two)..."
  rm -f "$db" "$db-wal" "$db-shm" "$dir/stamp"
  today=$(date +%F)
  pw=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)
  ./salesgarden migrate >/dev/null
  ./salesgarden org add --slug bench --name "Bench B.V." --locale en >/dev/null
  printf '%s\n' "$pw" | ./salesgarden user add --org bench --email admin@bench.example --name "Bench admin" \
    --role admin --password-stdin >/dev/null
  printf '%s\n' "$pw" | ./salesgarden user add --org bench --email manager01@bench.example --name "Manager 01" \
    --role manager --password-stdin >/dev/null
  org=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'bench'")
  mgr=$(sqlite3 "$db" "SELECT id FROM users WHERE email = 'manager01@bench.example'")
  start=$(date +%s)
  # a bulk load, as scripts/bench-rollups.sh does: the roll-up triggers
  # (migration 0027) set aside while the rows go in — kept, they made the
  # load of a million conversations take hours —, the roll-ups rebuilt from
  # the data after
  sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'" >"$dir/triggers.sql"
  sqlite3 "$db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'" |
    sqlite3 "$db"
  "$dir/benchgen" "$org" "$mgr" "$today" | sqlite3 "$db" >/dev/null
  ./salesgarden org add --slug big --name "Big B.V." --locale en >/dev/null
  printf '%s\n' "$pw" | ./salesgarden user add --org big --email admin@big.example --name "Big admin" \
    --role admin --password-stdin >/dev/null
  big=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'big'")
  "$dir/benchgen" --big "$big" 10000000 "$today" | sqlite3 "$db" >/dev/null
  sqlite3 "$db" <"$dir/triggers.sql"
  ./salesgarden rollups rebuild --org bench >/dev/null
  ./salesgarden rollups rebuild --org big >/dev/null
  sqlite3 "$db" "ANALYZE"
  echo "bench: loaded in $(( $(date +%s) - start )) s"
  echo "$today" >"$dir/today"
  (umask 077; echo "$pw" >"$dir/password")
  echo "$stamp" >"$dir/stamp"
fi
# new migrations (indexes) apply to the kept data too, and then ANALYZE
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
bench_migrate "$db"
today=$(cat "$dir/today")

# --- development (issue 8): assessments for a rep's profile and the team matrix
# A second generator step, on the kept data: 8 rounds per team (one a quarter
# back from today), each rep rated on every active trait by themself, the
# team's manager and one peer (a teammate), all submitted — 24,000 forms and
# 120,000 scores for the 1,000 reps. Done once (skipped when the
# organisation already has rounds); BENCH_FRESH=1 starts over.
bench_org=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'bench'")
if [ "$(sqlite3 "$db" "SELECT count(*) FROM assessment_rounds WHERE org_id = $bench_org")" = 0 ]; then
  echo "bench: generating the assessments (8 rounds x 5 traits x 3 rater kinds for the 1,000 reps)..."
  sqlite3 "$db" <<SQL
BEGIN;
INSERT INTO assessment_rounds (org_id, name, team_id, opened_by, opened_on, status, created_at)
SELECT t.org_id, 'Round ' || r.n, t.id, t.manager_id, date('$today', '-' || (3 * (8 - r.n)) || ' months'), 'closed', 0
FROM teams t, (WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 8) SELECT n FROM k) r
WHERE t.org_id = $bench_org AND t.manager_id IS NOT NULL;
INSERT OR IGNORE INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, submitted_at, created_at)
SELECT ar.org_id, ar.id, tm.user_id,
       CASE k.kind WHEN 'self' THEN tm.user_id WHEN 'manager' THEN ar.opened_by
       ELSE (SELECT min(o.user_id) FROM team_members o JOIN users ou ON ou.id = o.user_id AND ou.role = 'rep'
             WHERE o.team_id = tm.team_id AND o.user_id <> tm.user_id) END,
       k.kind, 'submitted', 0, 0
FROM assessment_rounds ar
JOIN team_members tm ON tm.org_id = ar.org_id AND tm.team_id = ar.team_id
JOIN users u ON u.id = tm.user_id AND u.role = 'rep'
CROSS JOIN (SELECT 'self' AS kind UNION ALL SELECT 'manager' UNION ALL SELECT 'peer') k
WHERE ar.org_id = $bench_org;
DELETE FROM assessments WHERE org_id = $bench_org AND rater_id IS NULL;
INSERT INTO assessment_scores (org_id, assessment_id, trait_id, score)
SELECT a.org_id, a.id, t.id, 1 + abs(random()) % 5
FROM assessments a JOIN traits t ON t.org_id = a.org_id AND t.retired_at IS NULL
WHERE a.org_id = $bench_org;
COMMIT;
ANALYZE;
SQL
fi
# submitted when their round opened (at noon): assessments made before this
# step carried a submission time of 0, which the hiring profile (issue 11,
# scripts/bench-recruiting.sh) leaves out as older than a year
sqlite3 "$db" "UPDATE assessments SET submitted_at = (SELECT CAST(strftime('%s', r.opened_on) AS INTEGER) + 43200
  FROM assessment_rounds r WHERE r.org_id = assessments.org_id AND r.id = assessments.round_id)
  WHERE org_id = $bench_org AND status = 'submitted' AND submitted_at = 0"
bench_rep=$(sqlite3 "$db" "SELECT min(tm.user_id) FROM team_members tm JOIN users u ON u.id = tm.user_id
  AND u.role = 'rep' JOIN teams t ON t.id = tm.team_id JOIN users m ON m.id = t.manager_id
  WHERE m.email = 'manager01@bench.example'")
echo "bench: $(sqlite3 "$db" "SELECT count(*) FROM assessments WHERE org_id = $bench_org") assessments,
       $(sqlite3 "$db" "SELECT count(*) FROM assessment_scores WHERE org_id = $bench_org") scores; profile of rep $bench_rep"
pw=$(cat "$dir/password")
export SALESGARDEN_TODAY=$today
# `scripts/bench.sh http`: the HTTP part alone, on the data made above
if [ "${1:-}" = http ]; then scripts/bench-http.sh; exec scripts/bench-summary.sh; fi
# levers (issue 10): `scripts/bench.sh levers`: the leaderboard and inbox part alone
if [ "${1:-}" = levers ]; then scripts/bench-levers.sh; exec scripts/bench-summary.sh; fi
# recruiting (issue 11): `scripts/bench.sh recruiting`: the pool, a candidate and the hiring profile alone
if [ "${1:-}" = recruiting ]; then scripts/bench-recruiting.sh; exec scripts/bench-summary.sh; fi
from=$(date -d "$today -364 days" +%F)
team=$(sqlite3 "$db" "SELECT t.id FROM teams t JOIN users u ON u.id = t.manager_id
  WHERE u.email = 'manager01@bench.example'")
counts=$(sqlite3 -separator ' ' "$db" "SELECT (SELECT count(*) FROM users WHERE role = 'rep'),
  (SELECT count(*) FROM teams), (SELECT count(*) FROM team_members WHERE team_id = $team),
  (SELECT count(*) FROM deals), (SELECT count(*) FROM conversations), (SELECT count(*) FROM steps)")
read -r nreps nteams nteam ndeals nconvs nsteps <<<"$counts"
echo "bench: $nreps reps in $nteams teams, $ndeals deals, $nconvs conversations, $nsteps steps;"
echo "       team $team ($nteam reps), $from to $today (SALESGARDEN_TODAY=$today), N=$N after $WARM warm-ups"
big_counts=$(sqlite3 -separator ' ' "$db" "SELECT (SELECT count(*) FROM accounts a JOIN orgs o ON o.id = a.org_id
  WHERE o.slug = 'big'), (SELECT count(*) FROM deals d JOIN orgs o ON o.id = d.org_id WHERE o.slug = 'big'
  AND d.status = 'open')")
read -r nbig_accounts nbig_open <<<"$big_counts"
echo "       big organisation: $nbig_accounts accounts, $nbig_open open deals"

# --- servers and timing (scripts/bench-lib.sh) ------------------------------
port=${BENCH_PORT:-$(bench_free_port 18950 18999)}
tport=$(bench_free_port $((port + 1)) 18999)

pages=(figures pipeline api tiers conc tiers-api accounts deals-new profile traits traits-api)
declare -A path
path[figures]="/figures/commitment?team=$team&from=$from&to=$today"
path[pipeline]="/pipeline?team=$team"
path[api]="/api/v1/figures/commitment?team=$team&from=$from&to=$today"
# the whole organisation (1,000 reps, 24 months of targets), as its admin
path[tiers]="/tiers?who=org&kind=month"
path[conc]="/concentration?who=org&kind=year"
path[tiers-api]="/api/v1/tiers?kind=month"
# the big organisation, as its admin
path[accounts]="/accounts"
path[deals-new]="/deals/new"
# development (issue 8): one rep's profile (with the organisation's superstar
# profile) and the team traits matrix of manager01's team, as manager01
path[profile]="/reps/$bench_rep/profile"
path[traits]="/team/traits"
path[traits-api]="/api/v1/assessments/matrix"

fetch() {	# fetch PAGE [curl options]: the request of a page, to the server at $bench_at
  local p=$1
  shift
  case $p in
    api|traits-api) curl -s -H "Authorization: Bearer $token" "$@" "$bench_at${path[$p]}" || true ;;
    tiers-api) curl -s -H "Authorization: Bearer $admin_token" "$@" "$bench_at${path[$p]}" || true ;;
    tiers|conc) curl -s -b "$admin_jar" "$@" "$bench_at${path[$p]}" || true ;;
    accounts|deals-new) curl -s -b "$big_jar" "$@" "$bench_at${path[$p]}" || true ;;
    *) curl -s -b "$jar" "$@" "$bench_at${path[$p]}" || true ;;
  esac
}

# 1. The SQL of each page, from a server with the statement trace.
trace=$dir/trace.sql
bench_start_trace_server bench "$tport" "$dir/serve-trace.log" "$trace" "$dir/sqltrace.so" || exit 0
trace_pid=$bench_server_pid
jar=$dir/cookies
code=$(bench_sign_in "$jar" manager01@bench.example "$pw")
[ "$code" = 303 ] || { echo "bench: signing in answered $code"; exit 0; }
token=$(./salesgarden token create --org bench --email manager01@bench.example --label bench 2>/dev/null || true)
admin_jar=$dir/cookies-admin
code=$(bench_sign_in "$admin_jar" admin@bench.example "$pw")
[ "$code" = 303 ] || { echo "bench: signing in as the admin answered $code"; exit 0; }
admin_token=$(./salesgarden token create --org bench --email admin@bench.example --label bench 2>/dev/null || true)
big_jar=$dir/cookies-big
code=$(bench_sign_in "$big_jar" admin@big.example "$pw")
[ "$code" = 303 ] || { echo "bench: signing in as the big organisation's admin answered $code"; exit 0; }
bench_capture "$trace" "$dir" "$dir/pragmas.sql" "${pages[@]}"
kill "$trace_pid" 2>/dev/null || true

# 2. Server and shell in turns.
bench_start_server bench "$port" "$dir/serve.log" || exit 0
bench_measure "$db" "$dir" "$dir/pragmas.sql" "$N" "$WARM" "${pages[@]}"

# --- report -----------------------------------------------------------------
bench_report 52 100 "$dir/pragmas.sql" "${pages[@]}"

if [ -n "${BENCH_VERBOSE:-}" ]; then bench_slowest "$db" "$dir" "${pages[@]}"; fi
kill "$bench_server_pid" 2>/dev/null || true

# --- the other parts, on the same data (each also runs alone) ---------------
scripts/bench-coaching.sh
scripts/bench-learning.sh
# levers (issue 10): the organisation's leaderboard on commitment rate and the
# inboxes (also alone: `scripts/bench.sh levers`)
scripts/bench-levers.sh
# recruiting (issue 11): the talent pool, a candidate's page and the hiring
# profile at 10,000 candidates and 30,000 scorecards (also alone:
# `scripts/bench.sh recruiting`)
scripts/bench-recruiting.sh
# HTTP under load beside nginx, and the server's memory (also alone:
# `scripts/bench.sh http`)
scripts/bench-http.sh
# --- speed (issue 15): figures from roll-ups at 100k, 1M and 5M conversations ---
# scripts/bench-rollups.sh (also alone: `scripts/bench.sh rollups`)
scripts/bench-rollups.sh || true
# --- import -------------------------------------------------------------------
# scripts/bench-import.sh (also alone: `scripts/bench.sh import`)
scripts/bench-import.sh
# speed (issue 15): upload — the server's memory during a 256 MB upload and
# import through the page (scripts/bench-upload.sh; alone: `scripts/bench.sh upload`)
scripts/bench-upload.sh

# --- the summary table ------------------------------------------------------
scripts/bench-summary.sh
exit 0
