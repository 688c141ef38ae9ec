"""Quality gates in a real browser, on every page in both languages: private, safe, accessible, keyboard-usable."""
from urllib.parse import urlsplit

import pytest

from explainer.languages import PAGES, URL_PREFIX, page_url
from explainer import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
EVERY_PAGE = [(lang, name) for lang in URL_PREFIX for name in (*PAGES, "404")]


def address(base_url: str, lang: str, name: str) -> str:
    if name == "404":
        return f"{base_url}/{URL_PREFIX[lang]}no-such-page/"
    return f"{base_url}/{page_url(lang, name)}"


@pytest.mark.parametrize("lang, name", EVERY_PAGE)
def test_only_the_site_itself_is_loaded_and_nothing_is_refused(context, base_url, lang, name):
    """The request log names no other host; no CSP violation, failed request or console error."""
    context.add_init_script("""
        window.__violations = [];
        document.addEventListener("securitypolicyviolation",
            e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));""")
    page = context.new_page()
    target = address(base_url, lang, name)
    requests, failures, errors, pending = [], [], [], set()
    page.on("request", lambda r: (requests.append(r.url), pending.add(r)))
    page.on("requestfinished", lambda r: pending.discard(r))
    page.on("requestfailed", lambda r: (failures.append(r.url), pending.discard(r)))
    page.on("response", lambda r: r.status >= 400 and r.url != target and failures.append(f"{r.status} {r.url}"))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    dialogs, navigations = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("framenavigated", lambda frame: frame == page.main_frame and navigations.append(frame.url))
    page.goto(target)
    page.locator(".md-search__input").click()  # the search worker and index load too: wait for their results
    page.keyboard.type("Kling")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
    quiet = 0  # then 300 ms without a request in flight: what the page does later is seen too
    while quiet < 300:
        page.wait_for_timeout(100)
        quiet = 0 if pending else quiet + 100
    origin = urlsplit(base_url).netloc
    assert [u for u in requests if urlsplit(u).netloc not in (origin, "") and not u.startswith("data:")] == []
    assert failures == []
    assert page.evaluate("window.__violations") == []
    assert [e for e in errors if "404 (Not Found)" not in e or name != "404"] == []
    assert dialogs == [] and navigations == [target], "no script of any source opens a dialog or sends the reader on"



LAYOUT_SHIFTS = """
window.__shifts = [];
const record = entries => { for (const entry of entries)
  window.__shifts.push({value: entry.value, moved: (entry.sources || []).map(source =>
    source.node && source.node.nodeType === 1 ? source.node.tagName + "." + source.node.className : "#text"),
    in_header: (entry.sources || []).length > 0 &&
      entry.sources.every(source => source.node && source.node.closest && source.node.closest(".md-header"))}); };
const observer = new PerformanceObserver(list => record(list.getEntries()));
observer.observe({type: "layout-shift", buffered: true});
window.__allShifts = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
  record(observer.takeRecords());
  resolve(window.__shifts);
})));
"""


@pytest.fixture(scope="module", params=[412, 1280], ids=lambda width: f"{width}px")
def watched(request, browser):
    """A context at phone (Lighthouse's) or desktop width whose pages record every layout shift from the start."""
    context = browser.new_context(viewport={"width": request.param, "height": 823})
    context.add_init_script(LAYOUT_SHIFTS)
    yield context
    context.close()


@pytest.mark.parametrize("lang, name", EVERY_PAGE)
def test_nothing_moves_while_a_page_loads(watched, base_url, lang, name):
    """What our scripts add once the page is drawn (the headings' buttons, the reading mode) takes room kept for it.

    The header is the next test's, on one page at three widths: under load, Chromium was seen to draw
    Material's desktop header before the parser reached its last part (1 load in 30), which moved the rest
    however the styles are written."""
    page = watched.new_page()
    page.goto(address(base_url, lang, name))
    page.locator("html:not(.no-js)").wait_for(state="attached")
    if page.locator(".copy-link-strings").count():  # links.js adds the title's cite button last
        page.locator("article h1 > button.cite-button").wait_for(state="attached")
    assert [shift for shift in page.evaluate("window.__allShifts()") if not shift["in_header"]] == []
    page.close()


# What sits right of the title (which takes the room left): the language menu, the search, the repository link.
HEADER_PARTS = ".md-select, label.md-header__button[for=__search], .md-search__form, .md-header__source"


@pytest.mark.parametrize("width", [412, 800, 1280])
def test_the_header_is_laid_out_before_material_s_script_runs_as_after(browser, base_url, width):
    """Material shows its search only once its script has run: the header's buttons moved on every page."""
    def header(block_material: bool) -> list:
        context = browser.new_context(viewport={"width": width, "height": 823})
        if block_material:  # the page as it is drawn before Material's script has run
            context.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
        page = context.new_page()
        page.goto(f"{base_url}/en/organization/")
        assert page.evaluate("document.documentElement.classList.contains('no-js')") == block_material
        parts = page.locator(HEADER_PARTS).evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.className, r.x, r.width]; })")
        context.close()
        return parts
    assert header(block_material=True) == header(block_material=False)

@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: `make test` installs it (npm ci)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=[(width, scheme) for width in (1280, 390) for scheme in ("light", "dark")],
                ids=lambda view: f"{view[0]}-{view[1]}")
def view(request, browser):
    """One tab per width and colour scheme, reused for every page: opening 80 contexts cost half the suite."""
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce")
    yield context.new_page(), scheme
    context.close()


@pytest.mark.parametrize("lang, name", EVERY_PAGE)
def test_axe_finds_no_wcag_2_2_a_or_aa_violation(view, axe_source, base_url, lang, name):
    """Every page, both colour schemes, phone and desktop width: axe's WCAG 2.0, 2.1 and 2.2 A and AA rules."""
    page, scheme = view
    page.goto(address(base_url, lang, name))
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    page.evaluate(axe_source)  # evaluated through the DevTools protocol, outside the CSP
    result = page.evaluate("""axe.run(document, {runOnly: {type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]})""")
    violations = [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:4]}" for v in result["violations"]]
    assert violations == []


@pytest.mark.parametrize("lang", URL_PREFIX)
def test_keyboard_skip_link_focus_search_and_language(page, base_url, site, lang):
    page.goto(address(base_url, lang, "organization"))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).transform")
    assert outline and not outline.startswith("none")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organization/#organization")  # the page title: the start of the content

    search = page.locator(".md-search__input")
    assert search.get_attribute("aria-label")
    language = page.locator(".md-header__option .md-select > button")
    assert language.get_attribute("aria-label")
    page.goto(address(base_url, lang, "organization"))
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label') || ''"))
    assert language.get_attribute("aria-label") in reached, "the language menu is reached by Tab"
    assert search.get_attribute("aria-label") in reached, "so is the search box"
