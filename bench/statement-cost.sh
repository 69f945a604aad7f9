#!/usr/bin/env bash
# PostgreSQL's CPU per transaction for the same statements sent by pgbench and by the JDBC driver
# (issue 21: "PostgreSQL spent 20-30% more CPU on the identical statement when the tracker sent it").
# One connection each, in alternating rounds: pgbench -M prepared, then bench/StatementCost.java with
# the driver as the tracker configures it (prepareThreshold 5, binary transfer on) and with one
# setting changed at a time (binary transfer off; prepareThreshold 0: never a named statement). CPU
# is read from /proc for the server process of each run, so the database must run on this machine.
#
#   bench/statement-cost.sh --db NAME --script FILE [--vars FILE] [--seconds S] [--rounds N]
#
# The script and vars are pgbench's, as bench/run.sh captures them (bench/work/pgbench/claims.sql,
# positions-N.sql, vars.txt after a run). Output is also appended to bench/results/<date>-<host>.txt.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

DB=claimtracker_bench
SCRIPT=
VARS=
SECONDS_EACH=10
ROUNDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --script) SCRIPT=$2; shift 2 ;;
    --vars) VARS=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
  esac
done
[ -n "$SCRIPT" ] && [ -r "$SCRIPT" ] || die "--script FILE is required (a pgbench script, e.g. bench/work/pgbench/claims.sql)"
[[ $SECONDS_EACH =~ ^[0-9]+$ ]] && [ "$SECONDS_EACH" -ge 6 ] || die "--seconds must be a number, at least 6"
[[ $ROUNDS =~ ^[0-9]+$ ]] && [ "$ROUNDS" -ge 3 ] || die "--rounds must be at least 3: one round says nothing on a shared machine"

log_to_results
section "bench/statement-cost.sh $(date '+%Y-%m-%d %H:%M:%S') --db $DB --script $SCRIPT, ${SECONDS_EACH}s runs, $ROUNDS rounds"
describe_machine
ensure_tools
ensure_jar
JDBC_JAR=$(ls "$REPO_DIR"/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -n 1)
[ -r "$JDBC_JAR" ] || die "no PostgreSQL driver in target/quarkus-app/lib/main"
echo "driver:     $(basename "$JDBC_JAR"); $(grep -c ';$' "$SCRIPT") statement(s) per transaction"
DEFS=()
if [ -n "$VARS" ]; then
  while IFS= read -r s; do [ -n "$s" ] && DEFS+=(-D "$s"); done <"$VARS"
fi

# pgbench_cpu: one pgbench run of one connection; prints "tps cpu_ms_per_tx". Its server process is
# sampled twice (pgbench_cpu_samples); the transactions between are tps times that span.
pgbench_cpu() {
  local out="$WORK_DIR/statement-cost-pgbench.txt" started c0 c1 t0 t1 tps
  started=$(date +%s.%N)
  pgbench -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "$BENCH_PGUSER" -n -M prepared -c 1 -j 1 -T "$SECONDS_EACH" \
    -f "$SCRIPT" "${DEFS[@]}" "$DB" >"$out" 2>&1 &
  local pgb=$!
  read -r t0 c0 t1 c1 <<<"$(pgbench_cpu_samples "$DB" "$started" "$SECONDS_EACH" | paste -sd ' ')"
  wait "$pgb" || { tail -n 20 "$out" >&2; die "pgbench failed"; }
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out" | tail -n 1)
  if [ "$c0" = - ] || [ "$c1" = - ]; then echo "$tps -"; return; fi
  echo "$tps $(calc "($c1 - $c0) / ($tps * ($t1 - $t0))" %.4f)"
}

# jdbc_cpu THRESHOLD BINARY: one StatementCost run; prints "tps cpu_ms_per_tx".
jdbc_cpu() {
  local line
  line=$(java -Xmx256m -cp "$JDBC_JAR" "$BENCH_DIR/StatementCost.java" --url "jdbc:postgresql://$BENCH_PGHOST:$BENCH_PGPORT/$DB" \
    --user "$BENCH_PGUSER" --password "${PGPASSWORD:-}" --script "$SCRIPT" ${VARS:+--vars "$VARS"} \
    --seconds "$SECONDS_EACH" --threshold "$1" --binary "$2") || die "StatementCost failed"
  echo "$(sed -n 's/.* tps=\([^ ]*\).*/\1/p' <<<"$line") $(sed -n 's/.* pg_cpu_ms_per_tx=\([^ ]*\).*/\1/p' <<<"$line")"
}

SIDES=("pgbench -M prepared" "JDBC, as the tracker (threshold 5, binary)" "JDBC, binary transfer off" "JDBC, never named (threshold 0)")
declare -A CPU TPS
section "rounds (one connection, ${SECONDS_EACH}s each; PostgreSQL CPU ms per transaction, transactions/s)"
for round in $(seq 1 "$ROUNDS"); do
  echo "  round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  # The order turns each round, so that no side always runs first.
  for k in 0 1 2 3; do
    i=$(((k + round - 1) % 4))
    case $i in
      0) read -r tps cpu <<<"$(pgbench_cpu)" ;;
      1) read -r tps cpu <<<"$(jdbc_cpu 5 true)" ;;
      2) read -r tps cpu <<<"$(jdbc_cpu 5 false)" ;;
      3) read -r tps cpu <<<"$(jdbc_cpu 0 true)" ;;
    esac
    CPU[$i]="${CPU[$i]:-} $cpu"
    TPS[$i]="${TPS[$i]:-} $tps"
    printf '    %-44s %8s ms/tx  %8.1f tx/s\n' "${SIDES[$i]}" "$cpu" "$tps"
  done
done

# median "V V V" FORMAT: the median and the range of the values ("-" left out).
median() {
  tr ' ' '\n' <<<"$1" | grep -v '^-\?$' | sort -g |
    awk -v f="$2" '{ a[NR] = $1 } END { if (NR == 0) print "-"; else printf f " (" f "-" f ")", a[int((NR + 1) / 2)], a[1], a[NR] }'
}
section "summary: median (range) of $ROUNDS rounds"
for i in 0 1 2 3; do
  printf '  %-44s PG CPU %-26s ms/tx   %s tx/s\n' "${SIDES[$i]}" "$(median "${CPU[$i]}" %.3f)" "$(median "${TPS[$i]}" %.0f)"
done
echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
