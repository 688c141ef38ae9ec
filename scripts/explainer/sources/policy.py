"""What a source may contain: nothing that can run script or send a reader elsewhere."""
from __future__ import annotations

import re

from ..errors import SourceError

UNSAFE = [
    (re.compile(r"<\s*(script|iframe|object|embed)\b", re.I), "the HTML element <{0}>"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "an on…= event attribute"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL"),
]


def check_unsafe_html(text: str, path: str) -> None:
    """No source may carry markup that runs script: the site is static and has a strict CSP."""
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, what in UNSAFE:
            if match := pattern.search(line):
                raise SourceError(path, number, f"{what.format(*match.groups())} is not allowed in the sources",
                                  "remove it: pages may not run scripts; write plain Markdown instead")


