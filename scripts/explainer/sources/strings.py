"""Short texts the build adds to pages (labels, captions), in both languages: seeds/strings.yml."""
from __future__ import annotations

from ..errors import SourceError
from ..languages import LANGS


def parse_strings(data, path: str) -> dict[str, dict[str, str]]:
    if not isinstance(data, dict):
        raise SourceError(path, 1, "the strings file maps each key to its texts", "write `key: {zh: …, en: …}`")
    strings = {}
    for key, value in data.items():
        for lang in LANGS:
            if not isinstance(value, dict) or not value.text(lang, path):
                raise SourceError(path, data.line_of(key), f"the text {key!r} has no {lang} version",
                                  f"add `{lang}: …` under `{key}:`")
        strings[str(key)] = {lang: value.text(lang, path) for lang in LANGS}
    return strings
