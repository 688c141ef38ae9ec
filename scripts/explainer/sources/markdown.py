"""The page grammar: what the build reads in a page file's Markdown, in one place.

Headings with their ids, `{{ shortcodes }}`, links, discussion questions, and fenced code
blocks, inside which none of the others count: the checks and the page expansion both
walk a page with `lines`, so they agree on what is code.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([A-Za-z0-9_-]+)\s*\})?\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
SHORTCODE = re.compile(r"\{\{\s*([a-z0-9-]+)((?:\s+[a-z0-9-]+)*)\s*\}\}")
SHORTCODE_LIKE = re.compile(r"\{\{.*?\}\}")
LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
ATTRS = re.compile(r"\{\s*[:#.][^}]*\}")
QUESTION = re.compile(r"^\s*\d+\.\s+\{#([^}]*)\}")


def lines(text_lines: Iterable[str], first_number: int = 1) -> Iterator[tuple[int, str, bool]]:
    """Each line with its number and whether it is code: inside a fenced block, or a fence itself.

    A fence closes only with the same character, at least as long, as CommonMark says.
    """
    fence = None
    for number, line in enumerate(text_lines, first_number):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match[1]
            yield number, line, True
        elif fence is not None:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence) and not line.strip()[len(match[1]):]:
                fence = None
            yield number, line, True
        else:
            yield number, line, False


def heading(line: str) -> tuple[int, str, str | None] | None:
    """(level, title, id) of a heading line, or None."""
    match = HEADING.match(line)
    return (len(match[1]), match[2], match[3]) if match else None
