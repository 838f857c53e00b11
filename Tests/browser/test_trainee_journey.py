"""A trainee works a whole case, from the library to the debrief, then sees it in progress."""
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import axe_check, button, by_label, full_shot, shot, sign_in, visible, wait

CASE = "chest-pain-inferior-stemi"
ENCOUNTER_ROUTES = (
    "GET /api/scenarios", "POST /api/encounters", "GET /api/encounters/x",
    "POST /api/encounters/x/messages", "POST /api/encounters/x/messages/stream",
    "POST /api/encounters/x/orders", "PUT /api/encounters/x/findings", "PUT /api/encounters/x/diagnosis",
    "GET /api/encounters/x/recommendation", "PUT /api/encounters/x/appraisal", "POST /api/encounters/x/submit",
    "GET /api/encounters/x/debrief", "PUT /api/encounters/x/drafts/question",
)


def start_case(browser, server, user):
    sign_in(browser, user, expect_path="/library")
    start = visible(browser, f'button[data-scenario="{CASE}"]')
    start.click()
    wait(browser).until(lambda d: "/encounter/" in d.current_url)
    visible(browser, "#question")
    return browser.current_url.rsplit("/", 1)[1]


def ask(browser, text):
    before = len(browser.find_elements(By.CSS_SELECTOR, "#log .msg.patient"))
    box = by_label(browser, "Ask the patient")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    wait(browser, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#log .msg.patient")) > before
                            and d.find_element(By.ID, "log").get_attribute("aria-busy") == "false")
    return browser.find_elements(By.CSS_SELECTOR, "#log .msg.patient .bubble")[-1].text


def test_library_lists_cases_with_filters(server, browser):
    server.require("GET /api/scenarios", "POST /api/auth/login")
    sign_in(browser, server.create_user("trainee"), expect_path="/library")
    cards = wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#cards .card"))
    assert len(cards) >= 10
    first = cards[0].text
    for word in ("AI use case", "Setting", "Difficulty", "Time", "Not started"):
        assert word in first
    assert cards[0].find_elements(By.CSS_SELECTOR, "ul.chips li"), "competencies shown"
    total = len(cards)
    Select(by_label(browser, "Difficulty")).select_by_visible_text("Advanced")
    wait(browser).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#cards .card")) < total)
    assert "match the filters" in browser.find_element(By.ID, "count").text
    full_shot(browser, "library-filtered")
    Select(by_label(browser, "Difficulty")).select_by_visible_text("All levels")
    by_label(browser, "Search").send_keys("indigestion")
    # Other suites may publish authored copies of this case on the same server.
    wait(browser).until(lambda d: 1 <= len(d.find_elements(By.CSS_SELECTOR, "#cards .card")) < total)
    assert browser.find_elements(By.CSS_SELECTOR, f'#cards button[data-scenario="{CASE}"]')
    by_label(browser, "Search").clear()
    by_label(browser, "Search").send_keys(" ")
    axe_check(browser, "library")


def test_trainee_completes_a_case_and_sees_the_debrief_and_progress(server, browser):
    server.require(*ENCOUNTER_ROUTES, "GET /api/me/progress", "POST /api/encounters/x/feedback")
    user = server.create_user("trainee")
    encounter_id = start_case(browser, server, user)
    opening = browser.find_element(By.CSS_SELECTOR, "#log .msg.patient").text
    assert "indigestion" in opening.lower()
    shot(browser, "encounter-start")
    axe_check(browser, "encounter-start")

    reply = ask(browser, "When did the pain start, and does it go anywhere?")
    assert re.search(r"stairs|arm|jaw", reply, re.I), reply
    ask(browser, "Have you been sweaty or felt sick?")

    find = by_label(browser, "Find an examination or test")
    find.send_keys("ECG")
    visible(browser, "#order-ecg").click()
    result = visible(browser, "#result-ecg")
    assert "ST elevation" in result.text
    assert "min" in browser.find_element(By.ID, "clock").text
    by_label(browser, "Find an examination or test").clear()
    by_label(browser, "Find an examination or test").send_keys(" ")
    visible(browser, "#order-cardiovascular-exam").click()
    visible(browser, "#result-cardiovascular-exam")

    by_label(browser, "History").send_keys("Central burning chest pain for 90 minutes, radiating to left arm and jaw\nSweaty and nauseated")
    by_label(browser, "Examination").send_keys("Pale and sweaty")
    by_label(browser, "Investigations").send_keys("ECG: ST elevation in II, III, aVF")
    button(browser, "Save findings").click()
    wait(browser).until(lambda d: "Findings saved" in d.find_element(By.ID, "saved-findings").text)

    by_label(browser, "Working diagnosis").send_keys("Inferior STEMI")
    by_label(browser, "Differential diagnoses").send_keys("Aortic dissection\nPericarditis")
    by_label(browser, "Management plan").send_keys("Aspirin 300 mg, activate the cath lab for primary PCI, urgent cardiology review")
    button(browser, "Review diagnosis").click()
    review = visible(browser, "#dx-review")
    assert "Inferior STEMI" in review.text
    full_shot(browser, "encounter-review")
    button(browser, "Confirm and commit").click()

    ai_text = visible(browser, "#ai-text", timeout=20)
    assert ai_text.text.strip()
    assert "confidence" in browser.find_element(By.ID, "ai").text.lower()
    full_shot(browser, "encounter-ai")
    axe_check(browser, "encounter-ai")

    browser.find_element(By.CSS_SELECTOR, 'input[name="decision"][value="reject"]').click()
    for flaw in ("anchoring", "missed-red-flag"):
        box = browser.find_elements(By.CSS_SELECTOR, f'input[name="flaws"][value="{flaw}"]')
        if box:
            box[0].click()
    by_label(browser, "Justification").send_keys("Ongoing pain with ST elevation: this is a STEMI, not indigestion.")
    button(browser, "Save appraisal").click()
    visible(browser, "#submit-encounter").click()
    visible(browser, "#confirm-submit").click()
    wait(browser, 30).until(lambda d: f"/debrief/{encounter_id}" in d.current_url)

    visible(browser, "#overall", timeout=20)
    page = browser.find_element(By.ID, "content").text
    for heading in ("Score per competency", "facts elicited and missed", "Red flags", "The truth about the AI recommendation",
                    "Automation bias", "Teaching points", "Full transcript"):
        assert heading.lower() in page.lower(), heading
    assert "When did the pain start" in browser.find_element(By.ID, "transcript").text
    browser.find_element(By.CSS_SELECTOR, 'input[name="rating"][value="4"]').click()
    by_label(browser, "Comment on the case (optional)").send_keys("Realistic and useful.")
    button(browser, "Send feedback").click()
    visible(browser, "#feedback-thanks")
    full_shot(browser, "debrief")
    axe_check(browser, "debrief")

    browser.get(server.base_url + "/progress")
    history = visible(browser, "#history table")
    assert "Indigestion" in history.text
    link = history.find_element(By.CSS_SELECTOR, f'a[href="/debrief/{encounter_id}"]')
    assert link.text.startswith("Debrief")
    assert browser.find_elements(By.CSS_SELECTOR, "#mastery svg rect")
    assert browser.find_elements(By.CSS_SELECTOR, "#trend svg")
    assert browser.find_elements(By.CSS_SELECTOR, "#calibration svg")
    full_shot(browser, "progress")
    axe_check(browser, "progress")

    browser.get(server.base_url + "/library")
    card = visible(browser, f'#cards button[data-scenario="{CASE}"]').find_element(By.XPATH, "ancestor::article")
    assert "Best" in card.text and "1 attempt" in card.text


def test_drafts_survive_a_reload(server, browser):
    server.require(*ENCOUNTER_ROUTES, "PUT /api/encounters/x/drafts/findings")
    encounter_id = start_case(browser, server, server.create_user("trainee"))
    by_label(browser, "Ask the patient").send_keys("Do you take any tablets?")
    by_label(browser, "History").send_keys("Hypertension on amlodipine")
    wait(browser).until(lambda d: d.find_element(By.ID, "saved-question").text == "Draft saved"
                        and d.find_element(By.ID, "saved-findings").text == "Draft saved")
    browser.refresh()
    assert visible(browser, "#question").get_attribute("value") == "Do you take any tablets?"
    assert by_label(browser, "History").get_attribute("value") == "Hypertension on amlodipine"
    # Leaving and resuming from the library keeps them too.
    browser.get(server.base_url + "/library")
    card = visible(browser, f'a.button[href="/encounter/{encounter_id}"]')
    assert card.text.startswith("Resume")
    card.click()
    assert visible(browser, "#question").get_attribute("value") == "Do you take any tablets?"


def test_reply_arrives_when_streaming_is_blocked(server, browser):
    """The page falls back to the JSON endpoint when the stream cannot be opened."""
    server.require(*ENCOUNTER_ROUTES)
    start_case(browser, server, server.create_user("trainee"))
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/messages/stream"]})
    browser.expected_http_errors = True
    browser.blocked_requests = True
    reply = ask(browser, "Do you have any allergies?")
    assert reply.strip()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#log .msg.trainee")) == 1


def test_asking_with_an_empty_box_explains_itself(server, browser):
    server.require(*ENCOUNTER_ROUTES)
    start_case(browser, server, server.create_user("trainee"))
    button(browser, "Send").click()
    error = visible(browser, "#question-error")
    assert "Type a question" in error.text
    assert browser.switch_to.active_element.get_attribute("id") == "question"


@pytest.mark.parametrize("width", [768, 640])
def test_workspace_fits_a_tablet_and_200_percent_zoom(server, browser, width):
    """768 px is a tablet; 640 px is a 1280 px screen at 200% zoom. No sideways scrolling."""
    server.require(*ENCOUNTER_ROUTES)
    start_case(browser, server, server.create_user("trainee"))
    browser.set_window_size(width, 1000)
    wide = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 1, f"page scrolls sideways by {wide}px at {width}px"
    full_shot(browser, f"encounter-{width}px", width=width)
    browser.get(server.base_url + "/library")
    visible(browser, "#cards .card")
    wide = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 1, f"library scrolls sideways by {wide}px at {width}px"
    shot(browser, f"library-{width}px")
