# Sourced by the benchmark scripts: a PostgreSQL database for one run, in $BENCH_CONNECTION (the bench creates it).
# With $NEWSROOM_BENCH_POSTGRES (a server connection string) that server is used; otherwise Debian's postgresql
# package is installed if missing and a throwaway server is started on port 55433 for the run.
bench_postgres_database() {
  local name="bench_$1_$$"
  if [ -z "${NEWSROOM_BENCH_POSTGRES:-}" ]; then
    source bench/debian.sh
    need_debian pg_ctlcluster postgresql
    local bin; bin=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin
    BENCH_PGDATA=$(mktemp -d /tmp/newsroom-bench-pg.XXXX); chown postgres "$BENCH_PGDATA"
    su postgres -c "$bin/initdb -D $BENCH_PGDATA -A trust -U postgres" >/dev/null
    su postgres -c "$bin/pg_ctl -D $BENCH_PGDATA -o '-p 55433 -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300' -l $BENCH_PGDATA/log start -w" >/dev/null
    trap "su postgres -c '$bin/pg_ctl -D $BENCH_PGDATA stop -m fast' >/dev/null 2>&1; rm -rf '$BENCH_PGDATA'" EXIT
    NEWSROOM_BENCH_POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Password=postgres"
  fi
  BENCH_CONNECTION="$NEWSROOM_BENCH_POSTGRES;Database=$name"
}
