"""Figures: the checks that keep every number on the site true to its block, on made-up and real figures."""
import pytest

from explainer.errors import SourceError
from explainer.sources.article import Article
from explainer.sources.seed import Block
from explainer.sources.translation import Translation
from explainer.sources.figures import Figure, check_figure, en_value, parse_figures, zh_value
from explainer.sources.paths import Paths
from explainer.sources.project import load_project
from explainer.sources.lined import parse_yaml

BLOCK = "截至2025年2月,可灵AI在全球用户数已突破2200万(其中海外占比超80%),累计营收突破1亿元人民币。"


def figure(**changes) -> Figure:
    fields = dict(id="users", source="p16", kind="count", text={"zh": "突破2200万", "en": "over 22 million"},
                  value="22000000", label={"zh": "用户数", "en": "Users"},
                  period={"zh": "截至2025年2月", "en": "as of February 2025"}, inferred=None, line=7)
    fields.update(changes)
    return Figure(**fields)


def test_a_figure_that_agrees_with_its_block_passes():
    check_figure(figure(), BLOCK, "figures.yml")


@pytest.mark.parametrize("changes, message", [
    ({"text": {"zh": "突破2300万", "en": "over 23 million"}, "value": "23000000"}, "does not occur in block"),
    ({"value": "2200000"}, "states 22000000.0, but value is 2200000"),
    ({"text": {"zh": "突破2200万", "en": "over 2.2 million"}}, "the en text 'over 2.2 million' states"),
    ({"text": {"zh": "突破2200万", "en": "about 22 million"}}, "hedge differently"),
    ({"text": {"zh": "突破2200万", "en": "22 million"}}, "hedge differently"),
    ({"period": {"zh": "截至2025年3月", "en": "as of March 2025"}}, "period '截至2025年3月' does not occur"),
    ({"label": {"zh": "用户数", "en": "Users in 2024"}}, "2024 in 'Users in 2024' is not in block"),
])
def test_a_figure_that_disagrees_with_its_block_fails(changes, message):
    with pytest.raises(SourceError) as error:
        check_figure(figure(**changes), BLOCK, "figures.yml")
    assert message in error.value.message
    assert (error.value.path, error.value.line) == ("figures.yml", 7)
    assert error.value.fix


def test_a_date_more_precise_than_its_words_must_say_what_is_inferred():
    day = figure(id="founded", kind="date", text={"zh": "4月30日", "en": "30 April"}, value="2025-04-30", period=None)
    with pytest.raises(SourceError, match="says more than"):
        check_figure(day, "4月30日,快手发布公告", "figures.yml")
    inferred = {"zh": "年份是推断的。", "en": "The year is inferred."}
    check_figure(figure(**{**day.__dict__, "inferred": inferred}), "4月30日,快手发布公告", "figures.yml")


@pytest.mark.parametrize("text, value", [
    ("突破2200万", 22_000_000), ("超80%", 0.8), ("缩水超六成", 0.6), ("约2216亿港元", 221_600_000_000),
    ("全球第二", 2), ("2024年6月", "2024-06"), ("4月30日", "04-30"), ("25倍", 25),
])
def test_chinese_values(text, value):
    assert zh_value(text) == value


@pytest.mark.parametrize("text, value", [
    ("over 22 million", 22_000_000), ("over 80%", 0.8), ("about HK$221.6 billion", 221_600_000_000),
    ("second in the world", 2), ("June 2024", "2024-06"), ("30 April", "04-30"), ("25-fold", 25),
])
def test_english_values(text, value):
    assert en_value(text) == value


def test_a_bad_figure_in_a_file_is_reported_at_its_line():
    text = ("- id: good\n  source: p16\n  kind: share\n  zh: 超80%\n  en: over 80%\n  value: 0.8\n"
            "  label: {zh: 海外占比, en: Share overseas}\n"
            "- id: bad\n  source: p16\n  kind: money\n  zh: 突破1亿元\n  en: over 1 billion yuan\n  value: 100000000\n"
            "  label: {zh: 营收, en: Revenue}\n")
    with pytest.raises(SourceError) as error:
        parse_figures(parse_yaml(text, "made-up.yml"), "made-up.yml", Article((Block("paragraph", BLOCK, 0, id="p16"),),
                                                                              {"p16": Translation("p16", "over 80%, over 1 billion yuan", 1, 1, None)}))
    assert error.value.line == 8
    assert "'bad'" in error.value.message


# Every figure the site shows, read off the article by hand: its block, its words in the seed, the
# number those words state, and the words of our translation of the block that the previews mark.
BY_HAND = {
    "unit-founded": ("p06", "4月30日", "2025-04-30", "30 April"),
    "kling-launch": ("p11", "2024年6月", "2024-06", "June 2024"),
    "kling-users": ("p16", "突破2200万", 22_000_000, "passed 22 million"),
    "kling-overseas-share": ("p16", "超80%", 0.8, "over 80%"),
    "kling-revenue": ("p16", "突破1亿元", 100_000_000, "passed 100 million yuan"),
    "kling-ranking": ("p20", "全球第二", 2, "second in the world"),
    "kuaishou-revenue-2024": ("p31", "1269亿元", 126_900_000_000, "126.9 billion yuan"),
    "kuaishou-revenue-growth": ("p31", "约11.8%", 0.118, "about 11.8%"),
    "ai-mau-growth": ("p31", "25倍", 25, "25-fold"),
    "kling-iterations": ("p36", "超20次", 20, "more than 20"),
    "jimeng-weekly-users": ("p37", "近200万", 2_000_000, "nearly 2 million"),
    "market-value": ("p42", "约2216亿港元", 221_600_000_000, "about HK$221.6 billion"),
    "market-value-drop": ("p42", "缩水超六成", 0.6, "down more than 60%"),
    "rnd-2024": ("p50", "122亿元", 12_200_000_000, "12.2 billion yuan"),
}


def test_every_figure_is_one_read_off_the_article_by_hand():
    project = load_project()
    seed = Paths.at().seed.read_text(encoding="utf-8")
    assert set(project.figures) == set(BY_HAND)
    for figure_id, (block, words, value, translated) in BY_HAND.items():
        figure = project.figures[figure_id]
        assert (figure.source, figure.text["zh"], figure.in_translation) == (block, words, translated), figure_id
        assert str(figure.value) == str(value) or float(figure.value) == value, figure_id
        assert words in seed, f"{words} is the article's own wording"
        assert translated in project.text(block, "en")


def test_hedged_figures_keep_the_article_s_hedge():
    """The article says 突破 (over) for users and revenue; the site must not drop it."""
    figures = load_project().figures
    for figure_id in ("kling-users", "kling-revenue"):
        assert figures[figure_id].text["zh"].startswith("突破")
        assert figures[figure_id].text["en"].startswith("over ")
