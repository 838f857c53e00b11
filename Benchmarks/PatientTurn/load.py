#!/usr/bin/env python3
"""Patient-turn load against a running WardSim server (Benchmarks/patient-turn drives it).

Each worker thread signs in as its own trainee (keep-alive connection, session cookie,
CSRF token), then plays interviews until the time is up: start an encounter on the next
shipped scenario, ask its questions one by one through POST /api/encounters/{id}/messages
(the JSON endpoint; the scripted voice answers and every turn is written to SQLite), then
start the next. Only the message requests are timed.

    load.py BASE_URL USER_PREFIX PASSWORD WORKERS SECONDS INTERVIEWS_DIR [QUESTIONS]

Prints one JSON line: {"workers","turns","errors","seconds","rps","p50_ms","p99_ms"}.
"""
import http.client
import json
import pathlib
import sys
import threading
import time
import urllib.parse


def main():
    base, prefix, password, workers, seconds, folder = sys.argv[1:7]
    questions_per_interview = int(sys.argv[7]) if len(sys.argv) > 7 else 20
    workers, seconds = int(workers), float(seconds)
    url = urllib.parse.urlparse(base)
    interviews = []
    for path in sorted(pathlib.Path(folder).glob("*.json")):
        questions = [pair["question"] for pair in json.loads(path.read_text())][:questions_per_interview]
        interviews.append((path.stem, questions))

    latencies, errors, lock = [], [0], threading.Lock()
    start_gate = threading.Barrier(workers + 1)
    deadline = [float("inf")]

    def worker(index):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        body = json.dumps({"username": f"{prefix}{index}", "password": password})
        connection.request("POST", "/api/auth/login", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        signed_in = json.loads(response.read())
        cookie = response.getheader("Set-Cookie").split(";")[0]
        headers = {"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": signed_in["csrfToken"]}
        mine, failures, turn = [], 0, index
        start_gate.wait()
        while time.perf_counter() < deadline[0]:
            scenario, questions = interviews[turn % len(interviews)]
            turn += 1
            connection.request("POST", "/api/encounters", json.dumps({"scenarioId": scenario}), headers)
            started = connection.getresponse()
            encounter = json.loads(started.read())
            if started.status != 201:
                failures += 1
                continue
            for question in questions:
                if time.perf_counter() >= deadline[0]:
                    break
                t0 = time.perf_counter()
                connection.request("POST", f"/api/encounters/{encounter['id']}/messages",
                                   json.dumps({"text": question}), headers)
                reply = connection.getresponse()
                reply.read()
                elapsed = time.perf_counter() - t0
                if reply.status == 200:
                    mine.append(elapsed)
                else:
                    failures += 1
        with lock:
            latencies.extend(mine)
            errors[0] += failures

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    # Workers sign in, then wait at the gate; the clock starts when all are through.
    start_gate.wait()
    began = time.perf_counter()
    deadline[0] = began + seconds
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()

    def percentile(p):
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, max(0, int(len(latencies) * p + 0.999999) - 1))] * 1000

    print(json.dumps({"workers": workers, "turns": len(latencies), "errors": errors[0], "seconds": round(elapsed, 2),
                      "rps": round(len(latencies) / elapsed, 1), "p50_ms": round(percentile(0.5), 2),
                      "p99_ms": round(percentile(0.99), 2)}))


if __name__ == "__main__":
    main()
