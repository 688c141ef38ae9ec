"""Reading and writing the files an editor edits: plain UTF-8 text of a sensible size, or a clear error."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from ..errors import SourceError

MAX_BYTES = 256 * 1024  # the largest source, the glossary, is a fifth of this
MAX_LINE = 4000  # characters; the article as received is one line of under 3,000
BOM = b"\xef\xbb\xbf"
ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def read_source(path: Path, name: str) -> str:
    """A source's text; `name` is the file as the editor sees it (seeds/glossary.yml)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(name, None, "the file is missing", "restore it from the repository (git checkout)") from None
    if len(data) > MAX_BYTES:
        raise SourceError(name, None, f"the file is {len(data) // 1024} KiB, more than a source may be "
                          f"({MAX_BYTES // 1024} KiB)", "split the text, or remove what does not belong in it")
    if data.startswith(BOM):
        raise SourceError(name, 1, "the file starts with a byte-order mark (BOM)",
                          "save it as UTF-8 without BOM (in most editors: the encoding “UTF-8”, not “UTF-8 with BOM”)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise SourceError(name, line, f"byte 0x{data[error.start]:02x} at byte {column} of the line is not UTF-8",
                          "save the file as UTF-8 (it may have been saved as GBK or Latin-1)") from None
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            raise SourceError(name, number, f"the line is {len(line)} characters long, more than a source line "
                              f"may be ({MAX_LINE})", "break it into shorter lines")
        if control := next((c for c in line if unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS), None):
            what = "a NUL character" if control == "\0" else f"the control character U+{ord(control):04X}"
            raise SourceError(name, number, f"the line contains {what}", "delete it: sources are plain text")
    return text


def write_if_changed(path: Path, text: str) -> bool:
    """Write a file only when its content changes, so that watchers stay quiet; say whether it changed."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
