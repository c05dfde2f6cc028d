#!/usr/bin/env bash
# fresh-make.sh: the README's two commands must work the first time on a
# machine that has none of the libraries yet. The trap: the Makefile reads
# the compiler flags from pkg-config when make reads it, which on a fresh
# machine is before `deps` has installed anything. So run, test and bench
# must build in a make started after deps.
#
# This checks it with a stand-in machine: a pkg-config on PATH that knows no
# package until a stand-in deps script has "installed" them (made a marker
# file), and a build folder of its own so that every compile is printed by a
# dry run (`make -n`; deps runs even then, it is marked '+'). Every compiler
# line of `make -n run|test|bench` must carry the flags the stand-in
# pkg-config gives once deps has run. Prints "suite build: P passed, F failed".
set -uo pipefail
cd "$(dirname "$0")/../.."

tmp=$(mktemp -d /tmp/sg-fresh-make.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
cat >"$tmp/bin/pkg-config" <<EOS
#!/bin/sh
# knows every package once the stand-in deps has run, none before
[ -e "$tmp/installed" ] || exit 1
case "\$1" in --cflags) echo "-DSG_DEPS_WERE_INSTALLED" ;; *) echo "" ;; esac
EOS
cat >"$tmp/deps.sh" <<EOS
#!/bin/sh
touch "$tmp/installed"
EOS
chmod +x "$tmp/bin/pkg-config" "$tmp/deps.sh"

pass=0 fail=0
for goal in run test bench; do
  rm -f "$tmp/installed"
  out=$(PATH="$tmp/bin:$PATH" make -n --no-print-directory "$goal" DEPS_SCRIPT="$tmp/deps.sh" \
          B="$tmp/build" 2>&1)
  compiles=$(printf '%s\n' "$out" | grep -E '^(cc|gcc|clang) .* -c ' || true)
  n=0 bad=0
  if [ -n "$compiles" ]; then
    n=$(printf '%s\n' "$compiles" | wc -l)
    bad=$(printf '%s\n' "$compiles" | grep -vc -- '-DSG_DEPS_WERE_INSTALLED' || true)
  fi
  if [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "  FAIL: make $goal: $bad of $n compiles lack the flags pkg-config gives after deps"
    printf '%s\n' "$out" | head -n 5 | sed 's/^/    /'
  fi
done
echo "suite build: $pass passed, $fail failed"
