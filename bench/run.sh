#!/usr/bin/env bash
# The province-scale benchmarks in one command. Builds the bench and the server (Release), starts a throwaway
# PostgreSQL whose commits are durable (fsync on, synchronous_commit on), then for each size and engine generates the
# province and runs every benchmark (`Jishi.Bench province`): recording steps against a raw insert, alerts, the case
# list, wrk against the real server and its memory; then, per engine, the dues sheet of a committee of 5,000 members
# (`Jishi.Bench dues`). Prints the figures with their ratios to the raw engine.
#
#   bench/run.sh                          1,000,000 members, SQLite then PostgreSQL
#   bench/run.sh 100000 300000 1000000    several sizes
#   PROVIDERS=Sqlite bench/run.sh         one engine
#   BENCH_ARGS="--workers 8" bench/run.sh more options for `province` (see `Jishi.Bench --help`)
#   JISHI_BENCH_POSTGRES="Host=…;Username=…;Database=postgres" bench/run.sh   an existing server (administrator login)
#
# Needs wrk for the HTTP figures (installed with apt-get when run as root on Debian), and PostgreSQL 15+ binaries
# under /usr/lib/postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh

# wrk drives the HTTP figures; install it where it is missing and this is a Debian machine we may install on.
if ! command -v wrk >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "== apt-get install wrk" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
fi

[ $# -gt 0 ] || set -- 1000000
providers=${PROVIDERS:-Sqlite Postgres}
artifacts=${JISHI_BENCH_ARTIFACTS:-/tmp/jishi-bench}
log=${JISHI_BENCH_LOG:-/tmp/jishi-bench-$(date -u +%Y%m%dT%H%M%SZ).log}

dotnet build -c Release bench/Jishi.Bench --artifacts-path "$artifacts" -nologo -v quiet
bench="$artifacts/bin/Jishi.Bench/release/Jishi.Bench.dll"

started_pg=""
if [[ " $providers " == *" Postgres "* ]] && [ -z "${JISHI_BENCH_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d /tmp/jishi-bench-pg.XXXXXX)
  port=$((57000 + RANDOM % 2000))
  pg_start "$pgdir" "$port" "-c fsync=on -c synchronous_commit=on -c shared_buffers=512MB"
  export JISHI_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=jishi;Database=postgres"
  started_pg=$pgdir
fi
cleanup() { if [ -n "$started_pg" ]; then pg_stop "$started_pg"; rm -rf "$started_pg"; fi; }
trap cleanup EXIT

{
  echo "bench/run.sh $(date -u +%FT%TZ) on $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' (with local changes)')"
  for members in "$@"; do
    for provider in $providers; do
      echo
      echo "=================================================================== $members members, $provider"
      connection=()
      [ "$provider" = Postgres ] && connection=(--connection "$JISHI_BENCH_POSTGRES")
      # shellcheck disable=SC2086 # BENCH_ARGS is a list of options
      dotnet "$bench" province --members "$members" --provider "$provider" "${connection[@]}" ${BENCH_ARGS:-}
    done
  done
  for provider in $providers; do
    echo
    echo "=================================================================== dues sheet, 5,000 members, $provider"
    connection=()
    [ "$provider" = Postgres ] && connection=(--connection "$JISHI_BENCH_POSTGRES")
    dotnet "$bench" dues --provider "$provider" "${connection[@]}"
  done
} 2>&1 | tee "$log"
echo "figures kept in $log"
