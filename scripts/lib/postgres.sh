# shellcheck shell=bash
# A throwaway PostgreSQL server on loopback, for the Swift tests.
# Needs common.sh. Usage:
#   start_test_postgres   # sets PG_TMPDIR, PG_PORT, SAFER_TEST_POSTGRES_URL; registers cleanup
#   stop_test_postgres    # also run by the EXIT trap

PG_TMPDIR=""
PG_PORT=""
PG_BIN=""

pg_bin_dir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
    printf '%s\n' "$d"
  fi
}

# Run a PostgreSQL program as the right user: PostgreSQL refuses to run as root.
_pg_as() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_test_postgres() {
  PG_BIN=$(pg_bin_dir)
  [ -n "$PG_BIN" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
  if is_root && ! id postgres >/dev/null 2>&1; then
    die "the 'postgres' system user is missing (reinstall the postgresql package)"
  fi
  PG_TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/safer-pg.XXXXXX")
  add_cleanup stop_test_postgres
  chmod 700 "$PG_TMPDIR"
  if is_root; then chown postgres:postgres "$PG_TMPDIR"; fi
  PG_PORT=$(free_port "${SAFER_TEST_PG_PORT:-55432}")

  say "starting PostgreSQL ($(basename "$(dirname "$PG_BIN")")) on 127.0.0.1:$PG_PORT in $PG_TMPDIR"
  if ! _pg_as "$PG_BIN/initdb" -D "$PG_TMPDIR/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >"$PG_TMPDIR/initdb.log" 2>&1; then
    cat "$PG_TMPDIR/initdb.log" >&2
    die "initdb failed"
  fi
  # Durability is worthless for a throwaway test server: trade it for speed.
  if ! _pg_as "$PG_BIN/pg_ctl" -D "$PG_TMPDIR/data" -l "$PG_TMPDIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_TMPDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
    cat "$PG_TMPDIR/server.log" >&2 || true
    die "PostgreSQL did not start"
  fi
  _pg_as "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_TMPDIR" -p "$PG_PORT" -U postgres -d postgres \
    -c "CREATE ROLE safer LOGIN CREATEDB PASSWORD 'safer'" \
    -c "CREATE DATABASE safer_test OWNER safer" >/dev/null \
    || die "could not create the role and database in the test PostgreSQL"
  export SAFER_TEST_POSTGRES_URL="postgres://safer:safer@127.0.0.1:${PG_PORT}/safer_test?tlsmode=disable"
  say "PostgreSQL ready: $SAFER_TEST_POSTGRES_URL"
}

stop_test_postgres() {
  [ -n "$PG_TMPDIR" ] || return 0
  if [ -f "$PG_TMPDIR/data/postmaster.pid" ]; then
    _pg_as "$PG_BIN/pg_ctl" -D "$PG_TMPDIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || _pg_as "$PG_BIN/pg_ctl" -D "$PG_TMPDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_TMPDIR"
  PG_TMPDIR=""
}
