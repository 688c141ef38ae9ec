"""The glossary: one GlossaryTerm per entry of seeds/glossary.yml, checked as it is read.

An entry keeps apart whose words are whose. `article` is how the article uses the term
(our summary of it); `quote`, with `explained_in`, is the article's own words that
explain the term, checked against that block and its translation; `background` is
what the article does not say, and the site labels it as ours.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError
from ..languages import LANGS, other_language
from ..typography import chinese_punctuation
from .article import Article, numbers
from .lined import Ids, Lined, one_of, require

HAN = re.compile(r"[\u3400-\u9fff]")
TEXTS = {"short": "the one-sentence tooltip", "article": "how the article uses the term"}
SCHEMA_TYPES = ("organization", "product")  # what a company or product is, for schema.org (render/work.py)
OPTIONAL_TEXTS = ("background", "quote")


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
    article: dict[str, str]  # language → how the article uses the term, in our words
    background: dict[str, str | None]  # language → context the article does not give (ours), if any
    explained_in: str | None  # the article block that explains the term, if the article does
    quote: dict[str, str] | None  # language → the article's own words that explain it (with explained_in)
    line: int
    lang_lines: dict[str, int]
    translates: str | None = None  # hash of the Chinese entry the English was made from
    ignore: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language → longer words that only look like a form
    form_lines: dict[str, int] = field(default_factory=dict)  # language → line of its `forms:`
    schema_type: str | None = None  # organization | product, for the companies and products

    def name(self, lang: str) -> str:
        return self.forms[lang][0]

    def chinese_source(self) -> str:
        """The Chinese an English entry translates: what its `translates:` hash records."""
        parts = (self.short["zh"], self.article["zh"], (self.quote or {}).get("zh"), self.background["zh"])
        return "\n".join(part for part in parts if part)


@dataclass(frozen=True)
class Glossary:
    groups: tuple[Group, ...]
    terms: tuple[GlossaryTerm, ...]
    path: str

    def by_id(self) -> dict[str, GlossaryTerm]:
        return {term.id: term for term in self.terms}

    def in_group(self, group: str) -> list[GlossaryTerm]:
        return [term for term in self.terms if term.group == group]


def _side(entry: Lined, lang: str, term_id: str, path) -> Lined:
    side = entry.get(lang)
    if not isinstance(side, dict):
        raise SourceError(path, entry.line, f"term {term_id!r} is defined in {other_language(lang)} only",
                          f"add `{lang}:` with `forms`, `short` and `article` in that language")
    for key in side:
        if key not in ("forms", "ignore", "translates", *TEXTS, *OPTIONAL_TEXTS):
            fix = ("split it into `article:` (how the article uses the term) and `background:` (what we add)"
                   if key == "long" else f"use {', '.join(('forms', 'ignore', *TEXTS, *OPTIONAL_TEXTS))}")
            raise SourceError(path, side.line_of(key), f"term {term_id!r}: unknown key `{key}` under `{lang}:`", fix)
    for key, what in TEXTS.items():
        value = side.text(key, path)
        if not value or not value.strip():
            raise SourceError(path, side.line_of(key), f"term {term_id!r} has an empty {lang} `{key}`",
                              f"write {what} in {'Chinese' if lang == 'zh' else 'English'}")
    if lang == "en":
        for key in (*TEXTS, "background"):
            if side.get(key) and HAN.search(str(side[key])):
                raise SourceError(path, side.line_of(key), f"the English `{key}` of {term_id!r} contains Chinese",
                                  "write it in English; give Chinese names in the zh section")
    return side


def _check_numbers(side: Lined, term_id: str, lang: str, article: Article, names: list[str], path) -> None:
    """What the article says may repeat its numbers and bring no other; our background brings none.

    Digits in a name are not numbers: a glossary form (360, 3D Attention) or a word they are part of (Q3).
    """
    written = article.numbers(lang)
    for key in (*TEXTS, *OPTIONAL_TEXTS):
        text = str(side.get(key) or "")
        for name in names:
            text = text.replace(name, " ")
        for number in numbers(re.sub(r"[A-Za-z]+[\d.]*\d[A-Za-z\d]*|\d[\d.]*[A-Za-z]+", " ", text)):
            if key == "background":
                raise SourceError(path, side.line_of(key), f"the {lang} `background` of {term_id!r} has the number {number}",
                                  "background is ours, not the article's: write it without numbers, "
                                  "or say what the article says in `article:`")
            if number not in written:
                where = "the article" if lang == "zh" else "the translation (seeds/translation.en.md)"
                raise SourceError(path, side.line_of(key), f"the {lang} `{key}` of {term_id!r} has the number {number}, "
                                  f"which is not in {where}", "every number on the site comes from the article: "
                                  "copy it from the paragraph that gives it, or leave it out")


def _forms(side: Lined, term_id: str, lang: str, path) -> tuple[str, ...]:
    forms = require(side, "forms", path, f"{term_id}.{lang}")
    forms = [forms] if isinstance(forms, str) else forms
    if not isinstance(forms, list) or not all(isinstance(f, (str, int)) and str(f).strip() for f in forms):
        raise SourceError(path, side.line_of("forms"), f"the {lang} forms of {term_id!r} are not a list of words",
                          "write `forms: [name, other spelling]`")
    return tuple(str(f) for f in forms)


def _quote(entry: Lined, term_id: str, article: Article, path) -> dict[str, str] | None:
    """The article's words that explain the term, checked against its block in both languages."""
    block = entry.get("explained_in")
    quotes = {lang: entry[lang].text("quote", path) for lang in LANGS}
    if block is None:
        if any(quotes.values()):
            line = next(entry[lang].line_of("quote") for lang in LANGS if quotes[lang])
            raise SourceError(path, line, f"term {term_id!r} quotes the article but names no block",
                              "add `explained_in: pNN`, the block the quote comes from")
        return None
    if block not in article.block_by_id:
        raise SourceError(path, entry.line_of("explained_in"), f"explained_in {block!r} is not a block id",
                          "use a block id from seeds/blocks.yml, or remove the key if the article does not explain the term")
    for lang in LANGS:
        quote, text = quotes[lang], article.text(block, lang)
        shown = chinese_punctuation(quote) if quote and lang == "zh" else quote
        if not quote:
            raise SourceError(path, entry.line_of(lang), f"term {term_id!r} says the article explains it (in {block}) "
                              f"but gives no {lang} `quote`",
                              "copy the words of the block that explain the term into `quote:`, "
                              "or remove `explained_in` if the article only uses the term")
        if shown not in text and shown[:1].lower() + shown[1:] not in text:
            where = f"block {block}" if lang == "zh" else f"the translation of {block} (seeds/translation.en.md)"
            raise SourceError(path, entry[lang].line_of("quote"), f"the {lang} quote of {term_id!r} is not in {where}",
                              "copy the words exactly from " + ("the article" if lang == "zh" else "the translation"))
    return quotes


def parse_glossary(data, path: str | Path, article: Article) -> Glossary:
    """Validate the glossary's YAML data against the article and return the Glossary."""
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
    texts: list[tuple[str, dict[str, Lined]]] = []  # each term's two sides, for the number check once all forms are known
    for entry in data["terms"]:
        if not isinstance(entry, dict):
            raise SourceError(path, getattr(data["terms"], "line", None), "a term must be a mapping",
                              "start each term with `- id: …`")
        term_id = term_ids.add(require(entry, "id", path, "a term"), entry.line_of("id"))
        group = one_of(entry.get("group"), group_ids, path, entry.line_of("group"), f"group of term {term_id!r}")
        sides = {lang: _side(entry, lang, term_id, path) for lang in LANGS}
        texts.append((term_id, sides))
        forms = {lang: _forms(sides[lang], term_id, lang, path) for lang in LANGS}
        for lang in LANGS:
            for form in forms[lang]:
                key = (lang, form.lower())
                if key in seen_forms and seen_forms[key][0] != term_id:
                    other, line = seen_forms[key]
                    raise SourceError(path, sides[lang].line_of("forms"),
                                      f"the {lang} form {form!r} belongs to both {other!r} (line {line}) and {term_id!r}",
                                      "a form may name one term only: remove it from one of them")
                seen_forms[key] = (term_id, sides[lang].line_of("forms"))
        ignore = {lang: tuple(str(w) for w in sides[lang].get("ignore") or ()) for lang in LANGS}
        for lang in LANGS:
            for word in ignore[lang]:
                if not any(form in word and form != word for form in forms[lang]):
                    raise SourceError(path, sides[lang].line_of("ignore"),
                                      f"the {lang} `ignore:` word {word!r} of {term_id!r} is not a longer word around one of its forms",
                                      f"list under `ignore:` only longer words that contain a form ({', '.join(forms[lang])}) "
                                      "but are not the term, e.g. 扩大模型 for 大模型")
        translates = sides["en"].get("translates")
        schema_type = entry.get("type")
        if schema_type is not None:
            one_of(schema_type, SCHEMA_TYPES, path, entry.line_of("type"), f"type of term {term_id!r}")
        terms.append(GlossaryTerm(
            term_id, group, forms,
            short={lang: sides[lang].text("short", path).strip() for lang in LANGS},
            article={lang: sides[lang].text("article", path).strip() for lang in LANGS},
            background={lang: (sides[lang].text("background", path) or "").strip() or None for lang in LANGS},
            explained_in=entry.get("explained_in"), quote=_quote(entry, term_id, article, path),
            line=entry.line, lang_lines={lang: sides[lang].line for lang in LANGS},
            translates=str(translates) if translates else None, ignore=ignore,
            form_lines={lang: sides[lang].line_of("forms") for lang in LANGS}, schema_type=schema_type))
    names = sorted({form for term in terms for lang in LANGS for form in term.forms[lang] if re.search(r"\d", form)},
                   key=len, reverse=True)
    for term_id, sides in texts:
        for lang in LANGS:
            _check_numbers(sides[lang], term_id, lang, article, names, path)
    for term in terms:  # an ignored word that is another term's form would silently hide that term
        for lang in LANGS:
            for word in term.ignore[lang]:
                if (lang, word.lower()) in seen_forms:
                    other, line = seen_forms[(lang, word.lower())]
                    raise SourceError(path, term.form_lines[lang], f"the {lang} `ignore:` word {word!r} of {term.id!r} "
                                      f"is a form of {other!r} (line {line}): it would hide that term everywhere",
                                      "remove it from `ignore:`; the longest form already wins where two overlap")
    return Glossary(tuple(groups), tuple(terms), str(path))
