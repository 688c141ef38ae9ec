"""The English translation: one `## pNN · zh:hash` section per article block.

The hash records which version of the Chinese block the English was made from,
so that a change to the Chinese shows up as a stale translation.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError

BLOCK_HEADING = re.compile(r"^## (?P<id>\S+?)(?: · zh:(?P<hash>[0-9a-f]{8}))?[ \t]*$")
COMMENT = re.compile(r"<!--.*?-->", re.S)


def source_hash(text: str) -> str:
    """The short fingerprint of a Chinese text that a translation records."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Translation:
    id: str
    text: str
    line: int  # line of the `## id` heading
    text_line: int  # first line of the English text
    recorded_hash: str | None

    def is_stale(self, chinese: str) -> bool:
        return self.recorded_hash != source_hash(chinese)


def parse_translation(text: str, path: str | Path) -> dict[str, Translation]:
    """Read the translation file into Translation records, keyed by block id."""
    blank_comments = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    sections: dict[str, Translation] = {}
    current: dict | None = None

    def close():
        if current is None:
            return
        body = [(n, line) for n, line in current["lines"] if line.strip()]
        if not body:
            raise SourceError(path, current["line"], f"{current['id']} has no English text",
                              "write the translation under the heading")
        sections[current["id"]] = Translation(
            current["id"], "\n".join(line.strip() for _, line in body),
            current["line"], body[0][0], current["hash"])

    for number, line in enumerate(blank_comments.splitlines(), 1):
        if line.startswith("# ") and current is None:
            continue
        if line.startswith("#"):
            match = BLOCK_HEADING.match(line)
            if not match:
                raise SourceError(path, number, f"unexpected heading {line.strip()!r}",
                                  "each section starts with `## pNN` (a block id from seeds/blocks.yml); "
                                  "the English text itself has no headings")
            close()
            block_id = match["id"]
            if block_id in sections:
                raise SourceError(path, number, f"{block_id} is translated twice (first at line "
                                  f"{sections[block_id].line})", "merge the two sections into one")
            current = {"id": block_id, "line": number, "hash": match["hash"], "lines": []}
        elif current is not None:
            current["lines"].append((number, line))
        elif line.strip():
            raise SourceError(path, number, "text before the first `## pNN` heading",
                              "put it under the heading of the block it translates")
    close()
    return sections


def check_translation(translations: dict[str, Translation], block_ids: list[str], path: str | Path):
    """Every block translated, and nothing translated that is not a block."""
    for block_id, translation in translations.items():
        if block_id not in block_ids:
            raise SourceError(path, translation.line, f"{block_id} is not a block of the article",
                              "use an id from seeds/blocks.yml, or delete this section")
    for position, block_id in enumerate(block_ids):
        if block_id not in translations:
            before = next((translations[b].line for b in reversed(block_ids[:position])
                           if b in translations), None)
            where = f"after the section that starts at line {before}" if before else "at the top"
            raise SourceError(path, before, f"{block_id} has no translation",
                              f"add a section `## {block_id}` with its English text {where}")
