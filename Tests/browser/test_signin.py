"""Signing in and out."""
from selenium.webdriver.common.by import By

from conftest import axe_check, button, by_label, shot, sign_in, visible, wait


def test_sign_in_page_is_labelled_and_accessible(server, browser):
    browser.get(server.base_url + "/login")
    assert by_label(browser, "Username").get_attribute("autocomplete") == "username"
    assert by_label(browser, "Password").get_attribute("type") == "password"
    assert button(browser, "Sign in")
    shot(browser, "login")
    axe_check(browser, "login")


def test_wrong_password_is_explained_next_to_the_button(server, browser):
    server.require("POST /api/auth/login")
    user = server.create_user("trainee")
    browser.expected_http_errors = True
    browser.get(server.base_url + "/login")
    by_label(browser, "Username").send_keys(user["username"])
    by_label(browser, "Password").send_keys("not the password at all")
    button(browser, "Sign in").click()
    error = visible(browser, "#sign-in-error")
    assert "Wrong username or password" in error.text
    assert browser.find_element(By.ID, "sign-in").get_attribute("aria-describedby") == "sign-in-error"
    shot(browser, "login-error")
    axe_check(browser, "login-error")


def test_empty_fields_are_named(server, browser):
    browser.get(server.base_url + "/login")
    button(browser, "Sign in").click()
    assert "Enter your username" in visible(browser, "#username-error").text
    assert by_label(browser, "Username").get_attribute("aria-invalid") == "true"
    assert browser.switch_to.active_element.get_attribute("id") == "username"


def test_sign_in_then_sign_out(server, browser):
    server.require("POST /api/auth/login", "GET /api/auth/me", "POST /api/auth/logout", "GET /api/scenarios")
    user = server.create_user("trainee")
    sign_in(browser, user, expect_path="/library")
    who = visible(browser, "#who")
    assert user["displayName"] in who.text
    button(browser, "Sign out").click()
    wait(browser).until(lambda d: "/login" in d.current_url)
    assert "signed out" in visible(browser, ".notice").text
    # The session is gone server-side: a protected page sends us back to sign in.
    browser.expected_http_errors = True
    browser.get(server.base_url + "/library")
    wait(browser).until(lambda d: "/login?next=" in d.current_url)


def test_sign_in_returns_to_the_page_asked_for(server, browser):
    server.require("POST /api/auth/login", "GET /api/auth/me", "GET /api/me/progress")
    user = server.create_user("trainee")
    browser.expected_http_errors = True
    browser.get(server.base_url + "/progress")
    wait(browser).until(lambda d: "/login?next=%2Fprogress" in d.current_url)
    by_label(browser, "Username").send_keys(user["username"])
    by_label(browser, "Password").send_keys(user["password"])
    button(browser, "Sign in").click()
    wait(browser).until(lambda d: d.current_url.endswith("/progress"))
