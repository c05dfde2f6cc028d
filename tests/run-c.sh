#!/usr/bin/env bash
# run-c.sh: builds and runs the C side of the test suite under AddressSanitizer
# and UBSan — every unit test program, the store tests on SQLite (and on
# PostgreSQL when SG_PG_URL_BASE is set, e.g. postgresql://postgres@127.0.0.1:54329),
# and each libFuzzer harness for a short run over its corpus plus a replay of
# its regressions.
#
# Prints one line per suite, "suite NAME: P passed, F failed", for the caller
# to sum; details of failures go above it, full logs to build/asan/test-logs/.
# Exits 0 even when tests fail.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0

B=build/asan
LOGS=$B/test-logs
FUZZ_SECONDS=${SG_FUZZ_SECONDS:-8}
mkdir -p "$LOGS"

export CK_FORK=no
# ours come last, so they win over whatever the caller set for the server
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:halt_on_error=1"

suite() { echo "suite $1: $2 passed, $3 failed"; }

# shows the interesting part of a failed run's log; with "checks" as second
# argument, leak reports are left out: a failed check leaves its test early,
# before it frees what it made (they show again once the check passes)
show() {
  local log=$1 pat=':[FE]:|ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: |^test-store: |deadly signal|==ERROR'
  {
    if [ "${2:-}" = checks ]; then
      grep -E ':[FE]:|ERROR: AddressSanitizer|runtime error:|^test-store: ' "$log" | head -n 25
    else
      grep -E "$pat" "$log" | head -n 25
    fi
    echo "    (full log: $log)"
  } | sed 's/^/    /'
}

# --- build -----------------------------------------------------------------
build_log=$LOGS/build.log
if ! make -s -k -j"$(nproc)" FLAVOUR=asan unit-tests store-tests fuzz-tests >"$build_log" 2>&1; then
  echo "run-c: the build failed in part:"
  grep -E 'error|Error' "$build_log" | head -n 20 | sed 's/^/    /'
fi
# a program is usable when make has nothing left to do for it (a failed
# build must not leave an old binary to be run)
built() { make -s -q FLAVOUR=asan "$1" >/dev/null 2>&1; }

# --- Check programs ----------------------------------------------------------
# runs a Check program; env assignments may precede the binary
run_check() {
  local name=$1 bin=$2; shift 2
  local log=$LOGS/${name//\//-}.log
  if [ ! -x "$bin" ] || ! built "$bin"; then
    echo "    $bin did not build (see $build_log)"
    suite "$name" 0 1
    return
  fi
  env "$@" "$bin" >"$log" 2>&1
  local rc=$?
  local line
  line=$(grep -Eo 'Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "    $name: no summary (exit status $rc)"
    show "$log"
    suite "$name" 0 1
    return
  fi
  local n f e
  read -r n f e < <(echo "$line" | sed -E 's/Checks: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+)/\1 \2 \3/')
  local pass=$((n - f - e)) fail=$((f + e))
  if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
    # the tests passed but the program did not exit cleanly: a leak or a
    # sanitizer report after the last test
    echo "    $name: all checks passed but the program exited with status $rc"
    fail=1
  fi
  if [ "$fail" -gt 0 ] && [ "$((f + e))" -gt 0 ]; then
    show "$log" checks
  elif [ "$fail" -gt 0 ]; then
    show "$log"
  fi
  suite "$name" "$pass" "$fail"
}

for src in tests/unit/test-*.c; do
  [ -e "$src" ] || continue
  t=$(basename "$src" .c)
  run_check "unit/${t#test-}" "$B/tests/$t"
done

# --- store tests ---------------------------------------------------------------
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# one program per tests/store/test-store*.c: "store/DB" for test-store,
# "store-NAME/DB" for test-store-NAME
# test-store first: it expects a fresh database (the others make their own
# organisations and share it on PostgreSQL)
store_progs=(test-store)
for src in tests/store/test-store-*.c; do
  [ -e "$src" ] && store_progs+=("$(basename "$src" .c)")
done
store_name() { local t=${1#test-}; echo "$t"; }
for t in "${store_progs[@]}"; do
  run_check "$(store_name "$t")/sqlite" "$B/tests/$t" "SG_TEST_DB=sqlite:$tmp/$t.db"
done

if [ -n "${SG_PG_URL_BASE:-}" ]; then
  dbname="sg_ctest_$$_${RANDOM}"
  base=${SG_PG_URL_BASE%/}
  if psql "$base/postgres" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $dbname" >"$LOGS/store-pg-create.log" 2>&1; then
    # the other programs make their own organisations: the same database will do
    for t in "${store_progs[@]}"; do
      run_check "$(store_name "$t")/postgresql" "$B/tests/$t" "SG_TEST_DB=$base/$dbname"
    done
    psql "$base/postgres" -qc "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null 2>&1 ||
      echo "    could not drop the test database $dbname"
  else
    echo "    could not create a PostgreSQL database at $base:"
    sed 's/^/    /' "$LOGS/store-pg-create.log" | head -n 5
    suite store/postgresql 0 1
  fi
fi

# --- fuzzers ---------------------------------------------------------------------
for src in tests/fuzz/fuzz-*.c; do
  [ -e "$src" ] || continue
  f=$(basename "$src" .c)
  name=${f#fuzz-}
  bin=build/fuzz/$f
  log=$LOGS/fuzz-$name.log
  if [ ! -x "$bin" ] || ! built "$bin"; then
    echo "    $bin did not build (see $build_log)"
    suite "fuzz/$name" 0 1
    continue
  fi
  ok=1
  # replay every past crash first: each file runs once
  reg=tests/fuzz/regressions/$name
  if [ -d "$reg" ] && [ -n "$(ls -A "$reg" 2>/dev/null)" ]; then
    if ! "$bin" -rss_limit_mb=2048 "$reg"/* >"$log.replay" 2>&1; then
      echo "    fuzz/$name: a regression input fails again"
      show "$log.replay"
      ok=0
    fi
  fi
  # new inputs go to a scratch corpus, not into the seeds in the repository;
  # a crash is kept in build/fuzz/artifacts/ to become a regression test
  mkdir -p "$tmp/corpus-$name" build/fuzz/artifacts
  if ! "$bin" -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout=10 -print_final_stats=0 \
      -artifact_prefix="build/fuzz/artifacts/$name-" "$tmp/corpus-$name" "tests/fuzz/corpus/$name" \
      >"$log" 2>&1; then
    echo "    fuzz/$name: the fuzzer found a failure"
    show "$log"
    grep -E 'Test unit written to' "$log" | sed 's/^/    /'
    ok=0
  fi
  if [ $ok -eq 1 ]; then suite "fuzz/$name" 1 0; else suite "fuzz/$name" 0 1; fi
done
exit 0
