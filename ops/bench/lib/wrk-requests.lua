-- wrk script of ops/bench: the requests of one run, taken in turn by each connection.
-- Environment: BENCH_PATHS  paths separated by spaces (GET each, in turn), or
--              BENCH_BODY   a file whose bytes are POSTed to the URL given to wrk, with BENCH_TYPE as Content-Type.
-- Prints one BENCH-WRK line; answers that are not 2xx/3xx are counted apart, so a refused or failing page never
-- passes as throughput.
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "", "%S+") do
  paths[#paths + 1] = p
end
local counter = 0

function init(args)
  local body_file = os.getenv("BENCH_BODY")
  if body_file then
    local f = assert(io.open(body_file, "rb"))
    wrk.method = "POST"
    wrk.body = f:read("*a")
    wrk.headers["Content-Type"] = os.getenv("BENCH_TYPE")
    f:close()
  end
end

function request()
  if #paths == 0 then
    return wrk.request()
  end
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH-WRK %d requests in %.2f s = %.1f req/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
      .. " socket errors %d; answers not 2xx/3xx %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
