"""Real-browser tests for the WardSim web UI.

Builds nothing: run `swift build --product wardsim` first (scripts/test does). Starts
`.build/debug/wardsim serve` on a free loopback port with a temporary database and the
repository's Scenarios/, Curriculum/ and WebAssets/, creates users with the CLI
(`wardsim user add`, password on stdin), drives Debian's Chromium through Selenium,
and stops the server at the end.

A test that needs an API route the server does not have yet is skipped and says which
route (so the suite stays green while the APIs land); every other failure fails.

Set WARDSIM_TEST_BASE_URL (and WARDSIM_TEST_ADMIN=user:password) to run the same tests
against a server that is already running; users are then created through the admin API.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "test-output"
SHOTS = OUT / "screenshots"
BINARY = ROOT / ".build" / "debug" / "wardsim"
PASSWORD = "correct horse battery staple"
NAMES = ["Amara Okafor", "Ben Carter", "Chloe Dubois", "Dev Patel", "Elin Jones", "Farah Haddad", "Gus Lindqvist", "Hana Sato"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The WardSim server under test and what the tests need to know about it."""

    def __init__(self, base_url: str, db: str | None, process: subprocess.Popen | None, log_path: pathlib.Path | None):
        self.base_url = base_url
        self.db = db
        self.process = process
        self.log_path = log_path
        self._routes: dict[tuple[str, str], bool] = {}

    def status(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> int:
        request = urllib.request.Request(self.base_url + path, method=method, data=body, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def has_route(self, method: str, path: str) -> bool:
        """True when the server routes `method path` (anonymous calls get 401/403/4xx, not 404/405)."""
        key = (method, path)
        if key not in self._routes:
            body = b"{}" if method in ("POST", "PUT", "PATCH") else None
            status = self.status(method, path, body, {"Content-Type": "application/json"} if body else {})
            self._routes[key] = status not in (404, 405)
        return self._routes[key]

    def require(self, *routes: str) -> None:
        """Skips the calling test, naming the route, when one of `routes` has not landed."""
        for route in routes:
            method, path = route.split(" ", 1)
            if not self.has_route(method, path):
                pytest.skip(f"API route not landed yet: {route}")

    # -- users -------------------------------------------------------------
    def create_user(self, role: str, cohort: str | None = None, display_name: str | None = None) -> dict:
        username = f"{role[:3]}{uuid.uuid4().hex[:8]}"
        display_name = display_name or NAMES[int(username[-2:], 16) % len(NAMES)]
        if self.process is None:
            return self._create_user_via_api(username, role, cohort, display_name)
        if self.cli_user_add is False:
            pytest.skip("`wardsim user add` has not landed yet (accounts branch)")
        args = [str(BINARY), "user", "add", "--db", self.db, "--username", username, "--role", role]
        if cohort:
            args += ["--cohort", cohort]
        if display_name:
            args += ["--display-name", display_name]
        done = subprocess.run(args, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
        if done.returncode != 0 and display_name and "display-name" in done.stderr:
            args = args[: args.index("--display-name")]
            done = subprocess.run(args, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"wardsim user add failed: {done.stdout}{done.stderr}"
        return {"username": username, "password": PASSWORD, "role": role, "cohort": cohort, "displayName": display_name}

    @property
    def cli_user_add(self) -> bool:
        if not hasattr(self, "_cli"):
            done = subprocess.run([str(BINARY), "user", "add", "--help"], capture_output=True, text=True, timeout=30)
            text = (done.stdout + done.stderr).lower()
            self._cli = done.returncode == 0 and "--username" in text
        return self._cli

    def _create_user_via_api(self, username, role, cohort, display_name) -> dict:
        admin_user, admin_password = os.environ["WARDSIM_TEST_ADMIN"].split(":", 1)
        client = ApiClient(self.base_url)
        client.login(admin_user, admin_password)
        if cohort:
            client.call("POST", "/api/admin/cohorts", {"name": cohort}, ok=(201, 409))
        client.call("POST", "/api/admin/users", {"username": username, "displayName": display_name or username,
                                                  "role": role, "cohort": cohort, "password": PASSWORD})
        return {"username": username, "password": PASSWORD, "role": role, "cohort": cohort, "displayName": display_name}


class ApiClient:
    """A cookie-keeping JSON client for setting up state around browser journeys."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.csrf = ""
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def call(self, method: str, path: str, body=None, ok=(200, 201, 204)):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, method=method, data=data)
        request.add_header("Content-Type", "application/json")
        if self.csrf:
            request.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(request, timeout=30) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        assert status in ok, f"{method} {path} -> {status}: {raw[:300]!r}"
        return json.loads(raw) if raw else None

    def login(self, username: str, password: str):
        answer = self.call("POST", "/api/auth/login", {"username": username, "password": password})
        self.csrf = answer["csrfToken"]
        return answer


def start_server(name: str) -> Server:
    """Starts `wardsim serve` on a free port with a fresh temporary database."""
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `swift build --product wardsim` first", pytrace=False)
    work = pathlib.Path(tempfile.mkdtemp(prefix="wardsim-browser-"))
    db = str(work / "wardsim.sqlite")
    port = free_port()
    log_path = OUT / f"{name}.log"
    log = open(log_path, "w")
    process = subprocess.Popen(
        [str(BINARY), "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db,
         "--scenarios", str(ROOT / "Scenarios"), "--curriculum", str(ROOT / "Curriculum"),
         "--assets", str(ROOT / "WebAssets")],
        stdout=log, stderr=subprocess.STDOUT, cwd=work)
    process.work, process.log = work, log
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                break
        except (urllib.error.URLError, ConnectionError, OSError):
            if process.poll() is not None or time.time() > deadline:
                process.kill()
                pytest.fail(f"wardsim serve did not start; see {log_path}:\n{log_path.read_text()[-2000:]}", pytrace=False)
            time.sleep(0.1)
    return Server(base, db, process, log_path)


def stop_server(server: Server) -> None:
    process = server.process
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
    process.log.close()
    shutil.rmtree(process.work, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    OUT.mkdir(exist_ok=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    external = os.environ.get("WARDSIM_TEST_BASE_URL")
    if external:
        yield Server(external.rstrip("/"), None, None, None)
        return
    running = start_server("browser-server")
    yield running
    stop_server(running)


@pytest.fixture
def fresh_server(server):
    """A second server on an empty database (for the first-run set-up)."""
    if server.process is None:
        pytest.skip("needs a local wardsim binary (not WARDSIM_TEST_BASE_URL)")
    running = start_server("fresh-server")
    yield running
    stop_server(running)


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--disable-extensions", "--no-first-run", "--lang=en-GB"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def browser(server):
    driver = make_driver()
    driver.base_url = server.base_url
    yield driver
    try:
        errors = console_errors(driver)
    finally:
        driver.quit()
    assert not errors, f"console errors: {errors}"


def console_errors(driver) -> list[str]:
    """SEVERE browser-log entries, except the 4xx answers a test provoked on purpose."""
    out = []
    for entry in driver.get_log("browser"):
        if entry["level"] != "SEVERE":
            continue
        message = entry["message"]
        if getattr(driver, "expected_http_errors", False) and "Failed to load resource" in message and (
                " 40" in message or " 42" in message):
            continue
        if getattr(driver, "blocked_requests", False) and "ERR_BLOCKED_BY_CLIENT" in message:
            continue
        out.append(message)
    return out


def wait(driver, timeout=30):
    # Pages re-render lists after each action; a stale row just means "look again".
    return WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException, IndexError])


def visible(driver, css, timeout=30):
    return wait(driver, timeout).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def by_label(driver, text, timeout=15):
    """The form control whose <label> reads exactly `text`, waiting for the page's script
    to render it (pages build their forms after their first fetch)."""
    def find(d):
        labels = [l for l in d.find_elements(By.TAG_NAME, "label") if l.text.strip() == text]
        if not labels:
            return False
        target = labels[0].get_attribute("for")
        return d.find_element(By.ID, target) if target else labels[0].find_element(
            By.CSS_SELECTOR, "input, textarea, select")
    try:
        return wait(driver, timeout).until(find)
    except TimeoutException:
        raise AssertionError(f"no label {text!r} after {timeout} s") from None


def button(driver, text, timeout=15):
    """The visible button (or button-styled link) whose first line reads `text`."""
    def find(d):
        for b in d.find_elements(By.CSS_SELECTOR, "button, a.button"):
            if b.is_displayed() and b.text.strip().split("\n")[0] == text:
                return b
        return False
    try:
        return wait(driver, timeout).until(find)
    except TimeoutException:
        raise AssertionError(f"no visible button {text!r} after {timeout} s") from None


def sign_in(driver, user, expect_path=None, next_path=None):
    driver.get(driver.base_url + "/login" + (f"?next={next_path}" if next_path else ""))
    by_label(driver, "Username").send_keys(user["username"])
    by_label(driver, "Password").send_keys(user["password"])
    button(driver, "Sign in").click()
    wait(driver).until(lambda d: "/login" not in d.current_url)
    if expect_path:
        wait(driver).until(lambda d: d.current_url.split("?")[0].endswith(expect_path))


def shot(driver, name):
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def full_shot(driver, name, width=1280):
    """A screenshot of the whole page (the window grown to the document height)."""
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(width, min(max(height + 20, 600), 6000))
    time.sleep(0.2)
    shot(driver, name)
    driver.set_window_size(width, 900)


AXE_RESULTS: dict[str, list] = {}


def axe_check(driver, name):
    """Runs axe-core on the page: no serious or critical violation. Results go to test-output/axe.json."""
    from axe_selenium_python import Axe

    # WARDSIM_AXE_JS may name a newer axe.min.js than the one the pinned package bundles
    # (axe-core 3.1.1), e.g. for an audit with the WCAG 2.2 rules of axe-core 4.x.
    newer = os.environ.get("WARDSIM_AXE_JS")
    axe = Axe(driver, script_url=newer) if newer else Axe(driver)
    axe.inject()
    options = {"resultTypes": ["violations"]}
    if newer:
        options["runOnly"] = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}
    results = axe.run(options=options)
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    AXE_RESULTS[name] = [{"id": v["id"], "impact": v.get("impact"), "nodes": len(v["nodes"])} for v in results["violations"]]
    (OUT / "axe.json").write_text(json.dumps(AXE_RESULTS, indent=2))
    assert not bad, f"axe on {name}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in bad)
