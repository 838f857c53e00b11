"""Whatever people type comes back as text, never as markup or script."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import PASSWORD, ApiClient, button, by_label, sign_in, visible, wait
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
        wait(browser, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#log .msg.patient")) > before)
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
    server.require("GET /api/admin/users", "POST /api/admin/users", "GET /api/admin/cohorts", "GET /api/admin/audit")
    admin = server.create_user("admin")
    client = ApiClient(server.base_url)
    client.login(admin["username"], admin["password"])
    username = f"x{uuid.uuid4().hex[:6]}"
    client.call("POST", "/api/admin/users", {"username": username, "displayName": PAYLOADS[0], "role": "trainee",
                                              "cohort": None, "password": PASSWORD}, ok=(201, 422))
    sign_in(browser, admin, expect_path="/admin")
    table = visible(browser, "#users-table table")
    wait(browser).until(lambda d: username in d.find_element(By.ID, "users-table").text)
    assert PAYLOADS[0] in table.text
    assert_no_injection(browser)
