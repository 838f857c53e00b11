"""LLM faults through the real binary: a misbehaving upstream (fake_upstream.py) never
costs the trainee a turn. For each fault, a turn answers within --llm-timeout (plus a
small margin for the scripted fallback), falls back to the scripted voice with a notice,
the transcript holds every turn, and /metrics counts the failed calls by outcome.
One wardsim per fault (the pool rests a failing upstream, which would hide the next
fault); the servers start in parallel. Bounded: about 20 s on the debug build."""

from __future__ import annotations

import re
import shutil
import sqlite3
import threading
import time

import pytest

from fake_upstream import FakeUpstream
from wardsim_harness import Browser, Server, add_user

TIMEOUT = 2.0
MARGIN = 1.0
SCENARIO = "chest-pain-inferior-stemi"
QUESTIONS = ["When did the pain start?", "Does the pain go anywhere else?"]
FAULTS = ["hang", "slowfirst", "cut", "http429", "http500", "garbage", "endless", "breakchar", "error"]


@pytest.fixture(scope="module")
def upstream():
    with FakeUpstream(delay=0.0, hang=TIMEOUT * 4) as server:
        yield server


@pytest.fixture(scope="module")
def servers(upstream, tmp_path_factory):
    root = tmp_path_factory.mktemp("llm-faults")
    template = root / "template.sqlite"
    Server(root, db=template, log_name="template.log").start().stop()
    add_user(template, "trainee")
    started, errors = {}, []

    def start(mode):
        folder = root / mode
        folder.mkdir()
        db = folder / "wardsim.sqlite"
        with sqlite3.connect(template) as src, sqlite3.connect(db) as dst:
            src.backup(dst)
        try:
            started[mode] = Server(folder, db=db, extra=[
                "--llm-url", upstream.url(mode), "--llm-timeout", str(TIMEOUT), "--llm-model", "fake"]).start()
        except Exception as error:
            errors.append(f"{mode}: {error}")

    threads = [threading.Thread(target=start, args=(mode,)) for mode in ["ok"] + FAULTS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    yield started
    for server in started.values():
        server.stop()
    shutil.rmtree(root, ignore_errors=True)
    assert not errors, errors


def play(server):
    browser = Browser(server.port, timeout=TIMEOUT * 10)
    assert browser.sign_in("trainee").status == 200
    reply = browser.request("POST", "/api/encounters", {"scenarioId": SCENARIO})
    assert reply.status == 201, reply
    eid = reply.json["id"]
    turns = []
    for question in QUESTIONS:
        began = time.monotonic()
        reply = browser.request("POST", f"/api/encounters/{eid}/messages", {"text": question})
        turns.append((reply, time.monotonic() - began))
    encounter = browser.request("GET", f"/api/encounters/{eid}").json
    metrics = browser.request("GET", "/metrics").body.decode()
    browser.close()
    return turns, encounter, metrics


def llm_calls(metrics: str) -> dict[str, float]:
    calls = {}
    for line in metrics.splitlines():
        match = re.match(r'wardsim_llm_calls_total\{(.*)\} ([0-9.e+]+)$', line)
        if match:
            outcome = re.search(r'outcome="([^"]+)"', match.group(1)).group(1)
            calls[outcome] = calls.get(outcome, 0) + float(match.group(2))
    return calls


def test_a_healthy_upstream_voices_the_patient(servers):
    turns, encounter, metrics = play(servers["ok"])
    for reply, seconds in turns:
        assert reply.status == 200, reply
        assert reply.json["voice"] == "llm", reply
        assert not reply.json["fellBack"]
        assert seconds < TIMEOUT
    assert len(encounter["transcript"]) == len(QUESTIONS)
    assert llm_calls(metrics).get("ok", 0) >= 1


@pytest.mark.parametrize("mode", FAULTS)
def test_a_faulty_upstream_costs_no_turn(servers, mode):
    turns, encounter, metrics = play(servers[mode])
    for (reply, seconds), question in zip(turns, QUESTIONS):
        assert reply.status == 200, reply
        assert seconds <= TIMEOUT + MARGIN, f"{mode}: the turn took {seconds:.2f}s (timeout {TIMEOUT}s)"
        body = reply.json
        assert body["voice"] == "scripted", body
        assert body["fellBack"], body
        assert body["notice"], f"{mode}: no notice tells the trainee the reply is scripted: {body}"
        assert body["reply"].strip()
        for leak in ("AI language model", "SYSTEM", "STEMI", "troponin", "4500"):
            assert leak not in body["reply"], body["reply"]
    transcript = encounter["transcript"]
    assert [t["question"] for t in transcript] == QUESTIONS
    assert all(t["reply"].strip() for t in transcript)
    failures = {k: v for k, v in llm_calls(metrics).items() if k != "ok"}
    if mode == "breakchar":
        # The upstream answered; the guard refused the reply. The call itself succeeded.
        assert llm_calls(metrics).get("ok", 0) >= 1, metrics
    else:
        assert sum(failures.values()) >= 1, f"{mode}: /metrics counts no failed call: {llm_calls(metrics)}"
