"""schemathesis against /api/openapi.json of a real wardsim, signed in (session cookie +
X-CSRF-Token), once as a trainee and once as an administrator.

Checks: not_a_server_error (no 5xx) and response_schema_conformance (every answer fits
the document). Excluded: sign-in and sign-out (they would end the session being used),
the xAPI push (it sends to an address taken from the request: this run talks to loopback
only) and account changes as admin (disabling the account under test ends the run's session).

    .venv/bin/python Tests/reliability/api_fuzz.py [MAX_EXAMPLES] [SCHEMA_FILE]

The test command runs a bounded version (test_api_fuzz.py); the larger run is documented
in docs/reliability.md.
"""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from wardsim_harness import Browser, Server, add_user  # noqa: E402

CHECKS = "not_a_server_error,response_schema_conformance"
EXCLUDE = r"^/api/auth/(login|logout)$|^/api/admin/reports/xapi$"
SCHEMATHESIS = Path(sys.executable).with_name("st")


def served_schema(port: int) -> bytes | None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/api/openapi.json")
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return body if response.status == 200 else None


def run(max_examples: int = 5, schema_file: str | None = None, workdir: Path | None = None,
        seed: int = 1, max_time: int = 120, phases: str = "examples,coverage,fuzzing") -> tuple[int, str]:
    """Fuzzes a fresh server; returns (schemathesis exit status, its output)."""
    workdir = Path(workdir or tempfile.mkdtemp(prefix="wardsim-fuzz-"))
    db = workdir / "wardsim.sqlite"
    server = Server(workdir, db=db).start()
    outputs, status = [], 0
    try:
        add_user(db, "fuzz-trainee")
        add_user(db, "fuzz-admin", role="admin")
        if schema_file is None:
            if served_schema(server.port) is None:
                return -1, "GET /api/openapi.json answers no document"
            schema = f"{server.base}/api/openapi.json"
        else:
            schema = schema_file
        for username, extra in (("fuzz-trainee", []),
                                ("fuzz-admin", ["--exclude-method-regex", "PATCH", "--include-path-regex",
                                                "^/api/(admin|instructor|authoring)"])):
            browser = Browser(server.port)
            assert browser.sign_in(username).status == 200
            cmd = [str(SCHEMATHESIS), "run", schema, "--url", server.base, "--checks", CHECKS,
                   "--max-examples", str(max_examples), "--seed", str(seed), "--workers", "2",
                   "--request-timeout", "20", "--max-time", str(max_time), "--no-color",
                   "--suppress-health-check", "all", "--phases", phases, "--generation-allow-x00", "true",
                   "--exclude-path-regex", EXCLUDE,
                   "-H", f"Cookie: wardsim_session={browser.cookie}", "-H", f"X-CSRF-Token: {browser.csrf}",
                   *extra]
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir,
                                  env={**os.environ, "SCHEMATHESIS_HOOKS": ""}, timeout=max_time + 120)
            outputs.append(f"== as {username}\n{done.stdout}\n{done.stderr}")
            status = status or done.returncode
            browser.close()
        if server.process.poll() is not None:
            return 99, "wardsim died during the run\n" + server.log_tail()
    finally:
        server.stop()
    return status, "\n".join(outputs)


if __name__ == "__main__":
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    schema = sys.argv[2] if len(sys.argv) > 2 else None
    code, text = run(examples, schema, max_time=int(os.environ.get("FUZZ_MAX_TIME", "600")),
                     phases=os.environ.get("FUZZ_PHASES", "examples,coverage,fuzzing"))
    print(text)
    sys.exit(code)
