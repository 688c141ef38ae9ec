"""Our notes on the article's own blocks (seeds/notes.yml): where the article is odd, a reader is told so, beside it.

A note is ours, never the article's, and the site labels it so wherever the block is
shown: on the article page and under each passage that quotes the block. It may repeat
the block's numbers (to name what it is about) but bring no other number.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import SourceError
from ..languages import LANGS
from .article import Article, numbers


def parse_notes(data, path: str | Path, article: Article) -> dict[str, dict[str, str]]:
    """Block id → language → our note on that block."""
    if not data:
        return {}
    if not isinstance(data, dict):
        raise SourceError(path, 1, "the notes file maps block ids to notes", "write `p21: {zh: …, en: …}`")
    notes = {}
    for block_id, note in data.items():
        line = data.line_of(block_id)
        if block_id not in article.block_by_id:
            raise SourceError(path, line, f"{block_id!r} is not a block of the article", "use an id from seeds/blocks.yml")
        if not isinstance(note, dict) or not all(note.text(lang, path) for lang in LANGS):
            raise SourceError(path, line, f"the note on {block_id} needs both languages", "write `zh: …` and `en: …` under it")
        for lang in LANGS:
            for number in numbers(note.text(lang, path)):
                if number not in article.numbers(lang, block_id):
                    where = "the block" if lang == "zh" else "the block's translation"
                    raise SourceError(path, note.line_of(lang), f"the {lang} note on {block_id} has the number {number}, "
                                      f"which is not in {where}", "a note may repeat the block's own numbers only")
        notes[str(block_id)] = {lang: note.text(lang, path).strip() for lang in LANGS}
    return notes
