"""The build as a publisher sees it: edit links when the repository is known, and the same files every time."""
import filecmp
import os
import subprocess

from bs4 import BeautifulSoup

from explainer.languages import URL_PREFIX
from tests.conftest import ALL_PAGES, page_path, run_explainer

REPO = "https://github.com/example/kling-explainer"


def build(root, **env):
    result = run_explainer(root, "build", **env)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def soup(site, lang, name):
    relative = page_path(lang, name).relative_to(page_path("zh", "index").parent)
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


def test_without_a_repository_no_edit_links_and_no_repository_calls(built):
    for lang, name in ALL_PAGES:
        page = built(lang, name)
        assert not page.select("a[rel=edit], a.para-edit, .md-source")
        assert not page.select('[data-md-component="source"]')


def test_with_a_repository_each_page_edits_the_file_that_holds_its_text(project_copy, site):
    built = build(project_copy, REPO_URL=REPO)
    for lang, name in ALL_PAGES:
        page = soup(built, lang, name)
        edit = page.select_one("a[rel=edit]")["href"]
        path = edit.removeprefix(f"{REPO}/edit/main/")
        assert path == site.source_path(lang, name)
        assert (project_copy / path).is_file()
        assert "build/" not in path and "site/" not in path
        assert not page.select('[data-md-component="source"]'), "the repository link must not fetch statistics"
    assert site.source_path("en", "organization") == "docs/en/organization.md"
    assert site.source_path("en", "article") == "seeds/translation.en.md"


def test_each_english_paragraph_links_to_the_line_of_its_translation(project_copy, site):
    built = build(project_copy, REPO_URL=REPO)
    lines = (project_copy / "seeds" / "translation.en.md").read_text(encoding="utf-8").splitlines()
    for lang in URL_PREFIX:
        article = soup(built, lang, "article")
        for block in site.project.blocks:
            element = article.find(id=block.id)
            if block.kind == "heading":
                element = element.find_next(class_="heading-other")
            href = element.select_one("a.para-edit")["href"]
            file, _, line = href.removeprefix(f"{REPO}/blob/main/").partition("#L")
            assert file == "seeds/translation.en.md"
            assert lines[int(line) - 1].strip() == site.project.translations[block.id].text.splitlines()[0]


def test_two_builds_of_the_same_commit_are_identical(project_copy):
    """Nothing differs: the sitemap's dates come from the commit (SOURCE_DATE_EPOCH), not the clock."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=project_copy, check=True)
    subprocess.run(git + ["add", "-A"], cwd=project_copy, check=True)
    subprocess.run(git + ["commit", "-qm", "x", "--date=2025-05-01T00:00:00Z"], cwd=project_copy, check=True,
                   env={**os.environ, "GIT_COMMITTER_DATE": "2025-05-01T00:00:00Z"})
    first = build(project_copy)
    (project_copy / "first").mkdir()
    first.rename(project_copy / "first" / "site")
    second = build(project_copy)
    comparison = filecmp.dircmp(project_copy / "first" / "site", second)

    def differences(cmp):
        found = cmp.left_only + cmp.right_only + cmp.diff_files
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    assert differences(comparison) == []
    assert "<lastmod>2025-05-01</lastmod>" in (second / "sitemap.xml").read_text(encoding="utf-8")


def test_english_quotes_on_topic_pages_link_to_their_translation_lines(project_copy, site):
    """An editor who sees a wrong English quote on /en/revenue/ reaches its line without the article page."""
    built = build(project_copy, REPO_URL=REPO)
    for name in ("organization", "revenue", "products", "challenges", "landscape"):
        for quote in soup(built, "en", name).select("blockquote.passage"):
            blocks = quote["data-blocks"].split()
            lines = [int(a["href"].rsplit("#L", 1)[1]) for a in quote.select("a.para-edit")]
            assert lines == [site.project.translations[b].text_line for b in blocks]
        assert not soup(built, "zh", name).select("blockquote.passage a.para-edit")
