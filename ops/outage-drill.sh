#!/usr/bin/env bash
# Outage drill: what the tracker does when PostgreSQL stops and comes back, shown against a real
# local cluster. It creates a throwaway cluster (Debian's pg_createcluster, port 5499 by default)
# so that no other database on the machine is disturbed, runs the tracker on it, writes records,
# stops the cluster, checks that readiness reports DOWN and that requests fail fast with a 503
# problem, starts the cluster again, and checks that the tracker recovers without a restart and that
# every write acknowledged before the outage is still there. Exits non-zero when an expectation fails.
#
#   ops/outage-drill.sh            (needs root for pg_createcluster, and a built tracker or ./mvnw)
set -euo pipefail
cd "$(dirname "$0")/.."

HTTP_PORT="${DRILL_HTTP_PORT:-8095}"
PG_PORT="${DRILL_PG_PORT:-5499}"
CLUSTER=tracker-drill
BASE="http://localhost:$HTTP_PORT"
WRITES=20
LOG=target/outage-drill.log
tracker_pid=
. ops/drill-lib.sh

cleanup() {
  [ -n "$tracker_pid" ] && kill "$tracker_pid" 2>/dev/null && wait "$tracker_pid" 2>/dev/null || true
  drop_cluster "$CLUSTER"
}
trap cleanup EXIT

say "== preparing a throwaway PostgreSQL $VERSION cluster on port $PG_PORT"
create_cluster "$CLUSTER" "$PG_PORT"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
mkdir -p target
# The tracker's roles and database on the new cluster, as ./tracker run makes them (the tracker
# connects as its own role, not as postgres).
export TRACKER_DB_URL="jdbc:postgresql://localhost:$PG_PORT/claimtracker"
./tracker setup >"$LOG" 2>&1
say "== starting the tracker on port $HTTP_PORT"
TRACKER_HTTP_PORT="$HTTP_PORT" TRACKER_MANAGEMENT_PORT=0 TRACKER_SEED_LOAD=never java -Xmx512m -jar target/quarkus-app/quarkus-run.jar >>"$LOG" 2>&1 &
tracker_pid=$!
check "the tracker is ready" await_ready "$BASE" 60
TOKEN=$(./tracker token analyst 1 2>>"$LOG")
check "an API token for the analyst" test -n "$TOKEN"
AUTH="Authorization: Bearer $TOKEN"

say "== writing $WRITES records"
ids=()
for i in $(seq 1 "$WRITES"); do
  id=$(curl -s -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Drill outlet $i $$\",\"kind\":\"blog\"}" "$BASE/api/outlets" | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
  [ -n "$id" ] && ids+=("$id")
done
check "all $WRITES writes acknowledged" test "${#ids[@]}" = "$WRITES"

say "== stopping PostgreSQL"
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" stop -m fast
stopped_at=$(now)

read -r code time <<<"$(curl -s -o /tmp/drill-ready.json -w '%{http_code} %{time_total}' "$BASE/q/health/ready")"
say "  readiness: $code in ${time}s: $(tr -d '\n ' </tmp/drill-ready.json | cut -c1-120)"
check "readiness reports DOWN (503)" test "$code" = 503
check "readiness answers within 6 s" awk -v t="$time" 'BEGIN { exit !(t < 6) }'
check "liveness still UP" test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/live")" = 200

read -r code time type <<<"$(curl -s -o /tmp/drill-write.json -w '%{http_code} %{time_total} %{content_type}' -H "$AUTH" \
  -H 'Content-Type: application/json' -d '{"name":"Written during the outage","kind":"blog"}' "$BASE/api/outlets")"
say "  write during the outage: $code in ${time}s ($type)"
check "a write fails with 503" test "$code" = 503
check "as application/problem+json" test "$type" = application/problem+json
check "within 6 s (no hanging threads)" awk -v t="$time" 'BEGIN { exit !(t < 6) }'

read -r code time <<<"$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$AUTH" "$BASE/api/outlets/${ids[0]}")"
say "  read during the outage: $code in ${time}s"
check "a read fails with 503 within 6 s" awk -v c="$code" -v t="$time" 'BEGIN { exit !(c == 503 && t < 6) }'

say "== starting PostgreSQL again (the tracker is not restarted)"
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start
started_at=$(now)
recovered=
for _ in $(seq 1 120); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready")" = 200 ] \
     && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE/api/outlets/${ids[0]}")" = 200 ]; then
    recovered=$(now)
    break
  fi
  sleep 0.5
done
check "the tracker recovers by itself" test -n "$recovered"
[ -n "$recovered" ] && say "  recovered $(elapsed "$started_at" "$recovered") s after PostgreSQL came back (outage lasted $(elapsed "$stopped_at" "$started_at") s)"

present=0
for id in "${ids[@]}"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE/api/outlets/$id")" = 200 ] && present=$((present + 1))
done
check "every write acknowledged before the outage is there ($present of ${#ids[@]})" test "$present" = "${#ids[@]}"
check "nothing from the failed write was stored" \
  test "$(curl -s -H "$AUTH" "$BASE/api/outlets?q=Written%20during%20the%20outage" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')" = 0
check "new writes succeed" test "$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Drill outlet after $$\",\"kind\":\"blog\"}" "$BASE/api/outlets")" = 201

if [ "$failures" -gt 0 ]; then
  say "== $failures expectation(s) failed; the tracker's log is in $LOG"
  exit 1
fi
say "== the tracker came through the outage"
