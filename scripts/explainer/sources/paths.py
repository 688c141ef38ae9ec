"""Where each source lives in the repository, and how an editor names it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import ROOT

FILES = {
    "seed": "seeds/kuaishou-kling-ai-business-unit.zh.txt",
    "meta": "seeds/kuaishou-kling-ai-business-unit.meta.yml",
    "block_ids": "seeds/blocks.yml",
    "translation": "seeds/translation.en.md",
    "glossary": "seeds/glossary.yml",
    "figures": "seeds/figures.yml",
    "outline": "seeds/outline.yml",
    "pictures": "seeds/pictures.yml",
    "strings": "seeds/strings.yml",
    "redirects": "seeds/redirects.yml",
    "notes": "seeds/notes.yml",
    "addresses": "seeds/addresses.txt",
}


@dataclass(frozen=True)
class Paths:
    """The source files of one copy of the project (the repository, or a test's copy of it)."""

    root: Path
    seed: Path
    meta: Path
    block_ids: Path
    translation: Path
    glossary: Path
    figures: Path
    outline: Path
    pictures: Path
    strings: Path
    redirects: Path
    notes: Path
    addresses: Path

    @classmethod
    def at(cls, root: Path = ROOT) -> Paths:
        return cls(root, **{name: root / relative for name, relative in FILES.items()})

    def page(self, lang: str, name: str) -> Path:
        return self.root / "docs" / lang / f"{name}.md"

    def relative(self, path: Path) -> str:
        """A file's name as an editor sees it: relative to the repository root."""
        return path.resolve().relative_to(self.root.resolve()).as_posix()
