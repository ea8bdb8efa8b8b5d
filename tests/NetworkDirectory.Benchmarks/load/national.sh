#!/usr/bin/env bash
# National scale, side by side: the bundled sample (66 agencies) and synthetic national directories
# (`-- synth --scale N`, default scales 1 and 4), each on a copy of ONE database prepared with the real
# BKG boundaries and postal codes. Per directory: PATCH latency of one contact (a coordinator's write),
# start to ready, RSS at ready, and the lookup/trivial throughput ratio with wrk; then a markdown table
# and the ratios of the largest scale to the sample against the issue's targets.
#
#   tests/NetworkDirectory.Benchmarks/load/national.sh
#
# Settings (environment): SCALES="1 4"; STARTS=3 starts per directory (interleaved; the median is
# reported); PATCHES=200 timed PATCHes per directory, PATCH_WARMUP=5, PATCH_MAX_SECONDS=60 (stops a
# directory's PATCH loop early; the count done is printed), PATCH_CONTACT=ct-m-kjnd-oncall (a sample
# contact, so every directory writes the same row); wrk: DURATION=10s per run, ROUNDS=1 round of
# /healthz + lookup (order alternating between rounds; the median ratio is reported), WARMUP=3s per
# endpoint, CONNECTIONS=32, THREADS=2; PORT=5196, SKIP_BUILD=1, KEEP_TMP=1, DB=already prepared
# database (copied, never changed). Exit: 0 done, 1 failed, 2 wrk or the reference data missing.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "$HERE/common.sh"

SCALES=${SCALES:-"1 4"}
STARTS=${STARTS:-3}
PATCHES=${PATCHES:-200}
PATCH_WARMUP=${PATCH_WARMUP:-5}
PATCH_MAX_SECONDS=${PATCH_MAX_SECONDS:-60}
PATCH_CONTACT=${PATCH_CONTACT:-ct-m-kjnd-oncall}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-1}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-5196}
BENCH_PROJECT="$REPO_ROOT/tests/NetworkDirectory.Benchmarks/NetworkDirectory.Benchmarks.csproj"
BENCH_DLL="$REPO_ROOT/tests/NetworkDirectory.Benchmarks/bin/Release/net10.0/NetworkDirectory.Benchmarks.dll"
# Writes are rate-limited per caller (60/min by default); the loop must not measure the limiter.
SERVER_SETTINGS=(--Auth:WritesPerMinute=100000)

require_wrk
require_shared_data

make_tmp nd-national

build_api
if [[ "${SKIP_BUILD:-0}" == "1" && -f "$BENCH_DLL" ]]; then
  echo "== using the existing Release build of the benchmarks (SKIP_BUILD=1)"
else
  echo "== dotnet build -c Release $BENCH_PROJECT"
  dotnet build -c Release "$BENCH_PROJECT" -nologo -v quiet
fi
bench() { dotnet "$BENCH_DLL" "$@"; }

if [[ -n "${DB:-}" ]]; then
  BASE_DB=$DB
  echo "== using the prepared database $BASE_DB"
else
  BASE_DB="$TMP/base.db"
  prepare_db "$BASE_DB"
fi

# One database per directory, each a copy of the same prepared one (the sample is loaded in all).
NAMES=(sample)
for scale in $SCALES; do NAMES+=("scale$scale"); done
declare -A DBS KEYS
for name in "${NAMES[@]}"; do
  db="$TMP/$name.db"
  cp "$BASE_DB" "$db"
  if [[ -f "$BASE_DB-wal" ]]; then cp "$BASE_DB-wal" "$db-wal"; fi
  DBS[$name]=$db
  if [[ $name == scale* ]]; then
    echo "== $name: $(bench synth --scale "${name#scale}" --db "$db")"
  fi
  # `keys` must be the first word: with a setting before it the API starts serving instead.
  KEYS[$name]=$(api keys create --name bench --role admin "--Database:Path=$db" 2>/dev/null | awk '{ $1 = $1 } /^nd_/ { print $1; exit }')
  [[ -n "${KEYS[$name]}" ]] || { echo "Could not create an API key in $db" >&2; exit 1; }
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Start to ready, RSS at ready: the directories take turns, so a machine that slows down during the
# run does not favour one of them.
echo "== start to ready: $STARTS start(s) per directory, in turns"
for run in $(seq 1 "$STARTS"); do
  for name in "${NAMES[@]}"; do
    t0=$(date +%s%N)
    start_server "${DBS[$name]}" "$PORT" "$TMP/$name-start-$run.log" "${SERVER_SETTINGS[@]}"
    wait_ready "$PORT" 180 || { tail -20 "$TMP/$name-start-$run.log" >&2; exit 1; }
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    rss=$(rss_mb "$SERVER_PID")
    stop_server
    echo "$ms" >>"$TMP/$name.ready-ms"
    echo "$rss" >>"$TMP/$name.rss-mb"
    echo "   run $run $name: ${ms} ms, VmRSS ${rss} MB"
  done
done

awk -F, 'NR > 1 && $(NF-1) != "" { print $(NF-1), $NF }' "$POSTAL_CSV" >"$TMP/points.txt"
BASE="http://127.0.0.1:$PORT"
wrk_rps() { # wrk_rps DURATION PATH OUT: prints requests/s
  if [[ $2 == /v1/lookup ]]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout 5s -s "$HERE/lookup.lua" "$BASE" -- "$TMP/points.txt" >"$3"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout 5s "$BASE$2" >"$3"
  fi
  awk '/^Requests\/sec:/ { print $2 }' "$3"
}

for name in "${NAMES[@]}"; do
  echo "== $name: lookup/trivial with wrk ($ROUNDS round(s) of $DURATION after $WARMUP warm-up each), then $PATCHES PATCHes"
  start_server "${DBS[$name]}" "$PORT" "$TMP/$name-load.log" "${SERVER_SETTINGS[@]}"
  wait_ready "$PORT" 180 || { tail -20 "$TMP/$name-load.log" >&2; exit 1; }
  grep -o -m1 'Directory snapshot loaded: [0-9]* agencies' "$TMP/$name-load.log" | awk '{ print $4 }' >"$TMP/$name.agencies"
  wrk_rps "$WARMUP" /healthz "$TMP/$name-warm-trivial.txt" >/dev/null
  wrk_rps "$WARMUP" /v1/lookup "$TMP/$name-warm-lookup.txt" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 == 1 )); then
      trivial=$(wrk_rps "$DURATION" /healthz "$TMP/$name-$round-trivial.txt"); lookup=$(wrk_rps "$DURATION" /v1/lookup "$TMP/$name-$round-lookup.txt")
    else
      lookup=$(wrk_rps "$DURATION" /v1/lookup "$TMP/$name-$round-lookup.txt"); trivial=$(wrk_rps "$DURATION" /healthz "$TMP/$name-$round-trivial.txt")
    fi
    non2xx=$(awk '/Non-2xx/ { print $NF }' "$TMP/$name-$round-lookup.txt"); non2xx=${non2xx:-0}
    awk -v l="$lookup" -v t="$trivial" 'BEGIN { printf "%.4f\n", l / t }' >>"$TMP/$name.ratio"
    echo "   round $round: /healthz $trivial req/s, /v1/lookup $lookup req/s (non-2xx $non2xx), ratio $(tail -1 "$TMP/$name.ratio")"
  done
  patch_line=$(bench patch --base "$BASE" --key "${KEYS[$name]}" --count "$PATCHES" --contact "$PATCH_CONTACT" \
    --warmup "$PATCH_WARMUP" --max-seconds "$PATCH_MAX_SECONDS")
  echo "   $patch_line"
  echo "$patch_line" | grep -o 'p50_ms=[0-9.]*' | cut -d= -f2 >"$TMP/$name.p50"
  echo "$patch_line" | grep -o 'p99_ms=[0-9.]*' | cut -d= -f2 >"$TMP/$name.p99"
  echo "$patch_line" | grep -o 'count=[0-9]*' | cut -d= -f2 >"$TMP/$name.patches"
  stop_server
done

echo
echo "| directory | agencies | PATCH p50 | PATCH p99 | start to ready | RSS at ready | lookup/trivial |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for name in "${NAMES[@]}"; do
  echo "$(median <"$TMP/$name.ready-ms")" >"$TMP/$name.ready"
  median <"$TMP/$name.ratio" >"$TMP/$name.lookup"
  awk -v n="$name" -v a="$(cat "$TMP/$name.agencies")" -v p50="$(cat "$TMP/$name.p50")" -v p99="$(cat "$TMP/$name.p99")" \
      -v c="$(cat "$TMP/$name.patches")" -v r="$(cat "$TMP/$name.ready")" -v m="$(median <"$TMP/$name.rss-mb")" -v q="$(cat "$TMP/$name.lookup")" \
    'BEGIN { printf "| %s | %d | %.1f ms | %.1f ms | %d ms | %d MB | %.3f |\n", n, a, p50, p99, r, m, q }'
done
for name in "${NAMES[@]}"; do
  count=$(cat "$TMP/$name.patches")
  if (( count < PATCHES )); then
    echo "($name: PATCH percentiles of $count writes; PATCH_MAX_SECONDS=$PATCH_MAX_SECONDS ended the loop)"
  fi
done
last=${NAMES[-1]}
echo
awk -v n="$last" -v p0="$(cat "$TMP/sample.p50")" -v p4="$(cat "$TMP/$last.p50")" -v s0="$(cat "$TMP/sample.ready")" -v s4="$(cat "$TMP/$last.ready")" \
    -v r0="$(cat "$TMP/sample.lookup")" -v r4="$(cat "$TMP/$last.lookup")" 'BEGIN {
  verdict = "met"; if (p4 / p0 > 1.5) verdict = "not met"
  printf "- PATCH p50, %s / sample: %.2f (target ≤ 1.5: %s)\n", n, p4 / p0, verdict
  verdict = "met"; if (s4 / s0 > 1.5) verdict = "not met"
  printf "- start to ready, %s / sample: %.2f (target ≤ 1.5: %s)\n", n, s4 / s0, verdict
  d = r4 / r0 - 1; verdict = "met"; if (d > 0.10 || d < -0.10) verdict = "not met"
  printf "- lookup/trivial ratio, %s vs sample: %.3f vs %.3f, %+.1f %% (target within ±10 %%: %s)\n", n, r4, r0, 100 * d, verdict
}'
echo
echo "command: SCALES=\"$SCALES\" STARTS=$STARTS PATCHES=$PATCHES PATCH_MAX_SECONDS=$PATCH_MAX_SECONDS DURATION=$DURATION ROUNDS=$ROUNDS WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS $0; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
