"""Printing a page gives a clean handout: no navigation, its address on top, link targets, the terms it uses."""
import io
import unicodedata

import pytest
from pypdf import PdfReader

from explainer.languages import PAGES, URL_PREFIX

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
          "button.copy-link", ".md-top"]


def pdf_text(page, paper: str) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    # PDF fonts map some Han characters to their Kangxi-radical twins (⾏ for 行): NFKC undoes that.
    return unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_topic_page_prints_as_a_handout(page, base_url, site, lang, paper):
    page.goto(f"{base_url}/{URL_PREFIX[lang]}landscape/")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    page.emulate_media(media="print")
    for selector in CHROME:
        shown = page.locator(selector).evaluate_all("els => els.filter(e => getComputedStyle(e).display !== 'none').length")
        assert shown == 0, f"{selector} shows in print"
    assert page.locator(".print-glossary dt").count() >= 3
    text = pdf_text(page, paper).replace("\n", "")
    assert canonical in text
    if lang == "en":  # Han text comes out of a PDF with look-alike radicals (⻚ for 页): compare English only
        assert site.project.title(lang, "landscape") in text
        assert site.project.strings["print_glossary"][lang] in text
        assert "Table of contents" not in text and "Search" not in text


@pytest.mark.parametrize("name", PAGES)
def test_every_page_shows_its_address_and_link_targets_in_print(page, base_url, name):
    page.goto(f"{base_url}/en/{'' if name == 'index' else name + '/'}")
    page.emulate_media(media="print")
    address = page.locator(".print-address")
    assert address.is_visible()
    assert page.locator("link[rel=canonical]").get_attribute("href") in address.text_content()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what printing fires; emulation does not
    with_targets = page.locator("article a[data-print-url]")
    assert with_targets.count() > 0, "every page links somewhere: the print shows where"
    for link in with_targets.all()[:5]:
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert link.get_attribute("data-print-url") in after
        assert link.get_attribute("data-print-url").startswith("https://"), "a published address, not this server's"
