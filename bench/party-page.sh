#!/usr/bin/env bash
# Benchmarks the admin party page with its pictures (issue 17, picture 1: the stacked bar of the
# party's positions and its positions per month) against the same page without them (?charts=false,
# which leaves out the pictures and their one query), for the party most claims are addressed to,
# in alternating pairs, with medians, ranges and the ratio (target: at most 2x).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

usage() {
  cat <<USAGE
usage: bench/party-page.sh [options]

  --db NAME          database loaded by bench/load.sh (default claimtracker_bench)
  --party ID         the party to ask for (default: the one most claims are addressed to)
  --requests N       timed GETs of each side in each pair (default 20)
  --warmup N         untimed GETs of each side before the pairs of each view (default 10)
  --pairs N          with/without pairs, the order alternating (default 5; at least 3)
  --as-of DATE       also measure the page as of DATE (positions derived on the fly, not read from
                     the maintained tables); default: the day before the latest claim; "none" skips it
  -h, --help         this text

Starts the built tracker on the database (port BENCH_PORT), logs in through the login form as
BENCH_USER (default viewer) with BENCH_PASSWORD (default viewer-local-only, the starter account
that the tracker of bench/load.sh made), then for each view (current; as of DATE) runs --pairs
pairs of --requests sequential GETs of /admin/parties/ID (with its pictures) and of
/admin/parties/ID?charts=false (without), which side goes first alternating, each request timed by
curl (time_total). Prints per pair the median of each side and their ratio, then the median of the
pair medians with their range and the median ratio, with the load average.
Environment: see bench/lib.sh. Output is also appended to bench/results/<date>-<host>.txt.
USAGE
}

DB=claimtracker_bench
PARTY=
REQUESTS=20
WARMUP=10
PAIRS=5
AS_OF=
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --party) PARTY=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    --as-of) AS_OF=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for n in "$REQUESTS" "$WARMUP" "$PAIRS" ${PARTY:+"$PARTY"}; do
  [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"
done
[ "$PAIRS" -ge 3 ] || die "--pairs must be at least 3"
[ "$REQUESTS" -ge 1 ] || die "--requests must be at least 1"
[ -z "$AS_OF" ] || [ "$AS_OF" = none ] || [[ $AS_OF =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "--as-of takes YYYY-MM-DD or none"
USER_NAME=${BENCH_USER:-viewer}
PASSWORD=${BENCH_PASSWORD:-viewer-local-only}
load_now() { cut -d' ' -f1 /proc/loadavg; }

log_to_results
section "bench/party-page.sh $(date '+%Y-%m-%d %H:%M:%S') --db $DB, $PAIRS pairs of $REQUESTS requests a side"
describe_machine
ensure_tools
ensure_jar
db_exists "$DB" || die "no database $DB: run bench/load.sh first"

if [ -z "$PARTY" ]; then
  IFS='|' read -r PARTY ADDRESSED <<<"$(sql "$DB" "select addressed_party_id, count(*) from claim
     where addressed_party_id is not null group by 1 order by 2 desc, 1 limit 1")"
  [ -n "$PARTY" ] || die "no claim in $DB is addressed to a party"
else
  ADDRESSED=$(sql "$DB" "select count(*) from claim where addressed_party_id = $PARTY")
fi
[ -n "$AS_OF" ] || AS_OF=$(sql "$DB" "select (max(stated_on) - 1)::text from claim")
echo "dataset:    $DB, $(sql "$DB" "select count(*) from claim") claims, $(sql "$DB" "select count(*) from response") responses,"\
  "$(sql "$DB" "select count(*) from party") parties"
echo "party:      #$PARTY $(sql "$DB" "select name from party where id = $PARTY"): $ADDRESSED claims addressed to it,"\
  "$(sql "$DB" "select coalesce(sum(n), 0) from party_position_count where party_id = $PARTY") current positions over"\
  "$(sql "$DB" "select count(distinct date_trunc('month', sort_on)) from party_position where party_id = $PARTY") months"

say "starting the tracker on $DB (port $BENCH_PORT)"
tracker_start "$DB"
tracker_wait_ready
COOKIES="$WORK_DIR/party-page-$$.cookies"
PAGE_OUT="$WORK_DIR/party-page-$$.html"
on_exit "rm -f '$COOKIES' '$PAGE_OUT'"
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$COOKIES" -b "$COOKIES" --data-urlencode "j_username=$USER_NAME" \
  --data-urlencode "j_password=$PASSWORD" "$(tracker_url /j_security_check)")
[ "$status" = 302 ] || die "login as $USER_NAME answered $status (set BENCH_USER and BENCH_PASSWORD)"

# get PATH: one GET with the session; prints its time in ms; fails unless it answers 200.
get() {
  local out code
  out=$(curl -sS -o "$PAGE_OUT" -w '%{http_code} %{time_total}' -c "$COOKIES" -b "$COOKIES" --max-time 120 "$(tracker_url "$1")")
  code=${out%% *}
  [ "$code" = 200 ] || die "GET $1 answered $code"
  calc "${out#* } * 1000" %.1f
}
# side PATH N: N timed GETs; prints their median.
side() {
  local i times=()
  for ((i = 0; i < $2; i++)); do times+=("$(get "$1")"); done
  median "${times[@]}"
}
# has_pictures PATH: whether the page holds the pictures.
has_pictures() {
  get "$1" >/dev/null
  grep -q 'id="party-months"' "$PAGE_OUT"
}

run_view() {
  local label=$1 query=$2 with without p first w wo mw mwo mr
  local ratios=() withs=() withouts=()
  with="/admin/parties/$PARTY$query"
  if [ -z "$query" ]; then without="$with?charts=false"; else without="$with&charts=false"; fi
  section "$label: GET $with against $without"
  # The two sides are what they say: the pictures in one, none in the other.
  has_pictures "$with" || die "$with has no pictures"
  ! has_pictures "$without" || die "$without still has pictures"
  say "warm-up: $WARMUP GETs of each side"
  side "$with" "$WARMUP" >/dev/null
  side "$without" "$WARMUP" >/dev/null
  printf '  %-5s %-8s %14s %14s %8s %8s\n' pair first "with ms" "without ms" ratio load
  for ((p = 1; p <= PAIRS; p++)); do
    if ((p % 2)); then
      first=with
      w=$(side "$with" "$REQUESTS")
      wo=$(side "$without" "$REQUESTS")
    else
      first=without
      wo=$(side "$without" "$REQUESTS")
      w=$(side "$with" "$REQUESTS")
    fi
    withs+=("$w")
    withouts+=("$wo")
    ratios+=("$(calc "$w / $wo" %.2f)")
    printf '  %-5s %-8s %14s %14s %8s %8s\n' "$p" "$first" "$w" "$wo" "${ratios[-1]}" "$(load_now)"
  done
  mw=$(median "${withs[@]}")
  mwo=$(median "${withouts[@]}")
  mr=$(median "${ratios[@]}")
  range() { printf '%s\n' "$@" | sort -n | sed -n '1p;$p' | paste -sd' ' | sed 's/ / to /'; }
  printf '  median: with %s ms (%s), without %s ms (%s); ratio %s (%s); target <= 2: %s\n' \
    "$mw" "$(range "${withs[@]}")" "$mwo" "$(range "${withouts[@]}")" "$mr" "$(range "${ratios[@]}")" \
    "$(awk -v r="$mr" 'BEGIN { print (r <= 2 ? "met" : "MISSED") }')"
  SUMMARY+=("$label: with $mw ms, without $mwo ms, ratio $mr")
}

SUMMARY=()
run_view "current positions (maintained tables)" ""
[ "$AS_OF" = none ] || run_view "as of $AS_OF (derived on the fly)" "?asOf=$AS_OF"

section "summary (party #$PARTY, $ADDRESSED claims addressed to it; load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %s\n' "${SUMMARY[@]}"
echo "  (each figure: the median of $PAIRS pair medians of $REQUESTS sequential GETs, curl time_total of the whole page)"
