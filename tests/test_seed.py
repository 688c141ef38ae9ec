"""The parser: seed text → blocks, on the real seed and on small made-up lines."""
import hashlib
import re

import pytest

from explainer.errors import SourceError
from explainer.sources.paths import Paths
from explainer.sources.seed import assign_ids, parse_seed

SEED = Paths.at().seed.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def blocks():
    return parse_seed(SEED)


def kinds(text):
    return [(b.kind, b.marker, b.text) for b in parse_seed(text)]


def test_byline_comes_first(blocks):
    assert (blocks[0].kind, blocks[0].text) == ("byline", "作者:高恒")


def test_three_section_headings(blocks):
    assert [b.text for b in blocks if b.kind == "heading"] == [
        "组织是信号,快手AI进入主战场",
        "一亿营收背后,是快手的第二增长曲线",
        "从“内容平台”到“AI平台”,快手还差一场胜仗",
    ]


def test_inline_numbered_list_becomes_lead_and_three_items(blocks):
    lead = next(i for i, b in enumerate(blocks) if b.text.startswith("可灵AI目前的产品矩阵"))
    assert blocks[lead].kind == "paragraph" and blocks[lead].text.endswith("三个核心方向:")
    items = blocks[lead + 1 : lead + 4]
    assert [(b.kind, b.marker) for b in items] == [("item", "1."), ("item", "2."), ("item", "3.")]
    assert [b.text.split(":")[0] for b in items] == ["可灵", "可图", "多模态交互"]
    assert items[0].list_start and not items[1].list_start
    assert blocks[lead + 4].kind == "paragraph"


@pytest.mark.parametrize("first, last", [
    ("创作者服务订阅(Pro会员)", "企业客户定制模型(To B定制化)"),
    ("百度在To B上押文心一言", "腾讯则以混元模型作为未来入口"),
])
def test_bullet_lists_have_four_items(blocks, first, last):
    start = next(i for i, b in enumerate(blocks) if b.text == first)
    items = blocks[start : start + 4]
    assert all(b.kind == "item" and b.marker == "•" for b in items)
    assert items[0].list_start and not any(b.list_start for b in items[1:])
    assert items[-1].text == last
    assert blocks[start + 4].kind != "item"


def test_trailing_bar_is_dropped(blocks):
    assert SEED.rstrip().endswith("|")
    assert blocks[-1].text == "这一次,它不能只是跟随。"
    assert not any("|" in b.text for b in blocks)


@pytest.mark.parametrize("phrase", ["3D Attention", "To B", "Artificial Analysis", "All in", "Diffusion Transformer"])
def test_space_inside_latin_text_is_not_a_boundary(blocks, phrase):
    assert SEED.count(phrase) == sum(b.text.count(phrase) for b in blocks)


def test_small_line_with_every_case():
    text = "作者:某人 第一段,用了3D Attention。 小标题 列表:1. 甲;2. 乙。 要点: • To B定制 • 其二 末段。 |"
    assert kinds(text) == [
        ("byline", "", "作者:某人"),
        ("paragraph", "", "第一段,用了3D Attention。"),
        ("heading", "", "小标题"),
        ("paragraph", "", "列表:"),
        ("item", "1.", "甲;"),
        ("item", "2.", "乙。"),
        ("paragraph", "", "要点:"),
        ("item", "•", "To B定制"),
        ("item", "•", "其二"),
        ("paragraph", "", "末段。"),
    ]


def test_offsets_point_into_the_seed(blocks):
    for block in blocks:
        assert SEED[block.offset : block.offset + len(block.text)] == block.text


def test_nothing_is_lost(blocks):
    """Joined, the blocks' text is the seed without its separators: boundary spaces, list markers, the bar."""
    separators = re.compile(r" • | (?=[^ ]*$)\||(?<=[:;])\d\. | (?![A-Za-z0-9])|(?<![A-Za-z0-9]) ")
    assert "".join(b.text for b in blocks) == separators.sub("", SEED.rstrip("\n"))
    assert sum(len(b.text) for b in blocks) == len(SEED) - SEED.count(" ") - SEED.count("•") - SEED.count("|") \
        - 2 * 3 + sum(b.text.count(" ") for b in blocks)


def test_the_stored_seed_is_the_file_as_received():
    """SHA-256 of the file we were given (seeds/000_2e7011ab689d6d58.txt), recorded by hand when it arrived."""
    received = "4f3e167db79cd483c8005ce06569aad5eaf0fbf0584252e3fa7058dedee23811"
    assert hashlib.sha256(Paths.at().seed.read_bytes()).hexdigest() == received


def test_the_seed_is_one_line():
    with pytest.raises(SourceError, match=r"seed:2: the seed must be one line"):
        parse_seed("第一段。\n第二段。")


def test_ids_are_declared_not_counted(blocks):
    openings = {"a1": ("作者", 1), "b2": ("如果说", 2)}
    named = assign_ids(parse_seed("作者:某人 如果说这样。"), openings, "ids.yml")
    assert [b.id for b in named] == ["a1", "b2"]
    with pytest.raises(SourceError, match=r"seed:1: the block at character 7 that opens '插入的段落。' has no id in ids.yml"):
        assign_ids(parse_seed("作者:某人 插入的段落。 如果说这样。"), openings, "ids.yml")
    with pytest.raises(SourceError, match=r"seed:1: no block opens with '如果说', the words of b2 \(ids.yml:2\)"):
        assign_ids(parse_seed("作者:某人"), openings, "ids.yml")
