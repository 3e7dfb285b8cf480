-- practice.lua: wrk's requests for bench/practice. Each request is Today
-- (GET /) for a client drawn at random from the signed-in clients: the
-- session tokens of the file named by the environment's PRACTICE_TOKENS,
-- one a line, sent as the session cookie. A thread's draws are its own
-- (seeded per thread), so the connections spread over every client.
local tokens = {}

function setup(thread)
	thread:set("seed", math.random(1, 2 ^ 30))
end

function init(args)
	for line in io.lines(os.getenv("PRACTICE_TOKENS")) do
		tokens[#tokens + 1] = line
	end
	math.randomseed(seed or 1)
	if #tokens == 0 then
		error("practice.lua: no token in " .. os.getenv("PRACTICE_TOKENS"))
	end
end

function request()
	local token = tokens[math.random(#tokens)]
	return wrk.format("GET", wrk.path, { Cookie = "__Host-rapport=" .. token })
end
