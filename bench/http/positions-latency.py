#!/usr/bin/env python3
"""Latency of the positions endpoints over HTTP, one client, one kept-alive connection.

    TOKEN=$(./tracker token viewer) bench/http/positions-latency.py --port 8080 --party 1 [--n 2000] [--as-of 9999-12-31]

Each request asks a page of 50 of the party's claims, status and page (0 to 19) at random (seeded),
or the party's summary (--summary). With --as-of, the positions are computed on the fly (the
code path current positions used before the positions table). Start the tracker with
TRACKER_RATE_LIMIT=0, or the rate limit answers 429 first. Prints p50, p95, p99 and max in ms.
"""
import argparse
import http.client
import os
import random
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--party", type=int, required=True)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--summary", action="store_true")
    parser.add_argument("--as-of")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    token = os.environ["TOKEN"]
    rng = random.Random(args.seed)
    statuses = ["", "denied", "confirmed", "partially_confirmed", "unresolved", "withdrawn"]
    connection = http.client.HTTPConnection(args.host, args.port)
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}

    def path():
        if args.summary:
            query = ""
        else:
            status = rng.choice(statuses)
            query = "?size=50&page=%d" % rng.randint(0, 19) + ("&status=" + status if status else "")
        if args.as_of:
            query += ("&" if query else "?") + "asOf=" + args.as_of
        kind = "summary" if args.summary else "claims"
        return "/api/parties/%d/%s%s" % (args.party, kind, query)

    timings = []
    for i in range(args.warmup + args.n):
        p = path()
        start = time.perf_counter()
        connection.request("GET", p, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise SystemExit("%s answered %d" % (p, response.status))
        if i >= args.warmup:
            timings.append(elapsed)
    timings.sort()

    def at(q):
        return timings[max(0, int(len(timings) * q) - 1)]

    print("n=%d  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms"
          % (len(timings), at(0.50), at(0.95), at(0.99), timings[-1]))


if __name__ == "__main__":
    main()
