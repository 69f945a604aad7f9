# Shared helpers of the benchmark scripts (bench/load.sh, bench/run.sh). Source it; do not run it.
# shellcheck shell=bash disable=SC2034
#
# Settings (environment):
#   BENCH_PGHOST, BENCH_PGPORT, BENCH_PGUSER   PostgreSQL server (127.0.0.1, 5432, postgres; trust auth);
#                      BENCH_PGUSER is the administrator: the tracker itself connects as its own role
#                      (TRACKER_DB_USER, claimtracker), which ./tracker setup makes
#   BENCH_PORT         HTTP port of the tracker under test (18080, so that a tracker on 8080 is left alone)
#   BENCH_MANAGEMENT_PORT  its management interface (0: any free port)
#   BENCH_JAVA_OPTS    JVM options of the tracker under test (default: those of ./tracker run, from
#                      ./tracker java-options, with its class data archive)
#   BENCH_JAR          the built application (target/quarkus-app/quarkus-run.jar; built when missing)
#   BENCH_RESULTS      file that all output is appended to (bench/results/<date>-<host>.txt)
#   TRACKER_REPORTING_PASSWORD   password of the role claims_reporting (reporting-local-only); when set,
#                      ./tracker setup gives it to the role

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
WORK_DIR="$BENCH_DIR/work"
BENCH_PGHOST=${BENCH_PGHOST:-127.0.0.1}
BENCH_PGPORT=${BENCH_PGPORT:-5432}
BENCH_PGUSER=${BENCH_PGUSER:-postgres}
BENCH_PORT=${BENCH_PORT:-18080}
BENCH_MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-0}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
BENCH_JAR=${BENCH_JAR:-$REPO_DIR/target/quarkus-app/quarkus-run.jar}
BENCH_RESULTS=${BENCH_RESULTS:-$BENCH_DIR/results/$(date +%Y-%m-%d)-$(hostname -s).txt}
REPORTING_PASSWORD=${TRACKER_REPORTING_PASSWORD:-reporting-local-only}

mkdir -p "$WORK_DIR" "$(dirname "$BENCH_RESULTS")"

# ---------------------------------------------------------------------------------------------
# Output: everything the calling script prints also goes to the results file.

# Sends stdout and stderr of the calling script through tee into $BENCH_RESULTS.
log_to_results() {
  exec > >(tee -a "$BENCH_RESULTS") 2>&1
  TEE_PID=$!
}

# Progress line with the time of day.
say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*"; exit 1; }

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }

# Integer and decimal arithmetic with awk: calc '<expression>' [printf format].
calc() { awk -v fmt="${2:-%.2f}" "BEGIN { printf fmt \"\\n\", ($1) }"; }

# Median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# "median (lowest-highest)" of the numbers given as arguments.
median_range() { printf '%s (%s-%s)' "$(median "$@")" "$(printf '%s\n' "$@" | sort -g | head -n 1)" "$(printf '%s\n' "$@" | sort -g | tail -n 1)"; }

# per_pair OP BOUND VALUE...: whether a target (>= or <= BOUND) is met by the values of alternating
# pairs: "met in every pair", "NOT met in any pair", or "undecided" when the pairs disagree. On a
# shared machine one slow spell moves one pair far more than most changes move the figure.
per_pair() {
  local op=$1 bound=$2
  shift 2
  printf '%s\n' "$@" | awk -v op="$op" -v b="$bound" '{ if ((op == ">=") ? ($1 >= b) : ($1 <= b)) met++; else missed++ }
    END { print (missed == 0 ? "met in every pair" : (met == 0 ? "NOT met in any pair" : "undecided: " met + 0 " pair(s) met, " missed " not")) }'
}

# ---------------------------------------------------------------------------------------------
# Cleanup: commands registered with on_exit run in reverse order when the script ends, however it ends.

CLEANUPS=()
on_exit() { CLEANUPS+=("$1"); }
run_cleanups() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do
    eval "${CLEANUPS[$i]}" || true
  done
  # Let tee write the last lines before the script's exit is reported.
  if [ -n "${TEE_PID:-}" ]; then
    exec >&- 2>&-
    wait "$TEE_PID" 2>/dev/null || true
  fi
  exit "$rc"
}
trap run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Tools.

# Installs missing tools from Debian's packages when running as root, else names them.
ensure_tools() {
  local missing=() tool
  for tool in wrk:wrk jq:jq curl:curl psql:postgresql-client pgbench:postgresql-client perl:perl; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "missing tools; install the Debian packages: ${missing[*]}"
  fi
}

# Builds the application when the jar is missing (or when BENCH_BUILD=1).
ensure_jar() {
  if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f "$BENCH_JAR" ]; then
    say "building the tracker (./mvnw -B -q package -DskipTests)"
    (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests)
  fi
  [ -f "$BENCH_JAR" ] || die "no $BENCH_JAR after the build"
  local newer
  newer=$(find "$REPO_DIR/src/main" "$REPO_DIR/db" -newer "$BENCH_JAR" -type f 2>/dev/null | head -n 1)
  [ -z "$newer" ] || warn "$newer is newer than the jar; BENCH_BUILD=1 rebuilds it"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL.

# psql on database $1 with the remaining arguments; stops at the first error.
pg() {
  local db=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "$BENCH_PGUSER" -d "$db" "$@"
}

# One value (or unaligned rows, |-separated) of a query on database $1.
sql() { pg "$1" -Atc "$2"; }

db_exists() { [ "$(sql postgres "select count(*) from pg_database where datname = '$1'")" = 1 ]; }

drop_db() { PGOPTIONS='-c client_min_messages=warning' sql postgres "drop database if exists \"$1\" with (force)" >/dev/null; }

create_db() { sql postgres "create database \"$1\"" >/dev/null; }

jdbc_url() { echo "jdbc:postgresql://$BENCH_PGHOST:$BENCH_PGPORT/$1"; }

# The server's log file, where statements logged with log_min_duration_statement can be read:
# BENCH_PG_LOG, else the logging collector's current file, else Debian's file for the cluster.
pg_log_file() {
  if [ -n "${BENCH_PG_LOG:-}" ]; then
    echo "$BENCH_PG_LOG"
    return
  fi
  local current data major
  current=$(sql postgres "select coalesce(pg_current_logfile('stderr'), '')")
  if [ -n "$current" ]; then
    data=$(sql postgres "show data_directory")
    [[ $current == /* ]] || current="$data/$current"
    echo "$current"
    return
  fi
  major=$(sql postgres "select current_setting('server_version_num')::int / 10000")
  ls -t /var/log/postgresql/postgresql-"$major"-*.log 2>/dev/null | head -n 1
}

file_size() { stat -c %s "$1"; }

# ---------------------------------------------------------------------------------------------
# The tracker under test: always the built jar, the rate limit off, no seed data.

TRACKER_PID=
TRACKER_LOG=
TRACKER_START_MS=

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The JVM options of the next tracker start: BENCH_JAVA_OPTS, or else those ./tracker run would use,
# asked before each start because the first start after a build writes the class data archive (when
# it stops) that later starts map.
tracker_java_opts() {
  if [ -n "$BENCH_JAVA_OPTS" ]; then
    echo "$BENCH_JAVA_OPTS"
  else
    (cd "$REPO_DIR" && ./tracker java-options)
  fi
}

# True when the next start would write the class data archive rather than use it.
tracker_cds_training() { [[ $(tracker_java_opts) == *ArchiveClassesAtExit* ]]; }

# tracker_setup DB: ./tracker setup for database DB (roles, ownership, migrations), as BENCH_PGUSER.
tracker_setup() {
  (cd "$REPO_DIR" && TRACKER_DB_URL="$(jdbc_url "$1")" TRACKER_DB_ADMIN_USER="$BENCH_PGUSER" ./tracker setup) \
    || die "./tracker setup failed for $1"
}

# tracker_start DB [NAME=VALUE ...]: sets up database DB and starts the tracker on it in the background.
tracker_start() {
  local db=$1
  shift
  [ -z "$TRACKER_PID" ] || die "a tracker is already running (pid $TRACKER_PID)"
  port_in_use "$BENCH_PORT" && die "port $BENCH_PORT is taken; set BENCH_PORT"
  tracker_setup "$db"
  TRACKER_LOG="$WORK_DIR/tracker-$(date +%H%M%S)-$$-$RANDOM.log"
  TRACKER_JAVA_OPTS_USED=$(tracker_java_opts)
  TRACKER_START_MS=$(now_ms)
  # env replaces itself with java, so $! is the JVM's pid. The options are split into words.
  # shellcheck disable=SC2086
  env TRACKER_DB_URL="$(jdbc_url "$db")" TRACKER_SEED_LOAD=never \
    TRACKER_RATE_LIMIT=0 TRACKER_HTTP_PORT="$BENCH_PORT" TRACKER_MANAGEMENT_PORT="$BENCH_MANAGEMENT_PORT" TRACKER_HTTP_IDLE_TIMEOUT=PT4H "$@" \
    java $TRACKER_JAVA_OPTS_USED -jar "$BENCH_JAR" >"$TRACKER_LOG" 2>&1 &
  TRACKER_PID=$!
}

tracker_url() { echo "http://127.0.0.1:$BENCH_PORT$1"; }

tracker_alive() { [ -n "$TRACKER_PID" ] && kill -0 "$TRACKER_PID" 2>/dev/null; }

tracker_failed() {
  echo "--- last lines of $TRACKER_LOG"
  tail -n 30 "$TRACKER_LOG" || true
  die "$1"
}

# Waits until /q/health/ready answers 200 (at most $1 seconds, default 300).
tracker_wait_ready() {
  local deadline=$(($(date +%s) + ${1:-300}))
  until curl -fsS -o /dev/null --max-time 2 "$(tracker_url /q/health/ready)" 2>/dev/null; do
    tracker_alive || tracker_failed "the tracker stopped while starting"
    [ "$(date +%s)" -lt "$deadline" ] || tracker_failed "the tracker was not ready in ${1:-300} s"
    sleep 0.2
  done
}

# Stops process $1, a child of this script (TERM, then KILL after 30 s), and waits for it.
stop_child() {
  if kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    local i
    for i in $(seq 1 150); do
      kill -0 "$1" 2>/dev/null || break
      sleep 0.2
    done
    kill -0 "$1" 2>/dev/null && kill -KILL "$1" 2>/dev/null
  fi
  wait "$1" 2>/dev/null || true
}

# Stops the tracker started by tracker_start.
tracker_stop() {
  [ -n "$TRACKER_PID" ] || return 0
  stop_child "$TRACKER_PID"
  TRACKER_PID=
}
on_exit tracker_stop

# CPU time (user + system) that process $1 has used, in ms.
CLK_TCK=$(getconf CLK_TCK)
proc_cpu_ms() { awk -v hz="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%d\n", ($12 + $13) * 1000 / hz }' "/proc/$1/stat"; }

# CPU ms used so far by the server processes of database $1 whose application_name is like $2
# (the tracker's pool: 'PostgreSQL JDBC%'; pgbench: 'pgbench') and, with $3 (seconds since the
# epoch), that started since then (not those of an earlier run still exiting); summed; "-" when unreadable
# or when there is none (a run that ended before the sample: its CPU time is gone with its processes).
backends_cpu_ms() {
  local pid c total=0 since= found=0
  [ -z "${3:-}" ] || since="and backend_start >= to_timestamp($3)"
  for pid in $(sql "$1" "select pid from pg_stat_activity where datname = current_database() and application_name like '$2' $since"); do
    c=$(proc_cpu_ms "$pid" 2>/dev/null) || { echo -; return; }
    total=$((total + c)) found=1
  done
  if [ "$found" = 1 ]; then echo "$total"; else echo -; fi
}

# pgbench_cpu_samples DB STARTED SECONDS: the CPU of the pgbench sessions started since STARTED (seconds
# since the epoch) of a SECONDS-long run, read 1 s after its start and 3 s before its end, each as a
# line "time cpu_ms" ("-" when unreadable). Timed from the start: the sessions are gone after the end,
# and a sample takes a psql start (timed from the first sample, the second came after the end on a
# busy machine). For runs of 6 s or more; started in the background beside pgbench.
pgbench_cpu_samples() {
  sleep 1
  echo "$(date +%s.%N) $(backends_cpu_ms "$1" pgbench "$2")"
  sleep "$(calc "$2 + $3 - 3 - $(date +%s.%N)" %.3f | sed 's/^-.*/0/')"
  echo "$(date +%s.%N) $(backends_cpu_ms "$1" pgbench "$2")"
}

# Resident memory of the tracker, in kB (VmRSS of /proc/PID/status).
tracker_rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$TRACKER_PID/status"; }

# Prints a new API token of account $2 (default analyst) of the tracker's database $1.
tracker_token() {
  (cd "$REPO_DIR" && TRACKER_DB_URL="$(jdbc_url "$1")" TRACKER_DB_ADMIN_USER="$BENCH_PGUSER" \
    ./tracker token "${2:-analyst}" 2>"$WORK_DIR/token.err")
}

# GET with the bearer token $TOKEN; prints the body, fails on a status other than 200.
api_get() { curl -fsS --max-time 120 -H "Authorization: Bearer $TOKEN" "$(tracker_url "$1")"; }

# ---------------------------------------------------------------------------------------------
# The machine, printed at the top of every run.

describe_machine() {
  local cpu mem pgver java_ver commit
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  pgver=$(sql postgres "select version()" | cut -d, -f1)
  java_ver=$(java -version 2>&1 | head -n 1)
  commit=$(git -C "$REPO_DIR" log -1 --format='%h %s' 2>/dev/null | cut -c1-100)
  echo "host:       $(hostname) ($(uname -sr))"
  echo "date:       $(date '+%Y-%m-%d %H:%M:%S %Z')"
  echo "cpu:        $(nproc) cores, $cpu"
  echo "memory:     $mem"
  echo "load:       $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
  echo "postgresql: $pgver; shared_buffers $(sql postgres 'show shared_buffers'), work_mem $(sql postgres 'show work_mem'), max_connections $(sql postgres 'show max_connections')"
  echo "java:       $java_ver; tracker JVM options: $(tracker_java_opts)"
  echo "tools:      $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), $(pgbench --version), $(curl --version | head -n 1 | cut -d' ' -f1-2)"
  echo "tracker:    $commit"
}

# Prints "== title ==" framed by blank lines.
section() { printf '\n== %s ==\n' "$*"; }
