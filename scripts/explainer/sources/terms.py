"""Finding glossary terms in running text, Chinese or English.

Python's `\\b` treats Han characters as word characters, so `类Sora的DiT架构`
has no word boundary around `DiT`. Here a Latin form only needs to be free of
Latin letters and digits on either side, a Chinese form needs nothing, and the
longest form wins where two start at the same place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

ALNUM = "A-Za-z0-9"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term_id: str
    form: str


def _pattern(form: str) -> str:
    body = re.escape(form)
    if form.islower():  # "business unit" also matches "Business unit"; "To B" stays exact
        body = f"(?i:{body})"
    if re.match(f"[{ALNUM}]", form):
        body = f"(?<![{ALNUM}]){body}"
    if re.search(f"[{ALNUM}]$", form):
        body = f"{body}(?![{ALNUM}])"
    return body


class TermMatcher:
    """Matches the forms of many terms in one pass over a text."""

    def __init__(self, forms: Iterable[tuple[str, str]]):
        """`forms` are (form, term id) pairs."""
        term_of = dict(forms)
        ordered = sorted(term_of, key=len, reverse=True)
        self.regex = re.compile("|".join(f"({_pattern(f)})" for f in ordered)) if ordered else None
        self.group_terms = [term_of[f] for f in ordered]

    def find(self, text: str) -> list[Match]:
        """Terms in reading order; a form listed under `ignore` (term id None) hides what it contains."""
        if self.regex is None:
            return []
        found = (Match(m.start(), m.end(), self.group_terms[m.lastindex - 1], m.group())
                 for m in self.regex.finditer(text))
        return [match for match in found if match.term_id is not None]


def matcher_for(glossary, lang: str) -> TermMatcher:
    pairs = [(form, term.id) for term in glossary.terms for form in term.forms[lang]]
    pairs += [(text, None) for term in glossary.terms for text in term.ignore.get(lang, ())]
    return TermMatcher(pairs)
