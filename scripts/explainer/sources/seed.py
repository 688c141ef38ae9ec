"""Seed → blocks: cut the one-line article into the byline, headings, paragraphs and list items.

The article arrived as a single line in which a space separates paragraphs, a
"•" starts a bullet item, "1. 2. 3." number an inline list, and a stray "|"
ends the text. Spaces inside Latin text ("3D Attention", "To B") are words,
not boundaries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import SourceError

BULLET = "•"
TRAILER = "|"
# A space is a word space, not a boundary, when Latin letters or digits stand on both sides.
LATIN = re.compile(r"[A-Za-z0-9]")
# "…方向:1. 可灵:…;2. 可图:…" — a number, a dot and a space after a colon or semicolon.
INLINE_ITEM = re.compile(r"(?<=[:;])(\d+)\. ")
SENTENCE_END = ("。", "!", "?", "”", ":", ")", "…")
BYLINE = re.compile(r"^作者[::]")


def paragraph_number(block_id: str) -> int:
    """The number a reader sees for a block: p07 is the article's paragraph 7."""
    return int(block_id.lstrip("p"))


@dataclass(frozen=True)
class Block:
    """One unit of the article: the thing that gets an address (#p07) and a translation."""

    kind: str  # byline | heading | paragraph | item
    text: str
    offset: int  # character offset of `text` in the seed
    marker: str = ""  # "•" or "1." for list items
    list_start: bool = False  # first item of a list
    id: str = ""

    @property
    def is_item(self) -> bool:
        return self.kind == "item"


def _segments(text: str) -> list[tuple[int, str]]:
    """Split on boundary spaces, keeping each segment's offset."""
    segments, start = [], 0
    for i, ch in enumerate(text):
        if ch != " ":
            continue
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if LATIN.match(before) and LATIN.match(after):
            continue
        if before == BULLET or re.search(r"(?<=[:;])\d+\.$", text[start:i]):
            continue
        segments.append((start, text[start:i]))
        start = i + 1
    segments.append((start, text[start:]))
    return [(o, s) for o, s in segments if s]


def _kind(segment: str) -> str:
    if BYLINE.match(segment):
        return "byline"
    return "paragraph" if segment.endswith(SENTENCE_END) else "heading"


def parse_seed(text: str, path: str | Path = "seed") -> list[Block]:
    """Return the article's blocks in reading order, without ids."""
    if "\n" in text.rstrip("\n"):
        raise SourceError(path, 2, "the seed must be one line, as it was received",
                          "restore it as received: git checkout -- " + str(path))
    text = text.rstrip("\n")
    blocks: list[Block] = []
    previous_was_item = False
    for offset, segment in _segments(text):
        if segment == TRAILER:
            continue
        if segment.startswith(BULLET + " "):
            body = segment[2:]
            blocks.append(Block("item", body, offset + 2, BULLET, not previous_was_item))
            previous_was_item = True
            continue
        previous_was_item = False
        parts = INLINE_ITEM.split(segment)
        lead, rest = parts[0], parts[1:]
        blocks.append(Block(_kind(lead), lead, offset))
        cursor = offset + len(lead)
        for n, (number, body) in enumerate(zip(rest[::2], rest[1::2])):
            cursor += len(number) + 2
            blocks.append(Block("item", body, cursor, number + ".", n == 0))
            cursor += len(body)
    return blocks


def assign_ids(blocks: list[Block], openings: dict[str, tuple[str, int]], path: str | Path,
               seed_path: str | Path = "seed") -> list[Block]:
    """Give each block the id whose declared opening words it starts with.

    `openings` maps id → (opening words, line in the ids file `path`). Ids are declared,
    not counted, so that inserting a block never renumbers the ones after it. The seed
    is kept as received, so a block with no id, or an id with no block, means the seed
    changed: the message names the seed and says what to do either way.
    """
    named: list[Block] = []
    used: dict[str, int] = {}
    for block in blocks:
        matches = [i for i, (words, _) in openings.items() if block.text.startswith(words)]
        if not matches:
            raise SourceError(seed_path, 1, f"the block at character {block.offset + 1} that opens {block.text[:20]!r} "
                              f"has no id in {path}",
                              "the article is kept as it was received: restore the file (git checkout -- "
                              f"{seed_path}); if a new edition adds this block, add a line "
                              f"`pNN: {block.text[:8]}` with an unused id to {path} and translate it")
        if len(matches) > 1:
            lines = ", ".join(f"{i} (line {openings[i][1]})" for i in matches)
            raise SourceError(path, openings[matches[0]][1],
                              f"the block that opens {block.text[:20]!r} matches {lines}",
                              "give each id more of its block's opening words so that only one matches")
        used[matches[0]] = 1
        named.append(replace(block, id=matches[0]))
    for block_id, (words, line) in openings.items():
        if block_id not in used:
            raise SourceError(seed_path, 1, f"no block opens with {words!r}, the words of {block_id} ({path}:{line})",
                              f"the article is kept as it was received: restore the file (git checkout -- {seed_path}); "
                              f"if a new edition drops this block, delete line {line} of {path} and its translation")
    return named
