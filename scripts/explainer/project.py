"""All sources of the site, read and cross-checked in one place."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .figures import Figure, parse_figures
from .glossary import Glossary, parse_glossary
from .languages import DEFAULT_LANG, LANGS, URL_PREFIX, other_language, page_url  # noqa: F401 (the project's too)
from .outline import Section, parse_outline
from .seed import Block, assign_ids, parse_seed
from .sources import check_unsafe_html, parse_yaml
from .terms import TermMatcher, matcher_for
from .translation import Translation, check_translation, parse_translation

if TYPE_CHECKING:
    from .pictures import Pictures

ROOT = Path(__file__).resolve().parents[2]
TOPIC_PAGES = ("organization", "revenue", "products", "challenges", "landscape")
PAGES = ("index", *TOPIC_PAGES, "article", "glossary", "about")


@dataclass(frozen=True)
class Paths:
    """Where each kind of source lives, relative to the repository root."""

    root: Path = ROOT

    @property
    def seed(self) -> Path:
        return self.root / "seeds" / "kuaishou-kling-ai-business-unit.zh.txt"

    @property
    def meta(self) -> Path:
        return self.root / "seeds" / "kuaishou-kling-ai-business-unit.meta.yml"

    @property
    def block_ids(self) -> Path:
        return self.root / "seeds" / "blocks.yml"

    @property
    def translation(self) -> Path:
        return self.root / "seeds" / "translation.en.md"

    @property
    def glossary(self) -> Path:
        return self.root / "seeds" / "glossary.yml"

    @property
    def figures(self) -> Path:
        return self.root / "seeds" / "figures.yml"

    @property
    def outline(self) -> Path:
        return self.root / "seeds" / "outline.yml"

    @property
    def pictures(self) -> Path:
        return self.root / "seeds" / "pictures.yml"

    @property
    def strings(self) -> Path:
        return self.root / "seeds" / "strings.yml"

    @property
    def redirects(self) -> Path:
        return self.root / "seeds" / "redirects.yml"

    def page(self, lang: str, name: str) -> Path:
        return self.root / "docs" / lang / f"{name}.md"

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def read(self, path: Path) -> tuple[str, str]:
        """A source's text and its name as an editor sees it; every source is read here, so none may run script."""
        text = path.read_text(encoding="utf-8")
        check_unsafe_html(text, self.relative(path))
        return text, self.relative(path)


@dataclass
class Project:
    paths: Paths
    meta: dict
    blocks: list[Block]
    translations: dict[str, Translation]
    glossary: Glossary
    figures: dict[str, Figure]
    outline: dict[str, tuple[Section, ...]]
    block_by_id: dict[str, Block] = field(init=False)
    position: dict[str, int] = field(init=False)  # block id → its place in the article
    matchers: dict[str, TermMatcher] = field(init=False)  # language → the glossary's term matcher
    pictures: Pictures = field(init=False)  # set by load_project: pictures read the other sources

    def __post_init__(self):
        self.block_by_id = {block.id: block for block in self.blocks}
        self.position = {block.id: index for index, block in enumerate(self.blocks)}
        self.matchers = {lang: matcher_for(self.glossary, lang) for lang in LANGS}

    def text(self, block_id: str, lang: str) -> str:
        """A block's text in a language: the seed's Chinese or our English."""
        return self.block_by_id[block_id].text if lang == "zh" else self.translations[block_id].text


def load_project(root: Path = ROOT) -> Project:
    """Read every source under seeds/ and check them against each other.

    Errors name files relative to the repository root, as an editor sees them.
    """
    paths = Paths(root)
    read = paths.read
    ids_data = parse_yaml(*read(paths.block_ids))
    openings = {str(block_id): (str(words), ids_data.line_of(block_id)) for block_id, words in ids_data.items()}
    blocks = assign_ids(parse_seed(*read(paths.seed)), openings, paths.relative(paths.block_ids))
    block_ids = [block.id for block in blocks]
    translations = parse_translation(*read(paths.translation))
    check_translation(translations, block_ids, paths.relative(paths.translation))
    glossary = parse_glossary(parse_yaml(*read(paths.glossary)), paths.relative(paths.glossary), block_ids)
    figures = parse_figures(parse_yaml(*read(paths.figures)), paths.relative(paths.figures),
                            {block.id: block.text for block in blocks})
    outline = parse_outline(parse_yaml(*read(paths.outline)), paths.relative(paths.outline), block_ids)
    project = Project(paths, parse_yaml(*read(paths.meta)), blocks, translations, glossary, figures, outline)
    from .pictures import load_pictures  # pictures are checked against the sources above
    project.pictures = load_pictures(project)
    return project
