#!/usr/bin/env bash
# Start-to-ready: starts the Release build RUNS times (default 5) against a database that already
# holds VG1000 2024 Länder + Kreise, VG5000 2021 Gemeinden and the postal codes, and measures the wall
# time from launching the process to the first 200 from /readyz (polled every 10 ms), and VmRSS then.
#
#   tests/NetworkDirectory.Benchmarks/load/start-to-ready.sh [prepared.db]
#
# Without an argument it prepares a temp database once (not timed). RUNS=5, PORT=5198, SKIP_BUILD=1.
# Exit: 0 done, 1 failed, 2 reference data (../shared/data) missing.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "$HERE/common.sh"

RUNS=${RUNS:-5}
PORT=${PORT:-5198}
require_shared_data

TMP=$(mktemp -d "${TMPDIR:-/tmp}/nd-ready.XXXXXX")
SERVER_PID=
cleanup() { stop_server; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

build_api
if [[ $# -ge 1 ]]; then
  DB=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  [[ -f "$DB" ]] || { echo "No database at $DB" >&2; exit 1; }
  echo "== using the prepared database $DB"
else
  DB="$TMP/nd.db"
  prepare_db "$DB"
fi

times=()
for run in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  start_server "$DB" "$PORT" "$TMP/server-$run.log"
  wait_ready "$PORT" 120 || { tail -20 "$TMP/server-$run.log" >&2; exit 1; }
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  echo "run $run: start to ready ${ms} ms; at ready: $(rss_of "$SERVER_PID")"
  times+=("$ms")
  stop_server
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "median start to ready: ${median} ms over $RUNS runs ($(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ))"
