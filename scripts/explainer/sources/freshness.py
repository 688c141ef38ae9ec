"""Translation freshness: each English text records the version of the Chinese it translates.

Three kinds of English are translations of Chinese: the article blocks
(seeds/translation.en.md, `## p07 · zh:1a2b3c4d`), the page prose (docs/en/*.md,
front matter `translates:` per section) and the glossary definitions
(seeds/glossary.yml, `translates:` under `en:`). When the Chinese changes, its
hash no longer matches: the build lists the stale texts, the English page marks
them, `make test` fails, and `python -m explainer stale --accept` records the
new versions once a translator has reviewed them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..languages import PAGES
from .files import write_if_changed
from .markdown import heading
from .pages import PageSource
from .project import Project
from .translation import BLOCK_HEADING, source_hash

TITLE = "title"  # the part of a page before its first section


@dataclass(frozen=True)
class StaleText:
    path: str
    line: int | None
    what: str  # "p07", "organization#structure", "glossary dit"
    kind: str  # block | section | term


def page_sections(page: PageSource) -> dict[str, tuple[str, int]]:
    """The Chinese (or English) text of each section of a page, with the line it starts on."""
    sections: dict[str, tuple[list[str], int]] = {TITLE: ([], page.body_start + 1)}
    current = TITLE
    for number, line, code in page.body():
        parts = None if code else heading(line)
        if parts and parts[0] == 2 and parts[2]:
            current = parts[2]
            sections[current] = ([], number)
        sections[current][0].append(line)
    return {key: ("\n".join(lines).strip(), line) for key, (lines, line) in sections.items()}


def section_hashes(page: PageSource) -> dict[str, str]:
    return {key: source_hash(text) for key, (text, _) in page_sections(page).items()}




def stale_texts(project: Project) -> list[StaleText]:
    """Every English text whose recorded Chinese version is not the current one."""
    stale = []
    rel = project.paths.relative
    for translation in project.translations.values():
        if translation.is_stale(project.block_by_id[translation.id].text):
            stale.append(StaleText(rel(project.paths.translation), translation.line, translation.id, "block"))
    for name in PAGES:
        zh, en = project.pages[("zh", name)], project.pages[("en", name)]
        recorded = en.meta.get("translates") or {}
        en_lines = {key: line for key, (_, line) in page_sections(en).items()}
        for section, digest in section_hashes(zh).items():
            if str(recorded.get(section)) != digest:
                stale.append(StaleText(en.path, en_lines.get(section), f"{name}#{section}", "section"))
    for term in project.glossary.terms:
        if term.translates != source_hash(term.chinese_source()):
            stale.append(StaleText(project.glossary.path, term.lang_lines["en"], f"glossary {term.id}", "term"))
    return stale


# -- recording reviewed versions --------------------------------------------------

def stamp_translation(text: str, project: Project) -> str:
    """The translation file with every heading recording its block's current Chinese version."""
    def stamp(match: re.Match) -> str:
        block = project.block_by_id.get(match["id"])
        return f"## {match['id']} · zh:{source_hash(block.text)}" if block else match[0]
    return re.sub(BLOCK_HEADING.pattern, stamp, text, flags=re.M)


def stamp_page(en: PageSource, zh: PageSource) -> str:
    """The English page with `translates:` in its front matter recording each Chinese section's version."""
    front = en.lines[1:en.body_start - 1] if en.body_start else []
    kept, skipping = [], False
    for line in front:
        if line.startswith("translates:"):
            skipping = True
            continue
        if skipping and line.startswith((" ", "\t")):
            continue
        skipping = False
        kept.append(line)
    record = ["translates:  # the Chinese version each section translates; `make stale` checks it"]
    record += [f'  {key}: "{digest}"' for key, digest in section_hashes(zh).items()]
    body = en.lines[en.body_start:]
    return "\n".join(["---", *kept, *record, "---", *body]) + "\n"


def stamp_glossary(text: str, project: Project) -> str:
    """The glossary file with `translates:` under each term's `en:` recording its Chinese version."""
    lines = text.splitlines()
    for term in sorted(project.glossary.terms, key=lambda t: t.lang_lines["en"], reverse=True):
        first = term.lang_lines["en"] - 1  # the first key inside `en:`
        indent = re.match(r"\s*", lines[first])[0]
        record = f'{indent}translates: "{source_hash(term.chinese_source())}"'
        end = first
        while end < len(lines) and lines[end].strip() and lines[end].startswith(indent):
            end += 1
        existing = [i for i in range(first, end) if lines[i].startswith(f"{indent}translates:")]
        if existing:
            lines[existing[0]] = record
        else:
            lines.insert(first, record)
    return "\n".join(lines) + "\n"


def accept(project: Project) -> list[Path]:
    """Record the current Chinese versions in every English source; return the files changed."""
    paths = project.paths
    stamped = [(paths.translation, stamp_translation(paths.translation.read_text(encoding="utf-8"), project)),
               (paths.glossary, stamp_glossary(paths.glossary.read_text(encoding="utf-8"), project)),
               *((paths.page("en", name), stamp_page(project.pages[("en", name)], project.pages[("zh", name)]))
                 for name in PAGES)]
    return [path for path, text in stamped if write_if_changed(path, text)]
