// The shared token bucket as one Lua script (GCRA, the generic cell rate algorithm): Redis keeps one
// number per bucket, the theoretical arrival time (TAT) of the next token, and the script reserves a
// token and answers how long until it is due, atomically, on Redis's own clock (every replica sees the
// same time). One round trip per token and no lock; a replica that must wait sleeps locally for the
// answered delay. A token reserved and then not used (its call aborted) is simply lost: the bucket errs
// on the slow side. The key expires once the bucket would be full again.
//
// KEYS[1] the bucket; ARGV[1] microseconds per token (1e6 / rate); ARGV[2] the burst (tokens the
// bucket holds). Answers the wait in microseconds.
export const GCRA_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - now - (burst - 1) * interval
if wait < 0 then wait = 0 end
local next = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', next), 'PX', math.ceil((next - now) / 1000) + 1000)
return wait
`;
