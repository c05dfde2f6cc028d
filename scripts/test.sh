#!/usr/bin/env bash
# test.sh: the whole test suite, as `make test` runs it once build/asan/salesgarden
# is built (AddressSanitizer + UBSan).
#
#   1. a throwaway PostgreSQL on loopback (scripts/pg.sh), for the store and
#      end-to-end tests; stopped on exit whatever happens
#   2. the C tests: tests/run-c.sh (unit, store, fuzz regressions), which prints
#      "suite NAME: P passed, F failed" lines; and tests/build/fresh-make.sh
#      (the README's commands build right on a machine with nothing installed)
#   3. the end-to-end tests (tests/e2e, node:test) twice: on SQLite, then on
#      PostgreSQL
#   4. the translations: each po/*.po complete (no untranslated or fuzzy
#      entries) and in step with po/salesgarden.pot, which must hold every
#      marked string of the sources
#
# Each suite prints its own line as it goes; the last line of the output is
# "N passed, N failed" (", N skipped" when some were skipped) over everything.
# Exits non-zero when anything failed. Server logs and the full TAP output go
# to build/test-logs/.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export SALESGARDEN_BIN="${SALESGARDEN_BIN:-$root/build/asan/salesgarden}"
logs="$root/build/test-logs"
rm -rf "$logs"
mkdir -p "$logs"
export SG_TEST_LOGS="$logs"
# sanitizer reports end up in the logs; any report fails the process that made it
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

passed=0 failed=0 skipped=0

# suite NAME P F [S]: prints the suite's line and adds it to the totals
suite() {
  local name=$1 p=$2 f=$3 s=${4:-0}
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  local line="suite $name: $p passed, $f failed"
  [ "$s" -gt 0 ] && line+=", $s skipped"
  echo "$line"
}

if [ ! -x "$SALESGARDEN_BIN" ]; then
  echo "error: $SALESGARDEN_BIN is missing; run 'make test' (or make FLAVOUR=asan build/asan/salesgarden)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- 1. PostgreSQL -----------------------------------------------------------
pgdir=$(mktemp -d /tmp/sg-test-pg.XXXXXX)
cleanup() {
  scripts/pg.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_base=""
for attempt in 1 2 3 4 5; do
  port=$((54329 + RANDOM % 2000))
  if pg_base=$(scripts/pg.sh start "$pgdir" "$port" 2>>"$logs/pg.sh.log"); then
    break
  fi
  pg_base=""
done
if [ -n "$pg_base" ]; then
  echo "postgresql: $pg_base (log: $pgdir/postgres.log)"
else
  echo "postgresql: could not start a server; see $logs/pg.sh.log" >&2
fi

# --- 2. the C tests ----------------------------------------------------------
if [ -x tests/run-c.sh ] || [ -f tests/run-c.sh ]; then
  c_out="$logs/run-c.log"
  SG_PG_URL_BASE="$pg_base" bash tests/run-c.sh 2>&1 | tee "$c_out"
  c_rc=${PIPESTATUS[0]}
  c_fail=0
  while read -r p f s; do
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + ${s:-0})); c_fail=$((c_fail + f))
  done < <(sed -nE 's/^suite [^:]+: ([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?.*/\1 \2 \4/p' "$c_out")
  if [ "$c_rc" -ne 0 ] && [ "$c_fail" -eq 0 ]; then
    echo "suite c: tests/run-c.sh exited $c_rc without reporting a failed test (see $c_out)"
    echo "  last lines:"; tail -n 15 "$c_out" | sed 's/^/    /'
    failed=$((failed + 1))
  fi
else
  echo "suite c: tests/run-c.sh does not exist yet; skipped"
fi

# --- the build: run, test and bench work on a machine with nothing installed
bline=$(bash tests/build/fresh-make.sh 2>&1 | tee "$logs/fresh-make.log" | tail -n 1)
if [[ $bline =~ ^suite\ build:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
  suite build "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
  [ "${BASH_REMATCH[2]}" -gt 0 ] && grep -E '^  FAIL' "$logs/fresh-make.log"
else
  suite build 0 1
  echo "  tests/build/fresh-make.sh gave no summary; see $logs/fresh-make.log"
fi

# --- installing: make install, the man page, the systemd unit
iline=$(bash tests/build/install.sh 2>&1 | tee "$logs/install.log" | tail -n 1)
if [[ $iline =~ ^suite\ install:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
  suite install "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
  [ "${BASH_REMATCH[2]}" -gt 0 ] && grep -E '^  FAIL' -A5 "$logs/install.log"
else
  suite install 0 1
  echo "  tests/build/install.sh gave no summary; see $logs/install.log"
fi

# --- 3. end-to-end -----------------------------------------------------------
# Node 20 or later runs the files two at a time with a time limit per test;
# an older node (Debian 12's is 18) lacks those options and uses its defaults
node_opts=(--test --test-reporter=tap)
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -ge 20 ]; then
  node_opts+=(--test-concurrency=2 --test-timeout=300000)
else
  echo "note: node $(node --version 2>/dev/null) is older than 20; the end-to-end tests are written for node 20"
fi
# failure_details TAP: what each failed test (TODOs aside) said, from its
# error to its stack (at most 14 lines each, 120 in all), so that a run whose
# log is not kept (CI) still shows why
failure_details() {
  awk '
    /^ *not ok [0-9]+ - / && !/# TODO/ { name = $0; sub(/^ *not ok [0-9]+ - /, "", name); want = 1; n = 0; next }
    want && /^ *(error|expected|actual|operator|code|failureType):/ { keep = 1 }
    want && /^ *(stack|location|duration_ms):/ { keep = 0 }
    want && /^ *\.\.\.$/ { want = 0; keep = 0; next }
    want && keep && n < 14 && total < 120 { if (n == 0) print "  why: " name; print "    " $0; n++; total++ }
  ' "$1"
}
# run_e2e NAME [PG_URL_BASE]
run_e2e() {
  # the TAP output is written to a private file first: another run in the same
  # tree that cleans build/test-logs must not take it away mid-run
  local name=$1 base=${2:-} rc
  local tap
  tap=$(mktemp "/tmp/sg-e2e-$1.XXXXXX.tap")
  if [ -n "$base" ]; then
    SG_PG_URL_BASE="$base" timeout 1800 node "${node_opts[@]}" tests/e2e/ >"$tap" 2>&1
  else
    env -u SG_PG_URL_BASE timeout 1800 node "${node_opts[@]}" tests/e2e/ >"$tap" 2>&1
  fi
  rc=$?
  mkdir -p "$logs"
  cp "$tap" "$logs/e2e-$name.tap" 2>/dev/null && { rm -f "$tap"; tap="$logs/e2e-$name.tap"; }
  local p f c s t
  p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$tap" | tail -n 1)
  f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$tap" | tail -n 1)
  c=$(sed -nE 's/^# cancelled ([0-9]+)$/\1/p' "$tap" | tail -n 1)
  s=$(sed -nE 's/^# skipped ([0-9]+)$/\1/p' "$tap" | tail -n 1)
  t=$(sed -nE 's/^# todo ([0-9]+)$/\1/p' "$tap" | tail -n 1)
  if [ -z "$p" ] || [ -z "$f" ]; then
    # cut short (124: the time limit): the tests that ended count, and the
    # run counts one failure more
    p=$(grep -E '^ *ok [0-9]+ - ' "$tap" | grep -vc '\.test\.mjs$')
    f=$(grep -E '^ *not ok [0-9]+ - ' "$tap" | grep -v '# TODO' | grep -vc '\.test\.mjs$')
    suite "e2e-$name" "$p" $((f + 1))
    echo "  no TAP summary (node exited $rc$([ "$rc" -eq 124 ] && echo ': over the time limit')); see $tap"
    failure_details "$tap"
    tail -n 15 "$tap" | sed 's/^/    /'
    return
  fi
  f=$((f + ${c:-0}))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    echo "  node exited $rc although no test failed; see $tap"
  fi
  suite "e2e-$name" "$p" "$f" $(( ${s:-0} + ${t:-0} ))
  # name the failures (top-level "not ok" lines, TODOs aside) and where to look
  grep -E '^(    )?not ok [0-9]+ - ' "$tap" | grep -v '# TODO' | sed -E 's/^ *not ok [0-9]+ - /  FAIL: /' | head -n 40
  [ "$f" -gt 0 ] && { failure_details "$tap"; echo "  details: $tap"; }
  return 0
}

run_e2e sqlite
if [ -n "$pg_base" ]; then
  run_e2e postgresql "$pg_base"
else
  suite e2e-postgresql 0 1
  echo "  PostgreSQL did not start; see $logs/pg.sh.log"
fi

# --- 4. translations ---------------------------------------------------------
pot=po/salesgarden.pot
tp=0 tf=0
shopt -s nullglob
pos=(po/*.po)
shopt -u nullglob
for po in "${pos[@]}"; do
  lang=$(basename "$po" .po)
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  rc=$?
  problem=""
  if [ "$rc" -ne 0 ]; then
    problem="msgfmt --check failed: $(echo "$stats" | grep -v 'header field' | head -n 5)"
  elif echo "$stats" | grep -qE 'untranslated|fuzzy'; then
    problem="incomplete: $(echo "$stats" | tail -n 1)"
  elif [ ! -f "$pot" ]; then
    problem="$pot does not exist (run 'make po-update')"
  elif ! cmp_out=$(msgcmp "$po" "$pot" 2>&1); then
    problem="not in step with $pot: $(echo "$cmp_out" | head -n 5)"
  fi
  if [ -z "$problem" ]; then
    tp=$((tp + 1))
  else
    tf=$((tf + 1))
    echo "  FAIL: $po: $problem"
  fi
done
# the template itself must hold every string the sources mark for translation
if [ -f "$pot" ]; then
  fresh=$(mktemp /tmp/sg-fresh.XXXXXX.pot)
  # the command 'make po-update' runs (it may span lines ending in "\")
  xgettext_cmd=$(make -s --no-print-directory -n po-update 2>/dev/null \
    | awk '/^xgettext /{on=1} on{print; if ($0 !~ /\\$/) exit}' | sed 's/\\$//' | tr '\n' ' ')
  if [ -z "$xgettext_cmd" ]; then
    tf=$((tf + 1)); echo "  FAIL: cannot find the xgettext command of 'make po-update'"
  elif ! eval "${xgettext_cmd/-o po\/salesgarden.pot/-o $fresh}" 2>"$logs/xgettext.log"; then
    tf=$((tf + 1)); echo "  FAIL: xgettext failed; see $logs/xgettext.log"
  elif ! cmp_out=$(msgcmp --use-untranslated "$pot" "$fresh" 2>&1); then
    tf=$((tf + 1))
    echo "  FAIL: $pot misses strings marked in the sources (run 'make po-update'):"
    echo "$cmp_out" | grep -E 'this message' | head -n 10 | sed 's/^/    /'
  else
    tp=$((tp + 1))
  fi
  rm -f "$fresh"
else
  tf=$((tf + 1))
  echo "  FAIL: $pot does not exist (run 'make po-update')"
fi
suite translations "$tp" "$tf"

# --- the total ---------------------------------------------------------------
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
