"""First run: the one-time link printed by the server creates the first administrator."""
import re
import time

from selenium.webdriver.common.by import By

from conftest import PASSWORD, axe_check, by_label, full_shot, make_driver, visible, wait


def test_first_run_link_creates_the_first_admin(fresh_server):
    fresh_server.require("POST /api/setup")
    deadline = time.time() + 10
    link = None
    while time.time() < deadline and not link:
        found = re.search(r"http://\S+/setup\?token=\S+", fresh_server.log_path.read_text())
        link = found.group(0) if found else None
        time.sleep(0.1)
    assert link, "the server printed no set-up link"
    link = re.sub(r"^http://[^/]+", fresh_server.base_url, link)
    browser = make_driver()
    try:
        browser.get(link)
        visible(browser, "#setup-form")
        axe_check(browser, "setup")
        by_label(browser, "Username").send_keys("firstadmin")
        by_label(browser, "Full name").send_keys("Fran First")
        by_label(browser, "Password").send_keys(PASSWORD)
        by_label(browser, "Repeat the password").send_keys(PASSWORD)
        full_shot(browser, "setup")
        browser.find_element(By.ID, "submit").click()
        done = visible(browser, "#done")
        assert "Fran First" in done.text or "firstadmin" in done.text
        full_shot(browser, "setup-done")
        done.find_element(By.LINK_TEXT, "Continue to WardSim").click()
        wait(browser).until(lambda d: d.current_url.endswith("/admin"))
        visible(browser, "#users-table table")
        assert "firstadmin" in browser.find_element(By.ID, "users-table").text
        errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
    finally:
        browser.quit()
