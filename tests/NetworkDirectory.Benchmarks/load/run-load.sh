#!/usr/bin/env bash
# Bounded HTTP load test on loopback: the trivial endpoint (/healthz) and the lookup by coordinates
# (/v1/lookup?lat=..&lon=.. at random GeoNames postal-code points), back to back in one run, with wrk.
#
#   tests/NetworkDirectory.Benchmarks/load/run-load.sh
#
# Settings (environment): ROUNDS=3 rounds of one run of each endpoint (order alternating; the
# reported ratio is the median of the per-round ratios), DURATION=20s per measured run, WARMUP=5s
# per endpoint (not reported), CONNECTIONS=32, THREADS=2, PORT=5199, SKIP_BUILD=1 to reuse the
# Release build, KEEP_TMP=1 to keep the temp folder (database, server log, wrk output), DB=path to
# use an already prepared database, REGIONKEY=09162 to add a last run of /v1/lookup?regionKey=…
# (the same answer without the point location: shows how much of a lookup's cost is the locate).
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
ROUNDS=${ROUNDS:-3}

require_wrk
require_shared_data

make_tmp nd-load

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

# Rounds of one run of each endpoint, back to back; the order alternates between rounds, so a
# machine that gets slower or faster during the test does not favour one endpoint. The ratio is
# taken per round (the two runs of a round are seconds apart) and the median over the rounds is
# the figure to report.
echo "== measuring: $ROUNDS round(s) of $DURATION /healthz and $DURATION /v1/lookup (order alternates)"
printf '%-6s %-10s %12s %10s %9s %9s %9s %9s %14s %s\n' round endpoint requests req/s p50_ms p90_ms p99_ms non2xx server_cpu_ms/1k socket_errors
report() { # report ROUND NAME TICKS
  local round=$1 name=$2 ticks=$3 file="$1-$2"
  local requests rps p50 p90 p99 non2xx errors cpu
  requests=$(field "$file" '/requests in/ { print $1 }')
  rps=$(field "$file" '/^Requests\/sec:/ { print $2 }')
  p50=$(to_ms "$(field "$file" '$1 == "50%" { print $2 }')")
  p90=$(to_ms "$(field "$file" '$1 == "90%" { print $2 }')")
  p99=$(to_ms "$(field "$file" '$1 == "99%" { print $2 }')")
  non2xx=$(field "$file" '/Non-2xx/ { print $NF }'); non2xx=${non2xx:-0}
  errors=$(field "$file" '/Socket errors/ { sub(/^ *Socket errors: */, ""); print }'); errors=${errors:-none}
  cpu=$(awk -v t="$ticks" -v hz="$TICKS" -v r="$requests" 'BEGIN { printf "%.1f", (r > 0) ? (t * 1000 / hz / r * 1000) : 0 }')
  printf '%-6s %-10s %12s %10s %9s %9s %9s %9s %14s %s\n' "$round" "$name" "$requests" "$rps" "$p50" "$p90" "$p99" "$non2xx" "$cpu" "$errors"
  echo "$round $name $rps $p99" >>"$TMP/rounds.txt"
}
: >"$TMP/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then order="trivial lookup"; else order="lookup trivial"; fi
  for name in $order; do
    path=/healthz; [[ $name == lookup ]] && path=/v1/lookup
    c0=$(cpu_ticks)
    wrk_run "$round-$name" "$DURATION" "$path"
    report "$round" "$name" $(( $(cpu_ticks) - c0 ))
  done
done
if [[ -n "${REGIONKEY:-}" ]]; then
  c0=$(cpu_ticks)
  wrk_run "x-regionkey" "$DURATION" "/v1/lookup?regionKey=$REGIONKEY"
  report x regionkey $(( $(cpu_ticks) - c0 ))
fi
RSS_AFTER=$(rss_of "$SERVER_PID")

echo
awk '
  $2 == "trivial" { t[$1] = $3 } $2 == "lookup" { l[$1] = $3; p[$1] = $4 }
  END {
    n = 0
    for (r in l) if (r in t) { ratio[++n] = l[r] / t[r]; line = line sprintf(" %s:%.3f", r, l[r] / t[r]) }
    # insertion sort, then the median
    for (i = 2; i <= n; i++) { v = ratio[i]; for (j = i - 1; j >= 1 && ratio[j] > v; j--) ratio[j + 1] = ratio[j]; ratio[j + 1] = v }
    median = (n % 2) ? ratio[(n + 1) / 2] : (ratio[n / 2] + ratio[n / 2 + 1]) / 2
    worst = 0; for (r in p) if (p[r] > worst) worst = p[r]
    printf "ratio lookup/trivial per round:%s\n", line
    printf "ratio lookup/trivial, median of %d round(s): %.3f (%.1f %%); lowest %.3f, highest %.3f\n", n, median, 100 * median, ratio[1], ratio[n]
    printf "lookup p99, worst round: %.2f ms\n", worst
  }' "$TMP/rounds.txt"
echo "server after the runs: $RSS_AFTER"
echo "command: ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS THREADS=$THREADS${REGIONKEY:+ REGIONKEY=$REGIONKEY} $0; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
echo "(server_cpu_ms/1k: CPU time of the server process, user+system, per 1000 requests; wrk runs on the same cores.)"
