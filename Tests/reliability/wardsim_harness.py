"""Shared pieces of the reliability tests and the load driver: the real `wardsim`
binary on a free loopback port with a temporary database, accounts made with the CLI,
and a small HTTP client that behaves like a signed-in browser (session cookie plus
X-CSRF-Token) over one keep-alive connection.

Only loopback addresses are ever contacted.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


def binary() -> Path:
    """The wardsim binary: $WARDSIM_BIN, else the newer of the release and debug builds."""
    if os.environ.get("WARDSIM_BIN"):
        return Path(os.environ["WARDSIM_BIN"]).resolve()
    builds = [ROOT / ".build" / kind / "wardsim" for kind in ("release", "debug")]
    present = [b for b in builds if b.exists()]
    if not present:
        raise RuntimeError("no wardsim binary: run `swift build` (or set WARDSIM_BIN)")
    return max(present, key=lambda b: b.stat().st_mtime)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_user(db: Path, username: str, role: str = "trainee", password: str = PASSWORD) -> None:
    """`wardsim user add` with the password on standard input, as the README says."""
    subprocess.run(
        [str(binary()), "user", "add", "--db", str(db), "--username", username, "--role", role],
        input=password + "\n", text=True, check=True, capture_output=True, timeout=60)


def add_users_fast(db: Path, template: str, usernames: list[str]) -> None:
    """Many accounts at once for load tests: one made with the CLI, the rest copied from
    it with its password hash (every one then signs in with PASSWORD)."""
    import sqlite3

    with sqlite3.connect(db, timeout=30) as conn:
        conn.executemany(
            "INSERT INTO users(username, display_name, role, cohort_id, password_hash, disabled, created_at, updated_at) "
            "SELECT ?, ?, role, cohort_id, password_hash, 0, created_at, updated_at FROM users WHERE username = ?",
            [(u, u, template) for u in usernames])


class Server:
    """`wardsim serve` as a child process; stderr (the access log) goes to a file."""

    def __init__(self, workdir: Path, db: Path | None = None, port: int | None = None,
                 extra: list[str] | None = None, threads: int | None = None,
                 scenarios: Path | None = None, env: dict | None = None, log_name: str = "server.log",
                 preexec=None, user: str | None = None):
        self.workdir = Path(workdir)
        self.db = db or self.workdir / "wardsim.sqlite"
        self.port = port or free_port()
        self.extra = extra or []
        self.threads = threads
        self.scenarios = scenarios or ROOT / "Scenarios"
        self.env = env
        self.log_path = self.workdir / log_name
        self.process: subprocess.Popen | None = None
        self.user = user
        self.started_in: float | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        cmd = [str(binary()), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", str(self.db),
               "--scenarios", str(self.scenarios), "--curriculum", str(ROOT / "Curriculum"),
               "--assets", str(ROOT / "WebAssets")]
        if self.threads:
            cmd += ["--threads", str(self.threads)]
        cmd += self.extra
        if self.user:
            cmd = ["setpriv", f"--reuid={self.user}", f"--regid={self.user}", "--clear-groups"] + cmd
        return cmd

    def start(self, wait: float = 30.0) -> "Server":
        env = dict(os.environ)
        env.update(self.env or {})
        self.log = open(self.log_path, "ab")
        began = time.monotonic()
        self.process = subprocess.Popen(self.command(), stdout=self.log, stderr=self.log, env=env, cwd=self.workdir)
        deadline = began + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"wardsim exited with {self.process.returncode}: {self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz")
                status = conn.getresponse().status
                conn.close()
                if status in (200, 503):
                    self.started_in = time.monotonic() - began
                    return self
            except OSError:
                pass
            time.sleep(0.02)
        self.kill()
        raise RuntimeError(f"wardsim did not answer within {wait}s: {self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(l for l in text if '"route"' not in l)[-4000:] if text else ""

    def kill(self) -> None:
        """SIGKILL: no chance to flush or close anything."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self, timeout: float = 15.0) -> int:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.process.returncode if self.process else 0

    def rss_kib(self) -> int:
        """Resident set size of the server process (from /proc)."""
        pid = self.process.pid
        if self.user:  # setpriv execs in place: same pid
            pass
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Reply:
    def __init__(self, status: int, headers: dict, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def __repr__(self):
        return f"<Reply {self.status} {self.body[:200]!r}>"


class Browser:
    """One signed-in user over one keep-alive connection (reconnects when it drops)."""

    def __init__(self, port: int, timeout: float = 30.0):
        self.port = port
        self.timeout = timeout
        self.cookie: str | None = None
        self.csrf: str | None = None
        self.conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        return self.conn

    def close(self) -> None:
        if self.conn:
            self.conn.close()
            self.conn = None

    def request(self, method: str, path: str, body=None, raw: bytes | None = None,
                headers: dict | None = None, content_type: str = "application/json") -> Reply:
        hdrs = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        elif raw is not None:
            data = raw
            hdrs["Content-Type"] = content_type
        if self.cookie:
            hdrs["Cookie"] = f"wardsim_session={self.cookie}"
        if self.csrf and method not in ("GET", "HEAD"):
            hdrs["X-CSRF-Token"] = self.csrf
        hdrs.update(headers or {})
        conn = self._connection()
        try:
            conn.request(method, path, body=data, headers=hdrs)
            response = conn.getresponse()
            payload = response.read()
        except Exception:
            self.close()
            raise
        reply = Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, payload)
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return reply

    def sign_in(self, username: str, password: str = PASSWORD) -> Reply:
        reply = self.request("POST", "/api/auth/login", {"username": username, "password": password})
        if reply.status == 200:
            set_cookie = reply.headers.get("set-cookie", "")
            self.cookie = set_cookie.split(";")[0].split("=", 1)[1]
            self.csrf = reply.json["csrfToken"]
        return reply


QUESTIONS = [
    "Hello, I'm the doctor on call. What brings you in today?",
    "When did it start?",
    "Where exactly is the pain?",
    "Does it go anywhere else?",
    "What does it feel like?",
    "Anything make it better or worse?",
    "Any shortness of breath?",
    "Any nausea or vomiting?",
    "Any fever or chills?",
    "Do you have any other medical problems?",
    "What medicines do you take?",
    "Any allergies?",
    "Does anyone in your family have heart problems?",
    "Do you smoke?",
    "How much alcohol do you drink?",
    "What do you do for work?",
    "Has this ever happened before?",
    "How are your waterworks?",
    "Any weight loss recently?",
    "Is there anything else you are worried about?",
]


def play_encounter(browser: Browser, scenario_id: str, questions: int = 20, record=None, on_step=None):
    """A whole encounter: start, questions, two orders, findings, diagnosis, the AI
    recommendation, appraisal, submit. `record(endpoint, status, seconds)` sees every call;
    `on_step(kind, encounter_id, reply)` sees each acknowledged step. Returns the id."""

    def call(name, method, path, body=None):
        began = time.perf_counter()
        reply = browser.request(method, path, body)
        if record:
            record(name, reply.status, time.perf_counter() - began)
        return reply

    reply = call("start", "POST", "/api/encounters", {"scenarioId": scenario_id})
    if reply.status != 201:
        raise RuntimeError(f"start: {reply}")
    encounter = reply.json
    eid = encounter["id"]
    if on_step:
        on_step("start", eid, reply)
    for i in range(questions):
        reply = call("message", "POST", f"/api/encounters/{eid}/messages", {"text": QUESTIONS[i % len(QUESTIONS)]})
        if reply.status != 200:
            raise RuntimeError(f"message: {reply}")
        if on_step:
            on_step("message", eid, reply)
    for item in encounter["orderable"][:2]:
        reply = call("order", "POST", f"/api/encounters/{eid}/orders", {"itemId": item["id"]})
        if reply.status != 201:
            raise RuntimeError(f"order: {reply}")
    reply = call("findings", "PUT", f"/api/encounters/{eid}/findings",
                 {"findings": [{"category": "history", "text": "Pain for two hours"},
                               {"category": "examination", "text": "Looks unwell"}]})
    if reply.status != 200:
        raise RuntimeError(f"findings: {reply}")
    reply = call("diagnosis", "PUT", f"/api/encounters/{eid}/diagnosis",
                 {"diagnosis": "Acute coronary syndrome", "differential": ["Pulmonary embolism"],
                  "plan": "ECG, troponin, aspirin, cardiology review"})
    if reply.status != 200:
        raise RuntimeError(f"diagnosis: {reply}")
    reply = call("recommendation", "GET", f"/api/encounters/{eid}/recommendation")
    if reply.status != 200:
        raise RuntimeError(f"recommendation: {reply}")
    rec = reply.json["recommendation"]
    reply = call("appraisal", "PUT", f"/api/encounters/{eid}/appraisal",
                 {"recommendationId": rec["id"], "decision": "modify", "flaws": [encounter["flawTypes"][0]["id"]],
                  "justification": "The recommendation misses a key point.",
                  "finalDiagnosis": "Acute coronary syndrome", "finalPlan": "As above"})
    if reply.status != 200:
        raise RuntimeError(f"appraisal: {reply}")
    reply = call("submit", "POST", f"/api/encounters/{eid}/submit")
    if reply.status != 200:
        raise RuntimeError(f"submit: {reply}")
    if on_step:
        on_step("submit", eid, reply)
    return eid


def sqlite3_cli(db: Path, sql: str) -> str:
    """The sqlite3 command-line shell's answer to `sql` (what an operator would run)."""
    return subprocess.run(["sqlite3", str(db), sql], capture_output=True, text=True, check=True,
                          timeout=60).stdout.strip()


def published_scenarios(browser: Browser) -> list[str]:
    reply = browser.request("GET", "/api/scenarios")
    assert reply.status == 200, reply
    return [s["id"] for s in reply.json["scenarios"]]
