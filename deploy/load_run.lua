-- wrk script of deploy/load_run.py: asks for the paths given after "--" in turn, counts
-- the answers that are not 2xx (wrk's own count leaves out 3xx), and prints one line,
-- "RESULT {json}", with the figures load_run.py reports.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  sent = 0
  non_2xx = 0
end

function request()
  sent = sent + 1
  return wrk.format("GET", paths[(sent % #paths) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
  end
end

function done(summary, latency, requests)
  local total_non_2xx = 0
  for _, thread in ipairs(threads) do
    total_non_2xx = total_non_2xx + thread:get("non_2xx")
  end
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "non_2xx": %d, "connect_errors": %d, ' ..
    '"read_errors": %d, "write_errors": %d, "timeouts": %d, "latency_ms": {"mean": %.1f, ' ..
    '"p50": %.1f, "p90": %.1f, "p99": %.1f, "max": %.1f}}\n',
    summary.requests, summary.duration / 1e6, total_non_2xx, errors.connect, errors.read,
    errors.write, errors.timeout, latency.mean / 1000, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
