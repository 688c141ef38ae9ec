"""The hand-written pages, docs/<lang>/<page>.md, read and checked so that an editor's mistake names its line.

Each check reads a page as the editor wrote it (front matter included, so line numbers
are the file's own) and raises SourceError. The page grammar is `markdown`'s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import SourceError
from ..languages import LANGS, PAGES, other_language
from .files import read_source
from .lined import parse_yaml
from .markdown import ATTRS, LINK, QUESTION, SHORTCODE, SHORTCODE_LIKE, heading, lines
from .paths import Paths
from .policy import SourceText, links
from .seeds import Seeds

QUESTION_ID = re.compile(r"^q-[a-z0-9]+(?:-[a-z0-9]+)*$")
GENERATED = ("article", "glossary")  # pages whose body the build writes: one shortcode each


@dataclass
class PageSource:
    lang: str
    name: str
    path: str
    lines: list[str]  # the file's lines, front matter included
    body_start: int  # index of the first line after the front matter
    meta: dict
    questions: dict[str, int]  # question id → line
    html: str = ""  # the body as Markdown renders it, for the checks (shortcodes stand in as FIGURE)

    def body(self) -> Iterator[tuple[int, str, bool]]:
        """The lines after the front matter: (line number, text, inside a code block)."""
        return lines(self.lines[self.body_start:], self.body_start + 1)

    def prose(self) -> Iterator[tuple[int, str]]:
        """The body's lines outside code blocks."""
        return ((number, line) for number, line, code in self.body() if not code)

    @property
    def title(self) -> str:
        return next(parts[1] for _, line in self.prose() if (parts := heading(line)) and parts[0] == 1)


def read_page(paths: Paths, lang: str, name: str) -> PageSource:
    file = paths.page(lang, name)
    path = paths.relative(file)
    if not file.exists():
        raise SourceError(path, None, f"the {lang} page {name!r} is missing",
                          f"create it; every page exists in both languages (see docs/{other_language(lang)}/{name}.md)")
    text_lines = read_source(file, path).splitlines()
    meta, body_start = {}, 0
    if text_lines and text_lines[0].strip() == "---":
        end = next((i for i in range(1, len(text_lines)) if text_lines[i].strip() == "---"), None)
        if end is None:
            raise SourceError(path, 1, "the front matter is not closed", "add a line `---` after it")
        meta = parse_yaml("\n" + "\n".join(text_lines[1:end]), path) or {}  # a first line, so lines are the file's
        body_start = end + 1
    if not isinstance(meta, dict) or not isinstance(meta.get("description"), str) or not meta["description"].strip():
        raise SourceError(path, 1, "the page has no `description` in its front matter",
                          "add `description: …`, one sentence for search engines and link previews")
    return PageSource(lang, name, path, text_lines, body_start, meta, {})


def check_markup(page: PageSource) -> None:
    """The front matter is plain text and the body Markdown without HTML, judged as they will be shown."""
    text = SourceText(page.path)
    text.yaml(page.meta, lang=page.lang, line=1)
    page.html = text.markdown(((number, SHORTCODE_LIKE.sub("FIGURE", line)) for number, line in page.prose()), page.lang)


def check_headings(seeds: Seeds, page: PageSource) -> None:
    """One `#` title; the `##` sections are exactly the outline's, in order; every heading has its own id."""
    expected = [section.id for section in seeds.outline.get(page.name, ())]
    found: list[tuple[int, str]] = []
    ids: dict[str, int] = {}
    title_seen = False
    for number, line in page.prose():
        parts = heading(line)
        if not parts:
            continue
        level, title, anchor = parts
        if level == 1:
            if title_seen:
                raise SourceError(page.path, number, "a second `#` title", "a page has one title; use `##` for sections")
            title_seen = True
            continue
        if not anchor:
            raise SourceError(page.path, number, f"the heading {title!r} has no id",
                              "end the line with `{#some-id}`: sections use the ids declared in seeds/outline.yml")
        if anchor in ids:
            raise SourceError(page.path, number, f"the id {anchor!r} is given twice on this page (first at line {ids[anchor]})",
                              "give each heading its own id: an id is an address")
        ids[anchor] = number
        if level == 2:
            found.append((number, anchor))
    if not title_seen:
        raise SourceError(page.path, page.body_start + 1, "the page has no `# title`", "add one as its first line")
    if page.name in GENERATED:
        return
    declared = seeds.paths.relative(seeds.paths.outline)
    for position, (number, anchor) in enumerate(found):
        if anchor not in expected:
            raise SourceError(page.path, number, f"section id {anchor!r} is not declared for page {page.name!r}",
                              f"use one of {', '.join(expected)}, or declare it in {declared}")
        want = expected[position] if position < len(expected) else None
        if anchor != want:
            if want is not None and want not in {a for _, a in found}:
                raise SourceError(page.path, number, f"section {want!r} of {declared} is missing before this one",
                                  f"add a heading `## … {{#{want}}}` here")
            raise SourceError(page.path, number, f"section {anchor!r} is out of order: {declared} puts {want!r} here",
                              f"put the sections in the order of {declared}: {', '.join(expected)}")
    if len(found) < len(expected):
        missing = expected[len(found)]
        last = found[-1][0] if found else page.body_start + 1
        raise SourceError(page.path, last, f"section {missing!r} of {declared} is missing",
                          f"add a heading `## … {{#{missing}}}` after this section")


def check_questions(page: PageSource) -> None:
    for number, line in page.prose():
        if match := QUESTION.match(line):
            question = match[1]
            if not QUESTION_ID.match(question):
                raise SourceError(page.path, number, f"question id {question!r} is not of the form q-some-words",
                                  "start the id with `q-` and use lowercase letters, digits and hyphens")
            if question in page.questions:
                raise SourceError(page.path, number, f"question id {question!r} is used twice (first at line {page.questions[question]})",
                                  "give each question its own id")
            page.questions[question] = number


def check_shortcodes_and_numbers(seeds: Seeds, page: PageSource) -> None:
    """`{{ … }}` names known figures, outside code; digits in prose only come from figures or names."""
    matcher = seeds.matchers[page.lang]
    for number, line, code in page.body():
        if code:
            if SHORTCODE_LIKE.search(line):
                raise SourceError(page.path, number, f"{SHORTCODE_LIKE.search(line)[0]!r} inside a code block",
                                  "shortcodes are not expanded in code: move it out of the ``` block")
            continue
        for match in SHORTCODE_LIKE.finditer(line):
            known = SHORTCODE.fullmatch(match[0])
            name, args = (known[1], known[2].split()) if known else ("", [])
            if name == "cards":
                unknown = [a for a in args if a not in seeds.figures] or ([] if args else ["(none)"])
            elif name in GENERATED:
                unknown = [] if page.name == name else [name]
            elif name == "figure-data":
                unknown = [] if not args else [match[0]]
            elif known and name in seeds.figures and args == ["period"]:
                if not seeds.figures[name].period:
                    raise SourceError(page.path, number, f"figure {name!r} has no period: {match[0]!r} shows nothing",
                                      "give the figure a `period:` in seeds/figures.yml, or write {{ " + name + " }}")
                unknown = []
            else:
                unknown = [] if known and not args and name in seeds.figures else [match[0]]
            if unknown:
                raise SourceError(page.path, number, f"unknown figure {unknown[0]!r} in {match[0]!r}",
                                  "write {{ figure-id }} (its value) or {{ figure-id period }} with an id from "
                                  "seeds/figures.yml (add the figure there if it is missing), or {{ cards id id … }}")
        if parts := heading(line):
            line = parts[1]
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


def check_links(seeds: Seeds, page: PageSource, anchors: dict[str, set[str]]) -> None:
    """Links, as Markdown renders them, point at pages and anchors that exist; images have alt text."""
    prose = list(page.prose())

    def line_of(*needles: str) -> int | None:
        return next((number for needle in needles for number, line in prose if needle and needle in line), None)

    for tag, target, attrs in links(page.html):
        if tag == "img":
            if not attrs.get("alt", "").strip():
                raise SourceError(page.path, line_of(f"]({target}", target), f"the image {target!r} has no alt text",
                                  "describe the image between the brackets: ![what it shows](file)")
            continue
        file, _, fragment = target.partition("#")
        name = Path(file).stem if file else page.name
        line = line_of(f"]({target}", target)
        if file and (not file.endswith(".md") or name not in PAGES or "/" in file):
            raise SourceError(page.path, line, f"the link {target!r} points to no page",
                              f"link to one of: {', '.join(p + '.md' for p in PAGES)}")
        if fragment and fragment not in anchors[name]:
            if name == "glossary":
                raise SourceError(page.path, line, f"the link {target!r} names no glossary term {fragment!r}",
                                  "use a term id from seeds/glossary.yml (the `id:` of its entry)")
            if name == "article":
                raise SourceError(page.path, line, f"the link {target!r} names no paragraph {fragment!r}",
                                  f"use a block id from seeds/blocks.yml, {seeds.blocks[0].id} to {seeds.blocks[-1].id}")
            raise SourceError(page.path, line, f"the link {target!r} points to #{fragment}, which {name}.md does not have",
                              f"use one of its sections (seeds/outline.yml) or questions: {', '.join(sorted(anchors[name]))}")


def page_anchors(seeds: Seeds, pages: dict[tuple[str, str], PageSource], lang: str) -> dict[str, set[str]]:
    """Every anchor each page of a language will have."""
    anchors = {}
    for name in PAGES:
        ids = {name} | {section.id for section in seeds.outline.get(name, ())}
        ids |= set(pages[(lang, name)].questions)
        if name == "article":
            ids |= {block.id for block in seeds.blocks}
        if name == "glossary":
            ids |= {group.id for group in seeds.glossary.groups} | {term.id for term in seeds.glossary.terms}
        anchors[name] = ids
    return anchors


def check_pages(seeds: Seeds) -> dict[tuple[str, str], PageSource]:
    """Read and check every hand-written page in both languages."""
    pages = {}
    for lang in LANGS:
        for name in PAGES:
            page = read_page(seeds.paths, lang, name)
            check_markup(page)
            check_headings(seeds, page)
            check_questions(page)
            check_shortcodes_and_numbers(seeds, page)
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
        anchors = page_anchors(seeds, pages, lang)
        for name in PAGES:
            check_links(seeds, pages[(lang, name)], anchors)
    return pages
