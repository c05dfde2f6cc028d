#!/usr/bin/env bash
# pg.sh: a throwaway PostgreSQL server on loopback, for the tests.
#
#   scripts/pg.sh start DIR PORT   create DIR/data if needed, start the server;
#                                  prints postgresql://postgres@127.0.0.1:PORT
#   scripts/pg.sh stop DIR         stop it (quietly does nothing if it is not running)
#
# Uses the highest PostgreSQL under /usr/lib/postgresql/*/bin and installs
# nothing (scripts/install-deps.sh does). Authentication is "trust" and the
# server only listens on 127.0.0.1 and on a socket inside DIR, so it is fit
# for tests and nothing else. PostgreSQL refuses to run as root: as root, DIR
# is handed to the user postgres and the server runs as that user. fsync and
# friends are off for speed; a crash loses the data, which is fine here.
# Starting again on the same DIR reuses the data (the tests stop and start a
# server to see the application recover).
set -euo pipefail

die() { echo "pg.sh: $*" >&2; exit 1; }
usage() { echo "usage: scripts/pg.sh start DIR PORT | stop DIR" >&2; exit 2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bindir" ] && [ -x "$bindir/pg_ctl" ] && [ -x "$bindir/initdb" ] \
  || die "no PostgreSQL server under /usr/lib/postgresql/*/bin (run scripts/install-deps.sh)"

# runs a command as the user that owns the server
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

[ $# -ge 2 ] || usage
cmd=$1
dir=$2
case $dir in /*) ;; *) dir="$PWD/$dir" ;; esac
data="$dir/data"
log="$dir/postgres.log"

case $cmd in
start)
  [ $# -eq 3 ] || usage
  port=$3
  [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "bad port '$port'"
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "there is no user 'postgres' to run the server as"
    chown postgres: "$dir"
    chmod 700 "$dir"
    runuser -u postgres -- test -x "$dir" \
      || die "user postgres cannot reach $dir: put it under a directory everyone may enter, e.g. /tmp"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_pg "$bindir/initdb" -D "$data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  # -w waits until the server accepts connections
  if ! as_pg "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' \
          -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
          -c max_connections=300 -c shared_buffers=32MB" start >/dev/null 2>&1; then
    tail -n 20 "$log" >&2 2>/dev/null || true
    die "the server did not start (log: $log)"
  fi
  echo "postgresql://postgres@127.0.0.1:$port"
  ;;
stop)
  [ $# -eq 2 ] || usage
  [ -f "$data/postmaster.pid" ] || exit 0
  as_pg "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 \
    || { tail -n 20 "$log" >&2 2>/dev/null || true; die "the server did not stop (log: $log)"; }
  ;;
*)
  usage
  ;;
esac
