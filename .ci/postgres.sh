# A throwaway PostgreSQL cluster on loopback for the test suite; sourced by .ci/run.
#   pg_test_start   installs PostgreSQL (Debian package) if missing, starts a fresh cluster on
#                   127.0.0.1, creates the test database and exports GHATNAKRAM_TEST_PG
#   pg_test_stop    stops the cluster and removes its files
# The cluster lives in a temp dir with trust authentication on loopback only: it never
# touches a system cluster, and nothing outside this machine can reach it.

pg_test_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_test_run() {  # initdb and pg_ctl refuse to run as root: run them as the postgres user then
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_test_start() {
    if [ -z "$(pg_test_bin)" ]; then
        if [ "$(id -u)" != 0 ]; then
            echo "postgres: not installed and not root; install the Debian package postgresql" >&2
            return 1
        fi
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
    fi
    local bin port
    bin="$(pg_test_bin)"
    port="${GHATNAKRAM_TEST_PG_PORT:-54329}"
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done  # taken: next one
    PG_TEST_DIR="$(mktemp -d)"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_TEST_DIR"
    pg_test_run "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
    pg_test_run "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off" start > /dev/null
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ghatnakram_test
    export GHATNAKRAM_TEST_PG="postgresql://postgres@127.0.0.1:$port/ghatnakram_test"
    echo "postgres: test cluster on 127.0.0.1:$port ($PG_TEST_DIR)"
}

pg_test_stop() {
    [ -n "${PG_TEST_DIR:-}" ] || return 0
    pg_test_run "$(pg_test_bin)/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop > /dev/null || true
    rm -rf "$PG_TEST_DIR"
    PG_TEST_DIR=""
}
