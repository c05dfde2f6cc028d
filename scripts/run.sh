#!/usr/bin/env bash
# make run: serves Salesgarden on this machine. The first time, it creates the
# SQLite database with the demo organisation and keeps the logins it prints in
# .demo-logins (readable by you only, git-ignored), to show them on every start.
# SALESGARDEN_DB and SALESGARDEN_LISTEN choose another database or address.
set -euo pipefail
cd "$(dirname "$0")/.."

db="${SALESGARDEN_DB:-sqlite:salesgarden.db}"
listen="${SALESGARDEN_LISTEN:-127.0.0.1:8080}"
logins=.demo-logins

if [[ $db == sqlite:* && ! -e ${db#sqlite:} ]]; then
  echo "Creating $db with the demo organisation (a few seconds: passwords are hashed)..."
  tmp=$(mktemp)   # mode 600 from the start
  if ! ./salesgarden demo --db "$db" >"$tmp"; then
    # leave no half-made database behind, so the next run tries again
    rm -f "$tmp" "${db#sqlite:}" "${db#sqlite:}-wal" "${db#sqlite:}-shm"
    exit 1
  fi
  chmod 600 "$tmp" && mv "$tmp" "$logins"
fi

echo
echo "Salesgarden: http://$listen/"
echo
if [[ -e $logins ]]; then
  cat "$logins"
else
  echo "The demo logins were printed when the database was created."
  if [[ $db == sqlite:* ]]; then
    echo "To start over with a new demo organisation: rm ${db#sqlite:} and make run again."
  fi
fi
echo
exec ./salesgarden serve --db "$db" --listen "$listen"
