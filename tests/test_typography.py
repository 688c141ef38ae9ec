"""Chinese punctuation, rule by rule on hand-written text, then on the built pages with two independent checks.

The oracles: hand-written expectations for each rule and for each ambiguous place in the
seed; autocorrect-py's `fullwidth` rule (a library the site does not use to typeset); and
the plain fact that no ASCII , : ; ? ! ( ) may touch a Han character anywhere a reader meets text.
"""
import json
import re

import autocorrect_py
import pytest
from bs4 import BeautifulSoup

from explainer.languages import PAGES
from explainer.render.search import index_path
from explainer.typography import ascii_beside_han, chinese_punctuation
from tests.conftest import SITE, page_path


@pytest.mark.parametrize("raw, shown", [
    # a mark between two Han characters
    ("它不是在跟风做模型,而是在", "它不是在跟风做模型，而是在"),
    ("作者:高恒", "作者：高恒"),
    ("第一,用户愿意为AI产品付费;第二,", "第一，用户愿意为AI产品付费；第二，"),
    ("AI故事值几个亿的估值?", "AI故事值几个亿的估值？"),
    # a mark between a Latin word and Han, either way round
    ("关键信号:AI,不再只是快手的一个产品", "关键信号：AI，不再只是快手的一个产品"),
    ("可灵AI,不只是快手的技术实验室", "可灵AI，不只是快手的技术实验室"),
    # after a Chinese closing quote
    ("不再满足于“工具整合”,而是", "不再满足于“工具整合”，而是"),
    # brackets: full width after Han, and the closing one follows its opening one, whatever is inside
    ("盖坤(兼任社区科学线负责人)担任", "盖坤（兼任社区科学线负责人）担任"),
    ("基于类Sora的DiT架构(Diffusion Transformer),并引入", "基于类Sora的DiT架构（Diffusion Transformer），并引入"),
    ("(Artificial Analysis评测全球第二);", "（Artificial Analysis评测全球第二）；"),
    ("支持风格化内容创作(1.6版本图生视频能力登顶榜首);", "支持风格化内容创作（1.6版本图生视频能力登顶榜首）；"),
    ("自商业化以来(2024年Q3至2025年2月),累计", "自商业化以来（2024年Q3至2025年2月），累计"),
    ("企业客户定制模型(To B定制化)", "企业客户定制模型（To B定制化）"),
    # what stays ASCII
    ("1.6版本", "1.6版本"),
    ("同比增长约11.8%,但", "同比增长约11.8%，但"),
    ("“API+会员订阅”纯技术路线", "“API+会员订阅”纯技术路线"),
    ("2024年Q3至2025年2月", "2024年Q3至2025年2月"),
    ("百度在To B上押文心一言", "百度在To B上押文心一言"),
    ("会议在10:30开始,共1,000人", "会议在10:30开始，共1,000人"),
    ("DiT (Diffusion Transformer)", "DiT (Diffusion Transformer)"),
    ("see (p. 3), or not?", "see (p. 3), or not?"),
])
def test_each_rule(raw, shown):
    assert chinese_punctuation(raw) == shown


def test_what_is_set_and_only_that():
    """Nothing but the six marks changes, and each changes only to its full-width form."""
    raw = "作者:高恒 如果说上一轮AI浪潮中,快手是被裹挟前行的那一个(真的?)!"
    shown = chinese_punctuation(raw)
    assert len(shown) == len(raw)
    assert {(a, b) for a, b in zip(raw, shown) if a != b} == {(":", "："), (",", "，"), ("(", "（"), ("?", "？"),
                                                              (")", "）"), ("!", "！")}


def test_every_block_of_the_article_is_shown_set_from_the_seed_as_received(site):
    """The article page's Chinese is the seed's own text through this one function, block by block."""
    seed = site.project.paths.seed.read_text(encoding="utf-8")
    for block in site.project.blocks:
        assert seed[block.offset:block.offset + len(block.text)] == block.text, "the block is the seed's own text"
        assert site.project.text(block.id, "zh") == chinese_punctuation(block.text)
        assert not ascii_beside_han(site.project.text(block.id, "zh")), block.id


# -- the built Chinese pages -----------------------------------------------------------------------------------

FULLWIDTH_ONLY = {"rules": {rule: "off" for rule in (
    "space-word", "space-punctuation", "space-bracket", "space-backticks", "space-dash", "space-dollar",
    "no-space-fullwidth", "halfwidth-word", "halfwidth-punctuation", "spellcheck")} | {"fullwidth": "error"}}
CHINESE_FILES = [path for path in sorted(SITE.rglob("*.html")) if not path.relative_to(SITE).as_posix().startswith("en/")]


def reader_texts(soup: BeautifulSoup) -> list[str]:
    """Every text a reader meets: text nodes, the title, meta contents, labels and titles of elements."""
    texts = [str(text) for text in soup.find_all(string=True) if text.parent.name not in ("script", "style")]
    texts += [tag["content"] for tag in soup.find_all("meta", content=True)]
    texts += [tag[attribute] for attribute in ("aria-label", "title", "alt", "placeholder")
              for tag in soup.find_all(attrs={attribute: True})]
    return texts


@pytest.mark.parametrize("lang_page", [("zh", name) for name in PAGES])
def test_no_ascii_punctuation_touches_a_han_character(built, lang_page):
    page = built(*lang_page)
    found = [hit for text in reader_texts(page) for hit in ascii_beside_han(text)]
    assert found == []


def test_the_404_page_and_the_redirect_pages_too():
    for path in CHINESE_FILES:
        if path.name == "404.html" or path.parent.name not in {*PAGES, SITE.name}:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert [h for text in reader_texts(soup) for h in ascii_beside_han(text)] == [], path


def test_the_chinese_search_index_titles_and_texts():
    index = json.loads(index_path(SITE, "zh").read_text(encoding="utf-8"))
    found = [(doc["location"], hit) for doc in index["docs"] for field in ("title", "text")
             for hit in ascii_beside_han(re.sub(r"<[^>]+>", " ", doc[field]))]
    assert found == []


def test_autocorrect_finds_no_line_to_set_full_width(built):
    """autocorrect-py's fullwidth rule, on the text of every built Chinese page (125 lines before this site set it)."""
    autocorrect_py.load_config(json.dumps(FULLWIDTH_ONLY))
    flagged = {}
    for path in CHINESE_FILES:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        lines = [line for line in soup.get_text("\n").splitlines() if line.strip()]
        result = autocorrect_py.lint_for("\n".join(lines), "page.txt")
        if result.lines:
            flagged[path.relative_to(SITE).as_posix()] = [(line.old, line.new) for line in result.lines[:3]]
    assert flagged == {}


def test_the_checker_is_not_blind():
    """The same two checks on the seed as received: both find what the site sets."""
    seed = (SITE.parent / "seeds" / "kuaishou-kling-ai-business-unit.zh.txt").read_text(encoding="utf-8")
    autocorrect_py.load_config(json.dumps(FULLWIDTH_ONLY))
    assert autocorrect_py.lint_for(seed, "seed.txt").lines
    assert len(ascii_beside_han(seed)) > 100
    assert page_path("zh", "article").exists()
