"""kill -9 under load: every acknowledged write survives, the file stays sound, and
unfinished encounters carry on after a restart.

Many trainees play encounters at once (some all the way to submit, some left half-way);
every answer of 200/201 is written down as "acknowledged". The server is killed with
SIGKILL in the middle of that, restarted on the same database, and then:
- every acknowledged submission has its debrief (200),
- every acknowledged question is in its encounter's transcript,
- unfinished encounters load and take further questions,
- `PRAGMA integrity_check` (sqlite3 shell) says ok and no foreign key is dangling.
Bounded: about 20 s on the debug build.
"""

from __future__ import annotations

import random
import threading
import time

from wardsim_harness import Browser, Server, add_user, published_scenarios, sqlite3_cli

TRAINEES = 4
WORKERS = 12
LOAD_SECONDS = 4.0


class Ledger:
    """What the server acknowledged, as the clients saw it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.owner: dict[str, str] = {}
        self.turns: dict[str, int] = {}
        self.submitted: set[str] = set()
        self.diagnosed: set[str] = set()
        self.calls = 0
        self.errors_before_kill: list[str] = []

    def step(self, username, kind, eid, reply):
        with self.lock:
            self.calls += 1
            self.owner.setdefault(eid, username)
            if kind == "message":
                self.turns[eid] = self.turns.get(eid, 0) + 1
            elif kind == "diagnosis":
                self.diagnosed.add(eid)
            elif kind == "submit":
                self.submitted.add(eid)


def worker(port, username, scenarios, ledger: Ledger, stop: threading.Event, killed: threading.Event, seed):
    rng = random.Random(seed)
    browser = Browser(port, timeout=10)
    reply = browser.sign_in(username)
    assert reply.status == 200, reply
    try:
        while not stop.is_set():
            scenario = rng.choice(scenarios)
            reply = browser.request("POST", "/api/encounters", {"scenarioId": scenario})
            if reply.status != 201:
                raise RuntimeError(f"start {reply}")
            encounter = reply.json
            eid = encounter["id"]
            ledger.step(username, "start", eid, reply)
            for _ in range(rng.randint(1, 4)):
                reply = browser.request("POST", f"/api/encounters/{eid}/messages", {"text": "When did it start?"})
                if reply.status != 200:
                    raise RuntimeError(f"message {reply}")
                ledger.step(username, "message", eid, reply)
            if rng.random() < 0.3:
                continue  # left half-way: must resume after the crash
            reply = browser.request(
                "PUT", f"/api/encounters/{eid}/diagnosis",
                {"diagnosis": "Acute coronary syndrome", "differential": ["Pulmonary embolism"], "plan": "ECG"})
            if reply.status != 200:
                raise RuntimeError(f"diagnosis {reply}")
            ledger.step(username, "diagnosis", eid, reply)
            reply = browser.request("GET", f"/api/encounters/{eid}/recommendation")
            if reply.status != 200:
                raise RuntimeError(f"recommendation {reply}")
            rec = reply.json["recommendation"]
            reply = browser.request(
                "PUT", f"/api/encounters/{eid}/appraisal",
                {"recommendationId": rec["id"], "decision": "reject", "flaws": [], "justification": "Not convinced."})
            if reply.status != 200:
                raise RuntimeError(f"appraisal {reply}")
            reply = browser.request("POST", f"/api/encounters/{eid}/submit")
            if reply.status != 200:
                raise RuntimeError(f"submit {reply}")
            ledger.step(username, "submit", eid, reply)
    except Exception as error:  # the kill cuts requests off; anything before it is a failure
        if not killed.is_set():
            with ledger.lock:
                ledger.errors_before_kill.append(f"{username}: {error!r}")
    finally:
        browser.close()


def test_kill_9_under_load_loses_no_acknowledged_write(tmp_path):
    db = tmp_path / "wardsim.sqlite"
    server = Server(tmp_path, db=db).start()  # creates and migrates the database
    usernames = [f"trainee{i}" for i in range(TRAINEES)]
    for name in usernames:
        add_user(db, name)
    probe = Browser(server.port)
    assert probe.sign_in(usernames[0]).status == 200
    scenarios = published_scenarios(probe)[:6]
    probe.close()

    ledger = Ledger()
    stop, killed = threading.Event(), threading.Event()
    threads = [
        threading.Thread(target=worker, args=(server.port, usernames[i % TRAINEES], scenarios, ledger, stop, killed, i),
                         daemon=True)
        for i in range(WORKERS)
    ]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 20
    time.sleep(LOAD_SECONDS)
    while len(ledger.submitted) < 10 and time.monotonic() < deadline:
        time.sleep(0.2)
    killed.set()
    server.kill()  # SIGKILL mid-load: requests are in flight right now
    stop.set()
    for t in threads:
        t.join(timeout=15)
    assert not ledger.errors_before_kill, ledger.errors_before_kill
    assert len(ledger.submitted) >= 10, f"too little load reached the server: {len(ledger.submitted)} submissions"
    unfinished = [e for e in ledger.owner if e not in ledger.submitted]
    assert unfinished, "the test needs encounters left half-way"

    # The file is sound before any server touches it again (the shell recovers the WAL).
    assert sqlite3_cli(db, "PRAGMA integrity_check") == "ok"

    restarted = Server(tmp_path, db=db, port=server.port, log_name="restart.log").start()
    try:
        browsers = {}
        for name in usernames:
            browsers[name] = Browser(restarted.port)
            assert browsers[name].sign_in(name).status == 200
        for eid in sorted(ledger.submitted):
            reply = browsers[ledger.owner[eid]].request("GET", f"/api/encounters/{eid}/debrief")
            assert reply.status == 200, f"acknowledged submission {eid} lost: {reply}"
            assert reply.json["encounterId"] == eid
        resumed = 0
        for eid in unfinished:
            browser = browsers[ledger.owner[eid]]
            reply = browser.request("GET", f"/api/encounters/{eid}")
            assert reply.status == 200, f"acknowledged encounter {eid} lost: {reply}"
            encounter = reply.json
            assert len(encounter["transcript"]) >= ledger.turns.get(eid, 0), (
                f"{eid}: {ledger.turns.get(eid, 0)} acknowledged questions, "
                f"{len(encounter['transcript'])} in the transcript")
            if encounter["state"] == "interviewing":
                reply = browser.request("POST", f"/api/encounters/{eid}/messages", {"text": "Any allergies?"})
                assert reply.status == 200, f"{eid} does not resume: {reply}"
                after = browser.request("GET", f"/api/encounters/{eid}").json
                assert len(after["transcript"]) == len(encounter["transcript"]) + 1
                resumed += 1
            elif encounter["state"] != "submitted":
                # diagnosed before the kill: the next step still works
                assert eid in ledger.diagnosed or encounter["state"] != "interviewing"
                reply = browser.request("GET", f"/api/encounters/{eid}/recommendation")
                assert reply.status in (200, 409), reply
        assert resumed > 0, "no interviewing encounter resumed"
        for b in browsers.values():
            b.close()
    finally:
        assert restarted.stop() == 0, restarted.log_tail()

    assert sqlite3_cli(db, "PRAGMA integrity_check") == "ok"
    assert sqlite3_cli(db, "PRAGMA foreign_key_check") == ""
    stored = int(sqlite3_cli(db, "SELECT count(*) FROM grades"))
    assert stored >= len(ledger.submitted)
    print(f"\nacknowledged before kill -9: {ledger.calls} steps, {len(ledger.submitted)} submissions, "
          f"{len(unfinished)} unfinished encounters; after restart all present, {resumed} resumed")
