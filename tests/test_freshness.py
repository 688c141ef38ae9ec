"""Translations stay honest: when the Chinese changes, its English is listed, marked and fails, until reviewed.

On the fixture project, whose lines are known: a block of the article, a section of a Chinese
page and a glossary entry change; the expectations below are those files' own lines.
"""
from bs4 import BeautifulSoup

from explainer.publish.site import load_site
from tests.conftest import run_explainer
from tests.test_editor_errors import SEED, Case

CHANGES = [
    Case("", SEED, "由盖坤负责", "由盖坤牵头", ""),
    Case("", "docs/zh/organization.md", "文章说由盖坤负责。", "文章说由盖坤负责，并向CEO汇报。", ""),
    Case("", "seeds/glossary.yml", "short: 中国短视频平台公司。", "short: 中国的短视频平台公司。", ""),
]
STALE = {  # (what, file, line of its English)
    ("p02", "seeds/translation.en.md", 9),
    ("organization#structure", "docs/en/organization.md", 15),
    ("glossary kuaishou", "seeds/glossary.yml", 19),
}


def change_the_chinese(root) -> None:
    for change in CHANGES:
        change.apply(root)


def test_changed_chinese_makes_exactly_its_translations_stale(fixture_project):
    assert load_site(fixture_project).stale == []
    change_the_chinese(fixture_project)
    assert {(text.what, text.path, text.line) for text in load_site(fixture_project).stale} == STALE


def test_the_stale_command_fails_then_accept_records_the_review(fixture_project):
    change_the_chinese(fixture_project)
    listed = run_explainer(fixture_project, "stale")
    assert listed.returncode == 1
    assert ("✗ docs/en/organization.md:15: organization#structure translates an older version of the Chinese; "
            "review it, then run `make translations-reviewed`") in listed.stderr.splitlines()
    assert run_explainer(fixture_project, "stale", "--accept").returncode == 0
    assert load_site(fixture_project).stale == []
    assert run_explainer(fixture_project, "stale").returncode == 0


def test_accept_records_a_new_glossary_term(fixture_project):
    """A term added without `translates:` gets one, under its `en:`, in the file's own indentation."""
    Case("", "seeds/glossary.yml", "  - id: kling-ai-business-unit\n",
         "  - id: coze\n    group: companies\n    zh:\n      forms: [可图]\n      short: 快手的图像生成工具。\n"
         "      article: 文章列出可图。\n    en:\n      forms: [Kolors]\n      short: Kuaishou’s image tool.\n"
         "      article: The article lists Kolors.\n\n  - id: kling-ai-business-unit\n", "").apply(fixture_project)
    assert {text.what for text in load_site(fixture_project).stale} == {"glossary coze"}
    assert run_explainer(fixture_project, "stale", "--accept").returncode == 0
    lines = (fixture_project / "seeds" / "glossary.yml").read_text(encoding="utf-8").splitlines()
    en = lines.index("      forms: [Kolors]")
    assert lines[en - 2:en] == ["    en:", lines[en - 1]] and lines[en - 1].startswith('      translates: "')
    assert load_site(fixture_project).stale == []


def test_the_english_pages_mark_stale_text(fixture_project):
    change_the_chinese(fixture_project)
    built = run_explainer(fixture_project, "build")
    assert built.returncode == 0, built.stderr[-2000:]
    assert "stale translation: seeds/translation.en.md:9: p02" in built.stderr

    def page(path):
        return BeautifulSoup((fixture_project / "site" / path).read_text(encoding="utf-8"), "html.parser")

    assert page("en/article/index.html").select_one("#p02 .stale-note")
    assert not page("en/article/index.html").select_one("#p04 .stale-note")
    assert page("en/organization/index.html").select_one('.stale-note[data-stale="organization#structure"]')
    assert page("en/glossary/index.html").select_one('.stale-note[data-stale="glossary kuaishou"]')
    assert not page("organization/index.html").select_one(".stale-note")
