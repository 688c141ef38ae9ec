"""Glossary tooltips in the built HTML, both languages: where they are, where they lead, where they are not."""
import re

import pytest
from bs4 import BeautifulSoup

from explainer.sources.article import Article
from explainer.sources.glossary import parse_glossary
from explainer.render.markup import PageContext, mark_terms, print_parts
from explainer.languages import LANGS, PAGES
from explainer.sources.lined import parse_yaml
from explainer.sources.terms import TermMatcher
from tests.conftest import ALL_PAGES

HAN = re.compile(r"[\u3400-\u9fff]")


def test_dit_and_3d_attention_inside_chinese_text_carry_tooltips(built):
    """Latin terms written flush against Chinese (类Sora的DiT架构, 引入3D Attention机制) are marked where they first
    occur in the section: our text or the quoted passage, whichever comes first."""
    heading = built("zh", "products").find(id="kling")
    terms = {}
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        for link in element.select("a.term"):
            before = link.previous_sibling if isinstance(link.previous_sibling, str) else ""
            after = link.next_sibling if isinstance(link.next_sibling, str) else ""
            if HAN.match(before[-1:]) or HAN.match(after[:1]):
                terms[link["data-term"]] = link.get_text()
    assert terms.get("dit") == "DiT" and terms.get("attention-3d") == "3D Attention"
    assert terms.get("sora") == "Sora"


def test_the_business_unit_is_matched_whole(built):
    unit = [a for a in built("zh", "organization").select("a.term") if a["data-term"] == "kling-ai-business-unit"]
    assert unit and all(a.get_text() == "可灵AI事业部" for a in unit)
    assert not [a for a in built("zh", "organization").select("a.term[data-term=kling]") if a.get_text() == "可灵AI事业部"]


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_every_tooltip_leads_to_a_glossary_entry_of_its_language(built, site, lang, name):
    glossary = built(lang, "glossary")
    for link in built(lang, name).select("a.term"):
        anchor = link["href"].split("#")[1]
        assert anchor == link["data-term"] and glossary.find(id=anchor), link
        assert not link.has_attr("title"), "a title would make Material mount a tooltip per term at load"
        definition = built(lang, name).find(id=link["aria-describedby"])
        assert definition.get_text() == site.project.glossary.by_id()[anchor].short[lang]
        assert not link.find_parent(["h1", "h2", "h3", "h4", "a", "code", "pre", "button"])
        assert not link.find(["a", "button"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_term_is_marked_once_per_section(built, lang):
    for name in PAGES:
        section, seen = 0, set()
        for element in built(lang, name).select_one("article").find_all(["h2", "a"]):
            if element.name == "h2":
                section += 1
                continue
            if "term" in element.get("class", []) and not element.find_parent(class_="print-glossary"):
                key = (section, element["data-term"])
                assert key not in seen, f"{name}: {element['data-term']} marked twice in one section"
                seen.add(key)


@pytest.mark.parametrize("lang", LANGS)
def test_every_glossary_term_in_the_article_has_a_tooltip_somewhere(built, site, lang):
    marked = {a["data-term"] for name in PAGES for a in built(lang, name).select("a.term")}
    in_article = set(site.project.uses[lang].blocks)
    assert in_article - marked == set()


def test_a_term_is_not_marked_in_its_own_glossary_entry(built):
    for lang in LANGS:
        glossary = built(lang, "glossary")
        for entry in glossary.select("[data-term-entry]"):
            assert not entry.select(f'a.term[data-term="{entry["data-term-entry"]}"]')


def test_definitions_with_markup_characters_render_as_text():
    data = parse_yaml("""
groups: [{id: technology, zh: 技术, en: Technology}]
terms:
  - id: dit
    group: technology
    zh: {forms: [DiT], short: '比较 <b>“粗体”</b> & 其他', article: 长}
    en: {forms: [DiT], short: 'Bold <b>"quoted"</b> & more <script>x</script>', article: Long}
""", "glossary.yml")
    glossary = parse_glossary(data, "glossary.yml", Article((), {}))
    term = glossary.terms[0]
    soup = BeautifulSoup("<h1>T</h1><p>The DiT model</p>", "html.parser")
    marked = mark_terms(soup, "en", {"en": TermMatcher([("DiT", "dit")])}, "../glossary/")
    context = PageContext(lang="en", url="https://example.org/en/products/", glossary_href="../glossary/",
                          strings={"print_source": "Source:", "print_glossary": "Terms"})
    print_parts(soup, context, marked, {"dit": term})
    html = str(soup)
    assert "<b>" not in html and "<script>" not in html
    assert "Bold &lt;b&gt;\"quoted\"&lt;/b&gt; &amp; more" in html
    assert soup.find(id=soup.select_one("a.term")["aria-describedby"]).get_text() == term.short["en"]
