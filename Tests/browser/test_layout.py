"""Reflow: at a 768 px tablet and at 200% zoom (640 CSS px) no page scrolls sideways."""
import pytest

from conftest import shot, sign_in, visible

PAGES = {"/admin": "GET /api/admin/users", "/instructor": "GET /api/instructor/trainees",
         "/library": "GET /api/scenarios", "/progress": "GET /api/me/progress",
         "/authoring": "GET /api/authoring/scenarios"}


@pytest.mark.parametrize("width", [768, 640])
def test_pages_reflow(server, browser, width):
    server.require("POST /api/auth/login", "GET /api/admin/users")
    browser.set_window_size(width, 1000)
    browser.get(server.base_url + "/login")
    visible(browser, "#username")
    assert browser.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    shot(browser, f"login-{width}px")
    sign_in(browser, server.create_user("admin"), expect_path="/admin")
    browser.set_window_size(width, 1000)
    checked = []
    for path, route in PAGES.items():
        if not server.has_route(*route.split(" ", 1)):
            continue
        browser.get(server.base_url + path)
        visible(browser, "#main h1")
        visible(browser, "#main table, #main .card, #main figure, #main .notice")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {width}px"
        shot(browser, f"{path.strip('/')}-{width}px")
        checked.append(path)
    assert checked
