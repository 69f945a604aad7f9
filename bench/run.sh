#!/usr/bin/env bash
# Benchmarks the tracker on a database loaded by bench/load.sh: startup time and memory, the
# positions page and the claim page under wrk against the same SQL under pgbench, the reporting
# views, and a correctness check of the positions endpoint. Prints the figures side by side with
# their ratios and the targets.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

usage() {
  cat <<EOF
usage: bench/run.sh [options]

  --db NAME            database loaded by bench/load.sh (default claimtracker_bench)
  --connections N      concurrency of wrk and pgbench (default 8)
  --threads N          wrk threads and pgbench -j (default 2)
  --duration S         seconds of each measured run (default 20)
  --warmup S           seconds of the warm-up run before each (default 5)
  --pairs N            tracker/pgbench pairs per measure, the side going first alternating (default 3, at least 3)
  --startup-runs N     tracker starts to time (default 3; the median is reported)
  --parties N          medium parties sampled besides the heaviest (default 3)
  --statuses "A B"     statuses asked for (default "denied unresolved confirmed")
  --page-size N        page size of the positions requests (default 50)
  --party ID           measure the positions pages of this party alone, instead of the heaviest and
                       the sampled medium parties (e.g. a coalition, with --scope members)
  --scope S            the scope of the positions requests: self (default), parts or members; the
                       check then compares with tracker_scoped_positions (V12)
  --pages "N..."       page numbers asked for, each with every status (default "0")
  --measures LIST      the wrk/pgbench measures: pos, claim or both (default pos,claim)
  --claims-sample N    claim ids sampled for GET /api/claims/{id} (default 1000)
  --check-rows N       rows compared per party and status in the check (default 2000)
  --view-timeout S     statement timeout of each reporting query (default 900)
  --view-runs N        runs of each reporting query (default 2: cold-ish, then warm)
  --wrk-timeout S      a request slower than this counts as an error in wrk (default 60)
  --only LIST          run only these sections (comma-separated: startup,check,wrk,pgbench,views)
  --skip LIST          skip these sections
  -h, --help           this text

Sections: (a) startup: start the tracker as ./tracker run does (or with \$BENCH_JAVA_OPTS), after an
untimed start that writes the class data archive when there is none, time from the process start to the
first 200 of GET /api/parties?size=1 and read VmRSS right after, median of --startup-runs;
(b) sample: the party that most claims are addressed to and medium ones, with each status, and
random claim ids; (f) check: the positions endpoint against a plain SQL reference; (c) wrk:
saturation throughput and p50/p99 at fixed concurrency, then p50/p99 paced at half that rate;
(d) pgbench: the statements the tracker sent for each sampled request (captured from the server
log with log_min_duration_statement = 0 set on the database for a moment), one pgbench
transaction per HTTP request, -M prepared, same concurrency and duration; (c) and (d) run in
--pairs alternating pairs per measure, every pair printed, the summary giving medians with their
ranges and the ratio as the median of the pairs' ratios with its range; (e) views: every view of
schema reporting and every example query of db/reports, as the role claims_reporting.
Environment: see bench/lib.sh. Output is also appended to bench/results/<date>-<host>.txt.
EOF
}

DB=claimtracker_bench
CONNS=8
THREADS=2
DURATION=20
WARMUP=5
PAIRS=3
STARTUP_RUNS=3
MEDIUM_PARTIES=3
STATUSES="denied unresolved confirmed"
PAGE_SIZE=50
ONE_PARTY=
SCOPE=self
PAGES=0
MEASURES=pos,claim
CLAIMS_SAMPLE=1000
CHECK_ROWS=2000
VIEW_TIMEOUT=900
VIEW_RUNS=2
WRK_TIMEOUT=60
SECTIONS="startup,check,wrk,pgbench,views"
SKIP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    --startup-runs) STARTUP_RUNS=$2; shift 2 ;;
    --parties) MEDIUM_PARTIES=$2; shift 2 ;;
    --statuses) STATUSES=$2; shift 2 ;;
    --page-size) PAGE_SIZE=$2; shift 2 ;;
    --party) ONE_PARTY=$2; shift 2 ;;
    --scope) SCOPE=$2; shift 2 ;;
    --pages) PAGES=$2; shift 2 ;;
    --measures) MEASURES=$2; shift 2 ;;
    --claims-sample) CLAIMS_SAMPLE=$2; shift 2 ;;
    --check-rows) CHECK_ROWS=$2; shift 2 ;;
    --view-timeout) VIEW_TIMEOUT=$2; shift 2 ;;
    --view-runs) VIEW_RUNS=$2; shift 2 ;;
    --wrk-timeout) WRK_TIMEOUT=$2; shift 2 ;;
    --only) SECTIONS=$2; shift 2 ;;
    --skip) SKIP=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for n in "$CONNS" "$THREADS" "$DURATION" "$WARMUP" "$PAIRS" "$STARTUP_RUNS" "$MEDIUM_PARTIES" "$PAGE_SIZE" "$CLAIMS_SAMPLE" "$CHECK_ROWS" "$VIEW_TIMEOUT" "$VIEW_RUNS" "$WRK_TIMEOUT"; do
  [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"
done
[ -z "$ONE_PARTY" ] || [[ $ONE_PARTY =~ ^[0-9]+$ ]] || die "--party takes a party id"
[[ $SCOPE =~ ^(self|parts|members)$ ]] || die "--scope takes self, parts or members"
[[ $PAGES =~ ^[0-9]+( [0-9]+)*$ ]] || die "--pages takes page numbers separated by spaces"
[ "$STARTUP_RUNS" -ge 1 ] || die "--startup-runs must be at least 1"
[ "$PAIRS" -ge 3 ] || die "--pairs must be at least 3: one pair says nothing on a shared machine"
[ "$VIEW_RUNS" -ge 1 ] || die "--view-runs must be at least 1"
[ "$CONNS" -ge "$THREADS" ] || die "--connections must be at least --threads"
wanted() { [[ ",$SECTIONS," == *",$1,"* && ",$SKIP," != *",$1,"* ]]; }
measured() { [[ ",$MEASURES," == *",$1,"* ]]; }

log_to_results
section "bench/run.sh $(date '+%Y-%m-%d %H:%M:%S') --db $DB -c $CONNS -t $THREADS ${DURATION}s (warm-up ${WARMUP}s), $PAIRS pairs"
describe_machine
ensure_tools
ensure_jar
db_exists "$DB" || die "no database $DB: run bench/load.sh first"
CLAIMS=$(sql "$DB" "select count(*) from claim")
[ "$CLAIMS" -gt 0 ] || die "$DB holds no claims: run bench/load.sh first"
echo "dataset:    $DB, $CLAIMS claims, $(sql "$DB" "select count(*) from response") responses,"\
  "$(sql "$DB" "select count(*) from claim_source") sources, $(sql "$DB" "select count(*) from article") articles,"\
  "$(sql "$DB" "select count(*) from party") parties; $(sql "$DB" "select pg_size_pretty(pg_database_size(current_database()))")"

declare -A R # results, for the summary
say "making an analyst token (./tracker token analyst)"
TOKEN=$(tracker_token "$DB" analyst)
[[ $TOKEN == ctk_* ]] || die "no token from ./tracker token analyst (see $WORK_DIR/token.err)"

# ---------------------------------------------------------------------------------------------
section "(b) sample"
POS_PATHS="$WORK_DIR/positions.paths"
CLAIM_PATHS="$WORK_DIR/claims.paths"
# The heaviest party (most claims addressed to it), then medium ones at the 10th, 25th and 50th
# percentile of the parties that claims are addressed to, ranked by that number.
if [ -n "$ONE_PARTY" ]; then
  mapfile -t PARTIES < <(sql "$DB" "
  select p.id || '|' || (select count(*) from claim c where c.addressed_party_id = p.id) || '|'
         || (select count(*) from response x where x.party_id = p.id) || '|' || p.name
    from party p where p.id = $ONE_PARTY")
  [ ${#PARTIES[@]} -gt 0 ] || die "no party $ONE_PARTY in $DB"
else
mapfile -t PARTIES < <(sql "$DB" "
  with ranked as (
    select addressed_party_id as id, count(*) as n,
           row_number() over (order by count(*) desc, addressed_party_id) as rank,
           count(*) over () as parties
      from claim where addressed_party_id is not null group by addressed_party_id
  ), wanted as (
    select 1 as rank
    union select greatest(2, ceil(parties * p)::int) from (select max(parties) as parties from ranked) r,
                 unnest((array[0.10, 0.25, 0.50, 0.75, 0.90])[1:$MEDIUM_PARTIES]) as p
  )
  select r.id || '|' || r.n || '|' || (select count(*) from response x where x.party_id = r.id) || '|' || p.name
    from ranked r join wanted w on w.rank = r.rank join party p on p.id = r.id
   order by r.rank")
fi
[ ${#PARTIES[@]} -gt 0 ] || die "no claim in $DB is addressed to a party"
# What every positions request adds to the status: the scope unless self, the page unless only page 0.
POS_SCOPE=$([ "$SCOPE" = self ] || echo "&scope=$SCOPE")
: >"$POS_PATHS"
echo "  parties (id, claims addressed to it, its responses, name):"
for row in "${PARTIES[@]}"; do
  IFS='|' read -r id n responses name <<<"$row"
  printf '    %8s %9s %9s  %s\n' "$id" "$n" "$responses" "$name"
  for status in $STATUSES; do
    for p in $PAGES; do
      echo "/api/parties/$id/claims?status=$status&size=$PAGE_SIZE$POS_SCOPE$([ "$PAGES" = 0 ] || echo "&page=$p")" >>"$POS_PATHS"
    done
  done
done
echo "  $(wc -l <"$POS_PATHS") positions requests (parties x statuses: $STATUSES x pages: $PAGES), page size $PAGE_SIZE, scope $SCOPE"
sql "$DB" "select '/api/claims/' || id from claim order by random() limit $CLAIMS_SAMPLE" >"$CLAIM_PATHS"
echo "  $(wc -l <"$CLAIM_PATHS") claim ids sampled at random for GET /api/claims/{id}"

# ---------------------------------------------------------------------------------------------
# (d), first part: the SQL that the tracker sends for each sampled request, read from the server
# log while log_min_duration_statement = 0 is set on the database (new sessions only; reset after).
PGB_DIR="$WORK_DIR/pgbench"
CAPTURED=0
capture_sql() {
  section "(d) capturing the tracker's SQL for pgbench"
  local log prefix k path from to
  log=$(pg_log_file)
  if [ -z "$log" ] || [ ! -r "$log" ]; then
    warn "cannot read the server log (${log:-not found}); set BENCH_PG_LOG; pgbench section skipped"
    return
  fi
  prefix=$(sql "$DB" "show log_line_prefix")
  local db_filter=(--db "$DB")
  [[ $prefix == *%d* ]] || { warn "log_line_prefix '$prefix' names no database: statements of other databases may be taken"; db_filter=(); }
  say "server log: $log"
  rm -rf "$PGB_DIR"
  mkdir -p "$PGB_DIR"
  sql "$DB" "alter database \"$DB\" set log_min_duration_statement = 0" >/dev/null
  on_exit "sql postgres 'alter database \"$DB\" reset log_min_duration_statement' >/dev/null"
  tracker_start "$DB"
  tracker_wait_ready 300
  # capture NAME PATH [--bind VALUE=VARIABLE]: one request, its statements as pgbench script NAME.sql.
  capture() {
    local name=$1 path=$2
    shift 2
    api_get "$path" >/dev/null
    sleep 0.3
    from=$(file_size "$log")
    api_get "$path" >/dev/null
    sleep 0.5
    to=$(file_size "$log")
    perl "$BENCH_DIR/pgcapture.pl" --log "$log" --from "$from" --to "$to" "${db_filter[@]}" --title "GET $path" \
      --script "$PGB_DIR/$name.sql" --vars "$PGB_DIR/vars.txt" --dropped "$PGB_DIR/dropped.txt" "$@" 2>"$PGB_DIR/$name.err" \
      || { cat "$PGB_DIR/$name.err"; die "cannot capture the SQL of GET $path"; }
  }
  # kept_summary FILE...: "N requests: A statements kept, B left out" for each distinct answer of pgcapture.pl.
  kept_summary() { cat "$@" | sort | uniq -c | awk '{ $1 = $1 " x"; print }' | paste -sd ';' | sed 's/;/; /g'; }
  k=0
  while read -r path; do
    k=$((k + 1))
    capture "positions-$k" "$path"
  done <"$POS_PATHS"
  say "positions: $k requests captured ($(kept_summary "$PGB_DIR"/positions-*.err))"
  # Claims: ten requests; their scripts, with the claim id as :claim, should be one template.
  k=0
  while read -r path; do
    k=$((k + 1))
    capture "claim-$k" "$path" --bind "${path##*/}=claim"
  done < <(head -n 10 "$CLAIM_PATHS")
  local template
  template=$(for f in "$PGB_DIR"/claim-*.sql; do tail -n +2 "$f" | md5sum; done | sort | uniq -c | sort -rn | head -n 1)
  local same
  same=$(echo "$template" | awk '{ print $1 }')
  say "claims: $k requests captured ($(kept_summary "$PGB_DIR"/claim-*.err));" \
    "$same of $k send one and the same sequence of statements"
  [ "$same" = "$k" ] || warn "GET /api/claims/{id} does not send the same statements for every claim: pgbench uses the most common sequence"
  local model
  for f in "$PGB_DIR"/claim-*.sql; do
    if [ "$(tail -n +2 "$f" | md5sum | awk '{ print $1 }')" = "$(echo "$template" | awk '{ print $2 }')" ]; then
      model=$f
      break
    fi
  done
  {
    echo "-- GET /api/claims/{id} for the $(wc -l <"$CLAIM_PATHS") sampled claim ids, as the tracker sent it ($(basename "$model"))"
    echo "\\set r random(1, $(wc -l <"$CLAIM_PATHS"))"
    awk -F/ '{ printf "%s when :r = %d then %s", (NR == 1 ? "\\set claim case" : ""), NR, $NF } END { print " else 0 end" }' "$CLAIM_PATHS"
    tail -n +2 "$model"
  } >"$PGB_DIR/claims.sql"
  tracker_stop
  sql postgres "alter database \"$DB\" reset log_min_duration_statement" >/dev/null
  sort -u "$PGB_DIR/vars.txt" -o "$PGB_DIR/vars.txt"
  if [ -s "$PGB_DIR/dropped.txt" ]; then
    echo "  left out of the pgbench scripts (per-connection or cached work, not per request):"
    sed -E 's/^GET [^:]+: //' "$PGB_DIR/dropped.txt" | cut -c1-110 | sort | uniq -c | sed 's/^/   /'
  fi
  echo "  statements per request: positions $(($(grep -c ';$' "$PGB_DIR/positions-1.sql"))), claim $(grep -c ';$' "$model")" \
    "(scripts in $PGB_DIR)"
  CAPTURED=1
}
wanted pgbench && capture_sql

# ---------------------------------------------------------------------------------------------
STARTUP_MS=()
STARTUP_RSS=()
STARTUP_CPU=()
start_and_time() {
  local t code
  tracker_start "$DB"
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer $TOKEN" \
      "$(tracker_url '/api/parties?size=1')" 2>/dev/null) || code=000
    [ "$code" = 200 ] && break
    tracker_alive || tracker_failed "the tracker stopped while starting"
    [ $(($(now_ms) - TRACKER_START_MS)) -lt 300000 ] || tracker_failed "no answer in 300 s"
    sleep 0.02
  done
  t=$(($(now_ms) - TRACKER_START_MS))
  STARTUP_MS+=("$t")
  STARTUP_RSS+=("$(tracker_rss_kb)")
  STARTUP_CPU+=("$(proc_cpu_ms "$TRACKER_PID")")
  printf '  run %d: %6d ms to the first 200, VmRSS %4d MB, JVM CPU used by then %6d ms  (Quarkus: %s)\n' \
    "${#STARTUP_MS[@]}" "$t" "$((STARTUP_RSS[-1] / 1024))" "${STARTUP_CPU[-1]}" \
    "$(grep -o 'started in [0-9.]*s' "$TRACKER_LOG" | head -n 1)"
}
if wanted startup; then
  if tracker_cds_training; then
    say "an untimed first start writes the class data archive that the timed starts map (./tracker java-options)"
    tracker_start "$DB"
    tracker_wait_ready 300
    api_get '/api/parties?size=1' >/dev/null
    tracker_stop
  fi
  R[startup_opts]=$(tracker_java_opts)
  section "(a) startup: process start to the first 200 of GET /api/parties?size=1, then VmRSS (${R[startup_opts]})"
  for i in $(seq 1 "$STARTUP_RUNS"); do
    start_and_time
    [ "$i" = "$STARTUP_RUNS" ] || tracker_stop
  done
  R[startup_ms]=$(median "${STARTUP_MS[@]}")
  R[startup_rss_mb]=$(calc "$(median "${STARTUP_RSS[@]}") / 1024" %.0f)
  R[startup_cpu]=$(median "${STARTUP_CPU[@]}")
  echo "  median of ${#STARTUP_MS[@]}: ${R[startup_ms]} ms, VmRSS ${R[startup_rss_mb]} MB, JVM CPU ${R[startup_cpu]} ms" \
    "(the CPU time does not depend on what else runs on the machine; the wall time does)"
fi
ensure_tracker() {
  if ! tracker_alive; then
    TRACKER_PID=
    tracker_start "$DB"
    tracker_wait_ready 300
  fi
}

# ---------------------------------------------------------------------------------------------
if wanted check; then
  section "(f) check: the positions endpoint against plain SQL (tracker_position on each party's latest response)"
  ensure_tracker
  CHECK_PASS=0
  CHECK_FAIL=0
  for row in "${PARTIES[@]}"; do
    id=${row%%|*}
    for status in $STATUSES all; do
      if [ "$status" = all ]; then where="position is not null"; query=""; else where="position = '$status'"; query="status=$status&"; fi
      if [ "$SCOPE" = self ]; then
        reference="
        with pairs as (
          select c.id as claim_id from claim c where c.addressed_party_id = $id
          union
          select r.claim_id from response r where r.party_id = $id
        ), ranked as (
          select r.claim_id, r.id, r.stance, r.stated_on,
                 row_number() over (partition by r.claim_id order by r.stated_on desc, r.id desc) as rn
            from response r where r.party_id = $id
        ), expected as (
          select c.id, coalesce(l.stated_on, c.stated_on) as sort_on, l.id as response_id, l.stance,
                 tracker_position(l.stance, c.claimant_id = $id, c.addressed_party_id is not distinct from $id) as position
            from pairs k join claim c on c.id = k.claim_id left join ranked l on l.claim_id = c.id and l.rn = 1
        )"
      else
        # A scope above the party alone: V12's computed-when-asked function, which the maintained
        # tables are tested against.
        reference="
        with expected as (
          select t.claim_id as id, t.sort_on, t.response_id, t.stance, t.position
            from tracker_scoped_positions($id, '$SCOPE') t
        )"
      fi
      expected_total=$(sql "$DB" "$reference select count(*) from expected where $where")
      sql "$DB" "$reference select id || '|' || position || '|' || coalesce(response_id::text, '-') || '|' || coalesce(stance, '-')
                   from expected where $where order by sort_on desc, id desc limit $CHECK_ROWS" \
        >"$WORK_DIR/check-expected.txt"
      : >"$WORK_DIR/check-actual.txt"
      page=0
      total=
      while :; do
        body=$(api_get "/api/parties/$id/claims?${query}size=200&page=$page$POS_SCOPE") || { total=error; break; }
        total=$(jq -r .total <<<"$body")
        jq -r '.items[] | "\(.claimId)|\(.position)|\(.latestResponse.id // "-")|\(.latestResponse.stance // "-")"' \
          <<<"$body" >>"$WORK_DIR/check-actual.txt"
        page=$((page + 1))
        if [ $((page * 200)) -ge "$total" ] || [ $((page * 200)) -ge "$CHECK_ROWS" ]; then break; fi
      done
      head -n "$CHECK_ROWS" "$WORK_DIR/check-actual.txt" >"$WORK_DIR/check-actual-cut.txt"
      compared=$(wc -l <"$WORK_DIR/check-expected.txt")
      if [ "$total" = "$expected_total" ] && cmp -s "$WORK_DIR/check-expected.txt" "$WORK_DIR/check-actual-cut.txt"; then
        CHECK_PASS=$((CHECK_PASS + 1))
        printf '  pass  party %-8s %-12s total %7s, %6d rows compared in order\n' "$id" "$status" "$total" "$compared"
      else
        CHECK_FAIL=$((CHECK_FAIL + 1))
        printf '  FAIL  party %-8s %-12s total %7s (SQL: %s); first differences (expected / tracker):\n' "$id" "$status" "$total" "$expected_total"
        diff "$WORK_DIR/check-expected.txt" "$WORK_DIR/check-actual-cut.txt" | head -n 6 | sed 's/^/          /' || true
      fi
    done
  done
  R[check]="$CHECK_PASS passed, $CHECK_FAIL failed"
  echo "  check: ${R[check]}"
fi

# ---------------------------------------------------------------------------------------------
kv() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

# run_wrk LABEL PATHS SECONDS [RATE]: one wrk run; sets WRK_LINE.
run_wrk() {
  local label=$1 paths=$2 seconds=$3 rate=${4:-0} out
  out="$WORK_DIR/wrk-$(tr -c 'A-Za-z0-9.-' '_' <<<"$label").txt"
  local jvm0 db0 jvm1 db1 requests
  jvm0=$(proc_cpu_ms "$TRACKER_PID")
  db0=$(backends_cpu_ms "$DB" 'PostgreSQL JDBC%')
  BENCH_PATHS=$paths BENCH_TOKEN=$TOKEN BENCH_RATE=$rate BENCH_THREADS=$THREADS \
    wrk -t"$THREADS" -c"$CONNS" -d"${seconds}s" --timeout "${WRK_TIMEOUT}s" --latency -s "$BENCH_DIR/wrk.lua" \
    "$(tracker_url '')" >"$out" 2>&1 || { cat "$out"; die "wrk failed"; }
  jvm1=$(proc_cpu_ms "$TRACKER_PID")
  db1=$(backends_cpu_ms "$DB" 'PostgreSQL JDBC%')
  WRK_LINE=$(grep '^BENCH_WRK ' "$out") || { cat "$out"; die "wrk printed no result"; }
  requests=$(kv "$WRK_LINE" requests)
  WRK_JVM_CPU=-
  WRK_DB_CPU=-
  if [ "$requests" -gt 0 ]; then
    WRK_JVM_CPU=$(calc "($jvm1 - $jvm0) / $requests")
    [ "$db0" = - ] || [ "$db1" = - ] || WRK_DB_CPU=$(calc "($db1 - $db0) / $requests")
  fi
  local errors
  errors=$(( $(kv "$WRK_LINE" errors_status) + $(kv "$WRK_LINE" errors_connect) + $(kv "$WRK_LINE" errors_read) \
    + $(kv "$WRK_LINE" errors_timeout) ))
  printf '  %-34s %8.1f req/s  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  CPU/req: JVM %6s + PG %6s ms  (%d requests%s)\n' \
    "$label" "$(kv "$WRK_LINE" rps)" "$(kv "$WRK_LINE" p50_ms)" "$(kv "$WRK_LINE" p99_ms)" "$(kv "$WRK_LINE" max_ms)" \
    "$WRK_JVM_CPU" "$WRK_DB_CPU" "$(kv "$WRK_LINE" requests)" "$([ "$errors" = 0 ] || echo ", $errors ERRORS: not 2xx/3xx or failed")"
  [ "$errors" = 0 ] || warn "wrk saw $errors failed requests in '$label' (see $out)"
}

# ---------------------------------------------------------------------------------------------
# run_pgbench LABEL SECONDS LOG(0|1) SCRIPT...: one pgbench run; sets PGB_TPS, PGB_P50, PGB_P99.
run_pgbench() {
  local label=$1 seconds=$2 keep_log=$3 out="$WORK_DIR/pgbench-$1.txt" files=() defs=() logs=() s
  shift 3
  for s in "$@"; do files+=(-f "$s@1"); done
  while IFS= read -r s; do [ -n "$s" ] && defs+=(-D "$s"); done <"$PGB_DIR/vars.txt"
  rm -f "$WORK_DIR/pgblog-$label".* "$WORK_DIR/pgbcpu-$label"
  [ "$keep_log" = 1 ] && logs=(-r -l --log-prefix="$WORK_DIR/pgblog-$label")
  # The CPU of pgbench's server processes (pgbench_cpu_samples); with the transaction log, divided by
  # the transactions that ended between the two samples.
  local sampler= started
  started=$(date +%s.%N)
  if [ "$keep_log" = 1 ] && [ "$seconds" -ge 6 ]; then
    pgbench_cpu_samples "$DB" "$started" "$seconds" >"$WORK_DIR/pgbcpu-$label" 2>/dev/null &
    sampler=$!
  fi
  pgbench -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "$BENCH_PGUSER" -n -M prepared -c "$CONNS" -j "$THREADS" \
    -T "$seconds" "${files[@]}" "${defs[@]}" "${logs[@]}" "$DB" >"$out" 2>&1 || { tail -n 20 "$out"; die "pgbench failed"; }
  [ -z "$sampler" ] || wait "$sampler" || true
  PGB_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out" | tail -n 1)
  PGB_TPS=$(printf '%.1f' "$PGB_TPS")
  local failed avg
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
  avg=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$out")
  PGB_P50=-
  PGB_P99=-
  PGB_DB_CPU=-
  if [ "$keep_log" = 1 ]; then
    cat "$WORK_DIR/pgblog-$label".* | awk '$3 ~ /^[0-9]+$/ { print $3 / 1000 }' | sort -n >"$WORK_DIR/pgblog-$label.sorted"
    PGB_P50=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.50 + 0.999999); print a[i < 1 ? 1 : i] }' "$WORK_DIR/pgblog-$label.sorted")
    PGB_P99=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.99 + 0.999999); print a[i < 1 ? 1 : i] }' "$WORK_DIR/pgblog-$label.sorted")
    if [ -s "$WORK_DIR/pgbcpu-$label" ] && ! grep -q ' -$' "$WORK_DIR/pgbcpu-$label" && [ "$(wc -l <"$WORK_DIR/pgbcpu-$label")" = 2 ]; then
      read -r t0 c0 t1 c1 <<<"$(paste -sd ' ' "$WORK_DIR/pgbcpu-$label")"
      local ended
      ended=$(cat "$WORK_DIR/pgblog-$label".[0-9]* | awk -v a="$t0" -v b="$t1" '{ t = $5 + $6 / 1e6 } t >= a && t <= b { n++ } END { print n + 0 }')
      [ "$ended" -gt 0 ] && PGB_DB_CPU=$(calc "($c1 - $c0) / $ended")
    fi
    rm -f "$WORK_DIR/pgblog-$label".* "$WORK_DIR/pgbcpu-$label"
  fi
  printf '  %-34s %8.1f tx/s   p50 %8s ms  p99 %8s ms  avg %8s ms  CPU/tx: PG %6s ms  (%s failed)\n' "$label" "$PGB_TPS" \
    "$([ "$PGB_P50" = - ] && echo - || printf '%.2f' "$PGB_P50")" "$([ "$PGB_P99" = - ] && echo - || printf '%.2f' "$PGB_P99")" \
    "${avg:--}" "$PGB_DB_CPU" "${failed:-0}"
  if [ "$keep_log" = 1 ] && [ $# -gt 1 ]; then
    # Per script (one per sampled URL): the mean latency of its transactions.
    awk '/^SQL script [0-9]+: / { file = $4 } / - latency average = / && file { print $5, file; file = "" }' "$out" |
      while read -r ms file; do
        printf '      %10.2f ms  %s\n' "$ms" "$(head -n 1 "$file" | sed -E 's/^-- (.*): [0-9]+ statements.*/\1/')"
      done
  fi
}

# ---------------------------------------------------------------------------------------------
# (c) and (d) in pairs: for each measure, --pairs pairs of a tracker side (wrk: warm-up, saturation,
# paced at half of it) and a pgbench side (warm-up, saturation), the side that goes first
# alternating, so that a slow spell of the shared machine falls on both sides rather than on one.
declare -A P # the pairs' figures: P[measure,figure] = one value per pair, space-separated
add() { P[$1,$2]="${P[$1,$2]:-}${P[$1,$2]:+ }$3"; }
values() { printf '%s\n' ${P[$1,$2]:-}; }
# mr MEASURE FIGURE: "median (lowest-highest)" of the pairs' values, or - when there are none.
mr() {
  local v
  read -ra v <<<"${P[$1,$2]:-}"
  if [ ${#v[@]} = 0 ]; then echo -; else median_range "${v[@]}"; fi
}
# pair_verdict MEASURE FIGURE OP BOUND: the target judged on every pair (per_pair, bench/lib.sh).
pair_verdict() {
  local v
  read -ra v <<<"${P[$1,$2]:-}"
  per_pair "$3" "$4" "${v[@]}"
}

tracker_side() {
  local key=$1 paths=$2 half
  run_wrk "$key warm-up (${WARMUP}s)" "$paths" "$WARMUP"
  run_wrk "$key saturation (${DURATION}s)" "$paths" "$DURATION"
  add "$key" rps "$(kv "$WRK_LINE" rps)"
  add "$key" p50 "$(printf '%.2f' "$(kv "$WRK_LINE" p50_ms)")"
  add "$key" p99 "$(printf '%.2f' "$(kv "$WRK_LINE" p99_ms)")"
  [ "$WRK_JVM_CPU" = - ] || add "$key" jvm_cpu "$WRK_JVM_CPU"
  [ "$WRK_DB_CPU" = - ] || add "$key" db_cpu "$WRK_DB_CPU"
  half=$(calc "$(kv "$WRK_LINE" rps) / 2" %.1f)
  run_wrk "$key paced at $half req/s (${DURATION}s)" "$paths" "$DURATION" "$half"
  add "$key" half_rps "$(kv "$WRK_LINE" rps)"
  add "$key" half_p50 "$(printf '%.2f' "$(kv "$WRK_LINE" p50_ms)")"
  add "$key" half_p99 "$(printf '%.2f' "$(kv "$WRK_LINE" p99_ms)")"
}

pgbench_side() {
  local key=$1 pair=$2
  shift 2
  run_pgbench "$key-warm-up-$pair" "$WARMUP" 0 "$@"
  run_pgbench "$key-$pair" "$DURATION" 1 "$@"
  add "$key" tps "$PGB_TPS"
  [ "$PGB_P50" = - ] || add "$key" pgb_p50 "$(printf '%.2f' "$PGB_P50")"
  [ "$PGB_P99" = - ] || add "$key" pgb_p99 "$(printf '%.2f' "$PGB_P99")"
  [ "$PGB_DB_CPU" = - ] || add "$key" pgb_cpu "$PGB_DB_CPU"
}

SIDE_T=0 SIDE_P=0
wanted wrk && SIDE_T=1
wanted pgbench && [ "$CAPTURED" = 1 ] && SIDE_P=1
if [ "$SIDE_T" = 1 ] || [ "$SIDE_P" = 1 ]; then
  section "(c) wrk and (d) pgbench in $PAIRS alternating pairs per measure: -c $CONNS, $THREADS threads, ${DURATION}s"
  echo "  tracker side: wrk warm-up ${WARMUP}s, saturation, then paced at half the saturation rate through wrk's delay()"
  echo "  pgbench side: the captured statements, -M prepared, one transaction per HTTP request; warm-up, saturation"
  POS_SCRIPTS=("$PGB_DIR"/positions-*.sql)
  if [ "$SIDE_T" = 1 ]; then
    # A tracker just started answers its first seconds of load slowly (class loading, compiling):
    # one untimed warm-up of each measure first, so that the first pair's tracker side is not the coldest.
    ensure_tracker
    ! measured pos || run_wrk "pos untimed warm-up (${WARMUP}s)" "$POS_PATHS" "$WARMUP"
    ! measured claim || run_wrk "claim untimed warm-up (${WARMUP}s)" "$CLAIM_PATHS" "$WARMUP"
  fi
  for key in pos claim; do
    measured "$key" || continue
    if [ "$key" = pos ]; then
      paths=$POS_PATHS scripts=("${POS_SCRIPTS[@]}")
      echo "  GET /api/parties/{id}/claims?status=...&size=$PAGE_SIZE: $(wc -l <"$POS_PATHS") URLs in rotation;" \
        "pgbench: one script per URL, equal weights"
    else
      paths=$CLAIM_PATHS scripts=("$PGB_DIR/claims.sql")
      echo "  GET /api/claims/{id}: $(wc -l <"$CLAIM_PATHS") ids in rotation; pgbench: one script, the id drawn from them"
    fi
    for pair in $(seq 1 "$PAIRS"); do
      echo "  $key pair $pair ($([ $((pair % 2)) = 1 ] && echo "tracker first" || echo "pgbench first")), load $(cut -d' ' -f1-3 /proc/loadavg)"
      if [ $((pair % 2)) = 1 ]; then
        [ "$SIDE_T" = 0 ] || tracker_side "$key" "$paths"
        [ "$SIDE_P" = 0 ] || pgbench_side "$key" "$pair" "${scripts[@]}"
      else
        [ "$SIDE_P" = 0 ] || pgbench_side "$key" "$pair" "${scripts[@]}"
        [ "$SIDE_T" = 0 ] || tracker_side "$key" "$paths"
      fi
      if [ "$SIDE_T" = 1 ] && [ "$SIDE_P" = 1 ]; then
        add "$key" ratio "$(calc "$(values "$key" rps | tail -n 1) / $(values "$key" tps | tail -n 1)" %.2f)"
        echo "  $key pair $pair: tracker/pgbench $(values "$key" ratio | tail -n 1)"
      fi
    done
  done
  if [ "$SIDE_T" = 1 ]; then
    echo "  tracker memory after the load: VmRSS $(($(tracker_rss_kb) / 1024)) MB, peak VmHWM" \
      "$(($(awk '/^VmHWM:/ { print $2 }' "/proc/$TRACKER_PID/status") / 1024)) MB"
    grep -q ' ERROR ' "$TRACKER_LOG" && warn "the tracker logged errors: see $TRACKER_LOG"
  fi
fi
tracker_stop

# ---------------------------------------------------------------------------------------------
# as_reporting ARGS...: psql as the read-only role claims_reporting; prints rows/lines and "Time: " lines.
as_reporting() {
  PGPASSWORD=$REPORTING_PASSWORD psql -X -q -At -v ON_ERROR_STOP=1 -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" \
    -U claims_reporting -d "$DB" -c "set statement_timeout = '${VIEW_TIMEOUT}s'" -c '\timing on' "$@"
}
time_sum() { awk '/^Time: / { t += $2 } END { printf "%.1f", t }' "$1"; }

if wanted views; then
  section "(e) reporting views and example queries, as claims_reporting ($VIEW_RUNS run(s) each; ms)"
  if ! PGPASSWORD=$REPORTING_PASSWORD psql -X -Atq -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U claims_reporting -d "$DB" \
    -c 'select 1' >/dev/null 2>&1; then
    warn "cannot log in as claims_reporting (TRACKER_REPORTING_PASSWORD: ./tracker setup gives the role the password set there)"
  else
    printf '  %-58s %10s' "query" "rows"
    for run in $(seq 1 "$VIEW_RUNS"); do printf ' %10s' "run $run"; done
    echo
    mapfile -t VIEWS < <(sql "$DB" "select table_name from information_schema.views where table_schema = 'reporting' order by 1")
    for v in "${VIEWS[@]}"; do
      times=()
      rows=-
      for run in $(seq 1 "$VIEW_RUNS"); do
        if as_reporting -c "select count(*) from (select * from reporting.$v) x" >"$WORK_DIR/view.out" 2>&1; then
          rows=$(grep -v '^Time: ' "$WORK_DIR/view.out" | head -n 1)
          times+=("$(time_sum "$WORK_DIR/view.out")")
        else
          times+=("failed")
          warn "reporting.$v: $(grep -v '^Time: ' "$WORK_DIR/view.out" | head -n 1)"
        fi
      done
      R[view_$v]=${times[-1]}
      printf '  %-58s %10s' "select count(*) from (select * from reporting.$v) x" "$rows"
      printf ' %10s' "${times[@]}"
      echo
    done
    for f in "$REPO_DIR"/db/reports/*.sql; do
      times=()
      rows=-
      for run in $(seq 1 "$VIEW_RUNS"); do
        if as_reporting -o "$WORK_DIR/report.rows" -f "$f" >"$WORK_DIR/report.out" 2>&1; then
          rows=$(wc -l <"$WORK_DIR/report.rows")
          times+=("$(time_sum "$WORK_DIR/report.out")")
        else
          times+=("failed")
          warn "$(basename "$f"): $(grep -v '^Time: ' "$WORK_DIR/report.out" | head -n 1)"
        fi
      done
      R[report_$(basename "$f" .sql)]=${times[-1]}
      printf '  %-58s %10s' "psql -f db/reports/$(basename "$f")" "$rows"
      printf ' %10s' "${times[@]}"
      echo
    done
    rm -f "$WORK_DIR/view.out" "$WORK_DIR/report.out" "$WORK_DIR/report.rows"
  fi
fi

# ---------------------------------------------------------------------------------------------
section "summary: $DB, $CLAIMS claims, -c $CONNS -t $THREADS, ${DURATION}s runs"
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=") ? (a >= b) : (a <= b); print (ok ? "met" : "NOT met") }'; }
row() { printf '  %-46s %-30s %-30s %-22s %s\n' "$@"; }
echo "  tracker and pgbench figures: median (lowest-highest) of the pairs; ratios: median (range) of the pairs' ratios"
row "measure" "tracker" "pgbench (same SQL)" "ratio" "target"
for key in pos claim; do
  [ "$key" = pos ] && name="positions page of $PAGE_SIZE" || name="claim by id"
  [ -n "${P[$key,rps]:-}${P[$key,tps]:-}" ] || continue
  target=
  [ "$key" = pos ] && [ -n "${P[$key,ratio]:-}" ] && target=">= 0.5: $(pair_verdict "$key" ratio '>=' 0.5)"
  row "$name: throughput /s" "$(mr "$key" rps)" "$(mr "$key" tps)" "$(mr "$key" ratio)" "$target"
  row "$name: p50 ms" "$(mr "$key" p50)" "$(mr "$key" pgb_p50)" "" ""
  row "$name: p99 ms" "$(mr "$key" p99)" "$(mr "$key" pgb_p99)" "" ""
  row "$name: CPU ms per request" "JVM $(mr "$key" jvm_cpu)" "" "" ""
  row "" "+ PG $(mr "$key" db_cpu)" "PG $(mr "$key" pgb_cpu)" "" ""
  if [ -n "${P[$key,half_p99]:-}" ]; then
    target=
    [ "$key" = pos ] && target="p99 <= 20 ms: $(pair_verdict "$key" half_p99 '<=' 20)"
    row "$name: half rate, p50 ms" "$(mr "$key" half_p50)" "" "" ""
    row "$name: half rate, p99 ms" "$(mr "$key" half_p99)" "(at $(mr "$key" half_rps) req/s)" "" "$target"
  fi
done
if [ -n "${R[startup_ms]:-}" ]; then
  row "startup to first 200 (median of $STARTUP_RUNS)" "${R[startup_ms]} ms" "" "" "<= 2000 ms: $(verdict "${R[startup_ms]}" '<=' 2000)"
  row "JVM CPU time used by then (median)" "${R[startup_cpu]} ms" "" "" ""
  row "VmRSS after it (median, ${R[startup_opts]})" "${R[startup_rss_mb]} MB" "" "" "<= 300 MB: $(verdict "${R[startup_rss_mb]}" '<=' 300)"
fi
if [ -f "$WORK_DIR/import-$DB.env" ]; then
  # shellcheck disable=SC1090
  source "$WORK_DIR/import-$DB.env"
  if [ -n "${IMPORT_RATIO:-}" ]; then
    row "import rows/s (bench/load.sh, $IMPORT_DATE)" "$IMPORT_TRACKER_RATE" "\\copy: $IMPORT_COPY_RATE" "$IMPORT_RATIO" \
      ">= 0.3: $(verdict "$IMPORT_RATIO" '>=' 0.3)"
  fi
fi
[ -z "${R[check]:-}" ] || row "positions endpoint vs SQL" "${R[check]}" "" "" ""
if wanted views; then
  slowest=$(for k in "${!R[@]}"; do if [[ $k == view_* ]]; then echo "${R[$k]} ${k#view_}"; fi; done | sort -rn | head -n 1)
  [ -z "$slowest" ] || row "slowest view, count(*) (last run)" "${slowest#* }: ${slowest%% *} ms" "" "" ""
  slowest=$(for k in "${!R[@]}"; do if [[ $k == report_* ]]; then echo "${R[$k]} ${k#report_}"; fi; done | sort -rn | head -n 1)
  [ -z "$slowest" ] || row "slowest example query (last run)" "${slowest#* }: ${slowest%% *} ms" "" "" ""
fi
echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine disturbs the figures)"
