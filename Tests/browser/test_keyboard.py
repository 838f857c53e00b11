"""Keyboard only: logical tab order, visible focus, Enter to act."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import visible, wait


def active(browser):
    return browser.switch_to.active_element


def tab(browser):
    ActionChains(browser).send_keys(Keys.TAB).perform()
    return active(browser)


def test_sign_in_with_the_keyboard_alone(server, browser):
    server.require("POST /api/auth/login", "GET /api/auth/me", "GET /api/admin/users")
    user = server.create_user("admin")
    browser.get(server.base_url + "/login")
    visible(browser, "#username")
    skip = tab(browser)
    assert skip.text == "Skip to main content" and skip.is_displayed()
    assert tab(browser).text == "WardSim"  # the brand link, then the form in reading order
    field = tab(browser)
    assert field.get_attribute("id") == "username"
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", field)
    assert outline != "none", "focus is not visible"
    field.send_keys(user["username"])
    assert tab(browser).get_attribute("id") == "password"
    active(browser).send_keys(user["password"])
    assert tab(browser).get_attribute("id") == "sign-in"
    active(browser).send_keys(Keys.ENTER)
    wait(browser).until(lambda d: d.current_url.endswith("/admin"))


FOCUS_WALK = """
const el = document.activeElement;
const s = getComputedStyle(el);
return {tag: el.tagName, id: el.id, text: (el.innerText || el.value || '').slice(0, 30),
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        visible: !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)};
"""


def walk(browser, ready_css, limit=400):
    """Reloads the page, then tabs through it until focus comes back round; returns every stop."""
    browser.refresh()
    visible(browser, ready_css)
    stops = []
    for _ in range(limit):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        stop = browser.execute_script(FOCUS_WALK)
        if stops and stop == stops[0]:
            return stops
        stops.append(stop)
    raise AssertionError(f"focus never came back round after {limit} tabs (a trap?): {stops[-5:]}")


def assert_focus_visible(stops):
    bad = [s for s in stops if s["tag"] != "BODY" and not (s["outline"] and s["visible"])]
    assert not bad, f"focus not visible on {bad[:5]}"


def test_admin_page_tab_walk_has_visible_focus_and_no_trap(server, browser):
    server.require("POST /api/auth/login", "GET /api/admin/users", "GET /api/admin/audit")
    from conftest import sign_in

    sign_in(browser, server.create_user("admin"), expect_path="/admin")
    stops = walk(browser, "#users-table table")
    assert_focus_visible(stops)
    ids = [s["id"] for s in stops]
    assert ids.index("nu-username") < ids.index("create-user") < ids.index("user-filter") < ids.index("csv-text")


def test_encounter_tab_walk_follows_the_workflow(server, browser):
    from test_trainee_journey import ENCOUNTER_ROUTES, start_case

    server.require(*ENCOUNTER_ROUTES)
    start_case(browser, server, server.create_user("trainee"))
    stops = walk(browser, "#question")
    assert_focus_visible(stops)
    ids = [s["id"] for s in stops]
    order = ["question", "send", "order-filter", "findings-history", "dx", "review-diagnosis"]
    positions = [ids.index(i) for i in order]
    assert positions == sorted(positions), list(zip(order, positions))
