"""The glossary: one GlossaryTerm per entry of seeds/glossary.yml, checked as it is read."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError
from ..languages import LANGS, other_language
from .lined import Ids, Lined, one_of, require

HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Group:
    id: str
    names: dict[str, str]


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    group: str
    forms: dict[str, tuple[str, ...]]  # language → spellings; the first is the term's name
    short: dict[str, str]  # language → one-sentence definition (tooltip)
    long: dict[str, str]  # language → explanation (glossary page)
    explained_in: str | None  # the article block that explains the term, if the article does
    line: int
    lang_lines: dict[str, int]
    translates: str | None = None  # hash of the Chinese definition the English was made from
    ignore: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language → longer words that only look like a form
    form_lines: dict[str, int] = field(default_factory=dict)  # language → line of its `forms:`

    def name(self, lang: str) -> str:
        return self.forms[lang][0]


@dataclass(frozen=True)
class Glossary:
    groups: tuple[Group, ...]
    terms: tuple[GlossaryTerm, ...]
    path: str

    def by_id(self) -> dict[str, GlossaryTerm]:
        return {term.id: term for term in self.terms}

    def in_group(self, group: str) -> list[GlossaryTerm]:
        return [term for term in self.terms if term.group == group]


def _language(entry: Lined, lang: str, term_id: str, path) -> tuple[tuple[str, ...], str, str, int]:
    side = entry.get(lang)
    if not isinstance(side, dict):
        raise SourceError(path, entry.line, f"term {term_id!r} is defined in {other_language(lang)} only",
                          f"add `{lang}:` with `forms`, `short` and `long` in that language")
    forms = require(side, "forms", path, f"{term_id}.{lang}")
    if isinstance(forms, str):
        forms = [forms]
    for key in ("short", "long"):
        value = side.text(key, path)
        if not isinstance(value, str) or not value.strip():
            raise SourceError(path, side.line_of(key), f"term {term_id!r} has an empty {lang} `{key}` definition",
                              f"write the {'one-sentence tooltip' if key == 'short' else 'longer explanation'} "
                              f"in {'Chinese' if lang == 'zh' else 'English'}")
    if lang == "en":
        for key in ("short", "long"):
            if HAN.search(side[key]):
                raise SourceError(path, side.line_of(key), f"the English `{key}` of {term_id!r} contains Chinese",
                                  "write it in English; give Chinese names in the zh section")
    return tuple(str(f) for f in forms), side["short"].strip(), side["long"].strip(), side.line


def parse_glossary(data, path: str | Path, block_ids: list[str]) -> Glossary:
    """Validate the glossary's YAML data and return the Glossary."""
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise SourceError(path, 1, "the glossary needs `groups:` and `terms:`", "see the top of the file for the form")
    groups = []
    declared = Ids(path, "group", "technology")
    for entry in data.get("groups") or []:
        if not isinstance(entry, dict):
            raise SourceError(path, getattr(data["groups"], "line", 1), "a group must be a mapping",
                              "write each group as `- {id: …, zh: …, en: …}`")
        group_id = declared.add(require(entry, "id", path, "a group"), entry.line_of("id"))
        groups.append(Group(group_id, {lang: str(require(entry, lang, path, f"group {group_id}")) for lang in LANGS}))
    group_ids = [g.id for g in groups]
    terms: list[GlossaryTerm] = []
    term_ids = Ids(path, "term", "second-growth-curve")
    seen_forms: dict[tuple[str, str], tuple[str, int]] = {}
    for entry in data["terms"]:
        if not isinstance(entry, dict):
            raise SourceError(path, getattr(data["terms"], "line", None), "a term must be a mapping",
                              "start each term with `- id: …`")
        term_id = term_ids.add(require(entry, "id", path, "a term"), entry.line_of("id"))
        group = one_of(entry.get("group"), group_ids, path, entry.line_of("group"), f"group of term {term_id!r}")
        explained_in = entry.get("explained_in")
        if explained_in is not None and explained_in not in block_ids:
            raise SourceError(path, entry.line_of("explained_in"), f"explained_in {explained_in!r} is not a block id",
                              "use a block id from seeds/blocks.yml, or remove the key if the article does not explain the term")
        forms, short, long, lines = {}, {}, {}, {}
        for lang in LANGS:
            forms[lang], short[lang], long[lang], lines[lang] = _language(entry, lang, term_id, path)
            for form in forms[lang]:
                key = (lang, form.lower())
                if key in seen_forms and seen_forms[key][0] != term_id:
                    other, line = seen_forms[key]
                    raise SourceError(path, entry[lang].line_of("forms"),
                                      f"the {lang} form {form!r} belongs to both {other!r} (line {line}) and {term_id!r}",
                                      "a form may name one term only: remove it from one of them")
                seen_forms[key] = (term_id, entry[lang].line_of("forms"))
        translates = entry["en"].get("translates")
        ignore = {lang: tuple(str(w) for w in entry[lang].get("ignore") or ()) for lang in LANGS}
        form_lines = {lang: entry[lang].line_of("forms") for lang in LANGS}
        terms.append(GlossaryTerm(term_id, group, forms, short, long, explained_in,
                                  entry.line, lines, str(translates) if translates else None, ignore, form_lines))
    return Glossary(tuple(groups), tuple(terms), str(path))
