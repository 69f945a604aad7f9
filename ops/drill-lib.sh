#!/usr/bin/env bash
# Helpers the drills share (sourced by ops/outage-drill.sh and ops/scale-drill.sh): reporting each
# expectation, timing, throwaway PostgreSQL clusters and waiting for a tracker to be ready.

failures=0
VERSION=$(ls /etc/postgresql | sort -V | tail -n 1)

say() { printf '%s\n' "$*"; }
check() { # check <description> <condition...>
  local what=$1; shift
  if "$@"; then say "  ok    $what"; else say "  FAIL  $what"; failures=$((failures + 1)); fi
}

# Seconds (with decimals) since the epoch.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# The HTTP status of a request (curl's options after the URL's place are passed on).
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# Creates a throwaway cluster <name> <port> (dropping a leftover of an earlier run first) and starts it.
create_cluster() {
  pg_dropcluster --stop "$VERSION" "$1" 2>/dev/null || true
  pg_createcluster "$VERSION" "$1" -p "$2" --start --start-conf=manual -- --auth=trust >/dev/null
}
drop_cluster() { pg_dropcluster --stop "$VERSION" "$1" 2>/dev/null || true; }

# Waits (up to <seconds>, 120 by default) until <base>/q/health/ready answers 200.
await_ready() {
  local base=$1 limit=${2:-120} started
  started=$(date +%s)
  while [ $(($(date +%s) - started)) -lt "$limit" ]; do
    [ "$(status "$base/q/health/ready")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
