#!/usr/bin/env bash
# Bounded HTTP load test on loopback: the trivial endpoint (/healthz) and the lookup by coordinates
# (/v1/lookup?lat=..&lon=.. at random GeoNames postal-code points), back to back in one run, with wrk.
#
#   tests/NetworkDirectory.Benchmarks/load/run-load.sh
#
# Settings (environment): DURATION=20s per measured run, WARMUP=5s per endpoint (not reported),
# CONNECTIONS=32, THREADS=2, PORT=5199, SKIP_BUILD=1 to reuse the Release build, KEEP_TMP=1 to keep
# the temp folder (database, server log, wrk output), DB=path to use an already prepared database,
# REGIONKEY=09162 to add a third run of /v1/lookup?regionKey=… (the same answer without the point
# location: shows how much of a lookup's cost is the locate and how much the answer).
# Exit: 0 done, 1 failed, 2 wrk or the reference data (../shared/data) missing.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "$HERE/common.sh"

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-5199}

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    echo "== installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    echo "wrk is not installed. Install it with: sudo apt-get install -y wrk" >&2
    exit 2
  fi
fi
require_shared_data

TMP=$(mktemp -d "${TMPDIR:-/tmp}/nd-load.XXXXXX")
SERVER_PID=
cleanup() {
  stop_server
  if [[ "${KEEP_TMP:-0}" == "1" ]]; then echo "== kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_api
if [[ -n "${DB:-}" ]]; then
  echo "== using the prepared database $DB"
else
  DB="$TMP/nd.db"
  prepare_db "$DB"
fi

# One "lat lon" per line. latitude and longitude are the last two columns (a quoted place name may hold commas).
awk -F, 'NR > 1 && $(NF-1) != "" { print $(NF-1), $NF }' "$POSTAL_CSV" >"$TMP/points.txt"
echo "== $(wc -l <"$TMP/points.txt") postal-code points in $TMP/points.txt"

start_server "$DB" "$PORT" "$TMP/server.log"
wait_ready "$PORT" 120 || { tail -20 "$TMP/server.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
echo "== server pid $SERVER_PID ready on $BASE; after start: $(rss_of "$SERVER_PID")"

# Status codes of a sample of lookups (separately from wrk: a response() callback in wrk would slow it).
echo "== status codes of 300 random lookups:" \
  "$(shuf -n 300 "$TMP/points.txt" | while read -r lat lon; do curl -s -o /dev/null -w '%{http_code}\n' "$BASE/v1/lookup?lat=$lat&lon=$lon"; done | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')"
read -r sample_lat sample_lon < <(head -1 "$TMP/points.txt")
echo "== one lookup response: $(curl -s "$BASE/v1/lookup?lat=$sample_lat&lon=$sample_lon" | wc -c) bytes; /healthz: $(curl -s "$BASE/healthz" | wc -c) bytes"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
TICKS=$(getconf CLK_TCK)

# wrk_run NAME DURATION PATH: /healthz as is; /v1/lookup through lookup.lua with the points file.
wrk_run() {
  local name=$1 duration=$2 path=$3
  if [[ $path == /v1/lookup ]]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s --latency -s "$HERE/lookup.lua" "$BASE" -- "$TMP/points.txt" >"$TMP/$name.txt"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s --latency "$BASE$path" >"$TMP/$name.txt"
  fi
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
field() { awk "$2" "$TMP/$1.txt"; }

echo "== warm-up: $WARMUP per endpoint ($CONNECTIONS connections, $THREADS threads; not reported)"
wrk_run warm-trivial "$WARMUP" /healthz
wrk_run warm-lookup "$WARMUP" /v1/lookup

echo "== measuring: $DURATION /healthz, then $DURATION /v1/lookup, back to back"
c0=$(cpu_ticks)
wrk_run trivial "$DURATION" /healthz
c1=$(cpu_ticks)
wrk_run lookup "$DURATION" /v1/lookup
c2=$(cpu_ticks)
names="trivial lookup"
if [[ -n "${REGIONKEY:-}" ]]; then
  echo "== and $DURATION /v1/lookup?regionKey=$REGIONKEY"
  wrk_run regionkey "$DURATION" "/v1/lookup?regionKey=$REGIONKEY"
  names="$names regionkey"
fi
c3=$(cpu_ticks)
RSS_AFTER=$(rss_of "$SERVER_PID")

echo
printf '%-10s %12s %10s %9s %9s %9s %9s %14s %s\n' endpoint requests req/s p50_ms p90_ms p99_ms non2xx server_cpu_ms/1k socket_errors
for name in $names; do
  requests=$(field "$name" '/requests in/ { print $1 }')
  rps=$(field "$name" '/^Requests\/sec:/ { print $2 }')
  p50=$(to_ms "$(field "$name" '$1 == "50%" { print $2 }')")
  p90=$(to_ms "$(field "$name" '$1 == "90%" { print $2 }')")
  p99=$(to_ms "$(field "$name" '$1 == "99%" { print $2 }')")
  non2xx=$(field "$name" '/Non-2xx/ { print $NF }'); non2xx=${non2xx:-0}
  errors=$(field "$name" '/Socket errors/ { sub(/^ *Socket errors: */, ""); print }'); errors=${errors:-none}
  case $name in trivial) ticks=$((c1 - c0)) ;; lookup) ticks=$((c2 - c1)) ;; *) ticks=$((c3 - c2)) ;; esac
  cpu=$(awk -v t="$ticks" -v hz="$TICKS" -v r="$requests" 'BEGIN { printf "%.1f", (r > 0) ? (t * 1000 / hz / r * 1000) : 0 }')
  printf '%-10s %12s %10s %9s %9s %9s %9s %14s %s\n' "$name" "$requests" "$rps" "$p50" "$p90" "$p99" "$non2xx" "$cpu" "$errors"
  declare "RPS_${name}=$rps"
done
echo
awk -v l="$RPS_lookup" -v t="$RPS_trivial" 'BEGIN { printf "ratio lookup/trivial: %.3f (%.1f %%)\n", l / t, 100 * l / t }'
echo "server after the runs: $RSS_AFTER"
echo "command: DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS THREADS=$THREADS${REGIONKEY:+ REGIONKEY=$REGIONKEY} $0; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
echo "(server_cpu_ms/1k: CPU time of the server process, user+system, per 1000 requests; wrk runs on the same cores.)"
