#!/usr/bin/env bash
# Runs every test of Jishi: domain, application (on SQLite and on PostgreSQL) and web (HTTP contract).
# Starts a throwaway PostgreSQL unless JISHI_TEST_POSTGRES already names one. Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/pg.sh

results=${JISHI_TEST_RESULTS:-$PWD/artifacts/test-results}
rm -rf "$results"
mkdir -p "$results"

started_pg=""
if [ -z "${JISHI_TEST_POSTGRES:-}" ]; then
  pgdir=$(mktemp -d /tmp/jishi-test-pg.XXXXXX)
  port=$((56000 + RANDOM % 2000))
  if pg_start "$pgdir" "$port"; then
    export JISHI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=jishi;Database=postgres"
    started_pg=$pgdir
  else
    echo "warning: could not start PostgreSQL; the PostgreSQL tests will fail" >&2
  fi
fi
cleanup() { [ -n "$started_pg" ] && pg_stop "$started_pg" && rm -rf "$started_pg"; }
trap cleanup EXIT

dotnet build Jishi.slnx -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  dotnet test "$proj" --no-build -nologo -v quiet --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" \
    || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$failed" -gt 0 ]; then
  # What failed and why, from the result files (the console output of dotnet test is quiet).
  command -v python3 >/dev/null && python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        msg = r.findtext(".//t:Message", "", ns).strip()
        trace = r.findtext(".//t:StackTrace", "", ns).strip().splitlines()[:8]
        print("FAILED " + r.get("testName"))
        print("  " + msg[:3000].replace("\n", "\n  "))
        for line in trace:
            print("  " + line)
PY
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "no tests ran" >&2; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
