-- wrk script of bench/run.sh, bench/search.sh and bench/writes.sh: GET requests rotating over the
-- paths of a file (or POSTs of JSON bodies drawn from a file), with a bearer token,
-- optionally paced to a total rate, and one machine-readable result line.
--
-- Environment:
--   BENCH_PATHS    file with one path (and query) per line, e.g. /api/claims/42
--   BENCH_POST     instead: a path to POST to, e.g. /api/responses; BENCH_PATHS then holds one JSON
--                  body per line, and each request takes one at random (as pgbench picks its scripts)
--   BENCH_TOKEN    bearer token sent with every request
--   BENCH_RATE     total requests per second over all threads (unset or 0: as fast as possible)
--   BENCH_THREADS  the number of wrk threads (-t), to split BENCH_RATE between them
--
-- Pacing: each thread hands out send times one interval apart (threads * 1000 / rate ms) to its
-- connections through wrk's delay(); a connection that finishes late sends at once, and the
-- schedule never catches up on lost time, so the achieved rate is at most the target and is printed.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local CLOCK_MONOTONIC = 1

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
local token = os.getenv("BENCH_TOKEN") or ""
local post = os.getenv("BENCH_POST") or ""

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

local paths = {}
local index = 0
local interval = 0
local next_at = nil

function init(args)
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
  if #paths == 0 then
    error("no paths in " .. tostring(os.getenv("BENCH_PATHS")))
  end
  -- Threads start at different places in the list.
  index = math.floor(tid * #paths / nthreads)
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
  if post ~= "" then
    wrk.headers["Content-Type"] = "application/json"
    math.randomseed(os.time() * 100 + tid)
  end
  if rate > 0 then
    interval = 1000.0 * nthreads / rate
  end
end

function request()
  if post ~= "" then
    return wrk.format("POST", post, nil, paths[math.random(#paths)])
  end
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

if rate > 0 then
  function delay()
    local now = now_ms()
    if next_at == nil or next_at < now then
      next_at = now
    end
    local at = next_at
    next_at = next_at + interval
    return math.floor(at - now + 0.5)
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH_WRK requests=%d seconds=%.3f rps=%.1f mean_ms=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "errors_status=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency.mean / 1000,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
