"""Instructors author scenarios in the browser: edit, see validation as they type, fix,
save, publish, and trainees get the new version; try a question, compare versions, and
the editor passes axe-core."""
import json
import pathlib
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import ROOT, ApiClient, axe_check, button, by_label, full_shot, shot, sign_in, visible, wait

AUTHORING_ROUTES = ("GET /api/authoring/scenarios", "POST /api/authoring/validate",
                    "POST /api/authoring/scenarios/x/publish")


def authored_scenario(server, instructor, title="Epigastric pain after a late supper"):
    """A published scenario of our own (so other tests' library is untouched): version 2."""
    document = json.loads((ROOT / "Scenarios" / "chest-pain-inferior-stemi.json").read_text())
    scenario_id = f"late-supper-{uuid.uuid4().hex[:6]}"
    document.update(id=scenario_id, title=title, status="draft", version=1)
    client = ApiClient(server.base_url)
    client.login(instructor["username"], instructor["password"])
    client.call("POST", "/api/authoring/scenarios", document, ok=(201,))
    client.call("POST", f"/api/authoring/scenarios/{scenario_id}/publish", ok=(200,))
    return scenario_id, client


def problems_near(driver, control_id):
    """The validation messages placed right after the control (empty when none)."""
    return driver.execute_script(
        "const c = document.getElementById(arguments[0]); const n = c && c.nextElementSibling;"
        "return n && n.matches('[data-problem]') ? n.textContent : '';", control_id)


def test_an_instructor_edits_fixes_saves_and_publishes_and_trainees_get_the_new_version(server, browser):
    server.require(*AUTHORING_ROUTES)
    instructor = server.create_user("instructor")
    trainee = server.create_user("trainee")
    scenario_id, _ = authored_scenario(server, instructor)

    sign_in(browser, instructor)
    browser.get(f"{server.base_url}/authoring")
    row = wait(browser).until(lambda d: [r for r in d.find_elements(By.CSS_SELECTOR, "tbody tr") if scenario_id in r.text])[0]
    assert "Published" in row.text and "version 2" in row.text
    full_shot(browser, "authoring-list")
    axe_check(browser, "authoring-list")
    row.find_element(By.LINK_TEXT, "Epigastric pain after a late supper").click()

    wait(browser).until(lambda d: d.current_url.endswith(f"/authoring/{scenario_id}"))
    visible(browser, "#f-title")
    title = by_label(browser, "Title")
    wait(browser).until(lambda d: "No problems" in d.find_element(By.ID, "validation").text)
    assert "Trainees get version 2" in browser.find_element(By.ID, "editor-status").text
    shot(browser, "authoring-editor")
    axe_check(browser, "authoring-editor")

    # An edit that breaks a rule: the message appears beside the field while typing.
    title.send_keys(Keys.END, " TODO")
    wait(browser).until(lambda d: "placeholder" in problems_near(d, title.get_attribute("id")))
    assert title.get_attribute("aria-invalid") == "true"
    summary = browser.find_element(By.ID, "validation").text
    assert "1 problem to fix before saving" in summary and "title" in summary
    assert "Unsaved changes" in browser.find_element(By.ID, "editor-status").text
    shot(browser, "authoring-validation")
    axe_check(browser, "authoring-validation")

    # Fixed: the message goes away.
    title.send_keys(Keys.BACK_SPACE * 5, " (revised)")
    wait(browser).until(lambda d: problems_near(d, title.get_attribute("id")) == "")
    assert title.get_attribute("aria-invalid") is None
    wait(browser).until(lambda d: "No problems" in d.find_element(By.ID, "validation").text)

    button(browser, "Save draft").click()
    wait(browser).until(lambda d: "Saved as version 3" in d.find_element(By.ID, "action-status").text)
    assert "Unsaved changes" not in browser.find_element(By.ID, "editor-status").text

    button(browser, "Publish…").click()
    confirm = visible(browser, "#confirm")
    assert "Publish version 3" in confirm.text and "Version 2" in confirm.text
    button(browser, "Publish now").click()
    wait(browser).until(lambda d: "Published as version 4" in d.find_element(By.ID, "action-status").text)
    assert "Trainees get version 4" in browser.find_element(By.ID, "editor-status").text

    # The versions panel compares any two versions.
    Select(by_label(browser, "Compare version")).select_by_value("2")
    Select(by_label(browser, "with version")).select_by_value("4")
    button(browser, "Show changes").click()
    diff = visible(browser, "#diff-result table")
    assert "title" in diff.text and "Epigastric pain after a late supper (revised)" in diff.text
    browser.execute_script("document.getElementById('sec-versions').scrollIntoView()")
    shot(browser, "authoring-diff")
    axe_check(browser, "authoring-diff")

    # The trainee's case library offers the new version.
    browser.find_element(By.ID, "sign-out").click()
    wait(browser).until(lambda d: "/login" in d.current_url)
    sign_in(browser, trainee)
    browser.get(f"{server.base_url}/library")
    wait(browser).until(lambda d: "Epigastric pain after a late supper (revised)" in d.find_element(By.ID, "main").text)
    client = ApiClient(server.base_url)
    client.login(trainee["username"], trainee["password"])
    cards = [c for c in client.call("GET", "/api/scenarios")["scenarios"] if c["id"] == scenario_id]
    assert cards and cards[0]["version"] == 4


def test_try_a_question_shows_the_facts_the_patient_would_disclose(server, browser):
    server.require(*AUTHORING_ROUTES)
    instructor = server.create_user("instructor")
    scenario_id, _ = authored_scenario(server, instructor)
    sign_in(browser, instructor)
    browser.get(f"{server.base_url}/authoring/{scenario_id}")
    visible(browser, "#try-question")
    box = by_label(browser, "Question to the patient")
    box.send_keys("When did the pain begin?")
    button(browser, "Try it").click()
    entry = visible(browser, "#try-log li")
    assert "pain-onset" in entry.text and "Reply:" in entry.text
    box.send_keys("And how long has it lasted?", Keys.ENTER)
    wait(browser).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#try-log > li")) == 2)
    assert "pain-duration" in browser.find_elements(By.CSS_SELECTOR, "#try-log > li")[1].text
    browser.execute_script("document.getElementById('sec-facts').scrollIntoView()")
    shot(browser, "authoring-try")
    axe_check(browser, "authoring-try")
    for section in ("ai", "key", "rubric"):
        browser.execute_script(f"document.getElementById('sec-{section}').scrollIntoView()")
        shot(browser, f"authoring-section-{section}")


def test_the_raw_json_view_and_the_form_stay_in_step(server, browser):
    server.require(*AUTHORING_ROUTES)
    instructor = server.create_user("instructor")
    scenario_id, _ = authored_scenario(server, instructor)
    sign_in(browser, instructor)
    browser.get(f"{server.base_url}/authoring/{scenario_id}")
    visible(browser, "#f-setting")
    by_label(browser, "Setting").send_keys(Keys.END, " (resus)")
    raw = by_label(browser, "Scenario JSON")
    wait(browser).until(lambda d: "(resus)" in raw.get_attribute("value"))
    # A syntax error in the raw text is located by the server's parser.
    browser.execute_script("document.getElementById('raw-json').focus()")
    raw.send_keys(Keys.CONTROL, Keys.END)
    raw.send_keys(",")
    wait(browser).until(lambda d: "Line " in d.find_element(By.ID, "raw-problems").text)
    raw.send_keys(Keys.BACK_SPACE)
    wait(browser).until(lambda d: d.find_element(By.ID, "raw-problems").text == "")
    # A value changed in the raw text reaches the form.
    text = raw.get_attribute("value").replace('"estimatedMinutes": 20', '"estimatedMinutes": 35')
    browser.execute_script("const a = document.getElementById('raw-json'); a.value = arguments[0];"
                           "a.dispatchEvent(new Event('input'))", text)
    wait(browser).until(lambda d: by_label(d, "Estimated minutes").get_attribute("value") == "35")


def test_a_new_scenario_lists_what_to_fill_in(server, browser):
    server.require(*AUTHORING_ROUTES)
    sign_in(browser, server.create_user("instructor"))
    browser.get(f"{server.base_url}/authoring/new")
    summary = wait(browser).until(lambda d: d.find_element(By.ID, "validation") if "to fix" in d.find_element(By.ID, "validation").text else None)
    assert "id" in summary.text
    by_label(browser, "Scenario id")
    full_shot(browser, "authoring-new")
    axe_check(browser, "authoring-new")


def test_trainees_are_refused_the_authoring_page(server, browser):
    server.require(*AUTHORING_ROUTES)
    sign_in(browser, server.create_user("trainee"))
    browser.get(f"{server.base_url}/authoring")
    visible(browser, "#main .notice.bad")
    assert "do not have access" in browser.find_element(By.ID, "main").text


def test_a_fact_added_in_the_form_is_checked_and_tried_before_it_is_saved(server, browser):
    server.require(*AUTHORING_ROUTES)
    instructor = server.create_user("instructor")
    scenario_id, _ = authored_scenario(server, instructor)
    sign_in(browser, instructor)
    browser.get(f"{server.base_url}/authoring/{scenario_id}")
    visible(browser, "#f-facts-add")
    count = len(browser.find_elements(By.CSS_SELECTOR, "#f-facts > details.item"))
    button(browser, "Add fact").click()
    new = f"f-facts-{count}"
    wait(browser).until(lambda d: d.switch_to.active_element.get_attribute("id") == f"{new}-id")
    browser.switch_to.active_element.send_keys("pet-parrot")
    browser.find_element(By.ID, f"{new}-topics").send_keys("pets\nparrot")
    # The empty answer is reported next to its own control inside the new fact.
    wait(browser).until(lambda d: "must not be empty" in problems_near(d, f"{new}-answer"))
    browser.find_element(By.ID, f"{new}-answer").send_keys("Just Percy, my parrot.")
    wait(browser).until(lambda d: problems_near(d, f"{new}-answer") == "")
    by_label(browser, "Question to the patient").send_keys("Do you keep any pets?", Keys.ENTER)
    entry = visible(browser, "#try-log li")
    assert "pet-parrot" in entry.text and "Percy" in entry.text
    browser.execute_script(f"document.getElementById('{new}').scrollIntoView()")
    shot(browser, "authoring-new-fact")
    axe_check(browser, "authoring-new-fact")
    browser.find_element(By.ID, f"{new}-remove").click()
    wait(browser).until(lambda d: d.switch_to.active_element.get_attribute("id") == "f-facts-add")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#f-facts > details.item")) == count


def test_play_test_opens_a_practice_encounter_that_does_not_count(server, browser):
    server.require(*AUTHORING_ROUTES, "POST /api/authoring/scenarios/x/playtest")
    instructor = server.create_user("instructor")
    scenario_id, client = authored_scenario(server, instructor)
    sign_in(browser, instructor)
    browser.get(f"{server.base_url}/authoring/{scenario_id}")
    visible(browser, "#playtest")
    button(browser, "Play-test").click()
    wait(browser).until(lambda d: "/encounter/" in d.current_url)
    assert "Play-test" in visible(browser, "#notices .notice").text
    encounter_id = browser.current_url.rstrip("/").split("/")[-1]
    encounter = client.call("GET", f"/api/encounters/{encounter_id}")
    assert encounter["practice"] is True and encounter["scenarioId"] == scenario_id
    shot(browser, "authoring-playtest")
    assert client.call("GET", "/api/me/progress")["encounters"] == []


def test_the_editor_reflows_at_200_percent_zoom(server, browser):
    server.require(*AUTHORING_ROUTES)
    instructor = server.create_user("instructor")
    scenario_id, _ = authored_scenario(server, instructor)
    sign_in(browser, instructor)
    browser.set_window_size(640, 1000)
    browser.get(f"{server.base_url}/authoring/{scenario_id}")
    visible(browser, "#f-title")
    wait(browser).until(lambda d: "No problems" in d.find_element(By.ID, "validation").text)
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the editor scrolls sideways by {overflow}px at 640px"
    shot(browser, "authoring-editor-640px")


def test_the_editor_works_with_the_keyboard_alone(server, browser):
    from test_keyboard import assert_focus_visible, walk

    server.require(*AUTHORING_ROUTES)
    sign_in(browser, server.create_user("instructor"))
    browser.get(f"{server.base_url}/authoring/new")
    visible(browser, "#f-id")
    stops = walk(browser, "#validation li", limit=600)
    assert_focus_visible(stops)
    ids = [s["id"] for s in stops]
    order = ["save", "f-id", "f-title", "f-competencies-history-taking", "try-question", "f-facts-add", "raw-json"]
    positions = [ids.index(i) for i in order]
    assert positions == sorted(positions), list(zip(order, positions))
    # Typing an id and saving with Enter on the button works without a mouse.
    browser.find_element(By.ID, "f-id").send_keys("keyboard-only")
    browser.find_element(By.ID, "save").send_keys(Keys.ENTER)
    browser.expected_http_errors = True
    wait(browser).until(lambda d: "problems to fix" in d.find_element(By.ID, "validation").text
                        and d.find_element(By.ID, "save-error").is_displayed())
    assert browser.switch_to.active_element.tag_name in ("button", "input", "textarea")


def test_files_and_agentclinic_cases_are_imported_from_the_list(server, browser, tmp_path):
    server.require(*AUTHORING_ROUTES, "POST /api/authoring/scenarios/import", "POST /api/authoring/import/agentclinic")
    instructor = server.create_user("instructor")
    document = json.loads((ROOT / "Scenarios" / "chest-pain-inferior-stemi.json").read_text())
    scenario_id = f"imported-{uuid.uuid4().hex[:6]}"
    document.update(id=scenario_id, title="Burning chest pain after a curry", status="draft")
    file = tmp_path / f"{scenario_id}.json"
    file.write_text(json.dumps(document, indent=2))
    sign_in(browser, instructor)
    browser.get(f"{server.base_url}/authoring")
    by_label(browser, "Scenario file (.json)").send_keys(str(file))
    button(browser, "Import scenario").click()
    wait(browser).until(lambda d: d.current_url.endswith(f"/authoring/{scenario_id}"))
    visible(browser, "#f-title")
    assert "Burning chest pain after a curry" in browser.find_element(By.ID, "page-title").text

    cases = pathlib.Path(ROOT.parent / "shared" / "datasets" / "agentclinic" / "agentclinic_medqa.jsonl")
    if not cases.exists():
        return
    lines = cases.read_text().splitlines()[100:102]
    jsonl = tmp_path / "cases.jsonl"
    jsonl.write_text("\n".join(lines) + "\n")
    browser.get(f"{server.base_url}/authoring")
    by_label(browser, "AgentClinic cases (.jsonl)").send_keys(str(jsonl))
    button(browser, "Import cases").click()
    report = visible(browser, "#agentclinic-report table", timeout=60)
    assert report.text.count("Imported as a draft") + report.text.count("Already here") == 2
    browser.execute_script("document.getElementById('agentclinic-report').scrollIntoView()")
    shot(browser, "authoring-agentclinic-report")
    axe_check(browser, "authoring-agentclinic-report")
