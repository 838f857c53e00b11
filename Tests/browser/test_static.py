"""Checks on the web assets themselves (no browser needed)."""
import re

from conftest import ROOT

ASSETS = ROOT / "WebAssets"


def test_no_script_builds_markup_from_strings():
    """User and model text only ever enters the page as text nodes."""
    for path in (ASSETS / "js").glob("*.js"):
        text = path.read_text()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in text, f"{path.name} uses {sink}"


def test_pages_have_no_inline_script_style_or_handlers():
    for path in ASSETS.glob("*.html"):
        html = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), f"{path.name}: inline script"
        assert "<style" not in html and " style=" not in html, f"{path.name}: inline style"
        assert not re.search(r"\son[a-z]+=", html), f"{path.name}: inline event handler"
        assert '<html lang="en">' in html, f"{path.name}: page language"
        assert 'name="viewport"' in html, f"{path.name}: viewport"


def test_scripts_set_no_style_attributes():
    """CSP style-src 'self' blocks style attributes; only CSSOM properties are allowed."""
    for path in (ASSETS / "js").glob("*.js"):
        text = path.read_text()
        assert "setAttribute('style'" not in text and 'setAttribute("style"' not in text, path.name
        assert not re.search(r"style:\s*['\"]", text), f"{path.name} passes a style string to h()"
