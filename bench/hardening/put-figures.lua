-- wrk script for bench/hardening/run: each request sets one monthly figure through the API
-- (PUT /api/v1/figures, audited), to a value that differs from the last, so every request writes.
-- The run puts the Authorization header in front of this file.
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
local count = 0
request = function()
  count = count + 1
  local body = string.format(
    '{"figures":[{"indicator":"violence-against-the-person","month":"2018-%02d","value":%d}]}',
    4 + count % 9, 100 + count % 50)
  return wrk.format(nil, nil, nil, body)
end
