-- The mixed load of ops/scale-drill.sh for wrk: of every ten requests, seven read a page of outlets
-- and three write a new outlet. The id of every acknowledged write (201) is appended to a file of
-- its thread ($DRILL_IDS.<thread>), so that the drill can check afterwards that each one is stored.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  token = os.getenv("DRILL_TOKEN")
  run = os.getenv("DRILL_RUN") or "0"
  ids = io.open(os.getenv("DRILL_IDS") .. "." .. id, "w")
  sent = 0
end

function request()
  sent = sent + 1
  local headers = { ["Authorization"] = "Bearer " .. token }
  if sent % 10 < 3 then
    headers["Content-Type"] = "application/json"
    local body = string.format('{"name":"Load outlet %s-%d-%d","kind":"blog"}', run, id, sent)
    return wrk.format("POST", "/api/outlets", headers, body)
  end
  return wrk.format("GET", "/api/outlets?size=20", headers)
end

function response(status, headers, body)
  if status == 201 then
    local written = body:match('^{"id":(%d+)')
    if written then
      ids:write(written, "\n")
      ids:flush()
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("DRILL requests=%d seconds=%.1f failed_status=%d socket_errors=%d p50_ms=%.1f p99_ms=%.1f\n",
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
