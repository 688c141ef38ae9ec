"""The built site: pages, languages, blocks and addresses, read from site/ with BeautifulSoup."""
import copy
import re

import pytest

from tests.conftest import ALL_PAGES
from explainer.languages import LANGS, PAGES, TOPIC_PAGES

HAN = re.compile(r"[\u3400-\u9fff]")
POSITIONAL = re.compile(r"^_\d+$")


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_page_exists_with_its_language(built, lang, name):
    soup = built(lang, name)
    assert soup.html["lang"] == lang
    assert soup.select_one("article h1"), "every page has a title"


@pytest.mark.parametrize("lang", LANGS)
def test_every_block_is_on_the_article_page_under_its_id(built, site, lang):
    soup = built(lang, "article")
    for block in site.project.blocks:
        element = soup.find(id=block.id)
        assert element is not None, block.id
        expected = site.project.text(block.id, lang)
        mine = copy.copy(element if element.name.startswith("h") else element.select_one(".parallel__mine"))
        for permalink in mine.select(".headerlink"):
            permalink.extract()
        assert mine.get_text(" ", strip=True).replace(" ", "") == expected.replace(" ", ""), block.id


def test_the_article_page_pairs_each_paragraph_with_its_other_language(built, site):
    for lang, other in (("zh", "en"), ("en", "zh")):
        soup = built(lang, "article")
        for block in site.project.blocks:
            element = soup.find(id=block.id)
            pair = element.find_next(class_="parallel__other")
            assert pair["lang"] == other
            assert pair.get_text().replace(" ", "") == site.project.text(block.id, other).replace(" ", "")


@pytest.mark.parametrize("name", [n for n in PAGES])
def test_no_untranslated_chinese_on_english_pages(built, name):
    """Chinese on an English page is only ever a marked original (lang="zh"), such as a name or the source text."""
    soup = built("en", name)
    for text in soup.find("main").find_all(string=HAN):
        marked = any(p.has_attr("lang") and p["lang"].startswith("zh") for p in text.parents if p.name != "html")
        assert marked, f"unmarked Chinese on /en/{name}/: {text.strip()[:40]!r}"


def test_every_block_is_quoted_on_some_topic_page(built, site):
    for lang in LANGS:
        quoted = set()
        for name in TOPIC_PAGES:
            for element in built(lang, name).select("[data-blocks]"):
                quoted.update(element["data-blocks"].split())
        assert quoted == {block.id for block in site.project.blocks}, lang


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_no_positional_ids(built, lang, name):
    ids = [tag["id"] for tag in built(lang, name).find_all(id=True)]
    assert not [i for i in ids if POSITIONAL.match(i)]


@pytest.mark.parametrize("name", PAGES)
def test_both_languages_have_the_same_ids(built, name):
    """Every id a link could point to. The one exception: each page's list of the terms its own wording
    uses (a handout's last section, and what its term links are described by) may differ between languages."""
    content = [built(lang, name).select_one("article") for lang in LANGS]
    ids = [{tag["id"] for tag in article.find_all(id=True) if not tag.find_parent(class_="print-glossary")}
           for article in content]
    assert ids[0] == ids[1]
    for article in content:
        listed = {tag["id"] for tag in article.select(".print-glossary [id]")}
        assert listed == {link["aria-describedby"] for link in article.select("a.term")}
