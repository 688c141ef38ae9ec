"""Checks of the hand-written pages, so that an editor's mistake names its file and line.

Each check reads docs/<lang>/<page>.md as the editor wrote it (front matter
included, so line numbers are the file's own) and raises SourceError.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError
from .pages import FENCE, HEADING, SHORTCODE
from .project import LANGS, PAGES, Project, other_language
from .sources import parse_yaml

QUESTION = re.compile(r"^\s*\d+\.\s+\{#([^}]*)\}")
QUESTION_ID = re.compile(r"^q-[a-z0-9]+(?:-[a-z0-9]+)*$")
LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
ATTRS = re.compile(r"\{\s*[:#.][^}]*\}")
GENERATED = {"article": "article", "glossary": "glossary"}


@dataclass
class PageSource:
    lang: str
    name: str
    path: str
    lines: list[str]  # the file's lines, front matter included
    body_start: int  # index of the first line after the front matter
    meta: dict
    questions: dict[str, int]  # question id → line


def read_page(project: Project, lang: str, name: str) -> PageSource:
    file = project.paths.page(lang, name)
    path = project.paths.relative(file)
    if not file.exists():
        raise SourceError(path, None, f"the {lang} page {name!r} is missing",
                          f"create it; every page exists in both languages (see docs/{other_language(lang)}/{name}.md)")
    text, _ = project.paths.read(file)
    lines = text.splitlines()
    meta, body_start = {}, 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise SourceError(path, 1, "the front matter is not closed", "add a line `---` after it")
        try:
            meta = parse_yaml("\n".join(lines[1:end]), path) or {}
        except SourceError as error:
            raise SourceError(path, (error.line or 0) + 1, error.message, error.fix) from None
        body_start = end + 1
    if not isinstance(meta, dict) or not str(meta.get("description") or "").strip():
        raise SourceError(path, 1, "the page has no `description` in its front matter",
                          "add `description: …`, one sentence for search engines and link previews")
    return PageSource(lang, name, path, lines, body_start, meta, {})


def _body(page: PageSource):
    fenced = False
    for index in range(page.body_start, len(page.lines)):
        line = page.lines[index]
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield index + 1, line


def check_headings(project: Project, page: PageSource) -> None:
    """The page's `##` sections are exactly the outline's, in order, each with its declared id."""
    expected = [section.id for section in project.outline.get(page.name, ())]
    found: list[tuple[int, str]] = []
    title_seen = False
    for number, line in _body(page):
        match = HEADING.match(line)
        if not match:
            continue
        level, title, anchor = len(match[1]), match[2], match[3]
        if level == 1:
            if title_seen:
                raise SourceError(page.path, number, "a second `#` title", "a page has one title; use `##` for sections")
            title_seen = True
            continue
        if not anchor:
            raise SourceError(page.path, number, f"the heading {title!r} has no id",
                              "end the line with `{#some-id}`: sections use the ids declared in seeds/outline.yml")
        if level == 2:
            found.append((number, anchor))
    if not title_seen:
        raise SourceError(page.path, page.body_start + 1, "the page has no `# title`", "add one as its first line")
    if page.name in GENERATED:
        return
    for position, (number, anchor) in enumerate(found):
        if anchor not in expected:
            raise SourceError(page.path, number, f"section id {anchor!r} is not declared for page {page.name!r}",
                              f"use one of {', '.join(expected)}, or declare it in seeds/outline.yml")
        if position >= len(expected) or expected[position] != anchor:
            want = expected[position] if position < len(expected) else "nothing more"
            raise SourceError(page.path, number, f"section {anchor!r} is out of order: the outline expects {want!r} here",
                              "put the sections in the order of seeds/outline.yml")
    if len(found) < len(expected):
        missing = expected[len(found)]
        last = found[-1][0] if found else page.body_start + 1
        raise SourceError(page.path, last, f"section {missing!r} of seeds/outline.yml is missing",
                          f"add a heading `## … {{#{missing}}}`")


def check_questions(page: PageSource) -> None:
    for number, line in _body(page):
        if match := QUESTION.match(line):
            question = match[1]
            if not QUESTION_ID.match(question):
                raise SourceError(page.path, number, f"question id {question!r} is not of the form q-some-words",
                                  "start the id with `q-` and use lowercase letters, digits and hyphens")
            if question in page.questions:
                raise SourceError(page.path, number, f"question id {question!r} is used twice (first at line {page.questions[question]})",
                                  "give each question its own id")
            page.questions[question] = number


def check_shortcodes_and_numbers(project: Project, page: PageSource) -> None:
    """`{{ … }}` names known figures; digits in prose only come from figures or names."""
    matcher = project.matchers[page.lang]
    for number, line in _body(page):
        for match in SHORTCODE.finditer(line):
            name, args = match[1], match[2].split()
            if name == "cards":
                unknown = [a for a in args if a not in project.figures]
            elif name in GENERATED.values():
                unknown = [] if page.name == name else [name]
            else:
                unknown = [name] if name not in project.figures else []
            if unknown:
                raise SourceError(page.path, number, f"unknown figure {unknown[0]!r} in {match[0]!r}",
                                  "use a figure id from seeds/figures.yml, or add the figure there")
        if HEADING.match(line) and line.startswith("#"):
            line = HEADING.sub(lambda m: m[2], line)
        prose = SHORTCODE.sub(" ", line)
        prose = LINK.sub(lambda m: f" {m[2]} ", prose)
        prose = ATTRS.sub(" ", prose)
        prose = re.sub(r"^\s*\d+\.\s", " ", prose)
        for term in matcher.find(prose):
            prose = prose[:term.start] + " " * (term.end - term.start) + prose[term.end:]
        if digits := re.search(r"\d+(?:[.,]\d+)*", prose):
            raise SourceError(page.path, number, f"the number {digits[0]!r} is typed by hand",
                              "write the figure as {{ figure-id }} so that it comes from seeds/figures.yml "
                              "(add it there, with its source block, if it is missing)")


def check_links(project: Project, page: PageSource, anchors: dict[str, set[str]]) -> None:
    """Links between pages point at pages and anchors that exist; images have alt text."""
    for number, line in _body(page):
        for match in LINK.finditer(line):
            image, text, target = match[1], match[2], match[3]
            if image:
                if not text.strip():
                    raise SourceError(page.path, number, f"the image {target!r} has no alt text",
                                      "describe the image between the brackets: ![what it shows](file)")
                continue
            if re.match(r"^[a-z]+:", target) or not target:
                continue
            file, _, fragment = target.partition("#")
            name = Path(file).stem if file else page.name
            if file and (not file.endswith(".md") or name not in PAGES):
                raise SourceError(page.path, number, f"the link {target!r} points to no page",
                                  f"link to one of: {', '.join(p + '.md' for p in PAGES)}")
            if fragment and fragment not in anchors[name]:
                if name == "glossary":
                    raise SourceError(page.path, number, f"the link {target!r} names no glossary term {fragment!r}",
                                      "use a term id from seeds/glossary.yml (the `id:` of its entry)")
                if name == "article":
                    raise SourceError(page.path, number, f"the link {target!r} names no paragraph {fragment!r}",
                                      f"use a block id from seeds/blocks.yml, {project.blocks[0].id} to {project.blocks[-1].id}")
                raise SourceError(page.path, number, f"the link {target!r} points to #{fragment}, which {name}.md does not have",
                                  f"use one of its sections (seeds/outline.yml) or questions: {', '.join(sorted(anchors[name]))}")


def page_anchors(project: Project, pages: dict[tuple[str, str], PageSource], lang: str) -> dict[str, set[str]]:
    """Every anchor each page of a language will have."""
    anchors = {}
    for name in PAGES:
        ids = {name} | {section.id for section in project.outline.get(name, ())}
        ids |= set(pages[(lang, name)].questions)
        if name == "article":
            ids |= {block.id for block in project.blocks}
        if name == "glossary":
            ids |= {group.id for group in project.glossary.groups} | {term.id for term in project.glossary.terms}
        anchors[name] = ids
    return anchors


def check_pages(project: Project) -> dict[tuple[str, str], PageSource]:
    """Read and check every hand-written page in both languages."""
    pages = {}
    for lang in LANGS:
        for name in PAGES:
            page = read_page(project, lang, name)
            check_headings(project, page)
            check_questions(page)
            check_shortcodes_and_numbers(project, page)
            pages[(lang, name)] = page
    for name in PAGES:
        zh, en = pages[("zh", name)], pages[("en", name)]
        if set(zh.questions) != set(en.questions):
            only = sorted(set(zh.questions) ^ set(en.questions))[0]
            page = zh if only in zh.questions else en
            other = en if page is zh else zh
            raise SourceError(page.path, page.questions[only], f"question {only!r} exists in {page.lang} only",
                              f"add it to {other.path} too, or remove it here: both languages share question ids")
    for lang in LANGS:
        anchors = page_anchors(project, pages, lang)
        for name in PAGES:
            check_links(project, pages[(lang, name)], anchors)
    return pages
