"""WardSim's added latency over calling the LLM upstream directly with the same prompt,
and the time to the first streamed token at the client vs at the upstream.

A fake upstream (Tests/reliability/fake_upstream.py, mode `slow`) streams a fixed 5-chunk
reply with a fixed delay before each chunk. Rounds alternate: the prompt WardSim sent,
posted straight to the upstream, then the same question through WardSim (JSON endpoint,
then the SSE endpoint). Medians of ROUNDS.

    Benchmarks/llm-overhead [ROUNDS] [DELAY_PER_CHUNK_SECONDS]
"""

import http.client
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "reliability"))
os.environ.setdefault("WARDSIM_BIN", str(ROOT / ".build" / "release" / "wardsim"))
from fake_upstream import FakeUpstream  # noqa: E402
from wardsim_harness import Browser, Server, add_user  # noqa: E402

QUESTION = "When did the pain start?"


def direct(port, body):
    """(first chunk, whole reply) seconds for the prompt posted straight to the upstream."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    began = time.perf_counter()
    conn.request("POST", "/slow/v1/chat/completions", body=body, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    first = None
    while True:
        line = response.fp.readline()
        if not line:
            break
        if line.startswith(b"data:") and first is None:
            first = time.perf_counter() - began
        if line.strip() == b"data: [DONE]":
            break
    total = time.perf_counter() - began
    conn.close()
    return first, total


def streamed(port, browser, eid):
    """(first token event, done event) seconds at the client for the SSE endpoint."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    began = time.perf_counter()
    conn.request("POST", f"/api/encounters/{eid}/messages/stream", body=json.dumps({"text": QUESTION}),
                 headers={"Content-Type": "application/json", "Cookie": f"wardsim_session={browser.cookie}",
                          "X-CSRF-Token": browser.csrf})
    response = conn.getresponse()
    first = None
    while True:
        line = response.fp.readline()
        if not line:
            break
        if line.startswith(b"event: token") and first is None:
            first = time.perf_counter() - began
        if line.startswith(b"event: done"):
            break
    total = time.perf_counter() - began
    conn.close()
    return first, total


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.04
    work = Path(tempfile.mkdtemp(prefix="wardsim-llm-"))
    with FakeUpstream(delay=delay) as upstream:
        db = work / "wardsim.sqlite"
        server = Server(work, db=db, extra=["--llm-url", upstream.url("slow"), "--llm-timeout", "30"]).start()
        try:
            add_user(db, "bench-trainee")
            browser = Browser(server.port)
            assert browser.sign_in("bench-trainee").status == 200
            d_first, d_total, w_total, s_first, s_total, voices = [], [], [], [], [], set()
            eid = None
            for r in range(rounds):
                if r % 5 == 0:
                    eid = browser.request("POST", "/api/encounters", {"scenarioId": "chest-pain-inferior-stemi"}).json["id"]
                began = time.perf_counter()
                reply = browser.request("POST", f"/api/encounters/{eid}/messages", {"text": QUESTION})
                w_total.append(time.perf_counter() - began)
                voices.add(reply.json["voice"])
                body = upstream.last_body  # exactly what WardSim sent for this question
                first, total = direct(upstream.port, body)
                d_first.append(first)
                d_total.append(total)
                first, total = streamed(server.port, browser, eid)
                s_first.append(first)
                s_total.append(total)
            med = statistics.median
            added = (med(w_total) - med(d_total)) / med(d_total)
            print(f"LLM overhead ({rounds} alternating rounds, fake upstream: 5 chunks, {delay * 1000:.0f} ms before "
                  f"each; voices seen: {sorted(voices)}; medians)")
            print(f"  upstream direct: first chunk {med(d_first) * 1000:7.1f} ms, whole reply {med(d_total) * 1000:7.1f} ms")
            print(f"  via WardSim JSON turn:        whole turn  {med(w_total) * 1000:7.1f} ms   "
                  f"added {added * 100:+.1f}% (goal <= 3%)")
            print(f"  via WardSim SSE: first token {med(s_first) * 1000:7.1f} ms, done {med(s_total) * 1000:7.1f} ms")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
