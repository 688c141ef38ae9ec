"""What the reading aids fetch: each paragraph of the article and each figure's sentence, per language, as JSON.

A reader who hovers or focuses a link to a paragraph sees it in place; a figure shows the
sentence it comes from with its own words marked. The texts are the ones the article page
shows (the seed set for display, and our translation); an English file also carries the
Chinese original. One small file per language, fetched on first use.
"""
from __future__ import annotations

import json
import re

from ..languages import other_language
from ..sources.project import Project
from ..sources.seed import paragraph_number

SENTENCE_END = {"zh": re.compile(r"(?<=[。！？；])"), "en": re.compile(r"(?<=[.!?;:])\s+(?=[A-Z“(])")}


def sentence_with(text: str, words: str, lang: str) -> list[str]:
    """[before, words, after] within the one sentence of `text` that holds `words` (the whole text if no split)."""
    start = text.index(words)
    cuts = [0, *(m.end() for m in SENTENCE_END[lang].finditer(text)), len(text)]
    first = max(c for c in cuts if c <= start)
    last = min(c for c in cuts if c >= start + len(words))
    return [text[first:start].lstrip(), words, text[start + len(words):last].rstrip()]


def reading_data(project: Project, lang: str) -> dict:
    other = other_language(lang)
    strings = {key: project.strings[key][lang] for key in ("passage_label", "preview_open", "preview_original")}
    paragraphs = {}
    for block in project.blocks:
        entry = {"n": paragraph_number(block.id), "text": project.text(block.id, lang)}
        if lang != "zh":
            entry["original"] = project.text(block.id, other)
        paragraphs[block.id] = entry
    figures = {}
    for figure in project.figures.values():
        words = {"zh": figure.text["zh"], "en": figure.in_translation}
        entry = {"block": figure.source, "label": figure.label[lang],
                 "sentence": sentence_with(project.text(figure.source, lang), words[lang], lang)}
        if lang != "zh":
            entry["original"] = sentence_with(project.text(figure.source, other), words[other], other)
        figures[figure.id] = entry
    return {"strings": strings, "paragraphs": paragraphs, "figures": figures}


def reading_json(project: Project, lang: str) -> str:
    return json.dumps(reading_data(project, lang), ensure_ascii=False, separators=(",", ":"))
