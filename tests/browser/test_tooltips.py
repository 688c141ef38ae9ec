"""Glossary tooltips in a real browser: hover, keyboard focus, activation, in both languages."""
import re

import pytest


@pytest.mark.parametrize("path, term", [("products/", "dit"), ("en/products/", "dit")])
def test_hover_shows_the_definition(page, base_url, site, path, term):
    lang = "en" if path.startswith("en/") else "zh"
    page.goto(f"{base_url}/{path}")
    link = page.locator(f"article a.term[data-term={term}]").first
    link.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=site.project.glossary.by_id()[term].short[lang])
    tooltip.first.wait_for(state="visible", timeout=3000)


@pytest.mark.parametrize("path", ["organization/", "en/organization/"])
def test_tab_reaches_a_term_and_enter_opens_its_entry(page, base_url, site, path):
    lang = "en" if path.startswith("en/") else "zh"
    page.goto(f"{base_url}/{path}")
    first_term = page.locator("article a.term").first
    term = first_term.get_attribute("data-term")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('term')"):
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    focused = page.evaluate("document.activeElement.dataset.term")
    page.wait_for_function("document.activeElement.getAttribute('aria-describedby')")
    described = page.evaluate("document.getElementById(document.activeElement.getAttribute('aria-describedby') || '')?.textContent")
    assert described and site.project.glossary.by_id()[focused].short[lang] in described
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/glossary/#{focused}$"))
    assert page.locator(f"#{focused}").is_visible()
    assert term
