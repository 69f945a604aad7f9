#!/usr/bin/env bash
# Benchmarks the write path (issue 21): POST /api/responses and POST /api/claims under wrk against
# pgbench sending the statements the tracker sent for the same requests, one pgbench transaction per
# HTTP request, in alternating pairs, with medians and ranges, round trips per request and CPU per
# write. Every request writes: the dataset grows, and the rows added are printed.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

usage() {
  cat <<EOF
usage: bench/writes.sh [options]

  --db NAME            database loaded by bench/load.sh (default claimtracker_writes); it grows
  --endpoints LIST     responses,claims (default both)
  --sample N           request templates per endpoint, each captured as one pgbench script (default 8,
                       at most 128: pgbench's limit on scripts; see bench/README.md for why few)
  --variants N         claims answered per response template (default 500; those addressed to the
                       party first, then other parties' claims): the bodies differ in the
                       claim only, and pgbench draws the claim id at random among the same ones
  --connections N      concurrency of wrk and pgbench (default 4)
  --threads N          wrk threads and pgbench -j (default 2)
  --duration S         seconds of each measured run (default 20)
  --warmup S           seconds of the warm-up run before each side (default 5)
  --pairs N            tracker/pgbench pairs per endpoint, the order alternating (default 3)
  --wrk-timeout S      a request slower than this counts as an error in wrk (default 60)
  -h, --help           this text

Parts: (s) sample: --sample valid request templates per endpoint, picked with SQL from the dataset:
a response answers a random claim by its addressed party, quoting a passage that occurs exactly once
in an article published on or after the claim's date (every other template gives the quote's
start), stated between the two dates, and up to --variants claims (addressed to the same party first) by
that date take turns (so that no claim piles up responses); a claim has a random claimant and
addressed party and one source quoted the same way, stated on or before the article's publication.
(c) capture: each template's first body POSTed once with log_min_duration_statement = 0 set on the
database, its statements turned into a pgbench script by bench/pgcapture.pl; the new row's id
becomes a per-client counter (-D base, n), so that pgbench inserts new rows too, and a response's
claim is drawn among its template's; BEGIN and the next statement go as one pipeline, as the
driver sends them; round trips per request counted (one per statement; BEGIN goes with the next).
(load) per endpoint, --pairs pairs of: wrk (bench/wrk.lua POSTing bodies drawn at random)
saturation after a warm-up, then paced at half that rate through wrk's delay(); pgbench -M prepared
over the scripts (a response script weighted by its template's number of claims), saturation,
then --rate at half its rate (schedule lag taken off); tracker first in odd pairs. CPU per write: the JVM's and its PostgreSQL sessions' CPU
time (/proc) over the saturation run, against pgbench's sessions' CPU.
Environment: see bench/lib.sh. Output is also appended to bench/results/<date>-<host>.txt.
EOF
}

DB=claimtracker_writes
ENDPOINTS=responses,claims
SAMPLE=8
VARIANTS=500
CONNS=4
THREADS=2
DURATION=20
WARMUP=5
PAIRS=3
WRK_TIMEOUT=60
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --endpoints) ENDPOINTS=$2; shift 2 ;;
    --sample) SAMPLE=$2; shift 2 ;;
    --variants) VARIANTS=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    --wrk-timeout) WRK_TIMEOUT=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for n in "$SAMPLE" "$VARIANTS" "$CONNS" "$THREADS" "$DURATION" "$WARMUP" "$PAIRS" "$WRK_TIMEOUT"; do
  [[ $n =~ ^[0-9]+$ ]] || die "not a number: $n"
done
[ "$SAMPLE" -ge 2 ] && [ "$SAMPLE" -le 128 ] || die "--sample must lie between 2 and 128"
[ "$VARIANTS" -ge 1 ] || die "--variants must be at least 1"
[ "$PAIRS" -ge 1 ] || die "--pairs must be at least 1"
[ "$DURATION" -ge 4 ] || die "--duration must be at least 4"
[ "$CONNS" -le 100 ] || die "--connections must be at most 100 (the ids of pgbench's rows)"
[ "$CONNS" -ge "$THREADS" ] || die "--connections must be at least --threads"
for e in ${ENDPOINTS//,/ }; do
  [[ $e == responses || $e == claims ]] || die "unknown endpoint $e (responses, claims)"
done
load_now() { cut -d' ' -f1 /proc/loadavg; }

log_to_results
section "bench/writes.sh $(date '+%Y-%m-%d %H:%M:%S') --db $DB -c $CONNS -t $THREADS ${DURATION}s x $PAIRS pairs (warm-up ${WARMUP}s)"
describe_machine
ensure_tools
ensure_jar
db_exists "$DB" || die "no database $DB: run bench/load.sh --db $DB first"
[ "$(sql "$DB" "select count(*) from claim")" -gt 0 ] || die "$DB holds no claims: run bench/load.sh --db $DB first"
# rows: "responses|claims|sources" now.
rows() { sql "$DB" "select (select count(*) from response) || '|' || (select count(*) from claim) || '|' || (select count(*) from claim_source)"; }
ROWS_BEFORE=$(rows)
echo "dataset:    $DB, $(sql "$DB" "select count(*) from claim") claims, $(sql "$DB" "select count(*) from response") responses,"\
  "$(sql "$DB" "select count(*) from claim_source") sources, $(sql "$DB" "select count(*) from article") articles,"\
  "$(sql "$DB" "select count(*) from party") parties; $(sql "$DB" "select pg_size_pretty(pg_database_size(current_database()))")"

say "making an analyst token (./tracker token analyst)"
TOKEN=$(tracker_token "$DB" analyst)
[[ $TOKEN == ctk_* ]] || die "no token from ./tracker token analyst (see $WORK_DIR/token.err)"
OUT="$WORK_DIR/writes-$DB"
rm -rf "$OUT"
mkdir -p "$OUT"

# ---------------------------------------------------------------------------------------------
section "(s) sample: $SAMPLE request templates per endpoint, one JSON body a line"
# A passage of 40 to 120 characters at a random place of the article that occurs there exactly once,
# without line breaks or blanks at its ends (so the body needs no escaped line breaks and pgbench -D
# can pass it); every other body gives its start (code points, as PostgreSQL's strpos counts them).
PASSAGE="
  (random() * greatest(char_length(a.body) - 121, 0))::int as s, 40 + (random() * 80)::int as len"
UNIQUE_QUOTE="position(E'\\n' in quote) = 0 and position(E'\\r' in quote) = 0 and btrim(quote) = quote
  and strpos(body, quote) = s + 1 and strpos(substr(body, s + 2), quote) = 0"
SOURCE="jsonb_build_object('articleId', article_id, 'quote', quote)
        || case when rn % 2 = 0 then jsonb_build_object('start', s) else '{}'::jsonb end"
# rows: "template<TAB>claim id (responses only)<TAB>JSON body", in template order.
rows_of() { pg "$DB" -At -F $'\t' -c "$1"; }
rows_of "
  with c as (
    select id, addressed_party_id, stated_on from claim
     where addressed_party_id is not null and stated_on <= current_date order by random() limit $((SAMPLE * 5))
  ), p as (
    select c.id as claim_id, c.addressed_party_id as party_id, c.stated_on, x.*
      from c cross join lateral (
        select a.id as article_id, least(a.published_on, current_date) as latest, a.body, $PASSAGE
          from article a where a.published_on >= c.stated_on order by random() limit 1) x
  ), q as (
    select p.*, substr(body, s + 1, len) as quote from p
  ), ok as (
    select q.*, row_number() over () as rn, stated_on + (random() * (latest - stated_on))::int as stated
      from q where $UNIQUE_QUOTE and claim_id not in (article_id, party_id, s, len) limit $SAMPLE
  ), v as (
    -- The template's claim first, then others stated by the date stated: those addressed to the party
    -- first, then (where fewer address it than --variants asks for, as on the 20k set) claims of
    -- other parties, which it answers as a third party; never its own claims; no id that equals
    -- another integer of the request (the capture binds the claim by its value).
    select ok.*, x.variant, x.k from ok cross join lateral (
      select ok.claim_id as variant, 0 as k
      union all
      (select o.id, 1 from claim o
        where o.stated_on <= ok.stated and o.id <> ok.claim_id and o.claimant_id <> ok.party_id
          and o.id not in (ok.article_id, ok.party_id, ok.s, ok.len)
        order by (o.addressed_party_id is not distinct from ok.party_id) desc, random()
        limit $((VARIANTS - 1)))) x
  )
  select rn, variant, jsonb_build_object('claimId', variant, 'partyId', party_id,
           'stance', (array['asserts', 'confirms', 'partially_confirms', 'acknowledges', 'assessing', 'denies',
                            'counter_attributes', 'declines_comment', 'retracts'])[1 + (rn % 9)],
           'statedOn', stated, 'source', $SOURCE)
    from v order by rn, k" >"$OUT/responses.rows"
rows_of "
  with parties as (select array_agg(id order by id) as ids, count(*)::int as n from party),
  a as (
    select a.id as article_id, least(a.published_on, current_date) as latest, a.body, $PASSAGE
      from article a where a.published_on >= date '1990-01-01' order by random() limit $((SAMPLE * 5))
  ), q as (
    select a.*, substr(body, s + 1, len) as quote, (random() * 1e9)::int as r from a
  ), ok as (
    select q.*, row_number() over () as rn from q where $UNIQUE_QUOTE limit $SAMPLE
  )
  select rn, '', jsonb_build_object('claimantId', ids[1 + r % n], 'addressedPartyId', ids[1 + (r % n + 1 + r / n % (n - 1)) % n],
           'proposition', 'Writes benchmark claim ' || rn || ': the addressed party carried out the act the source reports.',
           'kind', (array['attack_attribution', 'casualties', 'cooperation', 'agreement_breach', 'capability', 'threat',
                          'other', 'commentary'])[1 + (rn % 8)],
           'statedOn', latest - (random() * 30)::int, 'sources', jsonb_build_array($SOURCE))
    from ok, parties order by rn" >"$OUT/claims.rows"
for e in responses claims; do
  # Every body for wrk; the first body of each template, to capture; the claim ids of each template.
  awk -F'\t' '{ print $3 }' "$OUT/$e.rows" >"$OUT/$e.bodies"
  awk -F'\t' '!seen[$1]++ { print $3 }' "$OUT/$e.rows" >"$OUT/$e.templates"
  awk -F'\t' '$2 != "" { ids[$1] = ids[$1] (ids[$1] == "" ? "" : " ") $2 } END { for (r in ids) print r "\t" ids[r] }' \
    "$OUT/$e.rows" | sort -n >"$OUT/$e.variants"
  n=$(wc -l <"$OUT/$e.templates")
  [ "$n" = "$SAMPLE" ] || die "only $n $e templates found (wanted $SAMPLE)"
  echo "  $e: $n templates, $(wc -l <"$OUT/$e.bodies") bodies ($OUT/$e.bodies), $(grep -c '"start"' "$OUT/$e.templates") templates with the quote's start; e.g."
  head -n 1 "$OUT/$e.bodies" | cut -c1-300 | sed 's/^/    /'
done
echo "  claims answered per response template: $(awk -F'\t' '{ print split($2, a, " ") }' "$OUT/responses.variants" | sort -n | paste -sd ' ')"
# answered_load: how many responses the claims in turn hold, on average and at most. Every response
# written lands on one of them, so each later write of a run reads more of them (the scoped
# positions read every response of the claim): printed before and after the run.
answered_load() {
  local ids
  ids=$(awk -F'\t' '{ print $2 }' "$OUT/responses.variants" | tr ' ' '\n' | grep -E '^[0-9]+$' | sort -u | paste -sd ,)
  [ -n "$ids" ] || { echo "none"; return; }
  sql "$DB" "select count(*) || ' claims, ' || round(avg(n), 1) || ' responses each on average, at most ' || max(n)
               from (select count(r.id) as n from unnest(array[$ids]::bigint[]) c (id)
                     left join response r on r.claim_id = c.id group by c.id) x"
}
[ ! -s "$OUT/responses.variants" ] || echo "  the claims in turn before the run: $(answered_load)"

# ---------------------------------------------------------------------------------------------
section "(c) capture: each body POSTed once, its statements as a pgbench script"
# post PATH BODY: POSTs with the token; prints the answer, fails on a status other than 201.
post() {
  local answer code
  answer=$(curl -sS --max-time 60 -o - -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -H 'Accept: application/json' --data-binary "$2" "$(tracker_url "$1")")
  code=${answer##*$'\n'}
  [ "$code" = 201 ] || { echo "${answer%$'\n'*}" >&2; return 1; }
  echo "${answer%$'\n'*}"
}
log=$(pg_log_file)
[ -n "$log" ] && [ -r "$log" ] || die "cannot read the server log (${log:-not found}); set BENCH_PG_LOG"
prefix=$(sql "$DB" "show log_line_prefix")
db_filter=(--db "$DB")
[[ $prefix == *%d* ]] || { warn "log_line_prefix '$prefix' names no database: statements of other databases may be taken"; db_filter=(); }
say "server log: $log"
sql "$DB" "alter database \"$DB\" set log_min_duration_statement = 0" >/dev/null
on_exit "sql postgres 'alter database \"$DB\" reset log_min_duration_statement' >/dev/null"
tracker_start "$DB" TRACKER_MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-0}"
tracker_wait_ready 300
: >"$OUT/vars.txt"
: >"$OUT/dropped.txt"
for e in ${ENDPOINTS//,/ }; do
  mkdir -p "$OUT/$e"
  # Untimed requests first, so that the pool's connections have run the driver's first queries.
  for i in 1 2 3 4 5 6; do
    post "/api/$e" "$(sed -n "$((i % SAMPLE + 1))p" "$OUT/$e.templates")" >/dev/null || die "POST /api/$e refused a sampled body"
  done
  k=0
  while IFS= read -r body; do
    k=$((k + 1))
    from=$(file_size "$log")
    answer=$(post "/api/$e" "$body") || die "POST /api/$e refused body $k: $body"
    sleep 0.2
    to=$(file_size "$log")
    id=$(jq -r .id <<<"$answer")
    binds=(--bind "$id=id")
    variants=()
    if [ "$e" = responses ]; then
      read -r -a variants <<<"$(awk -F'\t' -v k="$k" '$1 == k { print $2 }' "$OUT/$e.variants")"
      binds+=(--bind "${variants[0]}=claim")
    fi
    if [ "$e" = claims ]; then
      # The claim's source rows get ids of their own sequence: the same counter serves them.
      for sid in $(sql "$DB" "select id from claim_source where claim_id = $id"); do binds+=(--bind "$sid=id"); done
    fi
    perl "$BENCH_DIR/pgcapture.pl" --log "$log" --from "$from" --to "$to" "${db_filter[@]}" --title "POST /api/$e #$k" \
      --script "$OUT/$e/raw-$k.sql" --vars "$OUT/vars.txt" --dropped "$OUT/dropped.txt" "${binds[@]}" \
      2>"$OUT/$e/$k.err" || { cat "$OUT/$e/$k.err"; die "cannot capture the SQL of POST /api/$e #$k"; }
    grep -q ':id\b' "$OUT/$e/raw-$k.sql" || die "the new row's id $id is not among the parameters of POST /api/$e #$k"
    [ ${#variants[@]} = 0 ] || grep -q ':claim\b' "$OUT/$e/raw-$k.sql" || die "the claim id is not among the parameters of POST /api/$e #$k"
    # One new id per transaction: a per-client counter above every id the sequences hand out.
    {
      head -n 1 "$OUT/$e/raw-$k.sql"
      echo '\set n :n + 1'
      echo '\set id :base + :client_id * 100000 + :n'
      if [ ${#variants[@]} -gt 0 ]; then
        echo "\\set v random(1, ${#variants[@]})"
        printf '\\set claim case'
        for ((v = 0; v < ${#variants[@]}; v++)); do printf ' when :v = %d then %s' "$((v + 1))" "${variants[$v]}"; done
        echo " else ${variants[0]} end"
      fi
      # pgbench waits for BEGIN's answer where the driver sends BEGIN with the next statement: a pipeline
      # of the two sends them together, so that both sides make the same round trips.
      # The token's lookup (left out: the tracker keeps a token a minute) leaves its own transaction,
      # the acting account set to "authentication": left out too.
      # A claim's sources get their ids inside one JSON parameter (ClaimInsert), which pgbench passes
      # as captured: each source's id is made new per transaction from :id (ten per claim, by "ord")
      # by a jsonb expression around the parameter, a few microseconds of PostgreSQL's work.
      tail -n +2 "$OUT/$e/raw-$k.sql" | perl -0pe 's/^BEGIN;\nselect set_config\(\x27tracker\.actor\x27, :s_authentication_\w+, false\);\nCOMMIT;\n//mg' \
        | perl -pe 's/cast\((:s__ord_\w+) as jsonb\)/(select jsonb_agg(e || jsonb_build_object(\x27id\x27, cast(:id as bigint) * 10 + (e->>\x27ord\x27)::int) order by (e->>\x27ord\x27)::int) from jsonb_array_elements(cast($1 as jsonb)) e)/g' | awk '
        /^BEGIN;$/ && !done { print "\\startpipeline"; print; open = 1; done = 1; next }
        { print }
        open && /;$/ { print "\\endpipeline"; open = 0 }'
    } >"$OUT/$e/$k.sql"
  done <"$OUT/$e.templates"
  # The statements of each request, in order, with the values as $n: how many requests sent which sequence.
  echo "  POST /api/$e: $k requests captured; the sequences of statements they sent (count x statements):"
  for f in "$OUT/$e"/[0-9]*.sql; do
    grep -v '^\\\|^--' "$f" | sed -E 's/:[A-Za-z_][A-Za-z0-9_]*/$/g' | tr '\n' ' ' | md5sum | cut -c1-8
  done | sort | uniq -c | sort -rn >"$OUT/$e/shapes.txt"
  # statements FILE: one statement a line, values as $.
  statements() { grep -v '^\\\|^--' "$1" | sed -E 's/:[A-Za-z_][A-Za-z0-9_]*/$/g' | tr '\n' ' ' | sed -E 's/;\s*/;\n/g' | sed '/^\s*$/d'; }
  first=
  while read -r count sum; do
    for f in "$OUT/$e"/[0-9]*.sql; do
      if [ "$(grep -v '^\\\|^--' "$f" | sed -E 's/:[A-Za-z_][A-Za-z0-9_]*/$/g' | tr '\n' ' ' | md5sum | cut -c1-8)" = "$sum" ]; then
        stmts=$(grep -c ';$' "$f")
        begins=$(grep -ci '^begin;$' "$f" || true)
        if [ -z "$first" ]; then
          first=$f
          echo "    $count x: $stmts statements, $begins BEGIN: $((stmts - begins)) round trips ($(basename "$f")):"
          statements "$f" | cut -c1-150 | sed 's/^/        /'
        else
          echo "    $count x: $stmts statements, $begins BEGIN: $((stmts - begins)) round trips ($(basename "$f")); besides those above:"
          statements "$f" | grep -vxFf <(statements "$first") | cut -c1-150 | sed 's/^/        /' || echo "        (none: the same statements, other values or order)"
        fi
        break
      fi
    done
  done <"$OUT/$e/shapes.txt"
  auth=$(grep -l ':s_authentication_' "$OUT/$e"/raw-*.sql | wc -l || true)
  [ "$auth" = 0 ] || echo "    (left out of $auth of them: the token's lookup in a transaction of its own, once a minute)"
done
sql postgres "alter database \"$DB\" reset log_min_duration_statement" >/dev/null
sort -u "$OUT/vars.txt" -o "$OUT/vars.txt"
# pgbench -D takes no empty value (ResponseInsert passes '' for "no ref", "no note"): such a variable
# is set by a select once per client, in its first transaction, before the BEGIN.
mapfile -t EMPTY_VARS < <(sed -n 's/^\([A-Za-z0-9_]*\)=$/\1/p' "$OUT/vars.txt")
sed -i '/^[A-Za-z0-9_]*=$/d' "$OUT/vars.txt"
for v in "${EMPTY_VARS[@]}"; do
  for f in "$OUT"/*/[0-9]*.sql; do
    grep -q ":$v\\b" "$f" || continue
    sed -i "s/^\\\\set id .*/&\\n\\\\if :n = 1\\nselect '' as $v \\\\gset\\n\\\\endif/" "$f"
  done
  echo "  :$v is '' (pgbench -D cannot pass it): set by one select per client, in its first transaction"
done
if [ -s "$OUT/dropped.txt" ]; then
  echo "  left out of the pgbench scripts (per-connection or cached work, not per request):"
  sed -E 's/^POST [^:]+: //' "$OUT/dropped.txt" | cut -c1-110 | sort | uniq -c | sed 's/^/   /'
fi

# ---------------------------------------------------------------------------------------------
kv() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }
# mrange NUMBERS...: "median (lowest-highest)".
mrange() { printf '%s (%s-%s)' "$(median "$@")" "$(printf '%s\n' "$@" | sort -g | head -n 1)" "$(printf '%s\n' "$@" | sort -g | tail -n 1)"; }
per_core() { [ "$1" = - ] && echo - || calc "1000 / $1" %.0f; }

# run_wrk ENDPOINT LABEL SECONDS [RATE]: one wrk run; sets W_RPS, W_P50, W_P99, W_CPU (JVM + PG ms per request).
run_wrk() {
  local e=$1 label=$2 seconds=$3 rate=${4:-0} out line errors load jvm0 db0 jvm1 db1 n
  out="$OUT/wrk.txt"
  load=$(load_now)
  jvm0=$(proc_cpu_ms "$TRACKER_PID")
  db0=$(backends_cpu_ms "$DB" 'PostgreSQL JDBC%')
  BENCH_PATHS="$OUT/$e.bodies" BENCH_POST="/api/$e" BENCH_TOKEN=$TOKEN BENCH_RATE=$rate BENCH_THREADS=$THREADS \
    wrk -t"$THREADS" -c"$CONNS" -d"${seconds}s" --timeout "${WRK_TIMEOUT}s" --latency -s "$BENCH_DIR/wrk.lua" \
    "$(tracker_url '')" >"$out" 2>&1 || { cat "$out"; die "wrk failed"; }
  jvm1=$(proc_cpu_ms "$TRACKER_PID")
  db1=$(backends_cpu_ms "$DB" 'PostgreSQL JDBC%')
  line=$(grep '^BENCH_WRK ' "$out") || { cat "$out"; die "wrk printed no result"; }
  errors=$(($(kv "$line" errors_status) + $(kv "$line" errors_connect) + $(kv "$line" errors_read) + $(kv "$line" errors_timeout)))
  n=$(kv "$line" requests)
  W_RPS=$(printf '%.1f' "$(kv "$line" rps)")
  W_P50=$(printf '%.2f' "$(kv "$line" p50_ms)")
  W_P99=$(printf '%.2f' "$(kv "$line" p99_ms)")
  W_CPU=-
  [ "$n" -gt 0 ] && [ "$db0" != - ] && [ "$db1" != - ] && W_CPU=$(calc "($jvm1 - $jvm0 + $db1 - $db0) / $n")
  printf '    %-30s %8s req/s  p50 %7s ms  p99 %7s ms  CPU/req %6s ms (JVM %s + PG %s)  load %5s%s\n' "$label" "$W_RPS" \
    "$W_P50" "$W_P99" "$W_CPU" "$([ "$n" -gt 0 ] && calc "($jvm1 - $jvm0) / $n" || echo -)" \
    "$([ "$n" -gt 0 ] && [ "$db0" != - ] && [ "$db1" != - ] && calc "($db1 - $db0) / $n" || echo -)" "$load" \
    "$([ "$errors" = 0 ] || echo "  $errors ERRORS")"
  [ "$errors" = 0 ] || warn "wrk saw $errors failed requests (see $out)"
}

# run_pgbench ENDPOINT LABEL SECONDS [RATE]: one pgbench run of the endpoint's scripts; sets P_TPS,
# P_P50, P_P99 (from the transaction log; paced, the schedule lag taken off, as wrk's delay() does not
# count it either) and P_CPU (PostgreSQL ms per transaction: its sessions' CPU read 1 s after the
# start and 1 s before the end, over the transactions that ended between).
# pids_cpu_ms "PID ...": their CPU ms summed; "-" when one is gone or none given.
pids_cpu_ms() {
  local pid c total=0
  [ -n "$1" ] || { echo -; return; }
  for pid in $1; do
    c=$(proc_cpu_ms "$pid" 2>/dev/null) || { echo -; return; }
    total=$((total + c))
  done
  echo "$total"
}
run_pgbench() {
  local e=$1 label=$2 seconds=$3 rate=${4:-0} out="$OUT/pgbench.txt" files=() defs=() s w load paced=() sampler failed since
  # A response template's script weighs as many bodies as wrk draws from (its claims).
  for s in "$OUT/$e"/[0-9]*.sql; do
    w=1
    [ ! -s "$OUT/$e.variants" ] || w=$(awk -F'\t' -v k="$(basename "$s" .sql)" '$1 == k { print split($2, a, " ") }' "$OUT/$e.variants")
    files+=(-f "$s@${w:-1}")
  done
  while IFS= read -r s; do [ -n "$s" ] && defs+=(-D "$s"); done <"$OUT/vars.txt"
  # Ids from 10^12 up (above the sequences, below 2^53), 10^7 apart for each second the run may
  # start in (repeating after 11 days) and 10^5 per client: never twice, for up to 100 clients.
  defs+=(-D n=0 -D "base=$((1000000000000 + $(date +%s) % 1000000 * 10000000))")
  [ "$rate" = 0 ] || paced=(--rate "$rate")
  rm -f "$OUT/pgblog".* "$OUT/pgbcpu"
  load=$(load_now)
  since=$(sql "$DB" "select now()")
  (
    local start pids
    start=$(date +%s.%N)
    sleep 1
    pids=$(sql "$DB" "select string_agg(pid::text, ' ') from pg_stat_activity
                       where datname = current_database() and application_name = 'pgbench' and backend_start >= '$since'")
    echo "$(date +%s.%N) $(pids_cpu_ms "$pids")"
    # 1 s before the end, however long the query took on a busy machine.
    sleep "$(awk -v s="$start" -v d="$seconds" -v now="$(date +%s.%N)" 'BEGIN { x = s + d - 1 - now; printf "%.2f", (x > 0 ? x : 0) }')"
    echo "$(date +%s.%N) $(pids_cpu_ms "$pids")"
  ) >"$OUT/pgbcpu" 2>/dev/null &
  sampler=$!
  pgbench -h "$BENCH_PGHOST" -p "$BENCH_PGPORT" -U "$BENCH_PGUSER" -n -M prepared -c "$CONNS" -j "$THREADS" \
    -T "$seconds" "${paced[@]}" "${files[@]}" "${defs[@]}" -l --log-prefix="$OUT/pgblog" "$DB" >"$out" 2>&1 \
    || { tail -n 20 "$out"; die "pgbench failed"; }
  wait "$sampler" || true
  P_TPS=$(printf '%.1f' "$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out" | tail -n 1)")
  cat "$OUT/pgblog".* | awk -v paced="$rate" '$3 ~ /^[0-9]+$/ { print ($3 - (paced > 0 && NF >= 7 ? $7 : 0)) / 1000 }' \
    | sort -n >"$OUT/pgblog.sorted"
  P_P50=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.50 + 0.999999); printf "%.2f", a[i < 1 ? 1 : i] }' "$OUT/pgblog.sorted")
  P_P99=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.99 + 0.999999); printf "%.2f", a[i < 1 ? 1 : i] }' "$OUT/pgblog.sorted")
  P_CPU=-
  if [ "$(wc -l <"$OUT/pgbcpu")" = 2 ] && ! grep -q ' -$' "$OUT/pgbcpu"; then
    local t0 c0 t1 c1 ended
    read -r t0 c0 t1 c1 <<<"$(paste -sd ' ' "$OUT/pgbcpu")"
    ended=$(cat "$OUT/pgblog".[0-9]* | awk -v a="$t0" -v b="$t1" '{ t = $5 + $6 / 1e6 } t >= a && t <= b { n++ } END { print n + 0 }')
    [ "$ended" -gt 0 ] && P_CPU=$(calc "($c1 - $c0) / $ended")
  fi
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
  printf '    %-30s %8s tx/s   p50 %7s ms  p99 %7s ms  CPU/tx  %6s ms (PG)  load %5s%s\n' "$label" "$P_TPS" "$P_P50" "$P_P99" \
    "$P_CPU" "$load" "$([ "${failed:-0}" = 0 ] || echo "  $failed FAILED")"
  [ "${failed:-0}" = 0 ] || warn "pgbench: $failed failed transactions (see $out)"
  rm -f "$OUT/pgblog".* "$OUT/pgbcpu"
}

tracker_side() {
  local e=$1 half
  run_wrk "$e" "tracker warm-up (${WARMUP}s)" "$WARMUP"
  run_wrk "$e" "tracker saturation (${DURATION}s)" "$DURATION"
  T_RPS+=("$W_RPS") T_P99+=("$W_P99") T_CPU+=("$W_CPU")
  half=$(calc "$W_RPS / 2" %.1f)
  run_wrk "$e" "tracker at $half req/s" "$DURATION" "$half"
  T_HP50+=("$W_P50") T_HP99+=("$W_P99") T_HRPS+=("$W_RPS")
}
pgbench_side() {
  local e=$1 half
  run_pgbench "$e" "pgbench warm-up (${WARMUP}s)" "$WARMUP"
  run_pgbench "$e" "pgbench saturation (${DURATION}s)" "$DURATION"
  G_TPS+=("$P_TPS") G_P99+=("$P_P99") G_CPU+=("$P_CPU")
  half=$(calc "$P_TPS / 2" %.1f)
  run_pgbench "$e" "pgbench at $half tx/s" "$DURATION" "$half"
  G_HP50+=("$P_P50") G_HP99+=("$P_P99")
}

verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=") ? (a >= b) : (a <= b); print (ok ? "met" : "NOT met") }'; }
row() { printf '  %-36s %-28s %-28s %s\n' "$@"; }
declare -A SUMMARY
section "(load) $PAIRS pairs per endpoint, $CONNS connections, $THREADS threads: saturation, then paced at half of it"
for e in ${ENDPOINTS//,/ }; do
  echo "  POST /api/$e ($(wc -l <"$OUT/$e.bodies") bodies drawn at random; pgbench: $SAMPLE scripts, $([ "$e" = claims ] && echo "at equal weights" || echo "each drawing the claim among its template's, weighted by their number"))"
  T_RPS=() T_P99=() T_CPU=() T_HP50=() T_HP99=() T_HRPS=() G_TPS=() G_P99=() G_CPU=() G_HP50=() G_HP99=() RATIOS=() LOADS=()
  for p in $(seq 1 "$PAIRS"); do
    echo "  pair $p ($([ $((p % 2)) = 1 ] && echo "tracker first" || echo "pgbench first")); uptime:$(uptime | sed 's/.*up [^,]*,//')"
    LOADS+=("$(load_now)")
    if [ $((p % 2)) = 1 ]; then tracker_side "$e"; pgbench_side "$e"; else pgbench_side "$e"; tracker_side "$e"; fi
    RATIOS+=("$(calc "${T_RPS[-1]} / ${G_TPS[-1]}" %.2f)")
    echo "  pair $p: tracker ${T_RPS[-1]} req/s, pgbench ${G_TPS[-1]} tx/s, ratio ${RATIOS[-1]}"
  done
  {
    echo
    echo "  POST /api/$e: $PAIRS pairs, median (range)"
    row "measure" "tracker (wrk)" "pgbench (same SQL)" "target"
    row "saturation throughput /s" "$(mrange "${T_RPS[@]}")" "$(mrange "${G_TPS[@]}")" ""
    row "ratio tracker/pgbench, per pair" "${RATIOS[*]}" "" ""
    row "ratio: median (range)" "$(mrange "${RATIOS[@]}")" "" ">= 0.5: $(verdict "$(median "${RATIOS[@]}")" '>=' 0.5)"
    row "saturation p99 ms" "$(mrange "${T_P99[@]}")" "$(mrange "${G_P99[@]}")" ""
    row "half saturation p50 ms" "$(mrange "${T_HP50[@]}")" "$(mrange "${G_HP50[@]}")" ""
    row "half saturation p99 ms" "$(mrange "${T_HP99[@]}")" "$(mrange "${G_HP99[@]}")" "<= 15 ms: $(verdict "$(median "${T_HP99[@]}")" '<=' 15)"
    row "half saturation achieved /s" "$(mrange "${T_HRPS[@]}")" "" ""
    if [[ " ${T_CPU[*]} ${G_CPU[*]} " != *" - "* ]]; then
      row "CPU ms per write (JVM + PG / PG)" "$(mrange "${T_CPU[@]}")" "$(mrange "${G_CPU[@]}")" ""
      row "writes/s per core (1000 / CPU ms)" "$(per_core "$(median "${T_CPU[@]}")")" "$(per_core "$(median "${G_CPU[@]}")")" ""
    fi
    row "load average (1 min) at each pair" "${LOADS[*]}" "" ""
  } >"$OUT/summary-$e.txt"
  cat "$OUT/summary-$e.txt"
  SUMMARY[$e]=$OUT/summary-$e.txt
done
grep -q ' ERROR ' "$TRACKER_LOG" && warn "the tracker logged errors: see $TRACKER_LOG"
tracker_stop

section "summary: writes, $DB, $PAIRS pairs, -c $CONNS -t $THREADS, ${DURATION}s runs"
for e in ${ENDPOINTS//,/ }; do cat "${SUMMARY[$e]}"; done
IFS='|' read -r r0 c0 s0 <<<"$ROWS_BEFORE"
IFS='|' read -r r1 c1 s1 <<<"$(rows)"
echo
echo "  rows added by this run: $((r1 - r0)) responses ($r0 -> $r1), $((c1 - c0)) claims ($c0 -> $c1), $((s1 - s0)) claim sources"
[ ! -s "$OUT/responses.variants" ] || echo "  the claims in turn after the run: $(answered_load)"
echo "  CPU: the tracker's JVM and its pool's PostgreSQL sessions (/proc), pgbench's sessions; neither counts the WAL"
echo "  writer, checkpointer or autovacuum, nor the load generator. Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
