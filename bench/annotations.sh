#!/usr/bin/env bash
# GET /api/annotations before and after paging by the index (V21), side by side, on one loaded
# dataset: two trackers, the old jar on the database as bench/load.sh left it and the new jar on a
# copy of it with V21 applied, asked the same pages in alternating pairs.
#
#   bench/annotations.sh --before-jar DIR/quarkus-run.jar --after-jar DIR/quarkus-run.jar \
#       --db anno_bench [--pairs 3] [--requests 15] [--deep-requests 3] [--only REGEX]
#
# The copy (DB_after) is made once with createdb -T and set up (V21) with ./tracker setup from this
# checkout; both trackers get the same token (made before the copy). Each measure is a run of
# --requests sequential requests (--deep-requests for the deep pages, which took the old side 24 s
# each at 630k quotes); a pair is one run on each side, the old side first in odd pairs. --only
# runs the measures whose name matches REGEX.
# Prints each run's median and, per measure, the median of the runs' medians with their range, and
# EXPLAIN (ANALYZE, BUFFERS) of the new keys query for the first page and a deep page by cursor.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BEFORE_JAR= AFTER_JAR= DB=anno_bench PAIRS=3 REQUESTS=15 DEEP_REQUESTS=3 ONLY=.
while [ $# -gt 0 ]; do
  case $1 in
    --before-jar) BEFORE_JAR=$2; shift 2 ;;
    --after-jar) AFTER_JAR=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;;
    --deep-requests) DEEP_REQUESTS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
[ -f "$BEFORE_JAR" ] && [ -f "$AFTER_JAR" ] || die "--before-jar and --after-jar name the two quarkus-run.jar files"
AFTER_DB="${DB}_after"
PORT_BEFORE=${BENCH_PORT:-18601}
PORT_AFTER=$((PORT_BEFORE + 1))

describe_machine
section "datasets"
# Neither ./tracker token nor ./tracker setup here: they would migrate the old side's database with
# this checkout's jar. Each side's token is made by its own jar; the copy is set up (V21) by the new
# jar's own DatabaseSetup, as ./tracker setup runs it.
token() { # jar db
  TRACKER_DB_URL="$(jdbc_url "$2")" java -Xmx256m -Dtracker.accounts.starter=false -Dquarkus.log.level=WARN \
    -Dtracker.seed.load=never -Dquarkus.http.port=0 -Dquarkus.management.port=0 -jar "$1" issue-token viewer
}
if ! db_exists "$AFTER_DB"; then
  say "copying $DB to $AFTER_DB"
  sql postgres "create database \"$AFTER_DB\" template \"$DB\"" >/dev/null
  lib=$(dirname "$AFTER_JAR")/lib/main
  classpath=$(printf '%s:' "$(dirname "$AFTER_JAR")"/app/*.jar "$lib"/org.flywaydb.*.jar "$lib"/org.postgresql.*.jar \
    "$lib"/com.fasterxml.jackson.core.*.jar)
  TRACKER_DB_URL="$(jdbc_url "$AFTER_DB")" TRACKER_DB_ADMIN_USER="$BENCH_PGUSER" \
    java -Xmx128m -cp "$classpath" org.claimtracker.setup.DatabaseSetup || die "setup of $AFTER_DB failed"
fi
TOKEN_BEFORE=$(token "$BEFORE_JAR" "$DB") || die "no token"
TOKEN_AFTER=$(token "$AFTER_JAR" "$AFTER_DB") || die "no token"
for db in "$DB" "$AFTER_DB"; do
  sql "$db" "vacuum analyze claim_source" >/dev/null
  sql "$db" "vacuum analyze response" >/dev/null
done
say "$DB: $(sql "$DB" "select count(*) from claim_source") claim sources, $(sql "$DB" "select count(*) from response") responses;" \
  "migrations $(sql "$DB" "select max(version::int) from flyway_schema_history where version ~ '^[0-9]+$'")" \
  "and $(sql "$AFTER_DB" "select max(version::int) from flyway_schema_history where version ~ '^[0-9]+$'")"

PIDS=()
start_one() { # jar db port
  env TRACKER_DB_URL="$(jdbc_url "$2")" TRACKER_SEED_LOAD=never TRACKER_RATE_LIMIT=0 TRACKER_HTTP_PORT="$3" \
    TRACKER_MANAGEMENT_PORT=0 java $(tracker_java_opts | sed 's/-XX:SharedArchiveFile=[^ ]*//; s/-XX:ArchiveClassesAtExit=[^ ]*//') \
    -jar "$1" >"$WORK_DIR/annotations-$3.log" 2>&1 &
  PIDS+=($!)
}
stop_all() { for pid in "${PIDS[@]}"; do stop_child "$pid"; done; }
on_exit stop_all
start_one "$BEFORE_JAR" "$DB" "$PORT_BEFORE"
start_one "$AFTER_JAR" "$AFTER_DB" "$PORT_AFTER"
for port in "$PORT_BEFORE" "$PORT_AFTER"; do
  deadline=$(($(date +%s) + 300))
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { tail -20 "$WORK_DIR/annotations-$port.log"; die "tracker on $port not ready"; }
    sleep 0.5
  done
done

token_of() { if [ "$1" = "$PORT_BEFORE" ]; then echo "$TOKEN_BEFORE"; else echo "$TOKEN_AFTER"; fi; }
get() { curl -fsS -o /dev/null -w '%{time_total}\n' --max-time 300 -H "Authorization: Bearer $(token_of "$1")" "http://127.0.0.1:$1$2"; }
body() { curl -fsS --max-time 300 -H "Authorization: Bearer $(token_of "$1")" "http://127.0.0.1:$1$2"; }

PARTY=$(sql "$DB" "select party_id from (select c.claimant_id as party_id from claim_source s join claim c on c.id = s.claim_id
  union all select party_id from response) q group by party_id order by count(*) desc limit 1")
ARTICLE=$(sql "$DB" "select article_id from claim_source group by article_id order by count(*) desc limit 1")
# The cursor of the 200,000th annotation in order, as the new side's next links would name it.
CURSOR=$(sql "$AFTER_DB" "select article_id || '.' || quote_start || '.' || quote_end || '.' || kind || '-' || id from (
  select 'claim-source' as kind, id, article_id, quote_start, quote_end from claim_source
  union all select 'response', id, article_id, quote_start, quote_end from response) k
  order by article_id, quote_start, quote_end, kind, id offset 199999 limit 1")
say "party with most quotes: $PARTY ($(body "$PORT_AFTER" "/api/annotations?partyId=$PARTY&size=1" | jq .total) quotes); article $ARTICLE"

# measure NAME REQUESTS PATH_BEFORE PATH_AFTER
declare -A RESULT_BEFORE RESULT_AFTER
MEASURES=()
measure() {
  local name=$1 n=$2
  shift
  [[ $name =~ $ONLY ]] || return 0
  MEASURES+=("$name")
  shift
  get "$PORT_BEFORE" "$1" >/dev/null; get "$PORT_AFTER" "$2" >/dev/null
  local pair side times m
  for pair in $(seq 1 "$PAIRS"); do
    for side in $([ $((pair % 2)) = 1 ] && echo before after || echo after before); do
      times=()
      for _ in $(seq 1 "$n"); do
        if [ "$side" = before ]; then times+=("$(get "$PORT_BEFORE" "$1")"); else times+=("$(get "$PORT_AFTER" "$2")"); fi
      done
      m=$(calc "$(median "${times[@]}") * 1000" %.1f)
      say "$name pair $pair $side: median $m ms of $n (load $(cut -d' ' -f1 /proc/loadavg))"
      if [ "$side" = before ]; then RESULT_BEFORE[$name]+="$m "; else RESULT_AFTER[$name]+="$m "; fi
    done
  done
}

section "requests (ms, median of each run's median, range over the $PAIRS pairs)"
measure "collection (count + first page), unfiltered" "$REQUESTS" "/api/annotations?size=20" "/api/annotations?size=20"
measure "first page, unfiltered" "$REQUESTS" "/api/annotations?page=0&size=20" "/api/annotations?page=0&size=20"
measure "deep page 10000 by number (offset 200,000)" "$DEEP_REQUESTS" "/api/annotations?page=10000&size=20" "/api/annotations?page=10000&size=20"
measure "deep page: old page 10000, new after= its cursor" "$DEEP_REQUESTS" "/api/annotations?page=10000&size=20" "/api/annotations?after=$CURSOR&size=20"
measure "filtered page: the busiest party" "$REQUESTS" "/api/annotations?partyId=$PARTY&page=0&size=20" "/api/annotations?partyId=$PARTY&page=0&size=20"
measure "filtered page: one article" "$REQUESTS" "/api/annotations?articleId=$ARTICLE&page=0&size=20" "/api/annotations?articleId=$ARTICLE&page=0&size=20"

section "summary"
for name in "${MEASURES[@]}"; do
  # shellcheck disable=SC2086
  printf '%-52s before %s   after %s\n' "$name" "$(median_range ${RESULT_BEFORE[$name]})" "$(median_range ${RESULT_AFTER[$name]})"
done

section "EXPLAIN of the new keys query ($AFTER_DB)"
keys() { # cursor-condition
  local s_cond=${1:-true} r_cond=${2:-true}
  echo "select * from ((select 'claim-source'::text as kind, s.id, s.article_id, s.quote_start, s.quote_end from claim_source s
    where $s_cond order by s.article_id, s.quote_start, s.quote_end, s.id limit 21)
    union all (select 'response'::text, r.id, r.article_id, r.quote_start, r.quote_end from response r
    where $r_cond order by r.article_id, r.quote_start, r.quote_end, r.id limit 21)) k
    order by k.article_id, k.quote_start, k.quote_end, k.kind, k.id limit 21"
}
IFS=. read -r CA CS CE CNAME <<<"$CURSOR"
CID=${CNAME##*-}
if [[ $CNAME == claim-source-* ]]; then S_ID=$CID R_ID=-9223372036854775808; else S_ID=9223372036854775807 R_ID=$CID; fi
for label in first "after $CURSOR"; do
  if [ "$label" = first ]; then q=$(keys); else
    q=$(keys "(s.article_id, s.quote_start, s.quote_end, s.id) > ($CA, $CS, $CE, $S_ID)" \
      "(r.article_id, r.quote_start, r.quote_end, r.id) > ($CA, $CS, $CE, $R_ID)"); fi
  echo "-- $label"
  sql "$AFTER_DB" "explain (analyze, buffers, costs off, timing off) $q"
done
