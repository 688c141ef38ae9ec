"""Glossary tooltips in a real browser: hover, keyboard focus, activation, in both languages."""
import re

import pytest

from explainer.languages import URL_PREFIX

def accessible_name_and_description(page, expression):
    """What a screen reader announces for an element: Chromium's accessibility tree, via DevTools."""
    cdp = page.context.new_cdp_session(page)
    node = cdp.send("Runtime.evaluate", {"expression": expression})["result"]["objectId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"objectId": node, "fetchRelatives": False})["nodes"][0]
    return ax.get("name", {}).get("value"), ax.get("description", {}).get("value")


PAGE_OF = {"dit": "products", "kling-ai-business-unit": "organization"}


@pytest.mark.parametrize("lang", URL_PREFIX)
@pytest.mark.parametrize("term", PAGE_OF)
def test_hover_shows_the_definition(page, base_url, site, lang, term):
    page.goto(f"{base_url}/{URL_PREFIX[lang]}{PAGE_OF[term]}/")
    link = page.locator(f"article a.term[data-term={term}]").first
    link.hover()
    definition = site.project.glossary.by_id()[term].short[lang]
    shown = page.locator(".md-tooltip2--active").filter(has_text=definition)
    shown.wait_for(timeout=3000)
    page.wait_for_function("getComputedStyle(document.querySelector('.md-tooltip2--active')).opacity === '1'")
    term, tip = link.bounding_box(), shown.locator(".md-tooltip2__inner").bounding_box()
    under = term["y"] + term["height"] <= tip["y"] < term["y"] + term["height"] + 40
    over = term["y"] - 40 < tip["y"] + tip["height"] <= term["y"]  # where the window has no room below
    assert under or over, "the tooltip sits next to its term"
    page.mouse.move(0, 0)
    page.locator(".md-tooltip2--active").wait_for(state="detached", timeout=3000)
    link.hover()
    shown.wait_for(timeout=3000)
    page.keyboard.press("Escape")
    page.locator(".md-tooltip2--active").wait_for(state="detached", timeout=3000)


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
    definition = site.project.glossary.by_id()[focused].short[lang]
    page.locator(".md-tooltip2--active").filter(has_text=definition).wait_for(timeout=3000)
    name, description = accessible_name_and_description(page, "document.activeElement")
    assert name == page.evaluate("document.activeElement.textContent") and description == definition
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{URL_PREFIX[lang]}glossary/#{focused}$"))
    assert page.locator(f"#{focused}").is_visible()
