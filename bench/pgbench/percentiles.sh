#!/usr/bin/env bash
# Latency percentiles (ms) of pgbench --log files: column 3 is each transaction's latency in µs.
#   bench/pgbench/percentiles.sh pgbench_log.*
cat "$@" | awk '{print $3}' | sort -n | awk '
  function at(q,   i) { i = int(NR * q); if (i < 1) i = 1; return v[i] / 1000 }
  { v[NR] = $1 }
  END {
    if (NR == 0) { print "no transactions"; exit 1 }
    printf "n=%d  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms\n", NR, at(0.50), at(0.95), at(0.99), v[NR] / 1000
  }'
