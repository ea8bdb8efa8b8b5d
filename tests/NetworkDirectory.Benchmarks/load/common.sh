# Shared by run-load.sh and start-to-ready.sh (source it, do not run it).
# Finds the repository and ../shared/data, builds the API in Release, prepares a database with the
# real boundaries and postal codes through the product's own import commands, starts and stops the server.

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
API_PROJECT="$REPO_ROOT/src/NetworkDirectory.Api/NetworkDirectory.Api.csproj"
API_OUT="$REPO_ROOT/src/NetworkDirectory.Api/bin/Release/net10.0"

# ../shared/data relative to the repo root: walk up from the current directory and from the repo
# root to a folder that has shared/data/germany. NETWORKDIRECTORY_SHARED_DATA overrides.
find_shared_data() {
  if [[ -n "${NETWORKDIRECTORY_SHARED_DATA:-}" ]]; then
    [[ -d "$NETWORKDIRECTORY_SHARED_DATA/germany" ]] && { (cd "$NETWORKDIRECTORY_SHARED_DATA" && pwd); return 0; }
    return 1
  fi
  local start dir
  for start in "$PWD" "$REPO_ROOT"; do
    dir=$start
    while :; do
      if [[ -d "$dir/shared/data/germany" ]]; then echo "$dir/shared/data"; return 0; fi
      [[ "$dir" == "/" ]] && break
      dir=$(dirname "$dir")
    done
  done
  return 1
}

require_shared_data() {
  if ! SHARED_DATA=$(find_shared_data); then
    echo "Reference data not found: no shared/data/germany beside the repository ($REPO_ROOT/../shared/data) or above the current directory." >&2
    echo "Set NETWORKDIRECTORY_SHARED_DATA to the shared/data folder. Nothing was measured." >&2
    exit 2
  fi
  GERMANY="$SHARED_DATA/germany"
  POSTAL_CSV="$GERMANY/plz/zipcodes.de.csv"
}

build_api() {
  if [[ "${SKIP_BUILD:-0}" == "1" && -x "$API_OUT/NetworkDirectory.Api" ]]; then
    echo "== using the existing Release build in $API_OUT (SKIP_BUILD=1)"
    return
  fi
  echo "== dotnet build -c Release $API_PROJECT"
  dotnet build -c Release "$API_PROJECT" -nologo -v quiet
}

# Runs the Release build from its output folder, so that its appsettings.json (content root) applies.
api() {
  (cd "$API_OUT" && ./NetworkDirectory.Api "$@")
}

# prepare_db DB: VG1000 2024 (the original BKG shapefile folder: Länder + Kreise, reprojected from
# EPSG:25832), then VG5000 2021 Gemeinden (GeoJSON without aktualitaet.txt, so --as-of 2021-01-01),
# then the postal codes. The sample network is loaded as on any first start (Database:LoadSample=true).
#
# --Database:Path=… goes BEFORE the command words on purpose: .NET's command-line configuration
# provider treats an argument starting with '/' (an absolute Unix path such as the source path) as a
# key and takes the NEXT argument as its value, so `boundaries import /abs/path --Database:Path=x`
# silently imports into the default database (bin/…/data/networkdirectory.db) instead of x.
# (`keys` is the opposite: it must be the FIRST word, `keys create … --Database:Path=x`; with the
# setting first the API starts serving instead. See national.sh.)
prepare_db() {
  local db=$1
  echo "== preparing $db"
  run_import "--Database:Path=$db" boundaries import "$GERMANY/vg1000-2024/shp"
  run_import "--Database:Path=$db" boundaries import "$GERMANY/vg5000-2021/gemeinden.geojson" --as-of 2021-01-01
  run_import "--Database:Path=$db" postalcodes import "$POSTAL_CSV"
  local counts
  counts=$(api_sql_counts "$db")
  echo "   $counts"
  if [[ $counts == regions* && ( $counts != *kreis=400* || $counts != *gemeinde=10997* || $counts == *"postal-code rows: 0" ) ]]; then
    echo "The prepared database lacks the imported data (expected 400 Kreise, 10997 Gemeinden, postal codes)." >&2
    return 1
  fi
}

# Runs one import command; prints its result lines (not the JSON log lines) or, on failure, everything.
run_import() {
  local log
  log=$(mktemp)
  if ! api "$@" >"$log" 2>&1; then
    echo "Import failed: $*" >&2
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  grep -v '^{' "$log" | sed 's/^/   /' || true
  grep -o '"Message":"Database at [^"]*"' "$log" | head -1 | sed 's/^"Message":"/   (/; s/"$/)/' || true
  rm -f "$log"
}

api_sql_counts() {
  if command -v sqlite3 >/dev/null; then
    sqlite3 "$1" "SELECT 'regions with geometry: ' || (SELECT group_concat(level || '=' || n, ', ') FROM (SELECT level, count(*) n FROM regions WHERE geometry IS NOT NULL GROUP BY level)) || '; postal-code rows: ' || (SELECT count(*) FROM postal_codes)"
  else
    echo "(sqlite3 not installed: counts not shown)"
  fi
}

# start_server DB PORT LOG [SETTING...]: starts the Release build on loopback, with any further
# --Key=value settings; sets SERVER_PID (the server process itself).
start_server() {
  local db=$1 port=$2 log=$3
  shift 3
  (cd "$API_OUT" && exec ./NetworkDirectory.Api "--Database:Path=$db" --urls "http://127.0.0.1:$port" "$@" >"$log" 2>&1) &
  SERVER_PID=$!
}

stop_server() {
  if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

# wait_ready PORT TIMEOUT_S: polls /readyz every 10 ms until it answers 200.
wait_ready() {
  local port=$1 timeout=$2 deadline
  deadline=$(( $(date +%s) + timeout ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" 2>/dev/null)" == "200" ]]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "The server exited before it was ready." >&2; return 1; fi
    if (( $(date +%s) >= deadline )); then echo "Not ready after ${timeout}s." >&2; return 1; fi
    sleep 0.01
  done
}

# rss PID: "VmRSS=… VmHWM=…" in MB from /proc.
rss_of() {
  awk '/^VmRSS:|^VmHWM:/ { printf "%s=%.0f MB ", substr($1, 1, length($1) - 1), $2 / 1024 }' "/proc/$1/status"
}

# Installs wrk from Debian when missing and we are root; otherwise says how (exit 2).
require_wrk() {
  if command -v wrk >/dev/null; then return; fi
  if [[ $(id -u) == 0 ]]; then
    echo "== installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    echo "wrk is not installed. Install it with: sudo apt-get install -y wrk" >&2
    exit 2
  fi
}

# make_tmp NAME: a temp folder in $TMP, removed on exit (KEEP_TMP=1 keeps it) after the server is stopped.
make_tmp() {
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  SERVER_PID=
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

cleanup() {
  stop_server
  if [[ "${KEEP_TMP:-0}" == "1" ]]; then echo "== kept $TMP"; else rm -rf "$TMP"; fi
}
