-- Adoption under contention: every request is one of many signed-in donors pressing "adopt" on one
-- of a few letters. Reads "cookie-header<TAB>csrf-token" lines from ./sessions and letter codes from ./letters.
local sessions, letters = {}, {}
local threads = {}

local function lines(file)
  local out = {}
  for line in io.lines(file) do
    if line ~= "" then table.insert(out, line) end
  end
  return out
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for _, line in ipairs(lines("sessions")) do
    local cookie, token = line:match("^([^\t]+)\t(%S+)$")
    if cookie then table.insert(sessions, { cookie = cookie, token = token }) end
  end
  letters = lines("letters")
  counts = {}
  math.randomseed(os.time() + #sessions)
end

function request()
  local s = sessions[math.random(#sessions)]
  local code = letters[math.random(#letters)]
  return wrk.format("POST", "/letters/" .. code .. "/adopt",
    { ["Cookie"] = s.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
    "_csrf=" .. s.token)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d\n", status, n))
  end
end
