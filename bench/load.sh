#!/usr/bin/env bash
# Loads a generated dataset into a fresh benchmark database through the tracker's importer, timing
# each file, then loads exactly the same rows into a copy of the database with psql's \copy and
# prints both rates and their ratio.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

usage() {
  cat <<EOF
usage: bench/load.sh [--scale small|medium|default] [options]

  --scale S         dataset size: small (20k claims), medium (200k), default (the generator's
                    defaults: the 1M-claim dataset of the targets). Default: default
  --data DIR        dataset directory (default bench/data/<scale>); generated when incomplete
  --gen-args "..."  more arguments for java bench/Generate.java (e.g. "--seed 7"); its JVM
                    options come from BENCH_GEN_JAVA_OPTS (default -Xmx1g)
  --regenerate      generate the dataset again even when it is there
  --db NAME         database to (re)create (default claimtracker_bench); DROPPED first
  --chunk-rows N    post each file in pieces of N lines (default 0: each file in one request)
  --skip-copy       skip the \\copy comparison
  --keep-copy       keep the \\copy database (NAME_copy) instead of dropping it
  -h, --help        this text

Steps: generate the data if missing; drop and create the database; start the tracker on it
(Flyway migrates it); make an analyst token; import outlets and parties with POST /api/import;
snapshot the database (schema, outlets, parties) with pg_dump; import articles, claims and
responses, timing each; stop the tracker; export the rows the tracker created (article, claim,
claim_source, response, with their ids); restore the snapshot as NAME_copy and time psql \\copy of
the same rows into the same tables (same triggers, constraints and indexes); compare.
Environment: see bench/lib.sh (BENCH_PORT, BENCH_PGHOST, ...). Output is also appended to
bench/results/<date>-<host>.txt.
EOF
}

SCALE=default
DATA_DIR=
GEN_ARGS=
REGENERATE=0
DB=claimtracker_bench
CHUNK_ROWS=0
SKIP_COPY=0
KEEP_COPY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift 2 ;;
    --data) DATA_DIR=$2; shift 2 ;;
    --gen-args) GEN_ARGS=$2; shift 2 ;;
    --regenerate) REGENERATE=1; shift ;;
    --db) DB=$2; shift 2 ;;
    --chunk-rows) CHUNK_ROWS=$2; shift 2 ;;
    --skip-copy) SKIP_COPY=1; shift ;;
    --keep-copy) KEEP_COPY=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
case "$SCALE" in
  small) SCALE_ARGS="--claims 20000 --responses 40000 --articles 4000 --parties 500" ;;
  medium) SCALE_ARGS="--claims 200000 --responses 400000 --articles 40000 --parties 2000" ;;
  default) SCALE_ARGS="" ;;
  *) usage >&2; exit 2 ;;
esac
[[ $CHUNK_ROWS =~ ^[0-9]+$ ]] || die "--chunk-rows takes a number"
DATA_DIR=${DATA_DIR:-$BENCH_DIR/data/$SCALE}
COPY_DB="${DB}_copy"
FILES=(outlets parties articles claims responses)
COPY_TABLES=(article claim claim_source response)

log_to_results
section "bench/load.sh $(date '+%Y-%m-%d %H:%M:%S') --scale $SCALE --db $DB"
describe_machine
ensure_tools
ensure_jar

# ---------------------------------------------------------------------------------------------
section "dataset"
GEN_JAVA_OPTS=${BENCH_GEN_JAVA_OPTS:--Xmx1g}
GEN_LINE="java $GEN_JAVA_OPTS bench/Generate.java --out $DATA_DIR $SCALE_ARGS $GEN_ARGS"
complete_marker="$DATA_DIR/.complete"
# The marker names the command and the generator's checksum: a changed generator regenerates.
GEN_SUM=$(md5sum "$REPO_DIR/bench/Generate.java" 2>/dev/null | cut -d' ' -f1 || true)
if [ "$REGENERATE" = 1 ] || [ ! -f "$complete_marker" ] || [ "$(cat "$complete_marker")" != "$GEN_LINE $GEN_SUM" ]; then
  [ -f "$REPO_DIR/bench/Generate.java" ] || die "bench/Generate.java is missing: cannot generate $DATA_DIR"
  say "generating: $GEN_LINE"
  rm -rf "$DATA_DIR.tmp"
  mkdir -p "$DATA_DIR.tmp"
  t0=$(now_ms)
  # shellcheck disable=SC2086
  (cd "$REPO_DIR" && java $GEN_JAVA_OPTS bench/Generate.java --out "$DATA_DIR.tmp" $SCALE_ARGS $GEN_ARGS)
  for f in "${FILES[@]}"; do
    [ -s "$DATA_DIR.tmp/$f.jsonl" ] || die "the generator wrote no $f.jsonl"
  done
  rm -rf "$DATA_DIR"
  mv "$DATA_DIR.tmp" "$DATA_DIR"
  echo "$GEN_LINE $GEN_SUM" >"$complete_marker"
  say "generated in $(($(now_ms) - t0)) ms"
else
  say "using $DATA_DIR ($GEN_LINE)"
fi
declare -A LINES BYTES
for f in "${FILES[@]}"; do
  LINES[$f]=$(LC_ALL=C grep -cv '^[[:space:]]*$' "$DATA_DIR/$f.jsonl" || true)
  BYTES[$f]=$(file_size "$DATA_DIR/$f.jsonl")
  printf '  %-10s %10d rows %12d bytes\n' "$f" "${LINES[$f]}" "${BYTES[$f]}"
done

# ---------------------------------------------------------------------------------------------
section "database $DB"
say "dropping and creating $DB"
drop_db "$DB"
drop_db "$COPY_DB"
create_db "$DB"
say "starting the tracker on $DB (migrates it)"
tracker_start "$DB"
tracker_wait_ready 300
say "tracker ready in $(($(now_ms) - TRACKER_START_MS)) ms (pid $TRACKER_PID, log $TRACKER_LOG)"
TOKEN=$(tracker_token "$DB" analyst)
[[ $TOKEN == ctk_* ]] || die "no token from ./tracker token analyst (see $WORK_DIR/token.err)"
say "analyst token made"

# ---------------------------------------------------------------------------------------------
# import_file NAME: posts bench data file NAME.jsonl to /api/import (in chunks with --chunk-rows);
# sets IMPORT_MS[NAME].
declare -A IMPORT_MS
import_file() {
  local name=$1 file="$DATA_DIR/$1.jsonl" parts=() part status t0 total=0 summary
  if [ "$CHUNK_ROWS" -gt 0 ] && [ "${LINES[$name]}" -gt "$CHUNK_ROWS" ]; then
    rm -rf "$WORK_DIR/chunks"
    mkdir -p "$WORK_DIR/chunks"
    split -l "$CHUNK_ROWS" -d -a 5 "$file" "$WORK_DIR/chunks/$name."
    parts=("$WORK_DIR/chunks/$name".*)
  else
    parts=("$file")
  fi
  for part in "${parts[@]}"; do
    t0=$(now_ms)
    # -T streams the file (--data-binary @file would read all of it into memory first, and fails on
    # the 1.2 GB of articles); 'Expect:' sends the body without waiting for a 100 Continue.
    status=$(curl -sS -o "$WORK_DIR/import-$name.json" -w '%{http_code}' -X POST \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' -H 'Expect:' \
      -T "$part" "$(tracker_url /api/import)") || status=000
    total=$((total + $(now_ms) - t0))
    if [ "$status" != 200 ]; then
      echo "--- answer:"
      head -c 2000 "$WORK_DIR/import-$name.json" || true
      echo
      die "POST /api/import of $part answered $status"
    fi
  done
  rm -rf "$WORK_DIR/chunks"
  IMPORT_MS[$name]=$total
  summary=$(jq -r '"created: " + ([.created // {} | to_entries[] | select(.value > 0) | "\(.value) \(.key)"] | join(", "))
                   + (if .seconds then " (the tracker says \(.seconds) s)" else "" end)' "$WORK_DIR/import-$name.json" 2>/dev/null) \
    || summary=$(head -c 300 "$WORK_DIR/import-$name.json")
  printf '  %-10s %10d rows %9d ms %10.0f rows/s  %s\n' "$name" "${LINES[$name]}" "$total" \
    "$(calc "${LINES[$name]} * 1000 / ($total > 0 ? $total : 1)")" "$summary"
}

section "import through the tracker (POST /api/import, one request per file$([ "$CHUNK_ROWS" -gt 0 ] && echo ", $CHUNK_ROWS rows a request"))"
import_file outlets
import_file parties
if [ "$SKIP_COPY" = 0 ]; then
  say "snapshot of $DB with outlets and parties (pg_dump, for the \\copy database)"
  pg_dump -Fc -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "$BENCH_PGUSER" -f "$WORK_DIR/$DB-template.dump" "$DB"
fi
import_file articles
import_file claims
import_file responses
tracker_stop

TRACKER_ROWS=$((LINES[articles] + LINES[claims] + LINES[responses]))
TRACKER_MS=$((IMPORT_MS[articles] + IMPORT_MS[claims] + IMPORT_MS[responses]))
TRACKER_RATE=$(calc "$TRACKER_ROWS * 1000 / ($TRACKER_MS > 0 ? $TRACKER_MS : 1)" %.0f)

echo
echo "  rows in $DB:"
count_sql="select 'outlet', count(*) from outlet union all select 'party', count(*) from party
  union all select 'party_alias', count(*) from party_alias union all select 'article', count(*) from article
  union all select 'claim', count(*) from claim union all select 'claim_source', count(*) from claim_source
  union all select 'response', count(*) from response union all select 'audit_log', count(*) from audit_log"
sql "$DB" "$count_sql" | awk -F'|' '{ printf "    %-13s %10d\n", $1, $2 }'
expect_count() {
  local table=$1 expected=$2 got
  got=$(sql "$DB" "select count(*) from $table")
  [ "$got" = "$expected" ] || warn "$table holds $got rows, the file had $expected"
}
expect_count article "${LINES[articles]}"
expect_count claim "${LINES[claims]}"
expect_count response "${LINES[responses]}"

say "vacuum analyze $DB"
t0=$(now_ms)
sql "$DB" "vacuum analyze" >/dev/null
say "vacuum analyze took $(($(now_ms) - t0)) ms"

# ---------------------------------------------------------------------------------------------
COPY_RATE=
RATIO=
if [ "$SKIP_COPY" = 0 ]; then
  section "the same rows with psql \\copy into $COPY_DB"
  columns_of() {
    sql "$DB" "select string_agg(quote_ident(column_name), ', ' order by ordinal_position)
                 from information_schema.columns
                where table_schema = 'public' and table_name = '$1' and is_generated = 'NEVER'"
  }
  declare -A COLS
  for t in "${COPY_TABLES[@]}"; do
    COLS[$t]=$(columns_of "$t")
    say "exporting $t from $DB"
    pg "$DB" -c "\\copy (select ${COLS[$t]} from $t order by id) to '$WORK_DIR/copy-$t.tsv'"
  done
  say "creating $COPY_DB from the snapshot (schema, outlets, parties)"
  create_db "$COPY_DB"
  [ "$KEEP_COPY" = 1 ] || on_exit "drop_db '$COPY_DB'"
  # Two changes to the snapshot's restore since V11 (full-text search), or it fails: the SQL
  # functions of the generated search_vector columns name the text search configurations in a
  # string cast ('public.tracker_english'::regconfig) and call each other without a schema, so
  # pg_dump neither orders the configurations before the tables nor can the functions be inlined
  # under the search_path '' that a restore sets. The configurations are moved to right after the
  # extensions, and the restore runs with search_path public (pg_restore to SQL, then psql).
  pg_restore -l "$WORK_DIR/$DB-template.dump" | awk '
    / TEXT SEARCH / { ts[++n] = $0; next }
    { rest[++m] = $0; if ($0 ~ / EXTENSION /) last = m }
    END { for (i = 1; i <= m; i++) { print rest[i]; if (i == last) for (j = 1; j <= n; j++) print ts[j] }
          if (!last) for (j = 1; j <= n; j++) print ts[j] }' >"$WORK_DIR/$DB-template.list"
  pg_restore -L "$WORK_DIR/$DB-template.list" -f - "$WORK_DIR/$DB-template.dump" |
    sed "s/^SELECT pg_catalog.set_config('search_path', '', false);/SELECT pg_catalog.set_config('search_path', 'public', false);/" |
    pg "$COPY_DB" >"$WORK_DIR/$DB-restore.out" 2>&1 || { tail -n 20 "$WORK_DIR/$DB-restore.out"; die "cannot restore the snapshot into $COPY_DB"; }
  for t in "${COPY_TABLES[@]}"; do
    [ "$(sql "$COPY_DB" "select count(*) from $t")" = 0 ] || die "$COPY_DB.$t is not empty"
  done
  sql "$COPY_DB" "vacuum analyze" >/dev/null
  COPY_MS=0
  COPY_TABLE_ROWS=0
  for t in "${COPY_TABLES[@]}"; do
    rows=$(wc -l <"$WORK_DIR/copy-$t.tsv")
    t0=$(now_ms)
    pg "$COPY_DB" -c "\\copy $t (${COLS[$t]}) from '$WORK_DIR/copy-$t.tsv'"
    ms=$(($(now_ms) - t0))
    COPY_MS=$((COPY_MS + ms))
    COPY_TABLE_ROWS=$((COPY_TABLE_ROWS + rows))
    printf '  %-13s %10d rows %9d ms %10.0f rows/s\n' "$t" "$rows" "$ms" "$(calc "$rows * 1000 / ($ms > 0 ? $ms : 1)")"
  done
  for t in "${COPY_TABLES[@]}"; do
    [ "$(sql "$COPY_DB" "select count(*) from $t")" = "$(sql "$DB" "select count(*) from $t")" ] \
      || warn "$COPY_DB.$t and $DB.$t hold different numbers of rows"
  done
  COPY_RATE=$(calc "$TRACKER_ROWS * 1000 / ($COPY_MS > 0 ? $COPY_MS : 1)" %.0f)
  RATIO=$(calc "$COPY_MS / ($TRACKER_MS > 0 ? $TRACKER_MS : 1)" %.3f)
  rm -f "$WORK_DIR"/copy-*.tsv
  if [ "$KEEP_COPY" = 0 ]; then
    drop_db "$COPY_DB"
    say "dropped $COPY_DB"
  fi
fi
rm -f "$WORK_DIR/$DB-template.dump"

# ---------------------------------------------------------------------------------------------
section "import summary ($SCALE: ${LINES[claims]} claims, ${LINES[responses]} responses, ${LINES[articles]} articles)"
echo "  rows = the input records of articles.jsonl, claims.jsonl and responses.jsonl ($TRACKER_ROWS);"
echo "  both sides write the same article, claim, claim_source and response rows into the same tables."
printf '  %-28s %10s ms %10s rows/s\n' "tracker POST /api/import" "$TRACKER_MS" "$TRACKER_RATE"
if [ -n "$COPY_RATE" ]; then
  printf '  %-28s %10s ms %10s rows/s   (%s table rows)\n' "psql \\copy" "$COPY_MS" "$COPY_RATE" "$COPY_TABLE_ROWS"
  printf '  %-28s %10s   (target >= 0.3: %s)\n' "ratio tracker / \\copy" "$RATIO" \
    "$(awk -v r="$RATIO" 'BEGIN { print (r >= 0.3 ? "met" : "NOT met") }')"
fi
cat >"$WORK_DIR/import-$DB.env" <<EOF
IMPORT_SCALE=$SCALE
IMPORT_CLAIMS=${LINES[claims]}
IMPORT_ROWS=$TRACKER_ROWS
IMPORT_TRACKER_MS=$TRACKER_MS
IMPORT_TRACKER_RATE=$TRACKER_RATE
IMPORT_COPY_MS=${COPY_MS:-}
IMPORT_COPY_RATE=$COPY_RATE
IMPORT_RATIO=$RATIO
IMPORT_DATE="$(date '+%Y-%m-%d %H:%M')"
EOF
say "done; bench/run.sh benchmarks $DB"
