"""Translations stay honest: when the Chinese changes, its English is listed, marked and fails the tests."""
from bs4 import BeautifulSoup

from explainer.publish.site import load_site
from tests.conftest import run_explainer as run
from tests.test_editor_errors import edit, line_of


def test_the_real_translations_are_up_to_date(site):
    assert site.stale == []


def change_the_chinese(root):
    """A block of the article, a section of a Chinese page and a glossary definition change."""
    edit(root, "seeds/kuaishou-kling-ai-business-unit.zh.txt", "负责可灵、可图等系列大模型业务", "负责可灵等系列大模型业务")
    edit(root, "docs/zh/organization.md", "## 事业部的结构 {#structure}\n\n", "## 事业部的结构 {#structure}\n\n新增一句。")
    edit(root, "seeds/glossary.yml", "short: 公司内部围绕某项业务设立", "short: 企业内部围绕某项业务设立")


def test_changed_chinese_makes_its_translations_stale(project_copy):
    change_the_chinese(project_copy)
    stale = {(text.what, text.path, text.line) for text in load_site(project_copy).stale}
    assert stale == {
        ("p07", "seeds/translation.en.md", line_of(project_copy, "seeds/translation.en.md", "## p07")),
        ("organization#structure", "docs/en/organization.md", line_of(project_copy, "docs/en/organization.md", "{#structure}")),
        ("glossary business-unit", "seeds/glossary.yml",
         line_of(project_copy, "seeds/glossary.yml", "translates:", 1 + [
             t.id for t in load_site(project_copy).project.glossary.terms].index("business-unit"))),
    }


def test_the_stale_command_fails_then_accept_records_the_review(project_copy):
    change_the_chinese(project_copy)
    listed = run(project_copy, "stale")
    assert listed.returncode == 1
    assert "docs/en/organization.md:" in listed.stderr and "organization#structure translates an older version" in listed.stderr
    accepted = run(project_copy, "stale", "--accept")
    assert accepted.returncode == 0
    assert load_site(project_copy).stale == []
    assert run(project_copy, "stale").returncode == 0


def test_the_english_pages_mark_stale_text(project_copy):
    change_the_chinese(project_copy)
    built = run(project_copy, "build")
    assert built.returncode == 0, built.stderr[-2000:]
    assert "stale translation: seeds/translation.en.md:" in built.stderr

    def page(path):
        return BeautifulSoup((project_copy / "site" / path).read_text(encoding="utf-8"), "html.parser")

    assert page("en/article/index.html").select_one("#p07 .stale-note")
    assert not page("en/article/index.html").select_one("#p08 .stale-note")
    assert page("en/organization/index.html").select_one('.stale-note[data-stale="organization#structure"]')
    assert page("en/glossary/index.html").select_one('.stale-note[data-stale="glossary business-unit"]')
    assert not page("organization/index.html").select_one(".stale-note")
