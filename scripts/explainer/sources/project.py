"""Every source under seeds/ and docs/, read and cross-checked in one place: the Project."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from .. import ROOT
from ..errors import SourceError
from ..languages import LANGS, PAGES
from .article import Article
from .assets import check_docs_files
from .figures import parse_figures
from .files import read_source
from .glossary import parse_glossary
from .lined import parse_yaml
from .notes import parse_notes
from .outline import check_pictures, parse_outline
from .pages import PageSource, check_pages, page_anchors
from .paths import Paths
from .policy import SourceText
from .pictures import parse_pictures
from .redirects import Redirects, parse_redirects
from .seed import assign_ids, parse_seed
from .seeds import Seeds
from .strings import parse_strings
from .terms import matcher_for
from .translation import check_translation, parse_translation
from .uses import TermUses, check_terms_used, term_uses


@dataclass(frozen=True)
class Project(Seeds):
    """The seeds, the hand-written pages checked against them, and what depends on both."""

    pages: dict[tuple[str, str], PageSource]  # (lang, name) → the page file
    redirects: Redirects
    uses: dict[str, TermUses]  # language → where each glossary term occurs

    def title(self, lang: str, name: str) -> str:
        return self.pages[(lang, name)].title


def read(paths: Paths, path: Path) -> tuple[str, str]:
    """A source's text and its name as an editor sees it."""
    name = paths.relative(path)
    return read_source(path, name), name


def read_yaml(paths: Paths, path: Path, markdown: bool = False):
    """A YAML source, parsed, with every text in it judged as it will be shown (plain text, or Markdown)."""
    text, name = read(paths, path)
    data = parse_yaml(text, name)
    SourceText(name).yaml(data, markdown_keys=markdown)
    return data


def load_project(root: Path = ROOT) -> Project:
    """Read every source and check them against each other.

    First what is under seeds/ (each file checked against those before it), then the
    page files against all of that, then the redirects against the pages' anchors.
    Errors name files relative to the repository root, as an editor sees them.
    """
    paths = Paths.at(root)
    check_docs_files(paths)
    ids_data = read_yaml(paths, paths.block_ids)
    if not isinstance(ids_data, dict):
        raise SourceError(paths.relative(paths.block_ids), 1, "the block ids file maps each id to its opening words",
                          "write one line per block: `p07: 公告中,快手正式`")
    openings = {str(block_id): (str(words), ids_data.line_of(block_id)) for block_id, words in ids_data.items()}
    seed_text, seed_name = read(paths, paths.seed)
    SourceText(seed_name).plain(seed_text, 1, None)  # its punctuation is set for display; it may hold no markup
    blocks = assign_ids(parse_seed(seed_text, seed_name), openings, paths.relative(paths.block_ids), seed_name)
    block_ids = [block.id for block in blocks]
    translations = parse_translation(*read(paths, paths.translation))
    check_translation(translations, block_ids, paths.relative(paths.translation))
    for translation in translations.values():
        SourceText(paths.relative(paths.translation)).plain(translation.text, translation.text_line, "en")
    article = Article(tuple(blocks), translations)
    glossary = parse_glossary(read_yaml(paths, paths.glossary), paths.relative(paths.glossary), article)
    figures = parse_figures(read_yaml(paths, paths.figures), paths.relative(paths.figures), article)
    outline = parse_outline(read_yaml(paths, paths.outline), paths.relative(paths.outline), block_ids)
    pictures = parse_pictures(read_yaml(paths, paths.pictures), paths.relative(paths.pictures), article, figures, glossary)
    check_pictures(outline, list(pictures.pictures), paths.relative(paths.outline))
    strings = parse_strings(read_yaml(paths, paths.strings, markdown=True), paths.relative(paths.strings))
    notes = parse_notes(read_yaml(paths, paths.notes), paths.relative(paths.notes), article)
    matchers = {lang: matcher_for(glossary, lang) for lang in LANGS}
    seeds = Seeds(paths, read_yaml(paths, paths.meta), article, glossary, figures, outline, pictures, strings,
                  notes, matchers)
    pages = check_pages(seeds)
    redirects = parse_redirects(read_yaml(paths, paths.redirects), paths.relative(paths.redirects), list(PAGES),
                                page_anchors(seeds, pages, "zh"))
    uses = {lang: term_uses(seeds, pages, lang) for lang in LANGS}
    check_terms_used(seeds, uses)
    return Project(**{f.name: getattr(seeds, f.name) for f in fields(Seeds)}, pages=pages, redirects=redirects, uses=uses)
