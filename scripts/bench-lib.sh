# shellcheck shell=bash disable=SC2154  # path: the sourcing script's (see below)
# bench-lib.sh: the timing harness that scripts/bench.sh and the parts after
# it share (bench-coaching.sh, bench-levers.sh, bench-recruiting.sh; sourced,
# never run alone).
#
# It holds: finding a free port, starting servers (stopped again on exit),
# signing in, the statement trace of a server (LD_PRELOAD of
# build/bench/sqltrace.so, tools/sqltrace.c) that captures the SQL each page
# runs, the timed loop — server and sqlite3 shell in turns on that SQL,
# warm-ups then N requests, median and p90 — and the report table with its
# WARNING lines. Each script keeps its own data and pages. At the end: what
# the parts on bench.sh's data share (bench_on_data, bench_sign_in_pair,
# bench_fetch_as, bench_part_run: the start, the sign-ins of manager01 and
# the admin, the run from trace to report) and bench_slowest (BENCH_VERBOSE).
#
# What a script provides (the only globals the harness reads):
#   path[PAGE]                 the request of each page (an associative array)
#   fetch PAGE [curl options]  a function: the request of PAGE (with its
#                              cookie jar or token) to the server at $bench_at,
#                              curl's output on stdout
# What the harness leaves (associative arrays by page, for the report):
#   status  the HTTP status of the first request (only 200 is measured)
#   nstmt   how many reads the page ran
#   srv_med srv_p90 sh_med   medians and p90 in ms
# and bench_at (the server the next fetch goes to), bench_server_pid.

declare -A status nstmt srv_med srv_p90 sh_med
bench_at=
bench_server_pid=
bench_pids=()

bench_cleanup() {	# stops every server started by bench_start_server
  local p
  for p in "${bench_pids[@]+"${bench_pids[@]}"}"; do kill "$p" 2>/dev/null || true; done
}
trap bench_cleanup EXIT

bench_free_port() {	# bench_free_port FIRST LAST: the first port of FIRST..LAST nobody listens on
  local p
  for p in $(seq "$1" "$2"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  return 1
}

# bench_start_server NAME PORT LOG [ENV...]: starts ./salesgarden serve on
# 127.0.0.1:PORT (ENV as `env` takes it), waits until it answers and sets
# bench_at to it and bench_server_pid; NAME prefixes the message if it won't.
bench_start_server() {
  local name=$1 port=$2 log=$3
  shift 3
  env "$@" ./salesgarden serve --listen "127.0.0.1:$port" >"$log" 2>&1 &
  bench_server_pid=$!
  bench_pids+=("$bench_server_pid")
  bench_at=http://127.0.0.1:$port
  for _ in $(seq 100); do
    curl -s -o /dev/null "$bench_at/login" && return 0
    sleep 0.1
  done
  echo "$name: the server on port $port did not start (log: $log)"
  return 1
}

# bench_start_trace_server NAME PORT LOG TRACE SO: bench_start_server with the
# statement trace (the LD_PRELOAD library SO) writing to TRACE, made empty first
bench_start_trace_server() {
  local name=$1 port=$2 log=$3 trace=$4 so=$5
  rm -f "$trace"
  bench_start_server "$name" "$port" "$log" SG_SQLTRACE="$PWD/$trace" LD_PRELOAD="$PWD/$so"
}

# bench_sign_in JAR EMAIL PASSWORD: signs in at the server at $bench_at with a
# fresh cookie jar JAR; prints the HTTP status (303 when it worked). Sessions
# live in the database, so the sign-in holds for every server on it.
bench_sign_in() {
  local jar=$1 email=$2 password=$3 csrf
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$bench_at/login" | grep -o 'name="csrf_token"[^>]*value="[^"]*"' |
    sed 's/.*value="//; s/"$//' | head -n 1)
  curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "csrf_token=$csrf" \
    --data-urlencode "email=$email" --data-urlencode "password=$password" "$bench_at/login"
}

# median and p90 (nearest rank) of the numbers on stdin, in ms with one decimal
bench_stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (!NR) { print "- -"; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    i = int(0.9 * NR + 0.999999); if (i < 1) i = 1
    printf "%.1f %.1f\n", m, v[i] }'
}

# bench_capture TRACE SQLDIR PRAGMAS PAGE...: the SQL of each page. The trace
# server (at $bench_at) answers each page twice (the second, warm request is
# the one kept); the reads it ran, with their parameters expanded, go to
# SQLDIR/PAGE.sql for the shell to replay (writes — a session's or token's
# last use — are left out). Sets status[PAGE] and nstmt[PAGE]. Then PRAGMAS
# gets the settings each server connection starts with (db-sqlite.c), so that
# the shell runs the SQL the way the server does.
bench_capture() {
  local trace=$1 sqldir=$2 pragmas=$3 p before
  shift 3
  for p in "$@"; do
    status[$p]=$(fetch "$p" -o /dev/null -w '%{http_code}')
    [ "${status[$p]}" = 200 ] || continue
    sleep 0.2
    before=$(stat -c %s "$trace")
    fetch "$p" -o /dev/null
    sleep 0.2
    tail -c +$((before + 1)) "$trace" | grep -E '^(SELECT|WITH) ' >"$sqldir/$p.sql" || true
    nstmt[$p]=$(wc -l <"$sqldir/$p.sql")
  done
  grep -E '^PRAGMA ' "$trace" | awk '!seen[$0]++' | grep -v -i 'journal_mode' >"$pragmas" || true
}

# bench_shell_run DB PRAGMAS FILE: the time of one warm run of FILE's SQL in
# the sqlite3 shell on DB, in ms: PRAGMAS and FILE once to warm up, then FILE
# between `.shell date +%s%N` markers — "marker, marker, statements, marker",
# so that what a marker costs (spawning date) is measured beside the run and
# subtracted.
bench_shell_run() {
  local db=$1 pragmas=$2 file=$3
  {
    echo ".output /dev/null"
    cat "$pragmas" "$file"
    echo ".shell date +%s%N"
    echo ".shell date +%s%N"
    cat "$file"
    echo ".shell date +%s%N"
  } | sqlite3 "$db" | awk '{ t[NR] = $1 } END {
      v = (t[3] - t[2]) - (t[2] - t[1]); printf "%.3f\n", (v < 0 ? 0 : v) / 1e6 }'
}

# bench_measure DB SQLDIR PRAGMAS N WARM PAGE...: server and shell in turns, so
# both meet the same load on the machine: WARM warm-up requests, then N times
# a request to the server at $bench_at (curl's time_total) and a
# bench_shell_run of SQLDIR/PAGE.sql. Pages whose status is not 200 are left
# out. Sets srv_med[PAGE], srv_p90[PAGE] and sh_med[PAGE].
bench_measure() {
  local db=$1 sqldir=$2 pragmas=$3 n=$4 warm=$5 p srv sh
  shift 5
  for p in "$@"; do
    [ "${status[$p]}" = 200 ] || continue
    for _ in $(seq "$warm"); do fetch "$p" -o /dev/null; done
    srv="" sh=""
    for _ in $(seq "$n"); do
      srv+="$(fetch "$p" -o /dev/null -w '%{time_total}' | awk '{ printf "%.3f", $1 * 1000 }') "
      sh+="$(bench_shell_run "$db" "$pragmas" "$sqldir/$p.sql") "
    done
    read -r "srv_med[$p]" "srv_p90[$p]" < <(tr ' ' '\n' <<<"$srv" | grep . | bench_stats)
    read -r "sh_med[$p]" _ < <(tr ' ' '\n' <<<"$sh" | grep . | bench_stats)
  done
}

# bench_row MEASURE OURS ANCHOR RATIO AIM MET: one row of the summary table
# that scripts/bench.sh prints at the end (scripts/bench-summary.sh), appended
# to "$SUMMARY" (tab-separated; bench.sh empties it at the start)
bench_row() {
  local f=${SUMMARY:-build/bench/summary.tsv}
  mkdir -p "$(dirname "$f")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >>"$f"
}

# bench_report WIDTH LIMIT_MS PRAGMAS PAGE...: the table (the request column
# WIDTH characters wide, a longer request cut to it), then — when PRAGMAS is
# not empty — a note on the shell column naming those settings, then a
# WARNING for each page that was not measured, whose median is over LIMIT_MS
# or whose server was slower than the shell on the same SQL. Each page is
# also a row of the summary table (bench_row): its aim is the median under
# LIMIT_MS; the shell on the same SQL is the anchor beside it (the server
# also answers HTTP, checks the session and renders the page, which the
# shell does not: a page of 1 ms of SQL is 2-4x the shell however lean).
bench_report() {
  local width=$1 limit=$2 pragmas=$3 p ratio w
  local -a warn=()
  shift 3
  echo
  printf "%-10s %-${width}s %9s %9s %9s %6s %12s\n" page request "median ms" "p90 ms" "shell ms" stmts server/shell
  for p in "$@"; do
    if [ "${status[$p]}" != 200 ]; then
      printf "%-10s %-${width}s %s\n" "$p" "${path[$p]:0:$width}" "not measured: HTTP ${status[$p]}"
      warn+=("WARNING: $p answered HTTP ${status[$p]}; not measured")
      bench_row "$p: ${path[$p]:0:40}" "HTTP ${status[$p]}" - - "< $limit ms" no
      continue
    fi
    ratio=$(awk -v a="${srv_med[$p]}" -v b="${sh_med[$p]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }')
    printf "%-10s %-${width}s %9s %9s %9s %6s %12s\n" "$p" "${path[$p]:0:$width}" "${srv_med[$p]}" "${srv_p90[$p]}" \
      "${sh_med[$p]}" "${nstmt[$p]}" "$ratio"
    bench_row "$p: ${path[$p]:0:40}" "${srv_med[$p]} ms (p90 ${srv_p90[$p]})" "sqlite3 shell ${sh_med[$p]} ms" \
      "$ratio×" "< $limit ms" \
      "$(awk -v m="${srv_med[$p]}" -v l="$limit" 'BEGIN { print (m < l) ? "yes" : "no" }')"
    if awk -v m="${srv_med[$p]}" -v l="$limit" 'BEGIN { exit !(m > l) }'; then
      warn+=("WARNING: $p: the median ${srv_med[$p]} ms is over $limit ms")
    fi
    if [ "$ratio" != - ] && awk -v r="$ratio" 'BEGIN { exit !(r > 1) }'; then
      warn+=("WARNING: $p: the server (${srv_med[$p]} ms) is slower than the sqlite3 shell on the same SQL (${sh_med[$p]} ms)")
    fi
  done
  if [ -n "$pragmas" ]; then
    echo "(shell: the SELECTs the page ran, replayed in the sqlite3 shell on the same database with the server's"
    echo " connection settings ($(tr '\n' ' ' <"$pragmas" | sed 's/ $//')); stmts: how many)"
  fi
  for w in "${warn[@]+"${warn[@]}"}"; do echo "$w"; done
}

# --- the parts that measure on scripts/bench.sh's data ----------------------
# (bench-levers.sh, bench-recruiting.sh: the same start, sign-ins and run)

# bench_migrate DB: applies new migrations (indexes) to the kept data in DB
# (SALESGARDEN_DB) and, when there were any, refreshes the planner's
# statistics (ANALYZE, as after generating the data): an index new to
# statistics that know every other one would be judged on a guess.
bench_migrate() {
  local db=$1 before
  before=$(sqlite3 "$db" "SELECT max(version) FROM schema_version")
  ./salesgarden migrate >/dev/null
  if [ "$(sqlite3 "$db" "SELECT max(version) FROM schema_version")" != "$before" ]; then sqlite3 "$db" "ANALYZE"; fi
}

# bench_on_data NAME: the start of such a part. Sets N, WARM (BENCH_N,
# BENCH_WARM), dir, db, today, pw and org (the bench organisation's id),
# exports SALESGARDEN_DB and SALESGARDEN_TODAY and applies new migrations
# (indexes) to the kept data; exits 0 with a note when bench.sh has not made
# the data yet.
bench_on_data() {
  local name=$1
  N=${BENCH_N:-20}
  WARM=${BENCH_WARM:-3}
  dir=build/bench
  db=$dir/bench.db
  export SALESGARDEN_DB=sqlite:$db
  [ -s "$db" ] && [ -s "$dir/today" ] && [ -s "$dir/sqltrace.so" ] ||
    { echo "$name: no bench data (run scripts/bench.sh first: make bench does)"; exit 0; }
  bench_migrate "$db"
  today=$(cat "$dir/today")
  pw=$(cat "$dir/password")
  export SALESGARDEN_TODAY=$today
  # shellcheck disable=SC2034  # org: for the part that called
  org=$(sqlite3 "$db" "SELECT id FROM orgs WHERE slug = 'bench'")
}

# bench_sign_in_pair NAME LABEL: signs manager01 and the admin of the bench
# organisation in at the server at $bench_at (cookie jars
# $dir/cookies-LABEL and $dir/cookies-LABEL-admin) and makes each an API
# token: sets jar, admin_jar, token and admin_token; exits 0 with a note
# when a sign-in fails.
bench_sign_in_pair() {
  local name=$1 label=$2 code
  jar=$dir/cookies-$label
  code=$(bench_sign_in "$jar" manager01@bench.example "$pw")
  [ "$code" = 303 ] || { echo "$name: signing in answered $code"; exit 0; }
  admin_jar=$dir/cookies-$label-admin
  code=$(bench_sign_in "$admin_jar" admin@bench.example "$pw")
  [ "$code" = 303 ] || { echo "$name: signing in as the admin answered $code"; exit 0; }
  token=$(./salesgarden token create --org bench --email manager01@bench.example --label "$name" 2>/dev/null || true)
  admin_token=$(./salesgarden token create --org bench --email admin@bench.example --label "$name" 2>/dev/null || true)
}

# bench_fetch_as WHO PAGE [curl options]: the request of PAGE to the server at
# $bench_at as WHO: manager or admin (signed in: jar, admin_jar), manager-api
# or admin-api (their API token); curl's output on stdout. A part's fetch
# names who asks for each page and calls this.
bench_fetch_as() {
  local who=$1 p=$2
  shift 2
  case $who in
    manager-api) curl -s -H "Authorization: Bearer $token" "$@" "$bench_at${path[$p]}" || true ;;
    admin-api) curl -s -H "Authorization: Bearer $admin_token" "$@" "$bench_at${path[$p]}" || true ;;
    admin) curl -s -b "$admin_jar" "$@" "$bench_at${path[$p]}" || true ;;
    *) curl -s -b "$jar" "$@" "$bench_at${path[$p]}" || true ;;
  esac
}

# bench_slowest DB SQLDIR PAGE...: each page's three slowest statements
# (sqlite3 .timer on SQLDIR/PAGE.sql, the SQL bench_capture kept) with
# their query plans — what BENCH_VERBOSE=1 lists
bench_slowest() {
  local db=$1 sqldir=$2 p
  shift 2
  for p in "$@"; do
    [ -s "$sqldir/$p.sql" ] || continue
    echo
    echo "== $p: statements by time (sqlite3 .timer), slowest first"
    { echo ".output /dev/null"; echo ".timer on"; cat "$sqldir/$p.sql"; } | sqlite3 "$db" 2>&1 |
      grep -o 'real [0-9.]*' | awk '{ print NR, $2 * 1000 }' | sort -k2 -g -r | sed -n 1,3p |
      while read -r i ms; do
        echo "-- $ms ms: $(sed -n "${i}p" "$sqldir/$p.sql" | cut -c1-160)..."
        { echo "EXPLAIN QUERY PLAN"; sed -n "${i}p" "$sqldir/$p.sql"; } | sqlite3 "$db"
      done
  done
}

# bench_part_run NAME LABEL FIRST_PORT LAST_PORT WIDTH LIMIT_MS PAGE...: the
# run of such a part after bench_on_data: a server with the statement trace
# on a free port of FIRST_PORT..LAST_PORT (BENCH_PORT: the measuring
# server's), the sign-ins (bench_sign_in_pair), the SQL of each page
# (bench_capture; files named by LABEL in $dir), then the measuring server,
# the timed turns with the shell, the report (bench_report WIDTH LIMIT_MS)
# and with BENCH_VERBOSE=1 the slowest statements. The measuring server
# stays up (bench_at) until the script ends.
bench_part_run() {
  local name=$1 label=$2 first=$3 last=$4 width=$5 limit=$6 port tport trace_pid
  shift 6
  port=${BENCH_PORT:-$(bench_free_port "$first" "$last")}
  tport=$(bench_free_port $((port + 1)) "$last")
  bench_start_trace_server "$name" "$tport" "$dir/serve-trace-$label.log" "$dir/trace-$label.sql" \
    "$dir/sqltrace.so" || exit 0
  trace_pid=$bench_server_pid
  bench_sign_in_pair "$name" "$label"
  bench_capture "$dir/trace-$label.sql" "$dir" "$dir/pragmas-$label.sql" "$@"
  kill "$trace_pid" 2>/dev/null || true
  bench_start_server "$name" "$port" "$dir/serve-$label.log" || exit 0
  bench_measure "$db" "$dir" "$dir/pragmas-$label.sql" "$N" "$WARM" "$@"
  bench_report "$width" "$limit" "$dir/pragmas-$label.sql" "$@"
  if [ -n "${BENCH_VERBOSE:-}" ]; then bench_slowest "$db" "$dir" "$@"; fi
}
