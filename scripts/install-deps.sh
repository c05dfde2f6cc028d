#!/usr/bin/env bash
# Installs what Salesgarden needs, if it is missing: Debian packages with
# apt-get and the pinned npm packages with npm ci. Quick when everything is
# there already; safe to run again.
#
#   install-deps.sh          what building and running need (make run)
#   install-deps.sh --test   and what the tests and benchmarks need besides
#                            (make test, make bench): a PostgreSQL server,
#                            Chromium, clang and its sanitizer runtime,
#                            wrk and nginx-light (the HTTP bench)
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(
  build-essential pkg-config gettext sqlite3 curl
  libmicrohttpd-dev libsqlite3-dev libpq-dev libjansson-dev libsodium-dev
  libcsv-dev libxlsxwriter-dev libcmark-dev libcurl4-openssl-dev
  nodejs npm
)
if [ "${1:-}" = --test ]; then
  debs+=(check unzip postgresql postgresql-client clang libclang-rt-14-dev chromium
        groff-base systemd)
  # make bench: the HTTP load generator and its anchor, a static file server
  debs+=(wrk nginx-light)
fi
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# nodejs/npm may come from elsewhere than Debian; a working node and npm will do
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# npm: Chart.js is built into the binary; playwright-core (a dev dependency)
# only drives Chromium in the browser tests
if [ "${1:-}" = --test ]; then
  if [ ! -f node_modules/chart.js/dist/chart.umd.js ] || [ ! -d node_modules/playwright-core ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
elif [ ! -f node_modules/chart.js/dist/chart.umd.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --omit=dev --no-audit --no-fund --loglevel=error
fi
