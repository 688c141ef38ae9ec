"""Everything under seeds/, read and checked: what the page files are checked against."""
from __future__ import annotations

from dataclasses import dataclass

from .article import Article
from .figures import Figure
from .glossary import Glossary
from .outline import Section
from .paths import Paths
from .pictures import Pictures
from .terms import TermMatcher


@dataclass(frozen=True)
class Seeds:
    """Everything under seeds/, checked: the article in both languages and what the site says about it."""

    paths: Paths
    meta: dict
    article: Article
    glossary: Glossary
    figures: dict[str, Figure]
    outline: dict[str, tuple[Section, ...]]
    pictures: Pictures
    strings: dict[str, dict[str, str]]  # key → language → text
    notes: dict[str, dict[str, str]]  # block id → language → our note on it
    matchers: dict[str, TermMatcher]  # language → the glossary's term matcher

    @property
    def blocks(self):
        return self.article.blocks

    @property
    def block_by_id(self):
        return self.article.block_by_id

    @property
    def translations(self):
        return self.article.translations

    def text(self, block_id: str, lang: str) -> str:
        return self.article.text(block_id, lang)
