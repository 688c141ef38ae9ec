"""Every source under seeds/ and docs/, read and cross-checked in one place: the Project."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from .. import ROOT
from ..errors import SourceError
from ..languages import LANGS, PAGES
from .article import Article
from .figures import parse_figures
from .files import read_source
from .glossary import parse_glossary
from .lined import parse_yaml
from .outline import check_pictures, parse_outline
from .pages import PageSource, check_pages, page_anchors
from .paths import Paths
from .pictures import read_pictures
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


def load_project(root: Path = ROOT) -> Project:
    """Read every source and check them against each other.

    First what is under seeds/ (each file checked against those before it), then the
    page files against all of that, then the redirects against the pages' anchors.
    Errors name files relative to the repository root, as an editor sees them.
    """
    paths = Paths.at(root)
    ids_data = parse_yaml(*read(paths, paths.block_ids))
    if not isinstance(ids_data, dict):
        raise SourceError(paths.relative(paths.block_ids), 1, "the block ids file maps each id to its opening words",
                          "write one line per block: `p07: 公告中,快手正式`")
    openings = {str(block_id): (str(words), ids_data.line_of(block_id)) for block_id, words in ids_data.items()}
    blocks = assign_ids(parse_seed(*read(paths, paths.seed)), openings, paths.relative(paths.block_ids))
    block_ids = [block.id for block in blocks]
    translations = parse_translation(*read(paths, paths.translation))
    check_translation(translations, block_ids, paths.relative(paths.translation))
    article = Article(tuple(blocks), translations)
    glossary = parse_glossary(parse_yaml(*read(paths, paths.glossary)), paths.relative(paths.glossary), block_ids)
    figures = parse_figures(parse_yaml(*read(paths, paths.figures)), paths.relative(paths.figures),
                            {block.id: block.text for block in blocks})
    outline = parse_outline(parse_yaml(*read(paths, paths.outline)), paths.relative(paths.outline), block_ids)
    pictures = read_pictures(*read(paths, paths.pictures), article, figures, glossary)
    check_pictures(outline, list(pictures.pictures), paths.relative(paths.outline))
    strings = parse_strings(*read(paths, paths.strings))
    matchers = {lang: matcher_for(glossary, lang) for lang in LANGS}
    seeds = Seeds(paths, parse_yaml(*read(paths, paths.meta)), article, glossary, figures, outline, pictures, strings,
                  matchers)
    pages = check_pages(seeds)
    redirects = parse_redirects(*read(paths, paths.redirects), list(PAGES), page_anchors(seeds, pages, "zh"))
    uses = {lang: term_uses(seeds, pages, lang) for lang in LANGS}
    check_terms_used(seeds, uses)
    return Project(**{f.name: getattr(seeds, f.name) for f in fields(Seeds)}, pages=pages, redirects=redirects, uses=uses)
