#!/usr/bin/env bash
# bench-upload.sh: the memory part of `make bench` for uploads (scripts/bench.sh
# runs it; `scripts/bench.sh upload` runs it alone). How much memory does the
# server hold while a 256 MB CSV file is uploaded through the import page and
# imported?
#
# A deals CSV of BENCH_UPLOAD_MB megabytes (10^6 bytes; the rows are made as
# scripts/bench-import.sh makes its file) is uploaded with curl as the
# browser sends it (multipart/form-data, signed in as an admin: session cookie
# and CSRF token), its preview is fetched, and the import is started from the
# page and polled (GET /api/v1/imports/ID with the same session) until it has
# finished. All the while the server's VmRSS is sampled from /proc (every
# 50 ms); its VmHWM (the kernel's own peak, reset after signing in: the
# password hash takes 64 MiB for a moment) is read after the preview
# ("upload peak") and at the end. The figure is the larger of the two. The anchor is the file's own size: the server used
# to hold up to three copies of it.
#
#   BENCH_UPLOAD_MB=256          size of the file
#   BENCH_SG=./salesgarden       the binary measured
#   BENCH_SG_BEFORE=path         also measure this binary (another build,
#                                e.g. one from before a change), first
set -euo pipefail
cd "$(dirname "$0")/.."
SUMMARY=${SUMMARY:-build/bench/summary.tsv}

dir=build/bench
mkdir -p "$dir"
for t in sqlite3 awk curl; do
  command -v $t >/dev/null || { echo "bench-upload: $t is missing (make deps)"; exit 0; }
done
sg=${BENCH_SG:-./salesgarden}
[ -x "$sg" ] || { echo "bench-upload: $sg is missing (make salesgarden)"; exit 0; }
# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

mb=${BENCH_UPLOAD_MB:-256}
bytes=$((mb * 1000000))
csv=$dir/upload-$mb.csv
if [ ! -s "$csv" ] || [ "$(stat -c %s "$csv")" -lt $((bytes - 4096)) ]; then
  echo "bench-upload: making a $mb MB deals CSV..."
  awk -v max="$bytes" 'BEGIN {
    srand(42)
    h = "external_id,title,account,owner,amount,currency,stage,status,close_date,created_date,product,lost_reason"
    print h; size = length(h) + 1
    split("Cloud,Connect,Onboarding & training,Support Plus", prod, ",")
    split("price,competitor,no_budget,timing,no_decision", why, ",")
    for (i = 1; ; i++) {
      r = int(rand() * 1000) + 1; a = int(rand() * 40000) + 1; x = rand()
      st = x < 0.3 ? "won" : x < 0.7 ? "lost" : "open"
      m = int(rand() * 12) + 1; d = int(rand() * 28) + 1
      line = sprintf("crm-%07d,Deal %07d,Account %05d B.V.,rep%04d@import.example,%d.%02d,EUR,%s,%s,2026-%02d-%02d,2025-%02d-%02d,\"%s\",%s",
        i, i, a, r, int(rand() * 50000) + 500, int(rand() * 100), st == "open" ? "Proposal" : "", st,
        m, d, m, d, prod[int(rand() * 4) + 1], st == "lost" ? why[int(rand() * 5) + 1] : "")
      if (size + length(line) + 1 > max) break
      print line; size += length(line) + 1
    }
  }' >"$csv"
fi
size=$(stat -c %s "$csv")
rows=$(($(wc -l <"$csv") - 1))

# rss_kb PID FIELD: VmRSS or VmHWM of PID in kB (0 when gone)
rss_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# measure BIN: prints "peak_kB idle_kB seconds status" for one upload + import
# with BIN serving a fresh database
measure() {
  local bin=$1 db=$dir/upload.db port jar=$dir/cookies-upload pw
  rm -f "$db" "$db-wal" "$db-shm"
  pw=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)
  "$bin" migrate --db "sqlite:$db" >/dev/null 2>&1
  "$bin" org add --slug up --name "Upload B.V." --locale en --db "sqlite:$db" >/dev/null
  printf '%s\n' "$pw" | "$bin" user add --org up --email admin@up.example --name "Upload admin" \
    --role admin --password-stdin --db "sqlite:$db" >/dev/null
  port=$(bench_free_port 18900 18949) || { echo "0 0 0 no-port"; return; }
  SALESGARDEN_DB=sqlite:$db "$bin" serve --quiet --listen "127.0.0.1:$port" >"$dir/serve-upload.log" 2>&1 &
  local pid=$!
  bench_pids+=("$pid")
  bench_at=http://127.0.0.1:$port
  for _ in $(seq 100); do curl -s -o /dev/null "$bench_at/login" && break; sleep 0.1; done
  [ "$(bench_sign_in "$jar" admin@up.example "$pw")" = 303 ] || { kill "$pid"; echo "0 0 0 sign-in"; return; }
  local csrf idle peak=0 t0 t1 st=failed up=0
  csrf=$(curl -s -b "$jar" "$bench_at/import" | grep -o 'name="csrf_token"[^>]*value="[^"]*"' |
    sed 's/.*value="//; s/"$//' | head -n 1)
  idle=$(rss_kb "$pid" VmRSS)
  # the sign-in's password hash (Argon2id, 64 MiB) is no part of the upload:
  # the kernel's peak is reset after it ("5" to clear_refs); where it cannot
  # be, only the samples count
  local hwm_ok=1
  echo 5 2>/dev/null >"/proc/$pid/clear_refs" || hwm_ok=0
  # the sampler: the largest VmRSS seen, into a file when it is stopped
  (
    p=0
    trap 'echo $p >"$dir/upload-peak"; exit 0' TERM
    while [ -d "/proc/$pid" ]; do
      v=$(rss_kb "$pid" VmRSS); [ "${v:-0}" -gt "$p" ] && p=$v
      sleep 0.05
    done
    echo $p >"$dir/upload-peak"
  ) &
  local sampler=$!
  t0=$(date +%s%N)
  local loc id job
  loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -F "csrf_token=$csrf" -F kind=deals -F preset=auto \
    -F "file=@$csv;type=text/csv" "$bench_at/import")
  id=${loc##*/import/}
  if [[ "$id" =~ ^[0-9]+$ ]]; then
    curl -s -o /dev/null -b "$jar" "$bench_at/import/$id"
    up=$(rss_kb "$pid" VmHWM)	# the peak of the upload and its preview
    [ $hwm_ok = 1 ] || up=0
    loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" --data-urlencode "csrf_token=$csrf" \
      "$bench_at/import/$id/run")
    job=${loc##*/imports/}
    if [[ "$job" =~ ^[0-9]+$ ]]; then
      for _ in $(seq 6000); do
        st=$(curl -s -b "$jar" "$bench_at/api/v1/imports/$job" | grep -o '"status": *"[a-z]*"' | grep -o '[a-z]*"$' | tr -d '"')
        [ "$st" = running ] || break
        sleep 0.2
      done
    else
      st="run-refused"
    fi
  else
    st="upload-refused"
  fi
  t1=$(date +%s%N)
  local hwm
  hwm=$(rss_kb "$pid" VmHWM)
  kill -TERM "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  peak=$(cat "$dir/upload-peak" 2>/dev/null || echo 0)
  [ $hwm_ok = 1 ] && [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$peak $idle $up $(((t1 - t0) / 1000000000)) $st"
}

echo
echo "== upload: a $((size / 1000000)) MB deals CSV ($rows rows) through the import page, then imported (SQLite)"
printf '%-34s %10s %10s %12s %8s  %s\n' binary "peak RSS" "idle RSS" "upload peak" seconds status
declare -A peak
for which in before ours; do
  if [ $which = before ]; then bin=${BENCH_SG_BEFORE:-}; else bin=$sg; fi
  [ -n "$bin" ] || continue
  [ -x "$bin" ] || { echo "bench-upload: $bin is missing"; continue; }
  read -r p i u s st < <(measure "$bin")
  peak[$which]=$p
  printf '%-34s %7d MB %7d MB %9d MB %8s  %s\n' "$bin ($which)" $((p / 1024)) $((i / 1024)) $((u / 1024)) "$s" "$st"
done
p=${peak[ours]:-0}
if [ "$p" -gt 0 ]; then
  pm=$((p / 1024)) fm=$((size / 1048576))
  met=no
  [ "$pm" -le 64 ] && met=yes
  ratio=$(awk -v a="$p" -v b="$((size / 1024))" 'BEGIN { printf "%.2f×", a / b }')
  mkdir -p "$(dirname "$SUMMARY")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "server peak RSS, $mb MB upload + import (page)" "$pm MiB" \
    "the file: $fm MiB" "$ratio" "≤ 64 MB" "$met" >>"$SUMMARY"
fi
exit 0
