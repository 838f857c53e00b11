"""The scenario validator, the server's start and the user CSV import fed truncated, huge,
deeply nested and wrongly encoded files: each gives a clear error naming what is wrong,
nothing crashes, and nothing is half-imported."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from wardsim_harness import ROOT, Browser, Server, add_user, binary, sqlite3_cli

SHIPPED = ROOT / "Scenarios" / "chest-pain-inferior-stemi.json"


def library_with(tmp_path, name: str, content: bytes):
    folder = tmp_path / "Scenarios"
    shutil.copytree(ROOT / "Scenarios", folder)
    (folder / name).write_bytes(content)
    return folder


def bad_files():
    text = SHIPPED.read_bytes()
    return {
        "truncated": text[: len(text) // 2],
        "empty": b"",
        "huge": b'{"id": "huge", "title": "' + b"x" * (40 << 20) + b'"}',
        "deeply-nested": b"[" * 200_000 + b"]" * 200_000,
        "nested-objects": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        "latin1": text.replace(b"Pryce", "Pryc\u00e9".encode("latin-1")),
        "utf16": text.decode().encode("utf-16"),
        "nul-bytes": text[:200] + b"\x00\x00" + text[200:],
        "not-json": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10,
    }


def test_validate_names_every_bad_file_and_its_problem(tmp_path):
    folder = library_with(tmp_path, "placeholder.json", b"")
    (folder / "placeholder.json").unlink()
    for kind, content in bad_files().items():
        (folder / f"bad-{kind}.json").write_bytes(content)
    began = time.monotonic()
    done = subprocess.run([str(binary()), "validate", str(folder), str(ROOT / "Curriculum")],
                          capture_output=True, timeout=120)
    elapsed = time.monotonic() - began
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert done.returncode != 0 and done.returncode < 128, f"exit {done.returncode}: {output[-2000:]}"
    lines = output.splitlines()
    for kind in bad_files():
        named = [line for line in lines if f"bad-{kind}.json" in line]
        assert named, f"{kind}: the file is not named: {output[-3000:]}"
        assert all(len(line) < 2000 for line in named), f"{kind}: an unreadable message"
    assert elapsed < 60, f"took {elapsed:.1f}s"
    print("\n" + "\n".join(line for line in lines if "bad-" in line))


@pytest.mark.parametrize("kind", ["truncated", "deeply-nested"])
def test_the_server_refuses_a_bad_library_and_stores_nothing(tmp_path, kind):
    db = tmp_path / "wardsim.sqlite"
    Server(tmp_path, db=db, log_name="first.log").start().stop()
    versions = sqlite3_cli(db, "SELECT count(*) FROM scenario_versions")
    folder = library_with(tmp_path, f"bad-{kind}.json", bad_files()[kind])
    server = Server(tmp_path, db=db, scenarios=folder, log_name="bad.log")
    with pytest.raises(RuntimeError) as refused:
        server.start(wait=90)
    message = str(refused.value)
    assert "exited with" in message and f"bad-{kind}.json" in message, message
    assert sqlite3_cli(db, "SELECT count(*) FROM scenario_versions") == versions
    assert sqlite3_cli(db, "PRAGMA integrity_check") == "ok"


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    db = folder / "wardsim.sqlite"
    server = Server(folder, db=db).start()
    add_user(db, "csv-admin", role="admin")
    browser = Browser(server.port, timeout=60)
    assert browser.sign_in("csv-admin").status == 200
    yield server, browser, db
    browser.close()
    server.stop()


GOOD_ROWS = "username,display name,role,cohort\n" + "".join(f"csv{i},Trainee {i},trainee,\n" for i in range(5))


def csv_cases():
    return {
        # a row cut mid-quote: CSV syntax error
        "truncated-quote": ((GOOD_ROWS + 'csv9,"Trainee nine').encode(), 422),
        # valid rows then a bad one: refused whole
        "one-bad-row": ((GOOD_ROWS + "csv10,Ten,wizard,\n").encode(), 422),
        "latin1": ((GOOD_ROWS + "csv11,Jos\u00e9,trainee,\n").encode("latin-1"), 422),
        "utf16": (GOOD_ROWS.encode("utf-16"), 422),
        "nul-bytes": ((GOOD_ROWS + "csv12,Nul\x00l,trainee,\n").encode(), 422),
        "deep-quotes": (('"' * 100_000 + "\n").encode(), 422),
        "too-many-rows": (("username,display name,role,cohort\n"
                           + "".join(f"bulk{i},B {i},trainee,\n" for i in range(2500))).encode(), 422),
        "over-the-body-limit": (b"a,b,trainee,\n" * 100_000, 413),
        "empty": (b"", 422),
    }


@pytest.mark.parametrize("kind", list(csv_cases()))
def test_csv_import_refuses_bad_files_whole(admin_server, kind):
    server, browser, db = admin_server
    content, expected = csv_cases()[kind]
    before = sqlite3_cli(db, "SELECT count(*) FROM users")
    reply = browser.request("POST", "/api/admin/users/import", raw=content, content_type="text/csv")
    if reply.status == 413:
        browser.close()  # the server closes a connection whose body it did not read
    assert reply.status == expected, f"{kind}: {reply}"
    body = reply.json
    assert body is not None, f"{kind}: not JSON: {reply}"
    message = body.get("message") or (body.get("error") or {}).get("message")
    assert message, f"{kind}: no message: {body}"
    assert sqlite3_cli(db, "SELECT count(*) FROM users") == before, f"{kind}: something was imported"
    assert browser.request("GET", "/healthz").status == 200
