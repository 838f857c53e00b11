"""Administrators manage accounts; instructors see their cohorts."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PASSWORD, ApiClient, axe_check, button, by_label, full_shot, sign_in, visible, wait

ADMIN_ROUTES = ("GET /api/admin/users", "POST /api/admin/users", "GET /api/admin/cohorts",
                "POST /api/admin/cohorts", "GET /api/admin/audit", "POST /api/admin/users/import")


def test_admin_creates_a_cohort_and_a_user_who_can_sign_in(server, browser):
    server.require(*ADMIN_ROUTES)
    admin = server.create_user("admin")
    sign_in(browser, admin, expect_path="/admin")
    visible(browser, "#users-table table")
    cohort = f"ED nurses {uuid.uuid4().hex[:4]}"
    by_label(browser, "Cohort name").send_keys(cohort)
    button(browser, "Create cohort").click()
    wait(browser).until(lambda d: cohort in d.find_element(By.ID, "cohorts-table").text)

    username = f"new{uuid.uuid4().hex[:6]}"
    by_label(browser, "Username").send_keys(username)
    by_label(browser, "Full name").send_keys("Nia Newcomer")
    Select(by_label(browser, "Role")).select_by_visible_text("Trainee")
    Select(by_label(browser, "Cohort")).select_by_visible_text(cohort)
    by_label(browser, "Initial password").send_keys(PASSWORD)
    button(browser, "Create user").click()
    wait(browser).until(lambda d: username in d.find_element(By.ID, "users-table").text)
    row = [r for r in browser.find_elements(By.CSS_SELECTOR, "#users-table tr") if username in r.text][0]
    assert "Nia Newcomer" in row.text and cohort in row.text and "Active" in row.text
    wait(browser).until(lambda d: "user.create" in d.find_element(By.ID, "audit-table").text)
    full_shot(browser, "admin")
    axe_check(browser, "admin")
    # The new account works.
    client = ApiClient(server.base_url)
    assert client.login(username, PASSWORD)["user"]["role"] == "trainee"


def test_admin_form_errors_sit_next_to_the_field(server, browser):
    server.require(*ADMIN_ROUTES)
    sign_in(browser, server.create_user("admin"), expect_path="/admin")
    visible(browser, "#users-table table")
    browser.expected_http_errors = True
    by_label(browser, "Username").send_keys(f"short{uuid.uuid4().hex[:4]}")
    by_label(browser, "Full name").send_keys("Pat Short")
    by_label(browser, "Initial password").send_keys("tooshort")
    button(browser, "Create user").click()
    error = visible(browser, "#nu-password-error, #create-user-error")
    assert "12" in error.text, error.text
    axe_check(browser, "admin-error")


def test_admin_imports_csv_and_sees_a_report_per_row(server, browser):
    server.require(*ADMIN_ROUTES)
    sign_in(browser, server.create_user("admin"), expect_path="/admin")
    visible(browser, "#users-table table")
    browser.expected_http_errors = True
    good = f"imp{uuid.uuid4().hex[:6]}"
    by_label(browser, "CSV text").send_keys(f"username,display name,role,cohort\n{good},Ira Import,trainee,\nbad user!,,wizard,\n")
    button(browser, "Import users").click()
    report = visible(browser, "#import-report table")
    assert "Refused" in report.text
    assert good in report.text
    full_shot(browser, "admin-import")


def test_instructor_sees_their_cohort(server, browser):
    server.require("GET /api/instructor/trainees", "POST /api/admin/cohorts")
    cohort = f"Cohort {uuid.uuid4().hex[:5]}"
    admin = server.create_user("admin")
    client = ApiClient(server.base_url)
    client.login(admin["username"], admin["password"])
    client.call("POST", "/api/admin/cohorts", {"name": cohort}, ok=(201, 409))
    trainee = server.create_user("trainee", cohort=cohort)
    other = server.create_user("trainee")
    instructor = server.create_user("instructor", cohort=cohort)
    sign_in(browser, instructor, expect_path="/instructor")
    section = wait(browser).until(lambda d: [s for s in d.find_elements(By.CSS_SELECTOR, "#content section") if cohort in s.text])
    text = section[0].text
    assert trainee["username"] in text
    assert other["username"] not in browser.find_element(By.ID, "content").text
    full_shot(browser, "instructor")
    axe_check(browser, "instructor")


def test_trainee_cannot_open_admin_pages(server, browser):
    server.require("GET /api/auth/me")
    sign_in(browser, server.create_user("trainee"), expect_path="/admin", next_path="/admin")
    assert "do not have access" in visible(browser, "#main .notice").text
    assert not browser.find_elements(By.ID, "users-table")


def test_admin_assigns_instructors_and_changes_a_role(server, browser):
    server.require(*ADMIN_ROUTES, "PUT /api/admin/cohorts/1/instructors", "PATCH /api/admin/users/1")
    admin = server.create_user("admin")
    instructor = server.create_user("instructor")
    trainee = server.create_user("trainee")
    client = ApiClient(server.base_url)
    client.login(admin["username"], admin["password"])
    cohort = f"Ward 7 {uuid.uuid4().hex[:4]}"
    client.call("POST", "/api/admin/cohorts", {"name": cohort})
    sign_in(browser, admin, expect_path="/admin")
    visible(browser, "#users-table table")
    Select(by_label(browser, "Cohort to staff")).select_by_visible_text(cohort)
    box = [l for l in browser.find_elements(By.CSS_SELECTOR, "#as-instructors label") if instructor["username"] in l.text][0]
    box.click()
    button(browser, "Save instructors").click()
    wait(browser).until(lambda d: instructor["displayName"] in [r.text for r in d.find_elements(By.CSS_SELECTOR, "#cohorts-table tr") if cohort in r.text][0])

    Select(by_label(browser, "User")).select_by_visible_text(f"{trainee['username']} ({trainee['displayName']})")
    Select(by_label(browser, "New role")).select_by_visible_text("Instructor")
    button(browser, "Save changes").click()
    wait(browser).until(lambda d: "Instructor" in [r.text for r in d.find_elements(By.CSS_SELECTOR, "#users-table tr") if trainee["username"] in r.text][0])
    full_shot(browser, "admin-edit")
    axe_check(browser, "admin-edit")


FETCH_STATUS = """
const done = arguments[arguments.length - 1];
fetch(arguments[0]).then(async (r) => done([r.status, r.headers.get('Content-Type'), (await r.text()).slice(0, 200)]))
  .catch((e) => done([0, String(e), '']));
"""


def test_reports_download_and_the_cohort_report_opens(server, browser):
    server.require(*ADMIN_ROUTES, "GET /api/admin/reports/progress.csv", "GET /api/instructor/reports/progress.csv",
                   "GET /instructor/reports/cohort/1")
    cohort = f"Reports {uuid.uuid4().hex[:4]}"
    admin = server.create_user("admin")
    client = ApiClient(server.base_url)
    client.login(admin["username"], admin["password"])
    client.call("POST", "/api/admin/cohorts", {"name": cohort})
    server.create_user("trainee", cohort=cohort)
    instructor = server.create_user("instructor", cohort=cohort)

    sign_in(browser, admin, expect_path="/admin")
    visible(browser, "#users-table table")
    Select(by_label(browser, "Cohort to report on")).select_by_visible_text(cohort)
    link = visible(browser, "#report-progress")
    assert "cohort=" in link.get_attribute("href")
    status, kind, _ = browser.execute_async_script(FETCH_STATUS, link.get_attribute("href"))
    assert status == 200 and kind.startswith("text/csv"), (status, kind)
    status, kind, _ = browser.execute_async_script(FETCH_STATUS, visible(browser, "#report-xapi").get_attribute("href"))
    assert status == 200 and "json" in kind, (status, kind)
    button(browser, "Sign out").click()
    wait(browser).until(lambda d: "/login" in d.current_url)

    sign_in(browser, instructor, expect_path="/instructor")
    section = wait(browser).until(lambda d: [s for s in d.find_elements(By.CSS_SELECTOR, "#content section") if cohort in s.text])[0]
    csv = section.find_element(By.PARTIAL_LINK_TEXT, "Progress (CSV)").get_attribute("href")
    status, kind, _ = browser.execute_async_script(FETCH_STATUS, csv)
    assert status == 200 and kind.startswith("text/csv"), (status, kind)
    section.find_element(By.PARTIAL_LINK_TEXT, "Cohort report").click()
    wait(browser).until(lambda d: "/instructor/reports/cohort/" in d.current_url)
    visible(browser, "h1")
    wait(browser, 30).until(lambda d: d.find_element(By.ID, "report").is_displayed() or "could not" in d.page_source)
    full_shot(browser, "cohort-report")
    axe_check(browser, "cohort-report")
