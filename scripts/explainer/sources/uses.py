"""Where each glossary term occurs in one language: the pages whose text uses it, the article blocks that do.

A page's text is what the build will show: its prose, its figures' words, its pictures
and the article's passages its outline quotes. The glossary lists these places under each
term, and a term found nowhere is a mistake in its forms.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..errors import SourceError
from ..languages import LANGS, PAGES, TOPIC_PAGES
from .markdown import SHORTCODE
from .pages import GENERATED, PageSource
from .seeds import Seeds


@dataclass(frozen=True)
class TermUses:
    pages: dict[str, list[str]]  # term id → page names, in site order
    blocks: dict[str, list[str]]  # term id → block ids, in article order


def page_text(seeds: Seeds, page: PageSource) -> str:
    """The words a page shows in its own language: prose with figures filled in, its pictures and quoted passages."""
    def figures(match) -> str:
        name, args = match[1], match[2].split()
        ids = args if name == "cards" else [name]
        return " ".join(seeds.figures[i].text[page.lang] + " " + seeds.figures[i].label[page.lang]
                        for i in ids if i in seeds.figures)

    parts = [SHORTCODE.sub(figures, line) for _, line in page.prose()]
    if page.name in TOPIC_PAGES:
        parts.append(seeds.text(seeds.blocks[0].id, page.lang))  # the byline, in the line under the title
    for section in seeds.outline.get(page.name, ()):
        if section.picture:
            picture = seeds.pictures.pictures[section.picture]
            parts += [picture.name[page.lang], picture.caption[page.lang], *(w.text[page.lang] for w in picture.words())]
        parts += [seeds.text(block_id, page.lang) for block_id in section.blocks]
    return "\n".join(parts)


def _where(seeds: Seeds, lang: str, texts: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Term id → the places, in order, whose text uses it; `texts` are (place, text) pairs."""
    found: dict[str, list[str]] = {}
    for place, text in texts:
        for term_id in dict.fromkeys(m.term_id for m in seeds.matchers[lang].find(text)):
            found.setdefault(term_id, []).append(place)
    return found


def term_uses(seeds: Seeds, pages: dict[tuple[str, str], PageSource], lang: str) -> TermUses:
    return TermUses(_where(seeds, lang, ((name, page_text(seeds, pages[(lang, name)]))
                                         for name in PAGES if name not in GENERATED)),
                    _where(seeds, lang, ((block.id, seeds.text(block.id, lang)) for block in seeds.blocks)))


def check_terms_used(seeds: Seeds, uses: dict[str, TermUses]) -> None:
    """A glossary term whose forms occur nowhere in a language is a mistake in its forms."""
    for lang in LANGS:
        for term in seeds.glossary.terms:
            if term.id not in uses[lang].pages and term.id not in uses[lang].blocks:
                raise SourceError(seeds.glossary.path, term.form_lines[lang],
                                  f"the {lang} forms of term {term.id!r} occur nowhere on the site",
                                  "check the spelling of its forms against the text, or remove the term")
