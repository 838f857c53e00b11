"""An instructor opens the printable cohort report: SVG charts drawn from real graded
encounters, names shown as text, and a print layout without the controls."""
import csv
import io
import uuid

from selenium.webdriver.common.by import By

from conftest import ApiClient, axe_check, full_shot, sign_in, visible, wait

CASE = "chest-pain-inferior-stemi"
ROUTES = ("GET /api/instructor/analytics/cohorts/1", "POST /api/encounters", "POST /api/admin/cohorts",
          "GET /api/instructor/reports/progress.csv")


def play(server, trainee, decision):
    """A whole encounter through the API, graded by the real grader."""
    client = ApiClient(server.base_url)
    client.login(trainee["username"], trainee["password"])
    encounter = client.call("POST", "/api/encounters", {"scenarioId": CASE}, ok=(201,))
    path = f"/api/encounters/{encounter['id']}"
    client.call("POST", f"{path}/messages", {"text": "When did the pain start?"})
    client.call("PUT", f"{path}/diagnosis", {"diagnosis": "Inferior STEMI", "differential": [], "plan": "Aspirin"})
    recommendation = client.call("GET", f"{path}/recommendation")["recommendation"]
    client.call("PUT", f"{path}/appraisal", {
        "recommendationId": recommendation["id"], "decision": decision, "flaws": [],
        "justification": "Checked against the ECG.", "finalDiagnosis": "Inferior STEMI", "finalPlan": "Primary PCI"})
    client.call("POST", f"{path}/submit")


def test_instructor_prints_the_cohort_report(server, browser):
    server.require(*ROUTES)
    admin = server.create_user("admin")
    api = ApiClient(server.base_url)
    api.login(admin["username"], admin["password"])
    name = f"Ward 7 <b>{uuid.uuid4().hex[:4]}</b>"
    cohort = api.call("POST", "/api/admin/cohorts", {"name": name}, ok=(201,))["cohort"]
    instructor = server.create_user("instructor", cohort=name)
    ana = server.create_user("trainee", cohort=name, display_name="=Ana <i>O'Neil</i>")
    server.create_user("trainee", cohort=name, display_name="Ben Idle")
    play(server, ana, "reject")
    play(server, ana, "accept")

    sign_in(browser, instructor, expect_path="/instructor")
    link = visible(browser, f'a[href="/instructor/reports/cohort/{cohort["id"]}"]')
    link.click()
    visible(browser, "#report")
    assert browser.find_element(By.ID, "title").text == name, "the cohort name is text, not markup"
    assert not browser.find_elements(By.CSS_SELECTOR, "#title b")

    cells = browser.find_elements(By.CSS_SELECTOR, "#heatmap svg rect")
    assert len(cells) == 2 * 13, len(cells)
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#heatmap svg text")]
    assert "=Ana <i>O'Neil</i>" in labels
    assert len(browser.find_elements(By.CSS_SELECTOR, "#trend figure")) == 13
    assert browser.find_elements(By.CSS_SELECTOR, "#trend svg path"), "at least one mastery line"
    bias = browser.find_element(By.ID, "bias").text
    assert "of 2" in bias, bias
    rows = browser.find_elements(By.CSS_SELECTOR, "#trainees tbody tr")
    assert len(rows) == 2
    idle = [r for r in rows if "Ben Idle" in r.text][0]
    assert "Behind" in idle.text and "behind" in idle.get_attribute("class")
    full_shot(browser, "cohort-report")
    axe_check(browser, "cohort-report")

    # The CSV link downloads the same cohort, guarded against formulas.
    href = browser.find_element(By.ID, "download-progress").get_attribute("href")
    text = api.opener.open(href).read().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["display_name"] for r in rows} == {"'=Ana <i>O'Neil</i>", "Ben Idle"}

    # Print layout: no controls, every section still there.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element(By.ID, "print").is_displayed()
    assert browser.find_element(By.ID, "heatmap").is_displayed()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_the_report_sends_anonymous_visitors_to_sign_in(server, browser):
    server.require(*ROUTES)
    browser.expected_http_errors = True
    browser.get(server.base_url + "/instructor/reports/cohort/1")
    wait(browser).until(lambda d: "/login" in d.current_url)
    assert "next=%2Finstructor%2Freports%2Fcohort%2F1" in browser.current_url
