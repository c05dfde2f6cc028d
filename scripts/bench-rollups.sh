#!/usr/bin/env bash
# bench-rollups.sh: issue 15 — are the figures flat as history grows? (part of
# `make bench`; alone: `scripts/bench.sh rollups`)
#
# The bench organisation (1,000 reps in 35 teams, tools/benchgen.c) with
# 100,000, 1,000,000 and 5,000,000 conversations of history (a year per
# million), each in its own SQLite database under build/bench/ (kept between
# runs; rebuilt when the generator or the migrations change). The data goes
# in with the roll-up triggers set aside, then `salesgarden rollups rebuild`
# fills the roll-ups (timed) and `salesgarden rollups check` compares them with
# a full recomputation. As the organisation's admin, with the page cache off
# (every request renders), it times (median of N after warm-ups,
# scripts/bench-lib.sh)
#
#   figures    /figures/commitment (the whole organisation, the last 30 days)
#   api        /api/v1/figures/commitment (the same)
#   numbers    /numbers/team (every rep, month by month)
#   tiers      /tiers?who=org&kind=month
#   conc       /concentration?who=org&kind=year
#
# beside the sqlite3 shell running the page's own SQL, and the shell answering
# the first figure (conversations by outcome) from the conversations table
# itself ("raw"). Prints each figure's growth factor (largest/smallest) and
# appends a row per figure to the summary ($SUMMARY).
#
#   BENCH_SIZES="100000 1000000 5000000"   BENCH_N=15   BENCH_WARM=3
set -euo pipefail
cd "$(dirname "$0")/.."
SUMMARY=${SUMMARY:-build/bench/summary.tsv}
N=${BENCH_N:-15}
WARM=${BENCH_WARM:-3}
read -r -a sizes <<<"${BENCH_SIZES:-100000 1000000 5000000}"
dir=build/bench
mkdir -p "$dir"
for t in sqlite3 curl cc; do
  command -v $t >/dev/null || { echo "bench-rollups: $t is missing (make deps)"; exit 0; }
done
cc -O2 -Wall -Wextra -o "$dir/benchgen" tools/benchgen.c
cc -O2 -Wall -Wextra -shared -fPIC -o "$dir/sqltrace.so" tools/sqltrace.c -ldl
stamp=$(sha256sum tools/benchgen.c | cut -c1-16)

label() { awk -v n="$1" 'BEGIN { if (n >= 1e6) printf "%gM", n / 1e6; else printf "%gk", n / 1e3 }'; }

# gen SIZE DB: the bench organisation with SIZE conversations in DB (cached)
gen() {
  local size=$1 db=$2 pw today org mgr t0 t1
  if [ -s "$db" ] && [ "$(cat "$db.stamp" 2>/dev/null)" = "$stamp" ]; then return; fi
  echo "bench-rollups: generating $(label "$size") conversations into $db (once; minutes for the largest)..."
  rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
  today=$(date +%F)
  pw=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)
  export SALESGARDEN_DB=sqlite:$db
  ./salesgarden migrate >/dev/null
  ./salesgarden org add --slug bench --name "Bench B.V." --locale en >/dev/null
  printf '%s\n' "$pw" | ./salesgarden user add --org bench --email admin@bench.example --name "Bench admin" \
    --role admin --password-stdin >/dev/null
  printf '%s\n' "$pw" | ./salesgarden user add --org bench --email manager01@bench.example --name "Manager 01" \
    --role manager --password-stdin >/dev/null
  org=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'bench'")
  mgr=$(sqlite3 "$db" "SELECT id FROM users WHERE email = 'manager01@bench.example'")
  # a bulk load: the triggers aside, the roll-ups rebuilt from the data after
  sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'" >"$db.triggers"
  sqlite3 "$db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup_%'" |
    sqlite3 "$db"
  t0=$(date +%s)
  "$dir/benchgen" "$org" "$mgr" "$today" "$size" | sqlite3 "$db" >/dev/null
  sqlite3 "$db" <"$db.triggers"
  t1=$(date +%s%N)
  ./salesgarden rollups rebuild --org bench >/dev/null
  echo "bench-rollups: loaded in $(( $(date +%s) - t0 )) s; rollups rebuild $(( ($(date +%s%N) - t1) / 1000000 )) ms"
  sqlite3 "$db" "ANALYZE"
  echo "$today" >"$db.today"
  (umask 077; echo "$pw" >"$db.password")
  echo "$stamp" >"$db.stamp"
}

# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
pages=(figures api numbers tiers conc)
declare -A path res_srv res_sh res_raw
fetch() {
  local p=$1
  shift
  case $p in
    api) curl -s -H "Authorization: Bearer $admin_token" "$@" "$bench_at${path[$p]}" || true ;;
    *) curl -s -b "$admin_jar" "$@" "$bench_at${path[$p]}" || true ;;
  esac
}

for size in "${sizes[@]}"; do
  db=$dir/rollups-$(label "$size").db
  gen "$size" "$db"
  export SALESGARDEN_DB=sqlite:$db
  ./salesgarden migrate >/dev/null
  today=$(cat "$db.today")
  export SALESGARDEN_TODAY=$today
  # the commitment figures over the last 30 days: each size's history covers
  # them (100k conversations are 36 days of it), so every size has the same
  # busy days in the window and the growth factor is the cost of the older
  # history alone; a year's window would hold 100,000 conversations at the
  # smallest size and 1,000,000 at the others
  from=$(date -d "$today -29 days" +%F)
  org=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'bench'")
  echo "bench-rollups: $(label "$size"): $(sqlite3 "$db" "SELECT count(*) FROM conversations") conversations," \
    "$(sqlite3 "$db" "SELECT count(*) FROM deals") deals, $(sqlite3 "$db" "SELECT count(*) FROM steps") steps," \
    "$(sqlite3 "$db" "SELECT min(held_on) FROM conversations") to $today"
  printf 'bench-rollups: %s: ' "$(label "$size")"
  ./salesgarden rollups check --org bench || echo "bench-rollups: WARNING: the roll-ups differ (above)"
  path[figures]="/figures/commitment?from=$from&to=$today"
  path[api]="/api/v1/figures/commitment?from=$from&to=$today"
  path[numbers]="/numbers/team?kind=month"
  path[tiers]="/tiers?who=org&kind=month"
  path[conc]="/concentration?who=org&kind=year"
  port=$(bench_free_port 18900 18949)
  # without the page cache (src/http/pagecache.h): every request renders its
  # page, as the first one after a write does; with it the repeated request
  # would be a kept answer and its SQL the session's only
  export SALESGARDEN_PAGE_CACHE=0
  bench_start_trace_server rollups "$port" "$dir/rollups-trace.log" "$dir/rollups-trace.sql" "$dir/sqltrace.so" || exit 0
  trace_pid=$bench_server_pid
  pw=$(cat "$db.password")
  admin_jar=$dir/rollups-cookies
  code=$(bench_sign_in "$admin_jar" admin@bench.example "$pw")
  [ "$code" = 303 ] || { echo "bench-rollups: signing in answered $code"; exit 0; }
  admin_token=$(./salesgarden token create --org bench --email admin@bench.example --label bench 2>/dev/null || true)
  mkdir -p "$dir/rollups-sql"
  bench_capture "$dir/rollups-trace.sql" "$dir/rollups-sql" "$dir/rollups-pragmas.sql" "${pages[@]}"
  kill "$trace_pid" 2>/dev/null || true
  bench_start_server rollups "$port" "$dir/rollups-serve.log" || exit 0
  bench_measure "$db" "$dir/rollups-sql" "$dir/rollups-pragmas.sql" "$N" "$WARM" "${pages[@]}"
  kill "$bench_server_pid" 2>/dev/null || true
  # the raw anchor: the shell counting the year's conversations by outcome
  echo "SELECT count(*), sum(outcome = 'step'), sum(outcome = 'stop'), sum(outcome = 'none') FROM conversations
    WHERE org_id = $org AND held_on BETWEEN '$from' AND '$today';" >"$dir/rollups-raw.sql"
  raw=""
  for _ in $(seq "$N"); do raw+="$(bench_shell_run "$db" "$dir/rollups-pragmas.sql" "$dir/rollups-raw.sql") "; done
  read -r raw_med _ < <(tr ' ' '\n' <<<"$raw" | grep . | bench_stats)
  echo "== $(label "$size") conversations"
  bench_report 44 10 "" "${pages[@]}"
  echo "raw: the sqlite3 shell counting the year's conversations by outcome from the table: $raw_med ms"
  for p in "${pages[@]}"; do
    res_srv[$p,$size]=${srv_med[$p]:--}
    res_sh[$p,$size]=${sh_med[$p]:--}
  done
  res_raw[$size]=$raw_med
  sleep 0.5
done

small=${sizes[0]}
large=${sizes[${#sizes[@]}-1]}
echo
echo "== figures as history grows: median ms (server / sqlite3 shell on the page's SQL), growth $(label "$small") -> $(label "$large")"
printf '%-10s' figure
for size in "${sizes[@]}"; do printf ' %16s' "$(label "$size")"; done
printf ' %8s\n' growth
for p in "${pages[@]}" raw; do
  printf '%-10s' "$p"
  for size in "${sizes[@]}"; do
    if [ $p = raw ]; then printf ' %16s' "${res_raw[$size]}"; else printf ' %16s' "${res_srv[$p,$size]} / ${res_sh[$p,$size]}"; fi
  done
  if [ $p = raw ]; then a=${res_raw[$small]} b=${res_raw[$large]}; else a=${res_srv[$p,$small]} b=${res_srv[$p,$large]}; fi
  g=$(awk -v a="$a" -v b="$b" 'BEGIN { if (a + 0 > 0) printf "%.2f", b / a; else printf "-" }')
  printf ' %7sx\n' "$g"
  [ $p = raw ] && continue
  met=$(awk -v g="$g" -v b="$b" 'BEGIN { print (g != "-" && g <= 1.5 && b + 0 < 10) ? "yes" : "no" }')
  printf '%s at %s conversations\t%s ms\t%s ms at %s\t%s×\t≤ 1.5× growth, < 10 ms\t%s\n' \
    "$p ${path[$p]%%\?*}" "$(label "$large")" "$b" "$a" "$(label "$small")" "$g" "$met" >>"$SUMMARY"
done
exit 0
