-- Signed-in pages with one session per connection: reads "cookie-header<TAB>csrf-token" lines from the
-- file named by BENCH_SESSIONS (bench/run.sh signs them in beforehand) and gives each wrk thread its
-- own share, used in turn, so that with as many sessions as connections no two requests in flight
-- share a session (one shared cookie would serialise every request on one session row).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("BENCH_SESSIONS")) do
    local cookie = line:match("^([^\t]+)")
    if cookie then table.insert(all, cookie) end
  end
  local count = tonumber(os.getenv("BENCH_THREADS") or "2")
  mine = {}
  for i, cookie in ipairs(all) do
    if (i - 1) % count == id then table.insert(mine, cookie) end
  end
  if #mine == 0 then mine = all end
  next_one = 1
end

function request()
  local cookie = mine[next_one]
  next_one = next_one % #mine + 1
  return wrk.format("GET", nil, { ["Cookie"] = cookie })
end
