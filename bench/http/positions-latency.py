#!/usr/bin/env python3
"""Latency of the positions endpoints over HTTP, one client, one kept-alive connection.

    TOKEN=$(./tracker token viewer) bench/http/positions-latency.py --port 8080 --party 1 [--n 2000] [--as-of 9999-12-31]
        [--scope members] [--connections 2] [--rate 100]

Each request asks a page of 50 of the party's claims, status and page (0 to 19) at random (seeded),
or the party's summary (--summary). With --as-of, the positions are computed on the fly (the
code path current positions used before the positions table); with --scope, rolled up over the
party's parts or members (issue 16). Start the tracker with TRACKER_RATE_LIMIT=0, or the rate
limit answers 429 first. Prints p50, p95, p99 and max in ms, and the requests a second.

By default one client sends the requests one after another (closed loop). --connections N runs N
such clients at once (their total rate is the saturation rate when N keeps the cores busy);
--rate R schedules the requests at R a second over the connections instead (open loop), and each
latency is counted from the request's scheduled time, so that a request kept waiting by a slow
one before it counts its wait (the half-saturation figures of issue 16).
"""
import argparse
import http.client
import os
import random
import threading
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
    parser.add_argument("--scope", choices=["self", "parts", "members"])
    parser.add_argument("--connections", type=int, default=1)
    parser.add_argument("--rate", type=float)
    args = parser.parse_args()
    token = os.environ["TOKEN"]
    rng = random.Random(args.seed)
    statuses = ["", "denied", "confirmed", "partially_confirmed", "unresolved", "withdrawn"]
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}

    def path():
        if args.summary:
            query = ""
        else:
            status = rng.choice(statuses)
            query = "?size=50&page=%d" % rng.randint(0, 19) + ("&status=" + status if status else "")
        if args.as_of:
            query += ("&" if query else "?") + "asOf=" + args.as_of
        if args.scope:
            query += ("&" if query else "?") + "scope=" + args.scope
        kind = "summary" if args.summary else "claims"
        return "/api/parties/%d/%s%s" % (args.party, kind, query)

    total = args.warmup + args.n
    paths = [path() for _ in range(total)]
    lock = threading.Lock()
    state = {"next": 0}
    timings = []
    failures = []
    marks = {}

    def client():
        connection = http.client.HTTPConnection(args.host, args.port)
        while True:
            with lock:
                if state["next"] >= total or failures:
                    return
                i = state["next"]
                state["next"] += 1
            scheduled = None
            if args.rate and i >= args.warmup:
                scheduled = marks["start"] + (i - args.warmup) / args.rate
                delay = scheduled - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            start = time.perf_counter()
            connection.request("GET", paths[i], headers=headers)
            response = connection.getresponse()
            response.read()
            end = time.perf_counter()
            if response.status != 200:
                failures.append("%s answered %d" % (paths[i], response.status))
                return
            if i >= args.warmup:
                with lock:
                    timings.append((end - (scheduled if scheduled is not None else start)) * 1000)
                    marks["end"] = end

    # The warm-up goes first, one client; then the measured requests over the connections.
    saved = args.n
    total = args.warmup
    client()
    total = args.warmup + saved
    marks["start"] = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise SystemExit(failures[0])
    timings.sort()

    def at(q):
        return timings[max(0, int(len(timings) * q) - 1)]

    elapsed = marks["end"] - marks["start"]
    print("n=%d  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms  %.1f req/s"
          % (len(timings), at(0.50), at(0.95), at(0.99), timings[-1], len(timings) / elapsed))


if __name__ == "__main__":
    main()
