-- wrk script: GET /v1/lookup?lat=..&lon=.. at a random postal-code point per request.
-- Usage: wrk ... -s lookup.lua http://127.0.0.1:PORT -- points.txt   (one "lat lon" per line)
local counter = 1
local paths = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local file = args[1] or "points.txt"
  for line in io.lines(file) do
    local lat, lon = line:match("^(%S+)%s+(%S+)")
    if lat then
      paths[#paths + 1] = "/v1/lookup?lat=" .. lat .. "&lon=" .. lon
    end
  end
  if #paths == 0 then
    error("no points in " .. file)
  end
  math.randomseed(os.time() * 1000 + (id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
