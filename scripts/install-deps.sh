#!/usr/bin/env bash
# Installs what Salesgarden needs to build, run and test, if it is missing:
# Debian packages with apt-get and the pinned npm packages with npm ci.
# Quick when everything is there already; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(
  build-essential pkg-config gettext sqlite3 curl unzip
  libmicrohttpd-dev libsqlite3-dev libpq-dev libjansson-dev libsodium-dev
  libcsv-dev libxlsxwriter-dev libcmark-dev check
  postgresql postgresql-client
  clang libclang-rt-14-dev
  chromium nodejs npm
)
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
if [ ! -f node_modules/chart.js/dist/chart.umd.js ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
