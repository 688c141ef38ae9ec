"""Links a teacher can rely on, in a real browser: language switching keeps the place, copy-link copies it."""
import re

import pytest
from playwright.sync_api import expect

from explainer.languages import PAGES, URL_PREFIX, other_language, page_url


def switch_language(page, to: str):
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f"a.md-select__link[hreflang={to}]").click()
    page.wait_for_load_state("load")


def a_fragment(site, name: str) -> str:
    if name == "article":
        return "p17"
    if name == "glossary":
        return "dit"
    return site.project.outline[name][-1].id


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("start", ["zh", "en"])
def test_switching_language_keeps_the_fragment(page, base_url, site, name, start):
    fragment = a_fragment(site, name)
    page.goto(f"{base_url}/{page_url(start, name)}#{fragment}")
    switch_language(page, other_language(start))
    assert page.url == f"{base_url}/{page_url(other_language(start), name)}#{fragment}"
    assert page.locator("html").get_attribute("lang") == other_language(start)
    assert page.locator(f"#{fragment}").count() == 1


def test_switching_after_navigating_within_the_site(page, base_url):
    page.goto(f"{base_url}/")
    page.locator(".md-nav--primary a[href$='organization/']").first.click()
    page.locator(".md-sidebar--secondary a[href='#structure']").click()
    assert page.url.endswith("/organization/#structure")
    switch_language(page, "en")
    assert page.url == f"{base_url}/en/organization/#structure"
    page.locator(".md-sidebar--secondary a[href='#discussion']").click()
    switch_language(page, "zh")
    assert page.url == f"{base_url}/organization/#discussion"


@pytest.mark.parametrize("start", ["zh", "en"])
def test_switching_from_the_404_page_goes_to_the_same_address(page, base_url, start):
    """GitHub Pages answers every missing address with the root 404.html: switching keeps the address asked
    for, and that one page says so in both languages."""
    response = page.goto(f"{base_url}/{URL_PREFIX[start]}organization/no-such-section/")
    assert response.status == 404
    with page.expect_navigation() as navigation:
        switch_language(page, other_language(start))
    assert navigation.value.status == 404
    assert page.url == f"{base_url}/{URL_PREFIX[other_language(start)]}organization/no-such-section/"
    assert page.locator('section.not-found[lang="zh"]').inner_text().startswith("找不到这个页面")
    assert page.locator('section.not-found[lang="en"]').inner_text().startswith("Page not found")


def test_a_kinder_host_serves_each_language_its_own_404_page(browser):
    """With a 404 page per language (a host that has them), the English address gets the English page first."""
    from explainer.tools.static_server import start
    from tests.conftest import SITE, site_path
    server, url = start(SITE, prefix=site_path(), per_language_404=True)
    try:
        page = browser.new_page()
        assert page.goto(f"{url}/en/organization/no-such-section/").status == 404
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("article h1").inner_text() == "Page not found"
    finally:
        server.shutdown()


@pytest.mark.parametrize("lang, name, fragment", [("zh", "organization", "structure"), ("en", "article", "p17"),
                                                   ("en", "challenges", "q-valuation")])
def test_copy_link_copies_the_full_address_and_says_so(page, context, base_url, site, lang, name, fragment):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{base_url}/{page_url(lang, name)}")
    button = page.locator(f"button.copy-link[data-fragment='{fragment}']")
    button.focus()
    page.keyboard.press("Enter")
    expected = f"{base_url}/{page_url(lang, name)}#{fragment}"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    expect(page.locator(".copy-link-status")).to_have_text(site.project.strings["link_copied"][lang])


def test_copy_link_is_visible_and_works_on_a_touch_screen(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/article/")
    button = page.locator("button.copy-link[data-fragment='p20']")
    button.scroll_into_view_if_needed()
    assert float(button.evaluate("b => getComputedStyle(b).opacity")) > 0.5
    button.tap()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/article/#p20"
    context.close()


def test_headings_show_their_permalink_on_focus(page, base_url):
    page.goto(f"{base_url}/en/revenue/")
    permalink = page.locator("h2#business-model a.headerlink")
    assert float(permalink.evaluate("a => getComputedStyle(a).opacity")) == 0
    permalink.focus()
    assert float(permalink.evaluate("a => getComputedStyle(a).opacity")) == 1
    assert re.search(r"#business-model$", permalink.get_attribute("href"))


def test_a_moved_page_sends_the_reader_on_with_the_fragment(browser, tmp_path):
    """A copy of the site with a page declared moved: the old address lands on the new one, same paragraph."""
    import shutil

    from explainer.publish.redirects import write_page_redirects
    from explainer.sources.lined import parse_yaml
    from explainer.sources.redirects import parse_redirects
    from explainer.tools.static_server import start
    from tests.conftest import SITE, site_path

    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    redirects = parse_redirects(parse_yaml("pages:\n  full-text: article\n", "redirects.yml"), "redirects.yml",
                                list(PAGES), {"article": set()})
    write_page_redirects(copy, redirects, URL_PREFIX)
    server, url = start(copy, prefix=site_path())
    try:
        page = browser.new_page()
        page.goto(f"{url}/en/full-text/#p17")
        page.wait_for_url(f"{url}/en/article/#p17")
        assert page.locator("#p17").is_visible()
    finally:
        server.shutdown()


@pytest.mark.parametrize("lang", URL_PREFIX)
def test_copy_buttons_name_what_they_copy(page, base_url, site, lang):
    page.goto(f"{base_url}/{URL_PREFIX[lang]}organization/")
    label = site.project.strings["copy_link_to"][lang]
    heading = page.locator("h2#structure").evaluate("h => h.firstChild.textContent.trim()")
    assert page.locator("button.copy-link[data-fragment='structure']").get_attribute("aria-label") == \
        label.replace("{target}", heading)
    second = site.project.strings["question"][lang].replace("{n}", "2")
    question = page.locator("li.question").nth(1).get_attribute("id")
    assert page.locator(f"button.copy-link[data-fragment='{question}']").get_attribute("aria-label") == \
        label.replace("{target}", second)


NO_CLIPBOARD_API = """
Object.defineProperty(Navigator.prototype, "clipboard", {get: () => undefined});
window.copied = [];
document.execCommand = (command) => {
  const field = document.querySelector("textarea[readonly]");
  window.copied.push([command, field && field.value.slice(field.selectionStart, field.selectionEnd)]);
  return window.copyWorks;
};
"""


@pytest.mark.parametrize("works", [True, False])
def test_without_the_clipboard_api_the_address_is_still_copied_or_offered(browser, base_url, site, works):
    """Browsers without navigator.clipboard (an http:// preview, older ones): copy through a selected field,
    and where even that is refused, show the address in a prompt to copy by hand."""
    context = browser.new_context()
    context.add_init_script(NO_CLIPBOARD_API + f"window.copyWorks = {str(works).lower()};")
    page = context.new_page()
    prompts = []
    page.on("dialog", lambda dialog: (prompts.append((dialog.type, dialog.default_value)), dialog.dismiss()))
    page.goto(f"{base_url}/en/article/")
    address = f"{base_url}/en/article/#p17"
    if works:
        page.locator("button.copy-link[data-fragment='p17']").click()
        expect(page.locator(".copy-link-status")).to_have_text(site.project.strings["link_copied"]["en"])
    else:
        with page.expect_event("dialog"):
            page.locator("button.copy-link[data-fragment='p17']").click()
        page.wait_for_timeout(100)  # past the 50 ms after which a copy would be announced
        assert page.locator(".copy-link-status").inner_text() == "", "a refused copy is not announced as done"
    assert page.evaluate("window.copied") == [["copy", address]]
    assert prompts == ([] if works else [("prompt", address)])
    assert page.locator("textarea").count() == 0
    context.close()



def overlap(a, b) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


@pytest.mark.parametrize("width", [390, 800, 1024, 1240, 1280])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_paragraph_s_buttons_lie_inside_the_window_and_clear_of_its_number(browser, base_url, lang, width):
    """Without a gutter beside the paragraphs (below about 1270 px) the copy-link and cite buttons were cut off at the edge."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/{page_url(lang, 'article')}#p17")
    number, copy, cite = (page.locator(f"#p17 > {part}").bounding_box()
                          for part in (".para-link", "button.copy-link", "button.cite-button"))
    for button in (copy, cite):
        assert 0 <= button["x"] and button["x"] + button["width"] <= width
        assert button["width"] >= 24 and button["height"] >= 24  # WCAG 2.2 target size
        assert not overlap(button, number)
    assert not overlap(copy, cite)
    context.close()
