"""`wardsim backup` while trainees write: the copy passes integrity_check, restores into a
working server, and holds a consistent prefix of the live database (every encounter's
events are the first events of the same encounter in the live file, with no gap, and
every grade belongs to an encounter whose submit event is in the copy)."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
import time

from wardsim_harness import Browser, Server, add_user, binary, published_scenarios, sqlite3_cli

WORKERS = 6
BACKUPS = 3


def writer(port, username, scenarios, stop, errors, counts, index):
    browser = Browser(port, timeout=20)
    try:
        assert browser.sign_in(username).status == 200
        n = 0
        while not stop.is_set():
            reply = browser.request("POST", "/api/encounters", {"scenarioId": scenarios[(index + n) % len(scenarios)]})
            assert reply.status == 201, reply
            eid = reply.json["id"]
            for _ in range(3):
                assert browser.request("POST", f"/api/encounters/{eid}/messages", {"text": "When did it start?"}).status == 200
            if n % 2 == 0:
                assert browser.request("PUT", f"/api/encounters/{eid}/diagnosis",
                                       {"diagnosis": "Angina", "differential": [], "plan": "ECG"}).status == 200
                rec = browser.request("GET", f"/api/encounters/{eid}/recommendation").json["recommendation"]
                assert browser.request("PUT", f"/api/encounters/{eid}/appraisal",
                                       {"recommendationId": rec["id"], "decision": "accept", "flaws": [],
                                        "justification": "Fine."}).status == 200
                assert browser.request("POST", f"/api/encounters/{eid}/submit").status == 200
            n += 1
            counts[index] = n
    except Exception as error:
        errors.append(repr(error))
    finally:
        browser.close()


def events_by_encounter(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT encounter_id, seq, type, payload FROM encounter_events ORDER BY encounter_id, seq")
        result = {}
        for eid, seq, kind, payload in rows:
            result.setdefault(eid, []).append((seq, kind, payload))
        return result


def test_backup_while_writing_restores_to_a_consistent_prefix(tmp_path):
    db = tmp_path / "live.sqlite"
    server = Server(tmp_path, db=db).start()
    try:
        add_user(db, "writer0")
        add_user(db, "writer1")
        probe = Browser(server.port)
        assert probe.sign_in("writer0").status == 200
        scenarios = published_scenarios(probe)[:5]
        probe.close()

        stop, errors, counts = threading.Event(), [], [0] * WORKERS
        threads = [threading.Thread(target=writer, args=(server.port, f"writer{i % 2}", scenarios, stop, errors, counts, i),
                                    daemon=True) for i in range(WORKERS)]
        for t in threads:
            t.start()
        time.sleep(1.5)
        copies, durations = [], []
        for k in range(BACKUPS):
            copy = tmp_path / f"copy{k}.sqlite"
            began = time.monotonic()
            done = subprocess.run([str(binary()), "backup", "--db", str(db), "--out", str(copy)],
                                  capture_output=True, text=True, timeout=60)
            durations.append(time.monotonic() - began)
            assert done.returncode == 0, done.stderr
            assert "integrity ok" in done.stdout
            copies.append(copy)
            time.sleep(0.5)
        writes_during = sum(counts)
        stop.set()
        for t in threads:
            t.join(timeout=30)
        assert not errors, errors
        assert writes_during > 0
    finally:
        assert server.stop() == 0

    live = events_by_encounter(db)
    for copy in copies:
        assert sqlite3_cli(copy, "PRAGMA integrity_check") == "ok"
        assert sqlite3_cli(copy, "PRAGMA foreign_key_check") == ""
        copied = events_by_encounter(copy)
        assert copied, "the copy holds no encounter"
        for eid, events in copied.items():
            seqs = [seq for seq, _, _ in events]
            assert seqs == list(range(seqs[0], seqs[0] + len(seqs))), f"{eid}: gap in {seqs}"
            assert events == live[eid][: len(events)], f"{eid}: the copy is not a prefix of the live events"
        with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as conn:
            orphan_grades = conn.execute(
                "SELECT count(*) FROM grades g WHERE NOT EXISTS (SELECT 1 FROM encounter_events e "
                "WHERE e.encounter_id = g.encounter_id AND e.type = 'submitted')").fetchone()[0]
            assert orphan_grades == 0
            submitted_without_grade = conn.execute(
                "SELECT count(*) FROM encounters c WHERE c.state = 'submitted' AND NOT EXISTS "
                "(SELECT 1 FROM grades g WHERE g.encounter_id = c.id)").fetchone()[0]
            assert submitted_without_grade == 0

    # Restore: a server started on the last copy serves what it holds.
    restored = Server(tmp_path, db=copies[-1], log_name="restored.log").start()
    try:
        browser = Browser(restored.port)
        assert browser.sign_in("writer0").status == 200
        listing = browser.request("GET", "/api/encounters")
        assert listing.status == 200 and listing.json["encounters"], listing
        some = listing.json["encounters"][0]["id"]
        assert browser.request("GET", f"/api/encounters/{some}").status == 200
        browser.close()
    finally:
        assert restored.stop() == 0
    print(f"\n{BACKUPS} backups under load took {', '.join(f'{d:.2f}' for d in durations)} s; "
          f"{writes_during} encounters written meanwhile")
