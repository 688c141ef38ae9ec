"""Cite this, in Chromium: the button for the page, a section and a paragraph, the dialog, and its copy buttons.

What each style says is tested on its own (tests/test_citations.py, against hand-checked
examples); here, that the reader gets those citations, in the page's own convention first.
"""
import re

import pytest


@pytest.mark.parametrize("lang, path, button, first_style, expected", [
    ("zh", "article/", "#p16 button.cite-button", "GB/T 7714—2015", r"^高恒\. 原文与英译：原文第16段\[EB/OL\]\."),
    ("en", "en/article/", "#p16 button.cite-button", "APA 7", r"^Gao, H\. \(n\.d\.\)\. The article, with our translation: Paragraph 16"),
    ("en", "en/organization/", "h2#structure button.cite-button", "APA 7", r"^Gao, H\. \(n\.d\.\)\. The reorganisation: How the unit is built"),
    ("zh", "", "article h1 button.cite-button", "GB/T 7714—2015", r"^高恒\. 快手为什么成立可灵AI事业部\[EB/OL\]"),
])
def test_the_dialog_gives_the_page_s_own_convention_first(page, context, base_url, lang, path, button, first_style, expected):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{base_url}/{path}")
    page.locator(button).wait_for(state="attached")
    page.locator(button).focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.cite-dialog")
    dialog.wait_for()
    assert dialog.get_attribute("aria-labelledby") == "cite-title"
    styles = dialog.locator("h3").all_inner_texts()
    assert styles[0] == first_style and set(styles) == {"GB/T 7714—2015", "APA 7", "MLA 9", "BibTeX"}
    first = dialog.locator("pre").first.inner_text()
    assert re.search(expected, first), first
    canonical = page.locator("link[rel=canonical]").get_attribute("href")  # the published address, not this server's
    fragment = "" if "h1" in button else "#" + page.locator(button).evaluate("b => b.closest('[id]').id")
    assert canonical + fragment in first
    dialog.get_by_role("button").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == first
    assert dialog.get_by_role("button").first.inner_text() in ("已复制", "Copied")
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    assert page.evaluate("document.activeElement.classList.contains('cite-button')"), "focus returns to the button"


def test_cite_js_loads_only_when_a_reader_asks(page, base_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}/en/revenue/", wait_until="networkidle")
    assert not [url for url in requested if "/assets/cite" in url]
    page.locator("article h1 button.cite-button").click()
    page.locator("dialog.cite-dialog").wait_for()
    assert sorted(url for url in requested if "/assets/cite" in url) == [
        f"{base_url}/assets/cite-dialog.js", f"{base_url}/assets/cite.js"]
