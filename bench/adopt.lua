-- Adoption presses: signed-in donors pressing "adopt". Reads "cookie-header<TAB>csrf-token" lines from
-- ./sessions and letter codes from ./letters.
--
-- Distinct letters (the default): each wrk thread takes its own share of the sessions and of the letters
-- (thread i: lines i, i + n, ...) and presses its letters in turn, so no letter is pressed twice and every
-- press on a free letter can commit. When a thread has pressed all of its letters it starts again from
-- its first (those presses answer "already yours" or "taken" and commit nothing); adoption.sh gives
-- more letters than a run can use and counts commits in the database, not answers.
-- BENCH_CONTENDED=yes: every thread presses random letters of the whole (small) list with random
-- sessions, each thread seeded apart: many donors racing for the same few letters (run.sh).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
  contended = os.getenv("BENCH_CONTENDED") == "yes"
  sessions, letters, counts = {}, {}, {}
  local i = 0
  for line in io.lines("sessions") do
    local cookie, token = line:match("^([^\t]+)\t(%S+)$")
    if cookie then
      if contended or i % nthreads == id then table.insert(sessions, { cookie = cookie, token = token }) end
      i = i + 1
    end
  end
  i = 0
  for line in io.lines("letters") do
    if line ~= "" then
      if contended or i % nthreads == id then table.insert(letters, line) end
      i = i + 1
    end
  end
  if #sessions == 0 or #letters == 0 then
    error("adopt.lua: thread " .. id .. " has " .. #sessions .. " sessions and " .. #letters .. " letters")
  end
  next_session, next_letter, wrapped = 1, 1, 0
  math.randomseed(os.time() * 1000 + id * 7919)
end

function request()
  local s, code
  if contended then
    s = sessions[math.random(#sessions)]
    code = letters[math.random(#letters)]
  else
    s = sessions[next_session]
    next_session = next_session % #sessions + 1
    code = letters[next_letter]
    next_letter = next_letter + 1
    if next_letter > #letters then
      next_letter = 1
      wrapped = wrapped + 1
    end
  end
  return wrk.format("POST", "/letters/" .. code .. "/adopt",
    { ["Cookie"] = s.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
    "_csrf=" .. s.token)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total, laps = {}, 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do total[status] = (total[status] or 0) + n end
    laps = laps + (thread:get("wrapped") or 0)
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d\n", status, n))
  end
  io.write(string.format("letter list restarted: %d\n", laps))
end
