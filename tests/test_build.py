"""The build as publishing runs it: edit links into the repository, and the same files every time.

site/ is the publishing build (make test sets REPO_URL and a Pages SITE_URL). The local
variant, and the repeated builds, are made of the fixture project in a copy: building the
real site twice more would cost a minute and show nothing the fixture does not.
"""
import filecmp
import os
import subprocess

from bs4 import BeautifulSoup

from explainer.languages import LANGS, PAGES, TOPIC_PAGES, page_url
from tests.conftest import ALL_PAGES, run_explainer

REPO = "https://github.com/example/kling-explainer"  # the placeholder make test builds with


def soup(site, lang, name):
    return BeautifulSoup((site / page_url(lang, name) / "index.html").read_text(encoding="utf-8"), "html.parser")


def edit_path(page) -> str:
    return page.select_one("a[rel=edit]")["href"].removeprefix(f"{REPO}/edit/main/")


def test_each_page_edits_the_file_that_holds_its_text(built):
    expected = {("zh", "article"): "seeds/kuaishou-kling-ai-business-unit.zh.txt",
                ("en", "article"): "seeds/translation.en.md",
                ("zh", "glossary"): "seeds/glossary.yml", ("en", "glossary"): "seeds/glossary.yml"}
    for lang, name in ALL_PAGES:
        page = built(lang, name)
        assert edit_path(page) == expected.get((lang, name), f"docs/{lang}/{name}.md")
        assert not page.select('[data-md-component="source"]'), "the repository link must not fetch statistics"


def test_each_paragraph_s_pencil_opens_the_line_of_its_translation(built, site):
    lines = site.project.paths.translation.read_text(encoding="utf-8").splitlines()
    for lang in LANGS:
        article = built(lang, "article")
        for block in site.project.blocks:
            element = article.find(id=block.id)
            if block.kind == "heading":
                element = element.find_next(class_="heading-other")
            file, _, line = element.select_one("a.para-edit")["href"].removeprefix(f"{REPO}/blob/main/").partition("#L")
            assert file == "seeds/translation.en.md"
            first_words = lines[int(line) - 1].strip()
            assert first_words and site.project.translations[block.id].text.startswith(first_words), block.id


def test_english_quotes_on_topic_pages_link_to_their_translation_lines(built, site):
    """An editor who sees a wrong English quote on /en/revenue/ reaches its line without the article page."""
    lines = site.project.paths.translation.read_text(encoding="utf-8").splitlines()
    for name in TOPIC_PAGES:
        for quote in built("en", name).select("blockquote.passage"):
            for block, pencil in zip(quote["data-blocks"].split(), quote.select("a.para-edit")):
                line = int(pencil["href"].rsplit("#L", 1)[1])
                assert site.project.translations[block].text.startswith(lines[line - 1].strip())
        assert not built("zh", name).select("blockquote.passage a.para-edit")


def test_without_a_repository_no_edit_links_and_no_repository_calls(fixture_project):
    """The local variant (make build, make serve): no REPO_URL, so no edit links and no repository button."""
    result = run_explainer(fixture_project, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    for lang in LANGS:
        for name in PAGES:
            page = soup(fixture_project / "site", lang, name)
            assert not page.select("a[rel=edit], a.para-edit, .md-source, [data-md-component=source]")


def test_two_builds_of_the_same_commit_are_identical(fixture_project):
    """Nothing differs: the sitemap's dates come from the commit (SOURCE_DATE_EPOCH), not the clock."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=fixture_project, check=True)
    subprocess.run(git + ["add", "-A"], cwd=fixture_project, check=True)
    subprocess.run(git + ["commit", "-qm", "x", "--date=2025-05-01T00:00:00Z"], cwd=fixture_project, check=True,
                   env={**os.environ, "GIT_COMMITTER_DATE": "2025-05-01T00:00:00Z"})
    assert run_explainer(fixture_project, "build").returncode == 0
    (fixture_project / "site").rename(fixture_project / "first")
    assert run_explainer(fixture_project, "build").returncode == 0
    second = fixture_project / "site"

    def differences(cmp):
        found = cmp.left_only + cmp.right_only + cmp.diff_files
        for sub in cmp.subdirs.values():
            found += differences(sub)
        return found

    assert differences(filecmp.dircmp(fixture_project / "first", second)) == []
    assert "<lastmod>2025-05-01</lastmod>" in (second / "sitemap.xml").read_text(encoding="utf-8")


def test_our_scripts_and_styles_are_published_minified_and_whole(built):
    """Readers get docs/assets/ without comments and spaces, and nothing else is lost: every string stays."""
    import re
    from explainer.publish.minify import MINIFIERS
    from explainer.sources.assets import ASSETS
    from tests.conftest import ROOT, SITE
    names = [name for name in ASSETS if name.rsplit(".", 1)[-1] in ("js", "css")]
    assert set(names) == {"links.js", "cite.js", "cite-dialog.js", "reading-mode.js", "search-index.js", "redirect.js",
                          "site.css", "pictures.css"}
    assert {"." + name.rsplit(".", 1)[-1] for name in names} <= set(MINIFIERS)
    for name in names:
        source = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
        published = (SITE / "assets" / name).read_text(encoding="utf-8")
        comments = re.findall(r"/\*(.*?)\*/", source, re.S)
        assert not [c for c in comments if c.strip() and c in published], name
        assert len(published) < 0.8 * len(source), name
        code = re.sub(r"/\*.*?\*/|^\s*//.*$", "", source, flags=re.S | re.M)
        strings = re.findall(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', code)
        assert all(string in published for string in strings), name
