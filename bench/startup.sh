#!/usr/bin/env bash
# The tracker's start-up against its floor: bench/floor, a bare Quarkus application with the
# tracker's platform version and dependencies (same extensions), one entity, one migration, one
# JSON endpoint and one Qute page, and no code of the tracker's. Both are started alternately, each
# on its own database, with the same JVM options (./tracker java-options) and each with its own
# class data archive written by an untimed first start; the time from the process start to the
# first 200 of a real request is printed for every pair, with the medians, their ranges and the
# ratio tracker/floor.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

usage() {
  cat <<EOF
usage: bench/startup.sh [options]

  --pairs N            timed pairs (default 5, at least 3); the side that starts first alternates
  --tracker-db NAME    the tracker's database (default claimtracker_floor): made by ./tracker setup
                       when missing, and the seed dataset loaded by the untimed first start, as
                       ./tracker run does on an empty database
  --floor-db NAME      the floor's database (default floorapp; created when missing, Flyway migrates it)
  --port N             HTTP port of the tracker (default 18451; BENCH_PORT)
  --management-port N  management port of the tracker (default 18452)
  --floor-port N       HTTP port of the floor (default 18453)
  --only-tracker       time the tracker alone (for looking into its start; no ratio)
  -h, --help           this text

The tracker is the built jar (BENCH_JAR; BENCH_BUILD=1 rebuilds), started as bench/run.sh starts it
(./tracker setup first, which the clock does not count; rate limit off) but with the seed check of
./tracker run (TRACKER_SEED_LOAD=if-empty); its request is bench/run.sh's, GET /api/parties?size=1
with an analyst's bearer token. The floor is bench/floor/target/quarkus-app/quarkus-run.jar (built
offline when missing, FLOOR_BUILD=1 rebuilds); its request is GET /notes?size=1; its untimed starts
migrate its database, the timed ones only validate the migrations, as the tracker's do. JVM options: those
of ./tracker java-options without the archive (BENCH_JAVA_OPTS replaces them), plus for each
application its own archive (target/tracker-cds.jsa, bench/floor/target/floor-cds.jsa; an untimed
first start writes it when it is missing or older than the jar). FLOOR_CDS=off / TRACKER_CDS=off
start both without archives. Printed per start: wall ms to the first 200, the JVM's CPU ms (user +
system) by then, VmRSS, Quarkus' "started in", and the 1-minute load average at the start.
Environment: see bench/lib.sh. Output is also appended to bench/results/<date>-<host>.txt.
EOF
}

PAIRS=5
TRACKER_DB=claimtracker_floor
FLOOR_DB=floorapp
BENCH_PORT=18451
MANAGEMENT_PORT=18452
FLOOR_PORT=18453
ONLY_TRACKER=0
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) PAIRS=$2; shift 2 ;;
    --tracker-db) TRACKER_DB=$2; shift 2 ;;
    --floor-db) FLOOR_DB=$2; shift 2 ;;
    --port) BENCH_PORT=$2; shift 2 ;;
    --management-port) MANAGEMENT_PORT=$2; shift 2 ;;
    --floor-port) FLOOR_PORT=$2; shift 2 ;;
    --only-tracker) ONLY_TRACKER=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for n in "$PAIRS" "$BENCH_PORT" "$MANAGEMENT_PORT" "$FLOOR_PORT"; do
  [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"
done
[ "$PAIRS" -ge 3 ] || die "--pairs must be at least 3"

FLOOR_DIR="$BENCH_DIR/floor"
FLOOR_JAR="$FLOOR_DIR/target/quarkus-app/quarkus-run.jar"
FLOOR_CDS_ARCHIVE="$FLOOR_DIR/target/floor-cds.jsa"
TRACKER_REQUEST='/api/parties?size=1'
FLOOR_REQUEST='/notes?size=1'

# ---------------------------------------------------------------------------------------------
# The floor application.

ensure_floor_jar() {
  if [ "${FLOOR_BUILD:-0}" = 1 ] || [ ! -f "$FLOOR_JAR" ] \
    || [ -n "$(find "$FLOOR_DIR/pom.xml" "$FLOOR_DIR/src" -newer "$FLOOR_JAR" -print -quit)" ]; then
    say "building the floor (bench/floor: ./mvnw -B -q package, offline first)"
    (cd "$FLOOR_DIR" && { "$REPO_DIR/mvnw" -B -q -o package || "$REPO_DIR/mvnw" -B -q package; })
  fi
  [ -f "$FLOOR_JAR" ] || die "no $FLOOR_JAR after the build"
  local ours theirs
  ours=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$REPO_DIR/pom.xml")
  theirs=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$FLOOR_DIR/pom.xml")
  [ "$ours" = "$theirs" ] || warn "Quarkus $ours in the tracker, $theirs in the floor: not like with like"
  if ! cmp -s <(sort "$REPO_DIR/target/quarkus-app/quarkus-app-dependencies.txt") \
    <(sort "$FLOOR_DIR/target/quarkus-app/quarkus-app-dependencies.txt"); then
    warn "the floor's runtime libraries differ from the tracker's (quarkus-app-dependencies.txt):"
    diff <(sort "$REPO_DIR/target/quarkus-app/quarkus-app-dependencies.txt") \
      <(sort "$FLOOR_DIR/target/quarkus-app/quarkus-app-dependencies.txt") | grep '^[<>]' | head -n 10 || true
  fi
}

# The JVM options without an archive: BENCH_JAVA_OPTS, or ./tracker's (TRACKER_JAVA_OPTS or its default).
base_java_opts() {
  if [ -n "$BENCH_JAVA_OPTS" ]; then
    echo "$BENCH_JAVA_OPTS"
  else
    (cd "$REPO_DIR" && TRACKER_CDS=off ./tracker java-options)
  fi
}

# The floor's options, with its own archive treated as ./tracker treats the tracker's.
floor_java_opts() {
  local opts
  opts=$(base_java_opts)
  if [ "${FLOOR_CDS:-${TRACKER_CDS:-on}}" != off ]; then
    # shellcheck disable=SC2086
    if [ -s "$FLOOR_CDS_ARCHIVE" ] && [ "$FLOOR_CDS_ARCHIVE" -nt "$FLOOR_JAR" ] \
      && java $opts -XX:SharedArchiveFile="$FLOOR_CDS_ARCHIVE" -Xshare:on -cp "$FLOOR_JAR" -version >/dev/null 2>&1; then
      opts="$opts -XX:SharedArchiveFile=$FLOOR_CDS_ARCHIVE"
    else
      rm -f "$FLOOR_CDS_ARCHIVE"
      opts="$opts -XX:ArchiveClassesAtExit=$FLOOR_CDS_ARCHIVE -Xlog:cds*=error"
    fi
  fi
  echo "$opts"
}

# The tracker's options: ./tracker java-options (its archive), or BENCH_JAVA_OPTS as they are.
start_java_opts() { if [ "$1" = floor ]; then floor_java_opts; else tracker_java_opts; fi; }

FLOOR_PID=
FLOOR_LOG=
FLOOR_START_MS=

# floor_start [NAME=VALUE ...]: starts the floor in the background.
floor_start() {
  [ -z "$FLOOR_PID" ] || die "a floor is already running (pid $FLOOR_PID)"
  port_in_use "$FLOOR_PORT" && die "port $FLOOR_PORT is taken; use --floor-port"
  FLOOR_LOG="$WORK_DIR/floor-$(date +%H%M%S)-$$-$RANDOM.log"
  FLOOR_JAVA_OPTS_USED=$(floor_java_opts)
  FLOOR_START_MS=$(now_ms)
  # shellcheck disable=SC2086
  env FLOOR_DB_URL="$(jdbc_url "$FLOOR_DB")" FLOOR_DB_USER="$BENCH_PGUSER" FLOOR_HTTP_PORT="$FLOOR_PORT" "$@" \
    java $FLOOR_JAVA_OPTS_USED -jar "$FLOOR_JAR" >"$FLOOR_LOG" 2>&1 &
  FLOOR_PID=$!
}

floor_stop() {
  [ -n "$FLOOR_PID" ] || return 0
  stop_child "$FLOOR_PID"
  FLOOR_PID=
}
on_exit floor_stop

# ---------------------------------------------------------------------------------------------
# One start of WHO (tracker or floor), timed to the first 200 of its request; sets S_MS, S_CPU,
# S_RSS, S_QUARKUS, S_LOAD. The application is stopped afterwards.
timed_start() {
  local who=$1 pid start url log code auth=()
  S_LOAD=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$who" = tracker ]; then
    tracker_start "$TRACKER_DB" TRACKER_SEED_LOAD=if-empty TRACKER_MANAGEMENT_PORT="$MANAGEMENT_PORT"
    pid=$TRACKER_PID start=$TRACKER_START_MS log=$TRACKER_LOG url="http://127.0.0.1:$BENCH_PORT$TRACKER_REQUEST"
    auth=(-H "Authorization: Bearer $TOKEN")
  else
    floor_start
    pid=$FLOOR_PID start=$FLOOR_START_MS log=$FLOOR_LOG url="http://127.0.0.1:$FLOOR_PORT$FLOOR_REQUEST"
  fi
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${auth[@]}" "$url" 2>/dev/null) || code=000
    [ "$code" = 200 ] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log"
      die "the $who stopped while starting (log: $log)"
    fi
    [ $(($(now_ms) - start)) -lt 300000 ] || { tail -n 30 "$log"; die "the $who did not answer in 300 s"; }
    sleep 0.02
  done
  S_MS=$(($(now_ms) - start))
  S_CPU=$(proc_cpu_ms "$pid")
  S_RSS=$(($(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status") / 1024))
  S_QUARKUS=$(grep -o 'started in [0-9.]*s' "$log" | head -n 1 | sed 's/started in //')
  if [ "$who" = tracker ]; then tracker_stop; else floor_stop; fi
}

# An untimed start of WHO: writes its archive when it has none, warms the OS caches; the tracker's
# loads the seed dataset into an empty database.
untimed_start() {
  local who=$1 what="warms the caches"
  [[ $(start_java_opts "$who") == *ArchiveClassesAtExit* ]] && what="writes the class data archive"
  say "untimed start of the $who ($what)"
  if [ "$who" = tracker ]; then
    tracker_start "$TRACKER_DB" TRACKER_SEED_LOAD=if-empty TRACKER_MANAGEMENT_PORT="$MANAGEMENT_PORT"
    tracker_wait_ready 600
    grep -E 'Seed dataset loaded|seeds not loaded|Created starter account' "$TRACKER_LOG" | sed 's/^/    /' || true
    tracker_stop
  else
    # Migrates its database, as ./tracker setup migrates the tracker's; the timed starts only validate.
    # Quarkus validates before it migrates, so that start migrates without the validation at start
    # (a migration validates what is applied already).
    floor_start FLOOR_MIGRATE=true FLOOR_VALIDATE=false
    local deadline=$(($(date +%s) + 600))
    until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$FLOOR_PORT$FLOOR_REQUEST" 2>/dev/null; do
      kill -0 "$FLOOR_PID" 2>/dev/null || { tail -n 30 "$FLOOR_LOG"; die "the floor stopped while starting"; }
      [ "$(date +%s)" -lt "$deadline" ] || die "the floor was not ready in 600 s"
      sleep 0.2
    done
    curl -fsS -o /dev/null "http://127.0.0.1:$FLOOR_PORT/notes/page" || die "the floor's Qute page failed"
    floor_stop
  fi
}


# ---------------------------------------------------------------------------------------------
log_to_results
section "bench/startup.sh $(date '+%Y-%m-%d %H:%M:%S'): the tracker ($TRACKER_DB) against its floor ($FLOOR_DB), $PAIRS pairs"
describe_machine
ensure_tools
ensure_jar
[ "$ONLY_TRACKER" = 1 ] || ensure_floor_jar
if [ "$ONLY_TRACKER" = 0 ] && ! db_exists "$FLOOR_DB"; then
  say "creating database $FLOOR_DB for the floor"
  create_db "$FLOOR_DB"
fi
tracker_setup "$TRACKER_DB"
echo "tracker db: $TRACKER_DB, $(sql "$TRACKER_DB" "select count(*) from claim") claims before the first start;" \
  "floor db: $FLOOR_DB"

SIDES=(floor tracker)
[ "$ONLY_TRACKER" = 1 ] && SIDES=(tracker)
for who in "${SIDES[@]}"; do
  untimed_start "$who"
  # A second untimed start when the first wrote the archive: the timed starts all map it, and the
  # OS caches hold the archive too.
  [[ $(start_java_opts "$who") == *ArchiveClassesAtExit* ]] && die "the $who wrote no class data archive"
done
say "making an analyst token (./tracker token analyst)"
TOKEN=$(tracker_token "$TRACKER_DB" analyst)
[[ $TOKEN == ctk_* ]] || die "no token from ./tracker token analyst (see $WORK_DIR/token.err)"
for who in "${SIDES[@]}"; do untimed_start "$who"; done

section "timed starts: process start to the first 200 (tracker: GET $TRACKER_REQUEST with a bearer token; floor: GET $FLOOR_REQUEST)"
echo "  tracker JVM options: $(tracker_java_opts)"
[ "$ONLY_TRACKER" = 1 ] || echo "  floor JVM options:   $(floor_java_opts)"
declare -A MS CPU RSS
RATIOS=() CPU_RATIOS=() LOADS=()
printf '  %-5s %-8s %9s %9s %7s %10s %6s\n' pair app "wall ms" "CPU ms" "RSS MB" "Quarkus" load
for p in $(seq 1 "$PAIRS"); do
  order=(floor tracker)
  [ $((p % 2)) = 0 ] && order=(tracker floor)
  [ "$ONLY_TRACKER" = 1 ] && order=(tracker)
  for who in "${order[@]}"; do
    timed_start "$who"
    MS[$who,$p]=$S_MS CPU[$who,$p]=$S_CPU RSS[$who,$p]=$S_RSS
    LOADS+=("$S_LOAD")
    printf '  %-5s %-8s %9d %9d %7d %10s %6s\n' "$p" "$who" "$S_MS" "$S_CPU" "$S_RSS" "${S_QUARKUS:--}" "$S_LOAD"
  done
  if [ "$ONLY_TRACKER" = 0 ]; then
    RATIOS+=("$(calc "${MS[tracker,$p]} / ${MS[floor,$p]}")")
    CPU_RATIOS+=("$(calc "${CPU[tracker,$p]} / ${CPU[floor,$p]}")")
    printf '  %-5s %-8s %9s %9s\n' "$p" "ratio" "${RATIOS[-1]}" "${CPU_RATIOS[-1]}"
  fi
done

section "summary: median (range) of $PAIRS pairs"
for who in "${SIDES[@]}"; do
  ms=() cpu=() rss=()
  for p in $(seq 1 "$PAIRS"); do ms+=("${MS[$who,$p]}") cpu+=("${CPU[$who,$p]}") rss+=("${RSS[$who,$p]}"); done
  printf '  %-8s wall %s ms   CPU %s ms   RSS %s MB\n' "$who" "$(median_range "${ms[@]}")" \
    "$(median_range "${cpu[@]}")" "$(median_range "${rss[@]}")"
done
if [ "$ONLY_TRACKER" = 0 ]; then
  # The target is judged on every pair (per_pair, bench/lib.sh): met or missed only when all pairs agree.
  printf '  tracker/floor, wall: %s per pair; target <= 1.3: %s\n' "$(median_range "${RATIOS[@]}")" \
    "$(per_pair '<=' 1.3 "${RATIOS[@]}")"
  printf '  tracker/floor, CPU:  %s per pair; <= 1.3: %s\n' "$(median_range "${CPU_RATIOS[@]}")" \
    "$(per_pair '<=' 1.3 "${CPU_RATIOS[@]}")"
fi
echo "  1-minute load average at the starts: $(median_range "${LOADS[@]}"); now $(cut -d' ' -f1-3 /proc/loadavg)"
