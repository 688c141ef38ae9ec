"""The built search indexes: one per language, where that language's pages load it, glossary terms whole."""
from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from explainer.render.search import HAN_RUN
from explainer.languages import LANGS, PAGES, page_url
from explainer.render.search import PREFIX, american, index_path, joined, language_of, weak_names, word_variants
from tests.conftest import ALL_PAGES, SITE

MARKUP = re.compile(r"<[^>]+>")


@lru_cache(maxsize=None)
def load(lang: str) -> dict:
    path = index_path(SITE, lang)
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test`, or `make build` before pytest")
    return json.loads(path.read_text(encoding="utf-8"))


def tokens(index: dict, text: str) -> list[str]:
    """Words as the theme's search worker cuts them: at markup and at the index's separator, lower-cased."""
    separator = re.compile(index["config"]["separator"])
    return [word.lower() for part in MARKUP.split(text) for word in separator.split(part) if word]


@lru_cache(maxsize=None)
def all_tokens(lang: str) -> frozenset[str]:
    index = load(lang)
    return frozenset(token for doc in index["docs"] for field in ("title", "text") for token in tokens(index, doc[field]))


@pytest.mark.parametrize("lang", LANGS)
def test_each_index_holds_one_language(lang):
    locations = [doc["location"] for doc in load(lang)["docs"]]
    assert locations
    assert {language_of(location) for location in locations} == {lang}
    other_prefixes = [PREFIX[other] for other in LANGS if other != lang and PREFIX[other]]
    assert not [location for location in locations if location.startswith(tuple(other_prefixes))]


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_every_page_is_in_its_own_language_index_only(lang, name):
    url = page_url(lang, name)
    for index_lang in LANGS:
        found = any(doc["location"] == url for doc in load(index_lang)["docs"])
        assert found == (index_lang == lang), f"{url} in the {index_lang} index: {found}"


@pytest.mark.parametrize("lang", LANGS)
def test_section_links_land_on_their_heading(lang, built):
    names = {page_url(lang, name): name for name in PAGES}
    for doc in load(lang)["docs"]:
        path, _, fragment = doc["location"].partition("#")
        assert path in names, f"{doc['location']} is not a page of the site"
        if fragment:
            assert built(lang, names[path]).find(id=fragment), f"{doc['location']}: no element with that id"


@pytest.mark.parametrize("lang", LANGS)
def test_indexes_are_not_stemmed(lang):
    """The search box matches each word as a prefix and does not stem it: a stemmed index loses `revenue`."""
    config = load(lang)["config"]
    assert config["lang"] == [lang]
    assert "stemmer" not in config["pipeline"]


def test_every_glossary_term_is_one_word_in_the_chinese_index(site):
    """Each Han run of a Chinese glossary form is a token, and jieba never cuts one apart."""
    index = load("zh")
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    missing, cut = [], []
    for term in site.project.glossary.terms:
        for form in term.forms["zh"]:
            for run in HAN_RUN.findall(form):
                if run not in all_tokens("zh"):
                    missing.append(run)
                cut += [f"{run[:i]}|{run[i:]}" for i in range(1, len(run)) if f"{run[:i]}\u200b{run[i:]}" in text]
            latin = HAN_RUN.sub(" ", form)
            missing += [word for word in tokens(index, latin) if word not in all_tokens("zh")]
    assert not missing, f"not a whole word in the Chinese index: {missing}"
    assert not cut, f"cut apart by the segmenter: {cut}"


def test_a_number_and_its_chinese_unit_are_one_word():
    """`4月30日` and `1亿元` are single tokens: the search box keeps `4月` or `1亿` in one piece."""
    index = load("zh")
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    assert re.search(r"\d[年月日亿万元]", text), "the Chinese pages have dates and amounts"
    assert not re.findall(r".{0,6}\d\u200b[年月日亿万元].{0,6}", text)


def test_the_user_dictionary_keeps_the_glossary_s_chinese_names_whole(site):
    """Names jieba alone cuts apart (即梦, 蓝色光标 …) are in it, as its own format has them; mixed words by their
    Han parts (可灵AI事业部 → 可灵, 事业部), since the index cuts Han runs apart from Latin letters."""
    from explainer.render.search import jieba_user_dict
    lines = jieba_user_dict(site.project.glossary).splitlines()
    assert all(re.fullmatch(r"[\u3400-\u9fff]+ 100000 nz", line) for line in lines)
    words = {line.split()[0] for line in lines}
    by_hand = {"可灵", "事业部", "可图", "即梦", "蓝色光标", "第二增长曲线", "认知迁移", "盖坤", "程一笑", "彭德宇",
               "社区科学线", "流量红利", "估值溢价", "国家队", "文心一言", "混元", "钉钉", "豆包", "快手科技"}
    assert by_hand <= words
    assert "可灵AI事业部" not in words and "MVL框架" not in words and "框架" in words


def test_a_british_spelling_is_also_found_by_its_american_one():
    """For every -ise/-isation word of a section, a query in American spelling matches that section."""
    index = load("en")
    checked = 0
    for doc in index["docs"]:
        words = set(tokens(index, doc["title"] + " " + doc["text"]))
        hidden = set(tokens(index, doc.get("variants", "") + " " + doc.get("title_variants", "")))
        for word in {w for w in words if re.fullmatch(r"[a-z]+is(e|es|ed|ing|ation|ations|ational)", w)}:
            us = american(word)
            if us != word:
                checked += 1
                assert any(token.startswith(us) for token in words | hidden), f"{doc['location']}: {word} → {us}"
    assert checked > 10


def test_american_spelling_rules():
    assert american("organisational") == "organizational"
    assert american("organise") == "organize"
    assert american("analysed") == "analyzed"
    assert american("colour") == "color"
    assert american("centre") == "center"
    assert american("modelling") == "modeling"
    assert american("promise") == "promise"
    assert american("otherwise") == "otherwise"
    assert american("revenue") == "revenue"


def test_forms_a_reader_may_type():
    assert "challenges" in word_variants("challenge", {"challenge", "challenges"})
    assert "challenges" not in word_variants("challenge", {"challenge"}), "only forms the site uses"
    assert "competitors" in word_variants("rivals", {"rival", "rivals"})
    assert "organizational" in word_variants("reorganisation", {"reorganisation", "organisation", "organisational"})
    assert joined("To B") == "tob"


@pytest.mark.parametrize("lang", LANGS)
def test_names_of_short_words_are_also_indexed_joined(site, lang):
    names = weak_names(site.project.glossary)[lang]
    assert names, "the glossary has names such as `To B`"
    index = load(lang)
    for name in names:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        for doc in index["docs"]:
            if pattern.search(MARKUP.sub(" ", doc["title"] + " " + doc["text"])):
                assert joined(name) in doc.get("joined_names", "").split(), f"{doc['location']}: {name}"
