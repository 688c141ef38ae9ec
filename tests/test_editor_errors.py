"""Every mistake an editor can make, and the exact message they get: file, line, what is wrong, the fix.

Each test makes one mistake in a copy of the real sources, the way an editor would in a pull request.
"""
import re

import pytest

from explainer.errors import SourceError
from explainer.publish.site import load_site
from tests.conftest import run_explainer


def edit(root, path, old, new):
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root, path, needle, nth=1):
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return [i for i, line in enumerate(lines, 1) if needle in line][nth - 1]


def error_of(root) -> str:
    with pytest.raises(SourceError) as caught:
        load_site(root)
    return str(caught.value)


FIX_YAML = "check the indentation and quoting on this line and the one above; quote text that contains a colon followed by a space"
FIX_SCRIPT = "remove it: pages may not run scripts; write plain Markdown instead"


def test_yaml_syntax_error(project_copy):
    edit(project_copy, "seeds/glossary.yml", "  - id: dit\n", "  - id: dit\n   group technology: x\n")
    line = line_of(project_copy, "seeds/glossary.yml", "group technology")
    assert error_of(project_copy) == (
        f"seeds/glossary.yml:{line}: YAML syntax error: expected <block end>, but found '<block mapping start>'\n"
        f"    fix: {FIX_YAML}")


def test_front_matter_syntax_error(project_copy):
    edit(project_copy, "docs/en/revenue.md", "description: ", "description: Kling: revenue: ")
    assert error_of(project_copy) == (
        f"docs/en/revenue.md:2: YAML syntax error: mapping values are not allowed here\n    fix: {FIX_YAML}")


def test_unknown_block_id(project_copy):
    edit(project_copy, "seeds/translation.en.md", "## p17", "## p99")
    line = line_of(project_copy, "seeds/translation.en.md", "## p99")
    assert error_of(project_copy) == (
        f"seeds/translation.en.md:{line}: p99 is not a block of the article\n"
        "    fix: use an id from seeds/blocks.yml, or delete this section")


def test_duplicate_block_id(project_copy):
    edit(project_copy, "seeds/translation.en.md", "## p18", "## p17")
    first, second = (line_of(project_copy, "seeds/translation.en.md", "## p17", n) for n in (1, 2))
    assert error_of(project_copy) == (
        f"seeds/translation.en.md:{second}: p17 is translated twice (first at line {first})\n"
        "    fix: merge the two sections into one")


def test_duplicate_block_id_in_the_ids_file(project_copy):
    edit(project_copy, "seeds/blocks.yml", "p18: ", "p17: ")
    line = line_of(project_copy, "seeds/blocks.yml", "p17: ", 2)
    assert error_of(project_copy) == f"seeds/blocks.yml:{line}: the key 'p17' is given twice\n    fix: keep one of them"


def test_missing_translation(project_copy):
    path = project_copy / "seeds" / "translation.en.md"
    path.write_text(re.sub(r"## p17[^\n]*\n\n[^\n]*\n\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    before = line_of(project_copy, "seeds/translation.en.md", "## p16")
    assert error_of(project_copy) == (
        f"seeds/translation.en.md:{before}: p17 has no translation\n"
        f"    fix: add a section `## p17` with its English text after the section that starts at line {before}")


def test_unknown_glossary_term(project_copy):
    edit(project_copy, "docs/en/products.md", "\n## ", "\nSee [DiT](glossary.md#diffusion).\n\n## ")
    line = line_of(project_copy, "docs/en/products.md", "glossary.md#diffusion")
    assert error_of(project_copy) == (
        f"docs/en/products.md:{line}: the link 'glossary.md#diffusion' names no glossary term 'diffusion'\n"
        "    fix: use a term id from seeds/glossary.yml (the `id:` of its entry)")


def test_unknown_section_anchor_in_a_heading(project_copy):
    edit(project_copy, "docs/zh/organization.md", "{#structure}", "{#structures}")
    line = line_of(project_copy, "docs/zh/organization.md", "{#structures}")
    assert error_of(project_copy) == (
        f"docs/zh/organization.md:{line}: section id 'structures' is not declared for page 'organization'\n"
        "    fix: use one of key-points, announcement, structure, why-a-business-unit, from-tool-to-platform, "
        "discussion, or declare it in seeds/outline.yml")


def test_broken_internal_link(project_copy):
    edit(project_copy, "docs/en/about.md", "\n## ", "\nSee [the FAQ](faq.md).\n\n## ")
    line = line_of(project_copy, "docs/en/about.md", "faq.md")
    assert error_of(project_copy) == (
        f"docs/en/about.md:{line}: the link 'faq.md' points to no page\n"
        "    fix: link to one of: index.md, organization.md, revenue.md, products.md, challenges.md, landscape.md, "
        "article.md, glossary.md, about.md")


def test_broken_fragment(project_copy):
    edit(project_copy, "docs/en/index.md", "\n## ", "\nSee [money](revenue.md#money).\n\n## ")
    line = line_of(project_copy, "docs/en/index.md", "revenue.md#money")
    message = error_of(project_copy)
    assert message.startswith(f"docs/en/index.md:{line}: the link 'revenue.md#money' points to #money, "
                              "which revenue.md does not have\n    fix: use one of its sections")
    assert "first-results" in message and "q-which-stream" in message


def test_image_without_alt_text(project_copy):
    edit(project_copy, "docs/zh/products.md", "\n## ", "\n![](../assets/kling.png)\n\n## ")
    line = line_of(project_copy, "docs/zh/products.md", "kling.png")
    assert error_of(project_copy) == (
        f"docs/zh/products.md:{line}: the image '../assets/kling.png' has no alt text\n"
        "    fix: describe the image between the brackets: ![what it shows](file)")


@pytest.mark.parametrize("path, old, new, what", [
    ("docs/en/landscape.md", "\n## ", "\n<script>alert(1)</script>\n\n## ", "the HTML element <script>"),
    ("seeds/translation.en.md", "By Gao Heng", "By Gao Heng <iframe src=x></iframe>", "the HTML element <iframe>"),
    ("seeds/glossary.yml", "short: Short for business unit.", 'short: Short for <b onclick="x()">BU</b>.',
     "an on…= event attribute"),
    ("docs/zh/about.md", "\n## ", "\n[点这里](javascript:alert(1))\n\n## ", "a javascript: URL"),
    ("seeds/strings.yml", "  en: The article, paragraph {n}\n", "  en: <script>x()</script> paragraph {n}\n",
     "the HTML element <script>"),
    ("seeds/redirects.yml", "fragments: {}", "fragments: {}  # <iframe>", "the HTML element <iframe>"),
])
def test_markup_that_could_run_script(project_copy, path, old, new, what):
    edit(project_copy, path, old, new)
    needle = re.search(r"<script|<iframe|onclick|javascript", new)[0]
    line = line_of(project_copy, path, needle)
    assert error_of(project_copy) == f"{path}:{line}: {what} is not allowed in the sources\n    fix: {FIX_SCRIPT}"


def test_term_defined_in_one_language_only(project_copy):
    path = project_copy / "seeds" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: ugc\n")
    en = text.index("    en:\n", start)
    end = text.index("\n\n", en)
    path.write_text(text[:en] + text[end + 1:], encoding="utf-8")
    line = line_of(project_copy, "seeds/glossary.yml", "  - id: ugc")
    assert error_of(project_copy) == (
        f"seeds/glossary.yml:{line}: term 'ugc' is defined in zh only\n"
        "    fix: add `en:` with `forms`, `short` and `long` in that language")


def test_duplicate_glossary_id(project_copy):
    edit(project_copy, "seeds/glossary.yml", "  - id: dit\n", "  - id: sora\n")
    first, second = (line_of(project_copy, "seeds/glossary.yml", "  - id: sora", n) for n in (1, 2))
    assert error_of(project_copy) == (
        f"seeds/glossary.yml:{second}: duplicate term id 'sora' (first at line {first})\n"
        "    fix: give one of them another id, or merge the two")


def test_duplicate_glossary_form(project_copy):
    edit(project_copy, "seeds/glossary.yml", "forms: [Kolors]", "forms: [Kolors, Kling]")
    line = line_of(project_copy, "seeds/glossary.yml", "forms: [Kolors, Kling]")
    kling = line_of(project_copy, "seeds/glossary.yml", "forms: [Kling AI, Kling]")
    assert error_of(project_copy) == (
        f"seeds/glossary.yml:{line}: the en form 'Kling' belongs to both 'kling' (line {kling}) and 'kolors'\n"
        "    fix: a form may name one term only: remove it from one of them")


def test_empty_definition(project_copy):
    edit(project_copy, "seeds/glossary.yml", "short: Short for business unit.", "short: ''")
    line = line_of(project_copy, "seeds/glossary.yml", "short: ''")
    assert error_of(project_copy) == (
        f"seeds/glossary.yml:{line}: term 'bu' has an empty en `short` definition\n"
        "    fix: write the one-sentence tooltip in English")


def test_unknown_glossary_group(project_copy):
    edit(project_copy, "seeds/glossary.yml", "group: technology", "group: tech")
    line = line_of(project_copy, "seeds/glossary.yml", "group: tech")
    assert error_of(project_copy) == (
        f"seeds/glossary.yml:{line}: unknown group of term 'dit': 'tech'\n"
        "    fix: use one of: people, companies, technology, business")


def test_unknown_block_in_the_outline(project_copy):
    edit(project_copy, "seeds/outline.yml", "[p07, p08]", "[p07, p80]")
    line = line_of(project_copy, "seeds/outline.yml", "[p07, p80]")
    assert error_of(project_copy) == (
        f"seeds/outline.yml:{line}: section organization#structure names 'p80', which is not a block\n"
        "    fix: use block ids from seeds/blocks.yml")


def test_a_failed_build_leaves_the_site_as_it_was(project_copy):
    """The real command: it exits non-zero, prints the message, and does not touch site/."""
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    edit(project_copy, "seeds/translation.en.md", "## p17", "## p99")
    result = run_explainer(project_copy, "build")
    assert result.returncode == 1
    assert "seeds/translation.en.md:" in result.stderr + result.stdout and "p99 is not a block" in result.stderr + result.stdout
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert not (project_copy / "build" / "site.new").exists()


def test_a_term_that_occurs_nowhere(project_copy):
    edit(project_copy, "seeds/glossary.yml", "forms: [BlueFocus]", "forms: [Blue Focus]")
    line = line_of(project_copy, "seeds/glossary.yml", "forms: [Blue Focus]")
    assert error_of(project_copy) == (
        f"seeds/glossary.yml:{line}: the en forms of term 'bluefocus' occur nowhere on the site\n"
        "    fix: check the spelling of its forms against the text, or remove the term")


def test_a_sentence_cut_short_by_a_hash(project_copy):
    """Unquoted YAML text stops at ` #`: the rest would vanish from the site without a word."""
    edit(project_copy, "seeds/glossary.yml", "short: Short for business unit.", "short: Short for business unit (see #bu).")
    line = line_of(project_copy, "seeds/glossary.yml", "(see #bu)")
    assert error_of(project_copy) == (
        f"seeds/glossary.yml:{line}: the text of `short` goes on after ` #`, which YAML reads as a comment and drops\n"
        "    fix: put the whole text in double quotes")
