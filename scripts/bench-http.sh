#!/usr/bin/env bash
# bench-http.sh: `make bench` (called by scripts/bench.sh; alone:
# `scripts/bench.sh http`) — how close are the signed-in pages to a static
# file server, and how much memory does the server hold under that load?
#
# On bench.sh's organisation (1,000 reps, a year of history in
# build/bench/bench.db) wrk (Debian's) loads, with BENCH_HTTP_CONN=64
# connections on BENCH_HTTP_THREADS=2 threads for BENCH_HTTP_SECONDS=3 s each,
#
#   home      /                            as manager01 (a manager's home page)
#   pipeline  /pipeline                    as manager01
#   numbers   /numbers                     as a rep of manager01's team
#   team      /numbers/team                as manager01
#   tiers     /tiers                       as manager01
#   figures   /figures/commitment          as manager01
#   rep       /reps/ID                     that rep's page, as manager01
#
# and, in turns with each, nginx (Debian's nginx-light, started here as its
# own process on a free loopback port with a temporary configuration, pid and
# log files) serving a static file of the same bytes — the page as the server
# answered it. BENCH_HTTP_ROUNDS=3 rounds (page, nginx, page, nginx, ...),
# the median of each. Printed: requests/s of both and their ratio, p50 and
# p99 of both (wrk --latency). Aim: ≥ 0.5× nginx, p99 under 10 ms.
# The server keeps rendered pages (src/http/pagecache.h): wrk asking again
# and again is the repeated request; a second server on the same data with
# SALESGARDEN_PAGE_CACHE=0, loaded in the same turns, shows the uncached
# render (every request does the page's SQL).
# Then the server's resident memory (VmHWM, the peak since signing in, and
# VmRSS from /proc/PID/status) after that load; aim ≤ 30 MB.
# Each page's row goes to the summary table ("$SUMMARY", printed by bench.sh).
# A bench reports; it exits 0 once it could measure.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=build/bench
db=$dir/bench.db
SUMMARY=${SUMMARY:-$dir/summary.tsv}
CONN=${BENCH_HTTP_CONN:-64}
THREADS=${BENCH_HTTP_THREADS:-2}
SECS=${BENCH_HTTP_SECONDS:-3}
ROUNDS=${BENCH_HTTP_ROUNDS:-3}
export SALESGARDEN_DB=sqlite:$db
for t in wrk curl sqlite3; do
  command -v $t >/dev/null || { echo "bench-http: $t is missing (make test-deps)"; exit 0; }
done
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "bench-http: nginx is missing (make test-deps installs nginx-light)"; exit 0; }
[ -s "$db" ] && [ -s "$dir/today" ] && [ -s "$dir/password" ] ||
  { echo "bench-http: no bench data (run scripts/bench.sh first: make bench does)"; exit 0; }
./salesgarden migrate >/dev/null
today=$(cat "$dir/today")
pw=$(cat "$dir/password")
export SALESGARDEN_TODAY=$today

# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

# a rep of manager01's team who may sign in (benchgen's reps have no
# password: this one gets the bench password, in the bench database only)
rep=$(sqlite3 "$db" "SELECT min(tm.user_id) FROM team_members tm JOIN users u ON u.id = tm.user_id
  AND u.role = 'rep' JOIN teams t ON t.id = tm.team_id JOIN users m ON m.id = t.manager_id
  WHERE m.email = 'manager01@bench.example'")
rep_email=$(sqlite3 "$db" "SELECT email FROM users WHERE id = $rep")
sqlite3 "$db" "UPDATE users SET password_hash = (SELECT password_hash FROM users
  WHERE email = 'manager01@bench.example') WHERE id = $rep AND password_hash IS NOT
  (SELECT password_hash FROM users WHERE email = 'manager01@bench.example')"

pages=(home pipeline numbers team tiers figures rep)
declare -A path who
path[home]="/";                    who[home]=mgr
path[pipeline]="/pipeline";        who[pipeline]=mgr
path[numbers]="/numbers";          who[numbers]=rep
path[team]="/numbers/team";        who[team]=mgr
path[tiers]="/tiers";              who[tiers]=mgr
path[figures]="/figures/commitment"; who[figures]=mgr
path[rep]="/reps/$rep";            who[rep]=mgr

port=${BENCH_PORT:-$(bench_free_port 18950 18999)}
# the same server without its page cache (SALESGARDEN_PAGE_CACHE=0): every
# request renders the page (the first request's cost, under load)
uport=$(bench_free_port $((port + 1)) 18999)
bench_start_server bench-http "$uport" "$dir/serve-http-uncached.log" SALESGARDEN_PAGE_CACHE=0 || exit 0
unc_at=$bench_at
bench_start_server bench-http "$port" "$dir/serve-http.log" || exit 0
srv_pid=$bench_server_pid
declare -A jar cookie
jar[mgr]=$dir/cookies-http-mgr
jar[rep]=$dir/cookies-http-rep
code=$(bench_sign_in "${jar[mgr]}" manager01@bench.example "$pw")
[ "$code" = 303 ] || { echo "bench-http: signing in as manager01 answered $code"; exit 0; }
code=$(bench_sign_in "${jar[rep]}" "$rep_email" "$pw")
[ "$code" = 303 ] || { echo "bench-http: signing in as $rep_email answered $code"; exit 0; }
# the peak memory from here on: signing in hashes the password with argon2id
# (64 MiB, freed at once), which is not what serving pages holds; the kernel's
# peak is reset after it ("5" to clear_refs; where it cannot be, the figure
# below still holds the sign-in's 64 MiB and says so)
hwm_reset=yes
echo 5 2>/dev/null >"/proc/$srv_pid/clear_refs" || hwm_reset=no
for w in mgr rep; do
  cookie[$w]=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "${jar[$w]}")
done

# nginx: its own prefix, configuration, pid and logs in a temporary directory
# (readable by the unprivileged user its workers run as when started by root)
ngx=$(mktemp -d /tmp/sg-bench-nginx.XXXXXX)
chmod 755 "$ngx"
mkdir -p "$ngx/www"
chmod 755 "$ngx/www"
nport=$(bench_free_port $((uport + 1)) 18999)
cat >"$ngx/nginx.conf" <<CONF
worker_processes $THREADS;
pid $ngx/nginx.pid;
error_log $ngx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $ngx/tmp-body;
  proxy_temp_path $ngx/tmp-proxy;
  fastcgi_temp_path $ngx/tmp-fastcgi;
  uwsgi_temp_path $ngx/tmp-uwsgi;
  scgi_temp_path $ngx/tmp-scgi;
  types { text/html html; }
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$nport;
    root $ngx/www;
  }
}
CONF
"$nginx" -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" 2>"$ngx/stderr.log" &
ngx_pid=$!
bench_pids+=("$ngx_pid")
trap 'bench_cleanup; rm -rf "$ngx"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$nport/" && break; sleep 0.1; done

# each page once: its status and bytes; nginx serves those bytes as a file
declare -A status size
for p in "${pages[@]}"; do
  status[$p]=$(curl -s -o "$ngx/www/$p.html" -w '%{http_code}' -H "Cookie: ${cookie[${who[$p]}]}" \
    "$bench_at${path[$p]}" || true)
  chmod 644 "$ngx/www/$p.html"
  size[$p]=$(stat -c %s "$ngx/www/$p.html")
done

# wrk_run URL [COOKIE]: "requests/s p50_ms p99_ms non2xx" of one wrk run
wrk_run() {
  local url=$1 ck=${2:-}
  local -a h=()
  [ -n "$ck" ] && h=(-H "Cookie: $ck")
  wrk -t"$THREADS" -c"$CONN" -d"${SECS}s" --timeout 10s --latency "${h[@]}" "$url" 2>&1 | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /^Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (!NR) { print "-"; exit } print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo
echo "bench-http: wrk, $CONN connections, $THREADS threads, ${SECS} s a run, $ROUNDS rounds in turns with nginx"
echo "            ($("$nginx" -v 2>&1 | sed 's/.*: //'), a static file of the page's bytes); median of the rounds"
echo "            uncached: a server with SALESGARDEN_PAGE_CACHE=0 (every request renders the page)"
printf "%-9s %-22s %6s %8s %8s %6s %7s %7s %7s %7s %8s %6s %7s %7s\n" page request KB "req/s" nginx ratio \
  "p50 ms" "p99 ms" "ngx p50" "ngx p99" "uncached" ratio "p50 ms" "p99 ms"
declare -A r_rps r_p50 r_p99 n_rps n_p50 n_p99 u_rps u_p50 u_p99
for p in "${pages[@]}"; do
  if [ "${status[$p]}" != 200 ]; then
    printf "%-9s %-22s %s\n" "$p" "${path[$p]}" "not measured: HTTP ${status[$p]}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "HTTP $p (${path[$p]})" "HTTP ${status[$p]}" - - "≥ 0.5× nginx, p99 < 10 ms" no >>"$SUMMARY"
    continue
  fi
  ours="" theirs="" unc="" bad=0
  wrk -t1 -c4 -d1s -H "Cookie: ${cookie[${who[$p]}]}" "$bench_at${path[$p]}" >/dev/null 2>&1 || true	# warm-up
  for _ in $(seq "$ROUNDS"); do
    theirs+="$(wrk_run "http://127.0.0.1:$nport/$p.html")"$'\n'
    line=$(wrk_run "$bench_at${path[$p]}" "${cookie[${who[$p]}]}")
    ours+="$line"$'\n'
    bad=$((bad + $(awk '{ print $4 }' <<<"$line")))
    line=$(wrk_run "$unc_at${path[$p]}" "${cookie[${who[$p]}]}")
    unc+="$line"$'\n'
    bad=$((bad + $(awk '{ print $4 }' <<<"$line")))
  done
  u_rps[$p]=$(awk 'NF { print $1 }' <<<"$unc" | median)
  u_p50[$p]=$(awk 'NF { print $2 }' <<<"$unc" | median)
  u_p99[$p]=$(awk 'NF { print $3 }' <<<"$unc" | median)
  r_rps[$p]=$(awk 'NF { print $1 }' <<<"$ours" | median)
  r_p50[$p]=$(awk 'NF { print $2 }' <<<"$ours" | median)
  r_p99[$p]=$(awk 'NF { print $3 }' <<<"$ours" | median)
  n_rps[$p]=$(awk 'NF { print $1 }' <<<"$theirs" | median)
  n_p50[$p]=$(awk 'NF { print $2 }' <<<"$theirs" | median)
  n_p99[$p]=$(awk 'NF { print $3 }' <<<"$theirs" | median)
  ratio=$(awk -v a="${r_rps[$p]}" -v b="${n_rps[$p]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  uratio=$(awk -v a="${u_rps[$p]}" -v b="${n_rps[$p]}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
  met=$(awk -v r="$ratio" -v q="${r_p99[$p]}" 'BEGIN { print (r != "-" && r >= 0.5 && q < 10) ? "yes" : "no" }')
  kb=$(awk -v s="${size[$p]}" 'BEGIN { printf "%.1f", s / 1024 }')
  printf "%-9s %-22s %6s %8s %8s %6s %7s %7s %7s %7s %8s %6s %7s %7s\n" "$p" "${path[$p]}" "$kb" "${r_rps[$p]}" "${n_rps[$p]}" \
    "$ratio×" "${r_p50[$p]}" "${r_p99[$p]}" "${n_p50[$p]}" "${n_p99[$p]}" "${u_rps[$p]}" "$uratio×" "${u_p50[$p]}" "${u_p99[$p]}"
  [ "$bad" = 0 ] || echo "WARNING: $p: $bad answers were not 2xx/3xx"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "HTTP $p (${path[$p]}, $kb KB), $CONN conn." \
    "${r_rps[$p]} req/s, p99 ${r_p99[$p]} ms" "nginx ${n_rps[$p]} req/s, p99 ${n_p99[$p]} ms" "$ratio×" \
    "≥ 0.5× nginx, p99 < 10 ms" "$met" >>"$SUMMARY"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "  the same, uncached (every request renders)" \
    "${u_rps[$p]} req/s, p99 ${u_p99[$p]} ms" "nginx ${n_rps[$p]} req/s" "$uratio×" "≥ 0.5× nginx, p99 < 10 ms" \
    "$(awk -v r="$uratio" -v q="${u_p99[$p]}" 'BEGIN { print (r != "-" && r >= 0.5 && q < 10) ? "yes" : "no" }')" >>"$SUMMARY"
done

# the server's memory after the load (the peak and now), from /proc
hwm=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$srv_pid/status" 2>/dev/null || echo -)
rss=$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$srv_pid/status" 2>/dev/null || echo -)
ngx_rss=$(for c in $(cat "/proc/$ngx_pid/task/$ngx_pid/children" 2>/dev/null) "$ngx_pid"; do
  awk '/^VmRSS:/ { print $2 }' "/proc/$c/status" 2>/dev/null; done | awk '{ s += $1 } END { printf "%.1f", s / 1024 }')
echo "server memory after the load: peak (VmHWM) $hwm MB, now (VmRSS) $rss MB; nginx (master and workers) $ngx_rss MB"
[ "$hwm_reset" = yes ] || echo "WARNING: the peak could not be reset after signing in: it includes argon2id's 64 MiB"
met=$(awk -v h="$hwm" 'BEGIN { print (h != "-" && h <= 30) ? "yes" : "no" }')
printf '%s\t%s\t%s\t%s\t%s\t%s\n' "server memory under the HTTP load (VmHWM)" "$hwm MB (VmRSS $rss MB)" \
  "nginx $ngx_rss MB" - "≤ 30 MB" "$met" >>"$SUMMARY"
exit 0
