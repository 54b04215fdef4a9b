# Throwaway PostgreSQL for tests (sourced by test.sh and .ci/run).
#   pg_start DIR PORT [OPTIONS]   initialises and starts a cluster in DIR on 127.0.0.1:PORT (trust auth, user jishi),
#                       with fsync off unless OPTIONS say otherwise (e.g. "-c fsync=on" for durable benchmarks)
#   pg_stop DIR         stops it by the postmaster's PID
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

pg_start() {
  local dir=$1 port=$2 extra=${3:-}
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL binaries not found (expected /usr/lib/postgresql/<version>/bin)" >&2
    return 1
  fi
  rm -rf "$dir"
  install -d "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    local run="runuser -u postgres --"
  else
    local run=""
  fi
  $run "$PGBIN/initdb" -D "$dir/data" -U jishi --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  $run "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 $extra" -w start >/dev/null \
    || { cat "$dir/log" >&2; return 1; }
}

pg_stop() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    local pid
    pid=$(head -1 "$dir/data/postmaster.pid")
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
}
