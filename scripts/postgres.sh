#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test suite (and for trying the shared set-up).
#
#   scripts/postgres.sh install          install PostgreSQL (Debian package) when it is missing
#   scripts/postgres.sh start DIR        new cluster in DIR (must not exist), started; prints
#                                        the superuser's URL; DIR/env holds PGHOST, PGPORT, ...
#   scripts/postgres.sh restart DIR [immediate|fast]   restart it (default: immediate, i.e. a
#                                        crash: the server recovers from its WAL)
#   scripts/postgres.sh down DIR | up DIR   crash it (stop -m immediate) and keep it down;
#                                        start it again
#   scripts/postgres.sh stop DIR         stop it and delete DIR
#   scripts/postgres.sh run -- CMD ...   start one in a temporary folder, run CMD with
#                                        PROAPP_TEST_PG_DIR set, stop it whatever happens
#
# The server never runs as root (PostgreSQL refuses to): as root the script runs it as the
# system user "proapp-pgtest" (created without a home or a login shell when missing) through
# runuser; as anyone else it runs as that user. It listens on a unix socket in DIR/sock and
# on a free port of 127.0.0.1 only. Local (socket) connections are trusted, TCP ones need a
# password (scram-sha-256), so the application's password handling is exercised for real.
# fsync is off: this cluster is thrown away after the run, and an operating-system crash is
# not what the tests simulate (a server crash is: `restart DIR immediate`).
set -euo pipefail

PG_USER=proapp-pgtest

die() { echo "postgres.sh: $*" >&2; exit 1; }

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  return 1
}

install_pg() {
  if bindir >/dev/null && [ -x "$(bindir)/pg_dump" ]; then return 0; fi
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is missing and there is no apt-get; \
install PostgreSQL 15 or newer (server and client programs)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      die "PostgreSQL is missing; run: sudo apt-get install postgresql"
    fi
  fi
  echo "postgres.sh: installing PostgreSQL (Debian package postgresql)" >&2
  # The package would create and start a system-wide cluster; the tests need none.
  $sudo mkdir -p /etc/postgresql-common
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf \
      >/dev/null
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1 || {
    $sudo apt-get update -qq >/dev/null 2>&1
    $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1 ||
      die "could not install the Debian package postgresql"
  }
  bindir >/dev/null || die "PostgreSQL was installed but initdb is not found"
}

# Runs a command as the unprivileged server user.
as_server() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u "$PG_USER" -- "$@"); else "$@"; fi
}

server_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id "$PG_USER" >/dev/null 2>&1 ||
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
      "$PG_USER" || die "could not create the system user $PG_USER"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_pg() {
  local dir=$1 bin port
  [ -e "$dir" ] && die "$dir exists already"
  install_pg
  bin=$(bindir)
  server_user
  mkdir -p "$dir/sock"
  if [ "$(id -u)" -eq 0 ]; then chown -R "$PG_USER" "$dir"; fi
  chmod 700 "$dir"
  as_server "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  port=$(free_port)
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/sock'
fsync = off
full_page_writes = off
max_connections = 60
shared_buffers = 32MB
log_min_messages = warning
log_connections = off
EOF
  # The log lives outside the data folder (pg_ctl writes it as the server user).
  as_server touch "$dir/server.log"
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
    { tail -n 20 "$dir/server.log" >&2; die "the server did not start"; }
  cat >"$dir/env" <<EOF
PGHOST=$dir/sock
PGPORT=$port
PGUSER=postgres
PGBIN=$bin
EOF
  chmod 644 "$dir/env"
  echo "postgresql+psycopg://postgres@/postgres?host=$dir/sock&port=$port"
}

restart_pg() {
  local dir=$1 mode=${2:-immediate} bin
  bin=$(bindir)
  # An immediate stop is a crash: the next start replays the WAL.
  as_server "$bin/pg_ctl" -D "$dir/data" -m "$mode" -w stop >/dev/null 2>&1 || true
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
    { tail -n 20 "$dir/server.log" >&2; die "the server did not start again"; }
}

stop_pg() {
  local dir=$1 bin
  [ -d "$dir/data" ] || { rm -rf "$dir"; return 0; }
  bin=$(bindir)
  as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

cmd=${1:-}
case "$cmd" in
  install) install_pg ;;
  start) [ $# -eq 2 ] || die "usage: $0 start DIR"; start_pg "$2" ;;
  restart) [ $# -ge 2 ] || die "usage: $0 restart DIR [immediate|fast]"; restart_pg "$2" "${3:-}" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop_pg "$2" ;;
  down) [ $# -eq 2 ] || die "usage: $0 down DIR"
    as_server "$(bindir)/pg_ctl" -D "$2/data" -m immediate -w stop >/dev/null ;;
  up) [ $# -eq 2 ] || die "usage: $0 up DIR"
    as_server "$(bindir)/pg_ctl" -D "$2/data" -l "$2/server.log" -w -t 60 start >/dev/null ;;
  run)
    shift; [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || die "usage: $0 run -- COMMAND ..."
    # As root the server's user must reach the folder: /var/tmp, not a private TMPDIR.
    parent=${TMPDIR:-/tmp}; [ "$(id -u)" -eq 0 ] && [ -d /var/tmp ] && parent=/var/tmp
    dir=$(mktemp -u "$parent/proapp-pg.XXXXXX")
    trap 'stop_pg "$dir"' EXIT
    start_pg "$dir" >/dev/null
    PROAPP_TEST_PG_DIR=$dir "$@"
    ;;
  *) die "usage: $0 install | start DIR | restart DIR [immediate|fast] | down DIR | up DIR | stop DIR | run -- CMD" ;;
esac
