"""Glossary tooltips in a real browser: hover, keyboard focus, activation, in both languages."""
import re

import pytest

from explainer.project import URL_PREFIX

PAGE_OF = {"dit": "products", "kling-ai-business-unit": "organization"}


@pytest.mark.parametrize("lang", URL_PREFIX)
@pytest.mark.parametrize("term", PAGE_OF)
def test_hover_shows_the_definition(page, base_url, site, lang, term):
    page.goto(f"{base_url}/{URL_PREFIX[lang]}{PAGE_OF[term]}/")
    page.locator(f"article a.term[data-term={term}]").first.hover()
    definition = site.project.glossary.by_id()[term].short[lang]
    page.locator(".md-tooltip2, .md-tooltip").filter(has_text=definition).first.wait_for(state="visible", timeout=3000)


@pytest.mark.parametrize("lang", URL_PREFIX)
def test_tab_reaches_a_term_focus_describes_it_and_enter_opens_its_entry(page, base_url, site, lang):
    page.goto(f"{base_url}/{URL_PREFIX[lang]}organization/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('term')"):
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    focused = page.evaluate("document.activeElement.dataset.term")
    page.wait_for_function("document.activeElement.getAttribute('aria-describedby')")
    described = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent")
    assert site.project.glossary.by_id()[focused].short[lang] in described
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{URL_PREFIX[lang]}glossary/#{focused}$"))
    assert page.locator(f"#{focused}").is_visible()
