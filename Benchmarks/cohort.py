"""A simulated cohort against the release build on loopback.

N trainees at once, each signed in on its own keep-alive connection, each playing one
whole encounter with the scripted voice: start, 20 questions, 2 orders, findings,
diagnosis, the AI recommendation, appraisal, submit. Reports throughput, p50/p99 per
endpoint and errors for each N; RSS idle and the peak at the largest N (from /proc);
and the start-up time with 500 scenarios.

    Benchmarks/cohort [--think S] [N ...]      (default: 100 500 1000, closed loop)

Without --think every trainee sends its next request the moment the last one is answered
(a closed loop: latency is then N / throughput, a saturation test). With --think S each
trainee pauses before every request for a random time with mean S seconds (exponential,
seeded), as people reading a reply and typing the next question do: the latency a
trainee sees at a given offered load.

Bounded: every request has a 60 s timeout and each level stops after 300 s.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "reliability"))
from wardsim_harness import QUESTIONS, Server, add_user, add_users_fast  # noqa: E402

os.environ.setdefault("WARDSIM_BIN", str(ROOT / ".build" / "release" / "wardsim"))
SCENARIO = "chest-pain-inferior-stemi"


class Conn:
    """One keep-alive HTTP/1.1 connection (asyncio streams, no library)."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None
        self.cookie = self.csrf = None

    async def request(self, method, path, body=None):
        # Like a browser: a kept-alive connection the server has since closed (its idle
        # timeout is 30 s) is reopened once and the request sent again.
        reused = self.writer is not None
        try:
            return await self._request(method, path, body)
        except (ConnectionError, asyncio.IncompleteReadError):
            if not reused:
                raise
            self.writer = None
            return await self._request(method, path, body)

    async def _request(self, method, path, body=None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        data = json.dumps(body).encode() if body is not None else b""
        head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Accept: application/json",
                f"Content-Length: {len(data)}"]
        if body is not None:
            head.append("Content-Type: application/json")
        if self.cookie:
            head.append(f"Cookie: wardsim_session={self.cookie}")
        if self.csrf and method != "GET":
            head.append(f"X-CSRF-Token: {self.csrf}")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split()[1])
        headers = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            k, _, v = line.decode().partition(":")
            headers[k.strip().lower()] = v.strip()
        if "content-length" in headers:
            payload = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            payload = b""
            while True:
                size = int((await self.reader.readline()).strip(), 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                payload += chunk[:-2]
        else:
            payload = b""
        if headers.get("connection", "").lower() == "close":
            self.writer.close()
            self.writer = None
        return status, headers, payload

    def close(self):
        if self.writer:
            self.writer.close()


class Stats:
    def __init__(self):
        self.latency: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}

    def add(self, name, seconds, ok):
        self.latency.setdefault(name, []).append(seconds)
        if not ok:
            self.errors[name] = self.errors.get(name, 0) + 1


THINK = {"mean": 0.0, "random": None}


async def timed(stats, conn, name, method, path, body=None, expect=(200,)):
    if THINK["mean"] > 0:
        await asyncio.sleep(THINK["random"].expovariate(1 / THINK["mean"]))
    began = time.perf_counter()
    try:
        status, headers, payload = await asyncio.wait_for(conn.request(method, path, body), 60)
    except Exception:
        stats.add(name, time.perf_counter() - began, False)
        conn.writer = None
        raise
    stats.add(name, time.perf_counter() - began, status in expect)
    if status not in expect:
        raise RuntimeError(f"{name}: {status} {payload[:200]!r}")
    return payload


async def sign_in(port, username, gate):
    async with gate:
        conn = Conn(port)
        status, headers, payload = await conn.request(
            "POST", "/api/auth/login", {"username": username, "password": "correct horse battery staple"})
        assert status == 200, payload
        conn.cookie = headers["set-cookie"].split(";")[0].split("=", 1)[1]
        conn.csrf = json.loads(payload)["csrfToken"]
        return conn


async def play(conn, stats):
    try:
        enc = json.loads(await timed(stats, conn, "POST /encounters", "POST", "/api/encounters",
                                     {"scenarioId": SCENARIO}, (201,)))
        eid = enc["id"]
        for q in QUESTIONS[:20]:
            await timed(stats, conn, "POST /messages (patient turn)", "POST", f"/api/encounters/{eid}/messages",
                        {"text": q})
        for item in enc["orderable"][:2]:
            await timed(stats, conn, "POST /orders", "POST", f"/api/encounters/{eid}/orders",
                        {"itemId": item["id"]}, (201,))
        await timed(stats, conn, "PUT /findings", "PUT", f"/api/encounters/{eid}/findings",
                    {"findings": [{"category": "history", "text": "Central chest pain for two hours"}]})
        await timed(stats, conn, "PUT /diagnosis", "PUT", f"/api/encounters/{eid}/diagnosis",
                    {"diagnosis": "Inferior STEMI", "differential": ["Aortic dissection"], "plan": "Cath lab"})
        rec = json.loads(await timed(stats, conn, "GET /recommendation", "GET",
                                     f"/api/encounters/{eid}/recommendation"))["recommendation"]
        await timed(stats, conn, "PUT /appraisal", "PUT", f"/api/encounters/{eid}/appraisal",
                    {"recommendationId": rec["id"], "decision": "modify", "flaws": [],
                     "justification": "Reasoned.", "finalDiagnosis": "Inferior STEMI", "finalPlan": "Cath lab"})
        await timed(stats, conn, "POST /submit", "POST", f"/api/encounters/{eid}/submit")
        await timed(stats, conn, "GET /debrief", "GET", f"/api/encounters/{eid}/debrief")
    except Exception:
        pass


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


class RSSSampler(threading.Thread):
    def __init__(self, server):
        super().__init__(daemon=True)
        self.server, self.peak, self.running = server, 0, True

    def run(self):
        while self.running:
            try:
                self.peak = max(self.peak, self.server.rss_kib())
            except Exception:
                pass
            time.sleep(0.1)


async def level(port, conns, stats):
    began = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(play(c, stats) for c in conns)), 300)
    return time.perf_counter() - began


def startup_with(count: int, work: Path) -> tuple[float, float]:
    """Seconds to the first /healthz answer with `count` scenarios (fresh db, then again)."""
    folder = work / f"scenarios-{count}"
    folder.mkdir()
    shipped = sorted(p for p in (ROOT / "Scenarios").glob("*.json") if not p.name.endswith(".schema.json"))
    shutil.copytree(ROOT / "Scenarios" / "defaults", folder / "defaults")
    for schema in (ROOT / "Scenarios").glob("*.schema.json"):
        shutil.copy(schema, folder / schema.name)
    for original in shipped:  # the curriculum's learning paths name the shipped ids
        shutil.copy(original, folder / original.name)
    for i in range(count - len(shipped)):
        doc = json.loads(shipped[i % len(shipped)].read_text())
        doc["id"] = f"{doc['id']}-copy{i}"
        doc["title"] = f"{doc['title']} ({i})"
        (folder / f"{doc['id']}.json").write_text(json.dumps(doc))
    times = []
    db = work / f"startup-{count}.sqlite"
    for _ in range(2):
        server = Server(work, db=db, scenarios=folder, log_name=f"startup-{count}.log")
        server.start(wait=120)
        times.append(server.started_in)
        server.stop()
    return times[0], times[1]


def main():
    args = sys.argv[1:]
    if args[:1] == ["--think"]:
        THINK["mean"] = float(args[1])
        args = args[2:]
    THINK["random"] = random.Random(8)
    levels = [int(a) for a in args] or [100, 500, 1000]
    resource.setrlimit(resource.RLIMIT_NOFILE, (8192, 8192))
    work = Path(tempfile.mkdtemp(prefix="wardsim-cohort-"))
    try:
        db = work / "wardsim.sqlite"
        server = Server(work, db=db).start()
        time.sleep(1.0)
        idle = server.rss_kib()
        add_user(db, "trainee0000")
        add_users_fast(db, "trainee0000", [f"trainee{i:04d}" for i in range(1, max(levels))])

        async def run_all():
            gate = asyncio.Semaphore(8)
            began = time.perf_counter()
            conns = await asyncio.gather(*(sign_in(server.port, f"trainee{i:04d}", gate) for i in range(max(levels))))
            print(f"signed in {len(conns)} trainees in {time.perf_counter() - began:.1f} s (argon2id each)")
            results = []
            for n in levels:
                stats = Stats()
                sampler = RSSSampler(server)
                sampler.start()
                seconds = await level(server.port, conns[:n], stats)
                sampler.running = False
                sampler.join()
                results.append((n, seconds, stats, sampler.peak))
            for c in conns:
                c.close()
            return results

        results = asyncio.run(run_all())
        pacing = f"think time mean {THINK['mean']} s (exponential)" if THINK["mean"] > 0 else "closed loop, no think time"
        print(f"\nwardsim {os.environ['WARDSIM_BIN']} --threads {os.cpu_count()}; {pacing}; "
              f"RSS idle {idle / 1024:.1f} MiB")
        for n, seconds, stats, peak in results:
            total = sum(len(v) for v in stats.latency.values())
            errors = sum(stats.errors.values())
            print(f"\nN = {n}: {total} requests in {seconds:.1f} s = {total / seconds:.0f} req/s, "
                  f"{errors} errors, peak RSS {peak / 1024:.1f} MiB")
            print(f"  {'endpoint':34} {'count':>6} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
            for name, values in stats.latency.items():
                print(f"  {name:34} {len(values):6d} {pct(values, 50) * 1000:8.1f} {pct(values, 99) * 1000:8.1f} "
                      f"{stats.errors.get(name, 0):6d}")
        server.stop()
        first, again = startup_with(500, work)
        print(f"\nstart-up with 500 scenarios: {first:.2f} s on a fresh database, {again:.2f} s on the next start")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
