"""Prepares the patient-turn leg of Benchmarks/http-floor: one trainee (made with the CLI),
signed in, with ENCOUNTERS encounters started, and a wrk Lua script that asks a question
in a random one of them per request (so no encounter grows past a normal interview).

    python3 Benchmarks/http/turn_setup.py PORT DB ENCOUNTERS OUT.lua
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "Tests" / "reliability"))
from wardsim_harness import Browser, add_user  # noqa: E402

port, db, count, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
add_user(Path(db), "bench-trainee")
browser = Browser(port)
assert browser.sign_in("bench-trainee").status == 200
ids = []
for _ in range(count):
    reply = browser.request("POST", "/api/encounters", {"scenarioId": "chest-pain-inferior-stemi"})
    assert reply.status == 201, reply
    ids.append(reply.json["id"])
lua = f"""
local ids = {{{", ".join(f'"{i}"' for i in ids)}}}
wrk.method = "POST"
wrk.body = '{{"text":"When did the pain start?"}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "wardsim_session={browser.cookie}"
wrk.headers["X-CSRF-Token"] = "{browser.csrf}"
request = function()
  return wrk.format(nil, "/api/encounters/" .. ids[math.random(#ids)] .. "/messages")
end
"""
Path(out).write_text(lua)
