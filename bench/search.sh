#!/usr/bin/env bash
# Benchmarks full-text search (issue 15) on a database loaded by bench/load.sh: the size of the
# search columns and their GIN indexes and the time to build them, then GET /api/search (a fixed
# mix of queries, page of 20 with snippets) under wrk against the same SQL under pgbench, in
# alternating pairs, with medians and ranges. Prints the figures with the targets.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

usage() {
  cat <<EOF
usage: bench/search.sh [options]

  --db NAME            database loaded by bench/load.sh (default claimtracker_bench)
  --queries FILE       the query mix, "class<TAB>q" per line (default bench/search/queries.txt)
  --size N             page size (default 20)
  --connections N      concurrency of wrk and pgbench (default 8)
  --threads N          wrk threads and pgbench -j (default 2)
  --duration S         seconds of each measured run (default 20)
  --warmup S           seconds of the warm-up run before each side (default 5)
  --pairs N            tracker/pgbench pairs, the order alternating (default 3)
  --wrk-timeout S      a request slower than this counts as an error in wrk (default 60)
  --per-query N        runs of each query alone, tracker (curl) and pgbench (-c 1), for its median
                       latency (default 3; 0 skips)
  --skip LIST          leave out parts (comma-separated: index,build,load)
  -h, --help           this text

Parts: (i) index: rows, the bytes of the search_vector columns (sum of pg_column_size) against
the table (pg_table_size, with TOAST), the size of each *_fulltext_idx; (build) the time to compute
each table's vectors again (its generation expression over all rows) and to build a copy of its
GIN index (dropped after); (q) per query: total hits and the statements the tracker sends (captured
from the server log with log_min_duration_statement = 0 set on the database for a moment, turned
into one pgbench script per query by bench/pgcapture.pl); (load) --pairs pairs of: wrk saturation
(after a warm-up) and paced at half that rate, and pgbench -M prepared saturation and --rate at half
its rate, the two sides alternating which goes first; medians with ranges, load average per run.
Environment: see bench/lib.sh. Output is also appended to bench/results/<date>-<host>.txt.
EOF
}

DB=claimtracker_bench
QUERIES="$BENCH_DIR/search/queries.txt"
SIZE=20
CONNS=8
THREADS=2
DURATION=20
WARMUP=5
PAIRS=3
PER_QUERY=3
WRK_TIMEOUT=60
SKIP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    --per-query) PER_QUERY=$2; shift 2 ;;
    --wrk-timeout) WRK_TIMEOUT=$2; shift 2 ;;
    --skip) SKIP=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for n in "$SIZE" "$CONNS" "$THREADS" "$DURATION" "$WARMUP" "$PAIRS" "$PER_QUERY" "$WRK_TIMEOUT"; do
  [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"
done
[ "$PAIRS" -ge 1 ] || die "--pairs must be at least 1"
[ "$DURATION" -ge 4 ] || die "--duration must be at least 4"
[ -r "$QUERIES" ] || die "cannot read $QUERIES"
skipped() { [[ ",$SKIP," == *",$1,"* ]]; }
load_now() { cut -d' ' -f1 /proc/loadavg; }

log_to_results
section "bench/search.sh $(date '+%Y-%m-%d %H:%M:%S') --db $DB -c $CONNS -t $THREADS ${DURATION}s x $PAIRS pairs (warm-up ${WARMUP}s)"
describe_machine
ensure_tools
ensure_jar
db_exists "$DB" || die "no database $DB: run bench/load.sh first"
[ "$(sql "$DB" "select count(*) from information_schema.columns where column_name = 'search_vector' and table_name = 'article'")" = 1 ] \
  || die "$DB has no article.search_vector: its schema predates full-text search (V11)"
echo "dataset:    $DB, $(sql "$DB" "select count(*) from claim") claims, $(sql "$DB" "select count(*) from response") responses,"\
  "$(sql "$DB" "select count(*) from claim_source") sources, $(sql "$DB" "select count(*) from article") articles"\
  "($(sql "$DB" "select pg_size_pretty(sum(length(body))) from article") of text),"\
  "$(sql "$DB" "select count(*) from party") parties; $(sql "$DB" "select pg_size_pretty(pg_database_size(current_database()))")"

declare -A R

# ---------------------------------------------------------------------------------------------
# The tables with a search_vector column, and the generation expression of each.
mapfile -t TABLES < <(sql "$DB" "
  select c.relname from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
   where a.attname = 'search_vector' and c.relkind = 'r' and n.nspname = 'public' and not a.attisdropped
   order by pg_table_size(c.oid) desc")
[ ${#TABLES[@]} -gt 0 ] || die "no search_vector column in $DB"

if ! skipped index; then
  section "(i) the search columns and their GIN indexes"
  printf '  %-14s %10s %12s %12s %7s %12s %12s %7s\n' table rows "table" vectors share "index" "idx/row B" "idx/tbl"
  for t in "${TABLES[@]}"; do
    IFS='|' read -r rows tbytes vbytes ibytes <<<"$(sql "$DB" "
      select count(*), pg_table_size('$t'), coalesce(sum(pg_column_size(search_vector)), 0),
             coalesce(pg_relation_size(to_regclass('${t}_fulltext_idx')), 0) from $t")"
    R[vec_total]=$(( ${R[vec_total]:-0} + vbytes ))
    R[idx_total]=$(( ${R[idx_total]:-0} + ibytes ))
    R[tbl_total]=$(( ${R[tbl_total]:-0} + tbytes ))
    printf '  %-14s %10s %12s %12s %6s%% %12s %12s %6s%%\n' "$t" "$rows" "$(numfmt --to=iec "$tbytes")" "$(numfmt --to=iec "$vbytes")" \
      "$(calc "100 * $vbytes / ($tbytes > 0 ? $tbytes : 1)" %.0f)" "$(numfmt --to=iec "$ibytes")" \
      "$(calc "$ibytes / ($rows > 0 ? $rows : 1)" %.0f)" "$(calc "100 * $ibytes / ($tbytes > 0 ? $tbytes : 1)" %.0f)"
  done
  printf '  %-14s %10s %12s %12s %6s%% %12s\n' all "" "$(numfmt --to=iec "${R[tbl_total]}")" "$(numfmt --to=iec "${R[vec_total]}")" \
    "$(calc "100 * ${R[vec_total]} / ${R[tbl_total]}" %.0f)" "$(numfmt --to=iec "${R[idx_total]}")"
  echo "  (vectors: sum of pg_column_size(search_vector), compressed as stored; share: of pg_table_size, TOAST included;"
  echo "   the suggestion indexes (trigram, on party, party_alias, incident): $(sql "$DB" "select pg_size_pretty(sum(pg_relation_size(c.oid))) from pg_class c where c.relname like '%\\_suggest\\_idx'")"
  echo "   database: $(sql "$DB" "select pg_size_pretty(pg_database_size(current_database()))"))"
fi

if ! skipped build; then
  section "(build) computing the vectors and building the GIN indexes again (maintenance_work_mem $(sql "$DB" 'show maintenance_work_mem'); load $(load_now))"
  printf '  %-14s %14s %14s   %s\n' table "vectors ms" "GIN build ms" "load 1 min"
  for t in "${TABLES[@]}"; do
    expr=$(sql "$DB" "select pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d join pg_attribute a
                        on a.attrelid = d.adrelid and a.attnum = d.adnum where d.adrelid = '$t'::regclass and a.attname = 'search_vector'")
    [ -n "$expr" ] || { warn "no generation expression for $t.search_vector"; continue; }
    vec_ms=$(pg "$DB" -At -c '\timing on' -c "select sum(length($expr)) from $t" | awk '/^Time: / { print $2 }')
    gin_ms=$(PGOPTIONS='-c client_min_messages=warning' pg "$DB" -At -c "drop index if exists bench_search_copy_idx" -c '\timing on' \
      -c "create index bench_search_copy_idx on $t using gin (search_vector)" | awk '/^Time: / { print $2 }')
    sql "$DB" "drop index if exists bench_search_copy_idx" >/dev/null
    R[vec_ms]=$(calc "${R[vec_ms]:-0} + $vec_ms" %.0f)
    R[gin_ms]=$(calc "${R[gin_ms]:-0} + $gin_ms" %.0f)
    printf '  %-14s %14.0f %14.0f   %s\n' "$t" "$vec_ms" "$gin_ms" "$(load_now)"
  done
  printf '  %-14s %14s %14s\n' all "${R[vec_ms]}" "${R[gin_ms]}"
  echo "  (vectors: select sum(length(<the column's generation expression>)) over all rows, the work that an"
  echo "   import or an ALTER TABLE ... ADD COLUMN does; GIN: create index on the stored column, one at a time)"
fi

# ---------------------------------------------------------------------------------------------
section "(q) the query mix, and the SQL the tracker sends for each"
say "making an analyst token (./tracker token analyst)"
TOKEN=$(tracker_token "$DB" analyst)
[[ $TOKEN == ctk_* ]] || die "no token from ./tracker token analyst (see $WORK_DIR/token.err)"
PGB_DIR="$WORK_DIR/search-pgbench-$DB"
PATHS="$WORK_DIR/search-$DB.paths"
rm -rf "$PGB_DIR"
mkdir -p "$PGB_DIR"
: >"$PATHS"
CLASSES=()
QS=()
while IFS=$'\t' read -r class q; do
  [[ -z $class || $class == \#* ]] && continue
  [ -n "${q:-}" ] || die "$QUERIES: no tab-separated query after '$class'"
  CLASSES+=("$class")
  QS+=("$q")
  echo "/api/search?q=$(jq -rn --arg q "$q" '$q | @uri')&size=$SIZE" >>"$PATHS"
done <"$QUERIES"
[ ${#QS[@]} -gt 0 ] || die "no query in $QUERIES"

log=$(pg_log_file)
[ -n "$log" ] && [ -r "$log" ] || die "cannot read the server log (${log:-not found}); set BENCH_PG_LOG"
prefix=$(sql "$DB" "show log_line_prefix")
db_filter=(--db "$DB")
[[ $prefix == *%d* ]] || { warn "log_line_prefix '$prefix' names no database: statements of other databases may be taken"; db_filter=(); }
sql "$DB" "alter database \"$DB\" set log_min_duration_statement = 0" >/dev/null
on_exit "sql postgres 'alter database \"$DB\" reset log_min_duration_statement' >/dev/null"
tracker_start "$DB"
tracker_wait_ready 300
printf '  %-10s %-24s %9s %7s %9s %s\n' class q hits shown "SQL" "kinds (facets)"
i=0
while read -r path; do
  api_get "$path" >/dev/null
  sleep 0.3
  from=$(file_size "$log")
  body=$(api_get "$path")
  sleep 0.5
  to=$(file_size "$log")
  perl "$BENCH_DIR/pgcapture.pl" --log "$log" --from "$from" --to "$to" "${db_filter[@]}" --title "GET $path" \
    --script "$PGB_DIR/search-$((i + 1)).sql" --vars "$PGB_DIR/vars.txt" --dropped "$PGB_DIR/dropped.txt" \
    2>"$PGB_DIR/search-$((i + 1)).err" || { cat "$PGB_DIR/search-$((i + 1)).err"; die "cannot capture the SQL of GET $path"; }
  printf '  %-10s %-24s %9s %7s %9s %s\n' "${CLASSES[$i]}" "${QS[$i]}" "$(jq -r .total <<<"$body")" "$(jq -r '.items | length' <<<"$body")" \
    "$(sed 's/ kept.*//' "$PGB_DIR/search-$((i + 1)).err") stmts" \
    "$(jq -r '[.facets.kinds[]? | "\(.kind) \(.count)"] | join(", ")' <<<"$body" 2>/dev/null | cut -c1-80)"
  i=$((i + 1))
done <"$PATHS"
sql postgres "alter database \"$DB\" reset log_min_duration_statement" >/dev/null
tracker_stop
sort -u "$PGB_DIR/vars.txt" -o "$PGB_DIR/vars.txt"
if [ -s "$PGB_DIR/dropped.txt" ]; then
  echo "  left out of the pgbench scripts (per-connection or cached work):"
  sed -E 's/^GET [^:]+: //' "$PGB_DIR/dropped.txt" | cut -c1-100 | sort | uniq -c | sed 's/^/   /'
fi
echo "  scripts: $PGB_DIR/search-*.sql (one per query, equal weights; one pgbench transaction = one request)"

# ---------------------------------------------------------------------------------------------
# (per query) each query alone, one at a time: the tracker's time (curl, to the last byte) and
# pgbench's (one client, its script), medians of --per-query runs, after one untimed run each.
if [ "$PER_QUERY" -gt 0 ]; then
  section "(per query) each alone, one at a time: median of $PER_QUERY runs, ms (load $(load_now))"
  tracker_start "$DB"
  tracker_wait_ready 300
  printf '  %-10s %-24s %10s %10s\n' class q tracker pgbench
  defs=()
  while IFS= read -r s; do [ -n "$s" ] && defs+=(-D "$s"); done <"$PGB_DIR/vars.txt"
  i=0
  while read -r path; do
    api_get "$path" >/dev/null
    times=()
    for k in $(seq 1 "$PER_QUERY"); do
      times+=("$(curl -fsS -o /dev/null -w '%{time_total}' --max-time 120 -H "Authorization: Bearer $TOKEN" "$(tracker_url "$path")" |
        awk '{ printf "%.1f", $1 * 1000 }')")
    done
    pgb=$(pgbench -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "$BENCH_PGUSER" -n -M prepared -c 1 -t "$((PER_QUERY + 1))" \
      -f "$PGB_DIR/search-$((i + 1)).sql" "${defs[@]}" "$DB" 2>&1 | sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p')
    printf '  %-10s %-24s %10s %10s\n' "${CLASSES[$i]}" "${QS[$i]}" "$(median "${times[@]}")" "${pgb:--}"
    i=$((i + 1))
  done <"$PATHS"
  echo "  (pgbench: the mean of $((PER_QUERY + 1)) transactions, the first included)"
  tracker_stop
fi

# ---------------------------------------------------------------------------------------------
kv() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

# run_wrk LABEL SECONDS [RATE]: one wrk run over the query URLs; sets W_RPS, W_P50, W_P99.
run_wrk() {
  local label=$1 seconds=$2 rate=${3:-0} out line errors load
  out="$WORK_DIR/search-wrk.txt"
  load=$(load_now)
  BENCH_PATHS=$PATHS BENCH_TOKEN=$TOKEN BENCH_RATE=$rate BENCH_THREADS=$THREADS \
    wrk -t"$THREADS" -c"$CONNS" -d"${seconds}s" --timeout "${WRK_TIMEOUT}s" --latency -s "$BENCH_DIR/wrk.lua" \
    "$(tracker_url '')" >"$out" 2>&1 || { cat "$out"; die "wrk failed"; }
  line=$(grep '^BENCH_WRK ' "$out") || { cat "$out"; die "wrk printed no result"; }
  errors=$(($(kv "$line" errors_status) + $(kv "$line" errors_connect) + $(kv "$line" errors_read) + $(kv "$line" errors_timeout)))
  W_RPS=$(printf '%.1f' "$(kv "$line" rps)")
  W_P50=$(printf '%.2f' "$(kv "$line" p50_ms)")
  W_P99=$(printf '%.2f' "$(kv "$line" p99_ms)")
  printf '  %-30s %8s req/s  p50 %8s ms  p99 %8s ms  load %5s%s\n' "$label" "$W_RPS" "$W_P50" "$W_P99" "$load" \
    "$([ "$errors" = 0 ] || echo "  $errors ERRORS")"
  [ "$errors" = 0 ] || warn "wrk saw $errors failed requests (see $out)"
}

# run_pgbench LABEL SECONDS [RATE]: one pgbench run of the query scripts; sets P_TPS, P_P50, P_P99.
# Latency per transaction from the log; paced (--rate), the schedule lag is taken off, as wrk's
# delay() does not count it either.
run_pgbench() {
  local label=$1 seconds=$2 rate=${3:-0} out="$WORK_DIR/search-pgbench.txt" files=() defs=() s load paced=()
  for s in "$PGB_DIR"/search-*.sql; do files+=(-f "$s@1"); done
  while IFS= read -r s; do [ -n "$s" ] && defs+=(-D "$s"); done <"$PGB_DIR/vars.txt"
  [ "$rate" = 0 ] || paced=(--rate "$rate")
  rm -f "$WORK_DIR/search-pgblog".*
  load=$(load_now)
  pgbench -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "$BENCH_PGUSER" -n -M prepared -c "$CONNS" -j "$THREADS" \
    -T "$seconds" "${paced[@]}" "${files[@]}" "${defs[@]}" -l --log-prefix="$WORK_DIR/search-pgblog" "$DB" >"$out" 2>&1 \
    || { tail -n 20 "$out"; die "pgbench failed"; }
  P_TPS=$(printf '%.1f' "$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out" | tail -n 1)")
  cat "$WORK_DIR/search-pgblog".* | awk -v paced="$rate" '$3 ~ /^[0-9]+$/ { print ($3 - (paced > 0 && NF >= 7 ? $7 : 0)) / 1000 }' \
    | sort -n >"$WORK_DIR/search-pgblog.sorted"
  P_P50=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.50 + 0.999999); printf "%.2f", a[i < 1 ? 1 : i] }' "$WORK_DIR/search-pgblog.sorted")
  P_P99=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.99 + 0.999999); printf "%.2f", a[i < 1 ? 1 : i] }' "$WORK_DIR/search-pgblog.sorted")
  local failed
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
  printf '  %-30s %8s tx/s   p50 %8s ms  p99 %8s ms  load %5s%s\n' "$label" "$P_TPS" "$P_P50" "$P_P99" "$load" \
    "$([ "${failed:-0}" = 0 ] || echo "  $failed FAILED")"
  rm -f "$WORK_DIR/search-pgblog".*
}

# median and range of the arguments: "m (lo-hi)".
mrange() { printf '%s (%s-%s)' "$(median "$@")" "$(printf '%s\n' "$@" | sort -g | head -n 1)" "$(printf '%s\n' "$@" | sort -g | tail -n 1)"; }

tracker_side() {
  run_wrk "tracker warm-up (${WARMUP}s)" "$WARMUP"
  run_wrk "tracker saturation (${DURATION}s)" "$DURATION"
  T_RPS+=("$W_RPS") T_P50+=("$W_P50") T_P99+=("$W_P99")
  local half
  half=$(calc "$W_RPS / 2" %.1f)
  run_wrk "tracker at $half req/s" "$DURATION" "$half"
  T_HP50+=("$W_P50") T_HP99+=("$W_P99") T_HRPS+=("$W_RPS")
}
pgbench_side() {
  run_pgbench "pgbench warm-up (${WARMUP}s)" "$WARMUP"
  run_pgbench "pgbench saturation (${DURATION}s)" "$DURATION"
  G_TPS+=("$P_TPS") G_P50+=("$P_P50") G_P99+=("$P_P99")
  local half
  half=$(calc "$P_TPS / 2" %.1f)
  run_pgbench "pgbench at $half tx/s" "$DURATION" "$half"
  G_HP50+=("$P_P50") G_HP99+=("$P_P99")
}

if ! skipped load; then
  section "(load) $PAIRS pairs, $CONNS connections, $THREADS threads: saturation, then paced at half of it"
  T_RPS=() T_P50=() T_P99=() T_HP50=() T_HP99=() T_HRPS=() G_TPS=() G_P50=() G_P99=() G_HP50=() G_HP99=() RATIOS=() LOADS=()
  tracker_start "$DB"
  tracker_wait_ready 300
  for p in $(seq 1 "$PAIRS"); do
    echo "  pair $p ($([ $((p % 2)) = 1 ] && echo "tracker first" || echo "pgbench first")), load $(cut -d' ' -f1-3 /proc/loadavg)"
    LOADS+=("$(load_now)")
    if [ $((p % 2)) = 1 ]; then tracker_side; pgbench_side; else pgbench_side; tracker_side; fi
    RATIOS+=("$(calc "${T_RPS[-1]} / ${G_TPS[-1]}" %.2f)")
    echo "  pair $p: tracker/pgbench ${RATIOS[-1]}"
  done
  grep -q ' ERROR ' "$TRACKER_LOG" && warn "the tracker logged errors: see $TRACKER_LOG"
  tracker_stop

  section "summary: search, $DB, $PAIRS pairs, -c $CONNS -t $THREADS, ${DURATION}s runs; median (range)"
  verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=") ? (a >= b) : (a <= b); print (ok ? "met" : "NOT met") }'; }
  row() { printf '  %-34s %-26s %-26s %s\n' "$@"; }
  row "measure" "tracker (wrk)" "pgbench (same SQL)" "target"
  row "saturation throughput /s" "$(mrange "${T_RPS[@]}")" "$(mrange "${G_TPS[@]}")" ""
  row "ratio tracker/pgbench per pair" "$(mrange "${RATIOS[@]}")" "" ">= 0.7: $(verdict "$(median "${RATIOS[@]}")" '>=' 0.7)"
  row "saturation p50 ms" "$(mrange "${T_P50[@]}")" "$(mrange "${G_P50[@]}")" ""
  row "saturation p99 ms" "$(mrange "${T_P99[@]}")" "$(mrange "${G_P99[@]}")" ""
  row "half saturation p50 ms" "$(mrange "${T_HP50[@]}")" "$(mrange "${G_HP50[@]}")" ""
  row "half saturation p99 ms" "$(mrange "${T_HP99[@]}")" "$(mrange "${G_HP99[@]}")" "<= 50 ms: $(verdict "$(median "${T_HP99[@]}")" '<=' 50)"
  row "load average (1 min) at each pair" "$(printf '%s ' "${LOADS[@]}")" "" ""
fi
[ -z "${R[idx_total]:-}" ] || echo "  search columns $(numfmt --to=iec "${R[vec_total]}") ($(calc "100 * ${R[vec_total]} / ${R[tbl_total]}" %.0f)% of their tables), GIN indexes $(numfmt --to=iec "${R[idx_total]}")"
[ -z "${R[gin_ms]:-}" ] || echo "  rebuild: vectors ${R[vec_ms]} ms, GIN indexes ${R[gin_ms]} ms"
echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: other work disturbs the wall-clock figures)"
