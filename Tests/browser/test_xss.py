"""Whatever people type comes back as text, never as markup or script."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import PASSWORD, button, by_label, sign_in, visible, wait
from test_trainee_journey import ENCOUNTER_ROUTES, start_case

PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    '<script>window.__xss=2</script>',
    '"><svg onload="window.__xss=3">',
    "<b>bold?</b> & &amp; ' \"",
]


def assert_no_injection(browser):
    assert browser.execute_script("return window.__xss === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main script, main svg[onload], main b")


def test_chat_and_forms_show_payloads_as_text(server, browser):
    server.require(*ENCOUNTER_ROUTES)
    start_case(browser, server, server.create_user("trainee"))
    for payload in PAYLOADS[:2]:
        box = by_label(browser, "Ask the patient")
        before = len(browser.find_elements(By.CSS_SELECTOR, "#log .msg.patient"))
        box.send_keys(payload)
        box.send_keys(Keys.ENTER)
        wait(browser, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#log .msg.patient")) > before
                                and d.find_element(By.ID, "log").get_attribute("aria-busy") == "false")
    mine = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#log .msg.trainee .bubble")]
    assert mine == PAYLOADS[:2]
    by_label(browser, "History").send_keys(PAYLOADS[2])
    by_label(browser, "Working diagnosis").send_keys(PAYLOADS[3])
    by_label(browser, "Management plan").send_keys(PAYLOADS[0])
    button(browser, "Review diagnosis").click()
    review = visible(browser, "#dx-review")
    assert PAYLOADS[3] in review.text and PAYLOADS[0] in review.text
    browser.refresh()  # and again after a round trip through the drafts
    visible(browser, "#question")
    assert_no_injection(browser)
    assert [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#log .msg.trainee .bubble")] == PAYLOADS[:2]


def test_names_typed_by_an_admin_come_back_as_text(server, browser):
    server.require("GET /api/admin/users", "POST /api/admin/users", "GET /api/admin/cohorts",
                   "POST /api/admin/cohorts", "GET /api/admin/audit", "GET /api/instructor/trainees")
    admin = server.create_user("admin")
    sign_in(browser, admin, expect_path="/admin")
    visible(browser, "#users-table table")
    cohort = PAYLOADS[2] + uuid.uuid4().hex[:4]
    by_label(browser, "Cohort name").send_keys(cohort)
    button(browser, "Create cohort").click()
    wait(browser).until(lambda d: cohort in d.find_element(By.ID, "cohorts-table").text)
    username = f"x{uuid.uuid4().hex[:6]}"
    by_label(browser, "Username").send_keys(username)
    by_label(browser, "Full name").send_keys(PAYLOADS[0])
    Select(by_label(browser, "Cohort")).select_by_visible_text(cohort)
    by_label(browser, "Initial password").send_keys(PASSWORD)
    button(browser, "Create user").click()
    wait(browser).until(lambda d: username in d.find_element(By.ID, "users-table").text)
    row = [r for r in browser.find_elements(By.CSS_SELECTOR, "#users-table tr") if username in r.text][0]
    assert PAYLOADS[0] in row.text and cohort in row.text
    assert_no_injection(browser)
    # The instructor page shows the same names as text.
    browser.get(server.base_url + "/instructor")
    wait(browser).until(lambda d: username in d.find_element(By.ID, "content").text)
    assert PAYLOADS[0] in browser.find_element(By.ID, "content").text
    assert_no_injection(browser)
