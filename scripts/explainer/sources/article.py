"""The article in both languages: the seed's blocks in Chinese and our English translation of each."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..typography import chinese_punctuation
from .seed import Block
from .translation import Translation

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers(text: str) -> list[str]:
    """The numbers written in a text, as digits: 2200万 gives 2200, 11.8% gives 11.8."""
    return NUMBER.findall(text)


@dataclass(frozen=True)
class Article:
    blocks: tuple[Block, ...]
    translations: dict[str, Translation]
    block_by_id: dict[str, Block] = field(init=False, repr=False)
    position: dict[str, int] = field(init=False, repr=False)  # block id → its place in the article
    chinese: dict[str, str] = field(init=False, repr=False)  # block id → its Chinese as the site shows it

    def __post_init__(self):
        object.__setattr__(self, "block_by_id", {block.id: block for block in self.blocks})
        object.__setattr__(self, "position", {block.id: index for index, block in enumerate(self.blocks)})
        object.__setattr__(self, "chinese", {block.id: chinese_punctuation(block.text) for block in self.blocks})

    def text(self, block_id: str, lang: str) -> str:
        """A block's text as the site shows it: the seed's Chinese, set with Chinese punctuation, or our English.

        `Block.text` keeps the seed's characters as received; only what readers see is set.
        """
        return self.chinese[block_id] if lang == "zh" else self.translations[block_id].text

    def numbers(self, lang: str, block_id: str | None = None) -> set[str]:
        """The numbers one block (or the whole article) writes in that language: what our own text may repeat."""
        ids = [block_id] if block_id else list(self.block_by_id)
        return {number for id in ids for number in numbers(self.text(id, lang))}
