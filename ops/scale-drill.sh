#!/usr/bin/env bash
# Scale drill: several trackers behind a load balancer on one PostgreSQL primary, with report reads
# on a streaming replica, shown on this machine. It creates a throwaway primary and a streaming
# replica of it (Debian's pg_createcluster and pg_basebackup), starts three tracker instances on
# the primary (report reads on the replica: TRACKER_REPLICA_DB_URL) and HAProxy in front of them,
# checking each instance's /q/health/ready, and then:
#   - reads its writes: a record written through one instance is in a report exported at once
#     through another, read from the replica; with the replica's replay paused, from the primary
#     after the wait; the reporting role reads the replica too;
#   - revokes a token through one instance: the others refuse it within 1 s;
#   - sends five wrong passwords for one account, spread over the instances: the throttle trips;
#   - under wrk load of mixed reads and writes through the balancer, kills one instance: only the
#     requests in flight at the kill may fail, and every write acknowledged is stored;
#   - stops the replica: exports fall back to the primary, and go back to the replica when it returns.
# It prints a summary, exits non-zero when an expectation fails, and removes what it made (clusters,
# processes) however it ends.
#
#   ops/scale-drill.sh     (needs root for pg_createcluster, haproxy and wrk from Debian, a built tracker or ./mvnw)
set -euo pipefail
cd "$(dirname "$0")/.."
. ops/drill-lib.sh

PRIMARY_PORT="${DRILL_PRIMARY_PORT:-5440}"
REPLICA_PORT="${DRILL_REPLICA_PORT:-5441}"
HTTP_BASE_PORT="${DRILL_HTTP_PORT:-18550}"   # instances on this port and the next two
LB_PORT="${DRILL_LB_PORT:-18556}"
LOAD_SECONDS="${DRILL_LOAD_SECONDS:-20}"
KILL_AFTER="${DRILL_KILL_AFTER:-8}"
PRIMARY=scale-primary
REPLICA=scale-replica
LB="http://localhost:$LB_PORT"
WORK=target/scale-drill
LOG=$WORK/drill.log
INSTANCES=(1 2 3)
pids=()
haproxy_pid=
wrk_pid=
lag_pid=

base() { echo "http://localhost:$((HTTP_BASE_PORT + $1 - 1))"; }
metrics() { curl -s "http://localhost:$((HTTP_BASE_PORT + 2 + $1))/q/metrics" || true; }
# The value of one Prometheus sample of an instance (0 when absent): metric <instance> <name{labels}>
metric() { metrics "$1" | awk -v m="$2" 'index($0, m " ") == 1 { v = $2 } END { print v + 0 }'; }
replica_status() { curl -s "$(base "$1")/q/health/ready" | jq -r '.checks[] | select(.name | startswith("Streaming replica")) | .data.status' || true; }
await_replica() { # await_replica <instance> <status> <seconds>
  local deadline=$(($(date +%s) + $3))
  while [ "$(date +%s)" -le "$deadline" ]; do
    [ "$(replica_status "$1")" = "$2" ] && return 0
    sleep 0.2
  done
  return 1
}
primary_sql() { psql -X -q -At -h localhost -p "$PRIMARY_PORT" -U postgres -d claimtracker -c "$1"; }

cleanup() {
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
  [ -n "$lag_pid" ] && kill "$lag_pid" 2>/dev/null || true
  [ -n "$haproxy_pid" ] && kill "$haproxy_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}" $haproxy_pid; do
    wait "$pid" 2>/dev/null || true
  done
  drop_cluster "$REPLICA"
  drop_cluster "$PRIMARY"
}
trap cleanup EXIT

if ! command -v haproxy >/dev/null || ! command -v wrk >/dev/null || ! command -v jq >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "== installing Debian's haproxy, wrk and jq"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy wrk jq >/dev/null
  else
    say "scale drill: needs haproxy, wrk and jq (apt-get install -y haproxy wrk jq)"
    exit 1
  fi
fi
rm -rf "$WORK" && mkdir -p "$WORK"
started=$(now)

say "== a throwaway PostgreSQL $VERSION primary on port $PRIMARY_PORT and a streaming replica on $REPLICA_PORT"
create_cluster "$PRIMARY" "$PRIMARY_PORT"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -Dmaven.test.skip=true
export TRACKER_DB_URL="jdbc:postgresql://localhost:$PRIMARY_PORT/claimtracker"
./tracker setup >"$LOG" 2>&1
drop_cluster "$REPLICA"
pg_createcluster "$VERSION" "$REPLICA" -p "$REPLICA_PORT" --start-conf=manual -- --auth=trust >/dev/null
replica_data=$(pg_lsclusters -h | awk -v n="$REPLICA" '$2 == n { print $6 }')
rm -rf "${replica_data:?}"/*
# A copy of the primary that follows its WAL (-R: standby.signal and primary_conninfo). Long report
# reads on the replica are not cancelled by the primary's vacuum: hot_standby_feedback.
runuser -u postgres -- pg_basebackup -h localhost -p "$PRIMARY_PORT" -U postgres -D "$replica_data" -R -X stream -c fast
echo "hot_standby_feedback = on" >>"/etc/postgresql/$VERSION/$REPLICA/postgresql.conf"
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" start
check "the replica is a standby" test "$(psql -X -At -h localhost -p "$REPLICA_PORT" -U postgres -c 'select pg_is_in_recovery()')" = t
check "the primary streams to it" test "$(primary_sql "select count(*) from pg_stat_replication where state = 'streaming'")" = 1

say "== three tracker instances on ports $HTTP_BASE_PORT-$((HTTP_BASE_PORT + 2)), HAProxy on $LB_PORT"
session_key=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
start_instance() {
  TRACKER_HTTP_PORT=$((HTTP_BASE_PORT + $1 - 1)) TRACKER_MANAGEMENT_PORT=$((HTTP_BASE_PORT + 2 + $1)) \
    TRACKER_SEED_LOAD=never TRACKER_RATE_LIMIT=0 TRACKER_SESSION_KEY="$session_key" \
    TRACKER_REPLICA_DB_URL="jdbc:postgresql://localhost:$REPLICA_PORT/claimtracker" \
    java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar target/quarkus-app/quarkus-run.jar >"$WORK/tracker-$1.log" 2>&1 &
  pids+=($!)
}
# All three at once, on an empty database: one creates the starter accounts, the others wait for it
# and find them (advisory locks, V19).
for i in "${INSTANCES[@]}"; do
  start_instance "$i"
done
cat >"$WORK/haproxy.cfg" <<EOF
global
    maxconn 512
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # A request whose connection to an instance failed (it was not sent) goes to another one.
    retries 3
    option redispatch 1
    retry-on conn-failure
frontend tracker
    bind 127.0.0.1:$LB_PORT
    default_backend trackers
backend trackers
    # The instance with the fewest requests in progress: a slow one gets fewer.
    balance leastconn
    option httpchk GET /q/health/ready
    http-check expect status 200
    # A stopped instance refuses the check at once; a busy one gets 3 s to answer it.
    timeout check 3s
    default-server inter 1s fall 2 rise 2
$(for i in "${INSTANCES[@]}"; do echo "    server t$i 127.0.0.1:$((HTTP_BASE_PORT + i - 1)) check"; done)
EOF
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
haproxy_pid=$!
for i in "${INSTANCES[@]}"; do
  check "instance $i is ready" await_ready "$(base "$i")" 240
done
check "the balancer answers" await_ready "$LB" 30
TOKEN=$(./tracker token analyst 1 2>>"$LOG")
check "an API token for the analyst" test -n "$TOKEN"
AUTH="Authorization: Bearer $TOKEN"
JSON="Content-Type: application/json"

say "== report reads on the replica, and read-your-writes across instances"
check "instance 1 sees the replica streaming" await_replica 1 streaming 30
fresh=0
for n in 1 2 3 4 5; do
  name="Drill party $n $$"
  curl -s -o /dev/null -H "$AUTH" -H "$JSON" -d "{\"name\":\"$name\",\"kind\":\"armed_group\"}" "$(base 1)/api/parties" || true
  curl -s -w '%{time_total}\n' -o "$WORK/fresh.csv" -H "$AUTH" "$(base 2)/api/reports/parties?format=csv" >>"$WORK/fresh-times" || true
  grep -q "$name" "$WORK/fresh.csv" && fresh=$((fresh + 1))
done
check "each party written through instance 1 is in the report exported at once through instance 2 ($fresh of 5)" test "$fresh" = 5
say "  those exports took $(paste -sd' ' "$WORK/fresh-times") s"
from_replica=$(metric 2 'tracker_replica_reads_total{reason="caught-up",server="replica"}')
check "instance 2 read those reports from the replica ($from_replica reads)" test "${from_replica%.*}" -ge 5
lag=$(curl -s "$(base 2)/q/health/ready" | jq -c '.checks[] | select(.name | startswith("Streaming replica")) | .data' || true)
say "  replica in readiness: $lag"
check "the lag is in the metrics" test -n "$(metrics 2 | grep '^tracker_replica_lag_bytes ')"
reporting_rows=$(PGPASSWORD=reporting-local-only psql -X -At -h localhost -p "$REPLICA_PORT" -U claims_reporting -d claimtracker \
  -c "select count(*) from parties where party_name like 'Drill party % $$'" 2>>"$LOG")
check "the reporting role reads the replica ($reporting_rows parties)" test "$reporting_rows" = 5
check "and can write nothing there" \
  bash -c "! PGPASSWORD=reporting-local-only psql -X -h localhost -p $REPLICA_PORT -U claims_reporting -d claimtracker -c 'create temporary table t (i int)' 2>>$LOG"

say "== replay paused on the replica: a fresh write is read from the primary once TRACKER_REPLICA_WAIT (2 s) has passed"
replica_sql() { psql -X -q -At -h localhost -p "$REPLICA_PORT" -U postgres -c "$1"; }
replica_sql "select pg_wal_replay_pause()" >/dev/null
name="Drill party while replay is paused $$"
curl -s -o /dev/null -H "$AUTH" -H "$JSON" -d "{\"name\":\"$name\",\"kind\":\"armed_group\"}" "$(base 1)/api/parties" || true
read -r code time <<<"$(curl -s -o "$WORK/paused.csv" -w '%{http_code} %{time_total}' -H "$AUTH" "$(base 2)/api/reports/parties?format=csv")"
say "  export while the replica lags: $code in ${time}s"
check "it holds the write" bash -c "[ $code = 200 ] && grep -q '$name' $WORK/paused.csv"
check "read from the primary after waiting for the replica" \
  test "$(metric 2 'tracker_replica_reads_total{reason="lagging",server="primary"}' | cut -d. -f1)" -ge 1
lagging_bytes=$(curl -s "$(base 2)/q/health/ready" | jq -r '.checks[] | select(.name | startswith("Streaming replica")) | .data.lagBytes' || true)
check "readiness shows the lag ($lagging_bytes bytes)" test "${lagging_bytes:-0}" -gt 0
replica_sql "select pg_wal_replay_resume()" >/dev/null

say "== a token revoked through one instance"
child=$(curl -s -H "$AUTH" -H "$JSON" -d '{"name":"drill revocation","days":1}' "$(base 1)/api/tokens" || true)
child_id=$(jq -r .id <<<"$child" 2>/dev/null || true)
child_token=$(jq -r .token <<<"$child" 2>/dev/null || true)
known=0
for i in "${INSTANCES[@]}"; do
  [ "$(status -H "Authorization: Bearer $child_token" "$(base "$i")/api/outlets")" = 200 ] && known=$((known + 1))
done
check "the new token works on every instance ($known of 3)" test "$known" = 3
revoked_at=$(now)
check "revoked through instance 1" test "$(status -X DELETE -H "$AUTH" "$(base 1)/api/tokens/$child_id")" = 204
refused_at=
while awk -v a="$revoked_at" -v b="$(now)" 'BEGIN { exit !(b - a < 10) }'; do
  if [ "$(status -H "Authorization: Bearer $child_token" "$(base 2)/api/outlets")" = 401 ] \
     && [ "$(status -H "Authorization: Bearer $child_token" "$(base 3)/api/outlets")" = 401 ]; then
    refused_at=$(now)
    break
  fi
  sleep 0.05
done
revocation=$([ -n "$refused_at" ] && elapsed "$revoked_at" "$refused_at" || echo "more than 10")
say "  instances 2 and 3 refused the revoked token after $revocation s"
check "instances 2 and 3 refuse it within 1 s" awk -v t="$revocation" 'BEGIN { exit !(t + 0 > 0 && t <= 1) }'

say "== five wrong passwords for one account, spread over the instances"
login() { curl -s -o /dev/null -w '%{redirect_url}' --data-urlencode "j_username=viewer" --data-urlencode "j_password=$2" "$(base "$1")/j_security_check" || true; }
for i in 1 2 3 1 2; do
  login "$i" "not-the-password-$i" >/dev/null
done
throttled=0
for i in "${INSTANCES[@]}"; do
  [[ $(login "$i" viewer-local-only) == */login?throttled=* ]] && throttled=$((throttled + 1))
done
check "the right password is then refused on every instance ($throttled of 3 throttled)" test "$throttled" = 3

say "== ${LOAD_SECONDS} s of mixed load through the balancer (7 reads : 3 writes); instance 3 killed after ${KILL_AFTER} s"
# A few seconds first to warm the instances' JVMs, not counted.
DRILL_TOKEN=$TOKEN DRILL_RUN=warm$$ DRILL_IDS="$WORK/warm-up" wrk -t2 -c8 -d5s -s ops/scale-load.lua "$LB" >/dev/null 2>&1 || true
DRILL_TOKEN=$TOKEN DRILL_RUN=$$ DRILL_IDS="$WORK/written" \
  wrk -t2 -c8 -d"${LOAD_SECONDS}s" --timeout 10s -s ops/scale-load.lua "$LB" >"$WORK/wrk.txt" 2>&1 &
wrk_pid=$!
# The replica's lag as instance 1 sees it, twice a second while the load runs.
( while kill -0 "$wrk_pid" 2>/dev/null; do
    curl -s "$(base 1)/q/health/ready" | jq -r '.checks[] | select(.name | startswith("Streaming replica")) | "\(.data.lagBytes // "") \(.data.lagSeconds // "")"'
    sleep 0.5
  done >"$WORK/lag" ) &
lag_pid=$!
sleep "$KILL_AFTER"
kill -9 "${pids[2]}"
{ wait "${pids[2]}"; } 2>/dev/null || true
wait "$wrk_pid" || true
wrk_pid=
wait "$lag_pid" 2>/dev/null || true
lag_max=$(awk '$1 != "" { n++; if ($1 > b) b = $1; if ($2 > s) s = $2 } END { printf "%d bytes, %.3f s (%d samples)", b, s, n }' "$WORK/lag")
read -r requests seconds failed_status socket_errors p50 p99 <<<"$(sed -n 's/^DRILL requests=\([0-9]*\) seconds=\([0-9.]*\) failed_status=\([0-9]*\) socket_errors=\([0-9]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\)$/\1 \2 \3 \4 \5 \6/p' "$WORK/wrk.txt")"
check "the load ran ($requests requests)" test "${requests:-0}" -gt 0
failed=$((${failed_status:-0} + ${socket_errors:-0}))
say "  $requests requests in $seconds s ($(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }') /s), p50 $p50 ms, p99 $p99 ms; $failed failed"
say "  replica lag under the load, at most: $lag_max"
check "at most the 8 requests in flight at the kill failed ($failed)" test "$failed" -le 8
check "the balancer took instance 3 out" bash -c "grep -q 't3 is DOWN' $WORK/haproxy.log"
check "reads answer after the kill" test "$(status -H "$AUTH" "$LB/api/outlets")" = 200
cat "$WORK"/written.* >"$WORK/written" 2>/dev/null || true
acknowledged=$(wc -l <"$WORK/written")
stored=$(primary_sql "select count(*) from outlet where id = any('{$(paste -sd, "$WORK/written")}'::bigint[])")
check "every acknowledged write is stored ($stored of $acknowledged)" test "$stored" = "$acknowledged" -a "$acknowledged" -gt 0

say "== the replica stopped"
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" stop -m fast
down_before=$(( $(metric 1 'tracker_replica_reads_total{reason="down",server="primary"}') + $(metric 2 'tracker_replica_reads_total{reason="down",server="primary"}') ))
name="Drill party after the replica stopped $$"
curl -s -o /dev/null -H "$AUTH" -H "$JSON" -d "{\"name\":\"$name\",\"kind\":\"armed_group\"}" "$LB/api/parties" || true
read -r code time <<<"$(curl -s -o "$WORK/parties.csv" -w '%{http_code} %{time_total}' -H "$AUTH" "$LB/api/reports/parties?format=csv")"
say "  export without the replica: $code in ${time}s"
check "an export still answers, from the primary, with the latest write" bash -c "[ $code = 200 ] && grep -q '$name' $WORK/parties.csv"
check "the ClaimReview export answers too" test "$(status -H "$AUTH" "$LB/api/exports/claimreview.jsonl")" = 200
check "and the report list" test "$(status -H "$AUTH" "$LB/api/reports")" = 200
down_after=$(( $(metric 1 'tracker_replica_reads_total{reason="down",server="primary"}') + $(metric 2 'tracker_replica_reads_total{reason="down",server="primary"}') ))
check "counted as reads sent to the primary ($((down_after - down_before)))" test "$down_after" -ge $((down_before + 3))
check "readiness shows the replica down and stays UP" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' $(base 1)/q/health/ready)\" = 200 ]" 
check "  (status down within 5 s)" await_replica 1 down 5
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" start
check "the replica back: streaming again within 15 s" await_replica 1 streaming 15

say ""
say "== summary ($(elapsed "$started" "$(now)") s; $(uptime | sed 's/.*load average/load average/'))"
say "  replica: $fresh of 5 writes read at once from the replica through another instance; with the replica stopped, exports answered from the primary ($((down_after - down_before)) reads)"
say "  token revoked through one instance, refused by the others after $revocation s"
say "  five wrong passwords over three instances: $throttled of 3 instances then refused the right one"
say "  load: $requests requests, $failed failed; instance 3 killed; $stored of $acknowledged acknowledged writes stored"
say "  replica lag under the load, at most: $lag_max"
if [ "$failures" -gt 0 ]; then
  say "== $failures expectation(s) failed; logs in $WORK"
  exit 1
fi
say "== the tracker scaled out and came through"
