"""Search in a real browser: each language's search box finds its own pages, and only those.

Each query is typed into Material's header search box; the expected page must be
among the first three results, and no result may be a page of the other language.
The time from the last keystroke to the results is recorded (`record_property`),
never asserted. The queries share one open page per language, as a reader searches
again and again: the recorded time is a warm query's, and a query that leaves the
page in an odd state would show in the ones after it.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from explainer.languages import LANGS, PAGES
from explainer.render.search import PREFIX
from tests.conftest import site_path

# query → the page that answers it, per language.
QUERIES = {
    "en": {
        "revenue": "revenue",
        "organizational": "organization",
        "architecture": "products",
        "challenges": "challenges",
        "competitors": "landscape",
        "subscription": "revenue",
        "creators": "products",
        "Kling": "products",
        "DiT": "products",
        "3D Attention": "products",
        "To B": "challenges",
    },
    "zh": {
        "可灵": "products",
        "事业部": "organization",
        "营收": "revenue",
        "即梦": "landscape",
        "蓝色光标": "revenue",
        "第二增长曲线": "revenue",
        "认知迁移": "challenges",
        "市值": "challenges",
        "DiT": "products",
        "3D Attention": "products",
        "To B": "challenges",
    },
}
CASES = [(lang, query, expected) for lang in LANGS for query, expected in QUERIES[lang].items()]

# Installed before typing: the time of the last keyup in the box, and of the first change to the
# results list after it (Material clears the list and renders the new results in one go).
TIMER = """() => {
  const box = document.querySelector(".md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__searchTiming = {};
  box.addEventListener("keyup", () => { window.__searchTiming = { keyup: performance.now() }; }, true);
  new MutationObserver(() => {
    const timing = window.__searchTiming;
    if (timing.keyup && !timing.results) timing.results = performance.now();
  }).observe(list, { childList: true });
}"""
WARM_UP = "AI"  # a word of both languages' pages: its results show that the index is loaded


def page_of(url: str) -> tuple[str, str]:
    """(language, page name) of a result link."""
    path = urlsplit(url).path.removeprefix(site_path())
    lang = next((lang for lang in LANGS if PREFIX[lang] and path.startswith(PREFIX[lang])), LANGS[0])
    name = path.removeprefix(PREFIX[lang]).strip("/") or "index"
    assert name in PAGES, f"result {url} is not a page of the site"
    return lang, name


def type_query(page, query: str) -> None:
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on keyup; fill() alone types no key


def open_search(page, base_url: str, lang: str) -> list[str]:
    """Open the language's home page and wait until its index is loaded; the requests it makes are listed."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}/{PREFIX[lang]}")
    # The index loads when the reader first focuses the box; the warm-up's results show it is ready.
    type_query(page, WARM_UP)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
    page.evaluate(TIMER)
    return requests


def run_query(page, query: str) -> dict:
    """Type a query into an open search box and wait for its results."""
    page.evaluate("() => { window.__searchTiming = {}; }")
    type_query(page, query)
    page.wait_for_function("() => window.__searchTiming.results", timeout=10_000)
    return {
        "pages": page.locator(".md-search-result__item").evaluate_all("els => els.map(li => li.querySelector('a').href)"),
        "links": page.locator("a.md-search-result__link").evaluate_all("els => els.map(a => a.href)"),
        "articles": page.locator(".md-search-result__article"),
        "ms": page.evaluate("window.__searchTiming.results - window.__searchTiming.keyup"),
    }


def search(page, base_url: str, lang: str, query: str) -> dict:
    requests = open_search(page, base_url, lang)
    return {**run_query(page, query), "requests": requests}


@pytest.fixture(scope="module")
def home(browser, base_url):
    """Each language's home page with its index loaded, one tab per language for all the queries (as a reader
    searches again and again); loading the page and its index for each query cost a fifth of this file."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    pages = {}

    def open_home(lang):
        if lang not in pages:
            pages[lang] = context.new_page()
            open_search(pages[lang], base_url, lang)
        return pages[lang]
    yield open_home
    context.close()


@pytest.mark.parametrize("lang, query, expected", CASES)
def test_query_finds_the_page_in_the_readers_language(home, record_property, lang, query, expected):
    page = home(lang)
    result = run_query(page, query)
    record_property("keystroke_to_results_ms", round(result["ms"], 1))
    pages = [page_of(url) for url in result["pages"]]
    assert (lang, expected) in pages[:3], f"{query!r} on the {lang} site: first results {pages[:3]}"
    other = [url for url in result["links"] if page_of(url)[0] != lang]
    assert not other, f"{query!r} on the {lang} site gave pages of another language: {other}"
    if re.fullmatch(r"[\u3400-\u9fff]+", query):  # searched whole, not cut into shorter words
        shown = page.locator(".md-search-result__item").evaluate_all("els => els.map(e => e.innerText)")
        assert all(query in text for text in shown), f"{query!r}: a result without it"


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_loads_its_own_index(page, base_url, lang):
    result = search(page, base_url, lang, "DiT")
    indexes = [url for url in result["requests"] if url.endswith("search_index.json")]
    assert indexes == [f"{base_url}/{PREFIX[lang]}search/search_index.json"]


@pytest.mark.parametrize("lang, query", [("en", "To B"), ("zh", "第二增长曲线"), ("zh", "DiT")])
def test_results_are_readable_and_link_to_the_section(page, base_url, lang, query):
    result = search(page, base_url, lang, query)
    texts = result["articles"].evaluate_all("els => els.map(e => e.innerText)")
    assert texts
    for text in texts:
        assert not re.search(r"</?[a-z]+>|&[a-z]+;|&#\d+;|\\u200b|¶\d+[A-Za-z]", text), text
    # The best match is a section: its link carries the heading's fragment, and that heading exists.
    section_links = [url for url in result["links"] if "#" in url]
    assert section_links
    page.goto(section_links[0])
    fragment = urlsplit(section_links[0]).fragment
    assert page.locator(f"[id='{fragment}']").count() == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_loads_only_when_the_reader_opens_search_and_in_their_language(page, base_url, lang):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(f"{base_url}/{PREFIX[lang]}organization/", wait_until="networkidle")
    assert not [path for path in requested if path.endswith("search_index.json")]
    page.locator(".md-search__input").focus()
    page.wait_for_load_state("networkidle")
    assert [path for path in requested if path.endswith("search_index.json")] == [
        f"{site_path()}{PREFIX[lang]}search/search_index.json"]
