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
