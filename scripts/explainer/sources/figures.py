"""Figures: every number the site shows outside the article's text, tied to the block it comes from.

A figure is checked three ways when it is read: its Chinese words occur in its
source block, they state its `value`, and its English states the same value.
So no number on the site can be invented, mistyped or mistranslated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..languages import LANGS
from .article import Article
from .lined import Ids, Lined, one_of, require

KINDS = ("count", "money", "share", "multiple", "rank", "date")
ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
ZH_UNITS = {"万": 1e4, "亿": 1e8}
EN_UNITS = {"million": 1e6, "billion": 1e9}
EN_ORDINALS = {"first": 1, "second": 2, "third": 3}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# Hedges must agree across languages: 超 is "over", 约 is "about", 近 is "nearly".
ZH_HEDGES = {"超": "over", "突破": "over", "约": "about", "近": "nearly"}
EN_HEDGES = {"over": "over", "more than": "over", "about": "about", "nearly": "nearly"}


@dataclass(frozen=True)
class Figure:
    id: str
    source: str
    kind: str
    text: dict[str, str]  # language → the value as written (2200万 / 22 million)
    value: str  # a number, or a date as YYYY-MM(-DD)
    label: dict[str, str]
    period: dict[str, str] | None
    inferred: dict[str, str] | None
    line: int
    in_translation: str = ""  # its words as our translation of the block has them (`translation:`, else `en`)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def zh_value(text: str) -> float | str:
    """The value a Chinese figure states: 2200万 → 22000000, 超六成 → 0.6, 2024年6月 → 2024-06."""
    if m := re.search(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?", text):
        year, month, day = m.groups()
        return "-".join(p for p in (year or "", f"{int(month):02d}", f"{int(day):02d}" if day else "") if p)
    if m := re.search(r"第([一二三四五六七八九十])", text):
        return ZH_DIGITS[m[1]]
    if m := re.search(r"([一二三四五六七八九])成", text):
        return ZH_DIGITS[m[1]] / 10
    if m := re.search(r"(\d+(?:\.\d+)?)%", text):
        return round(_number(m[1]) / 100, 6)
    if m := re.search(r"(\d+(?:\.\d+)?)([万亿]?)", text):
        return _number(m[1]) * ZH_UNITS.get(m[2], 1)
    raise ValueError(f"no number in {text!r}")


def en_value(text: str) -> float | str:
    """The value an English figure states: 22 million → 22000000, June 2024 → 2024-06."""
    months = "|".join(MONTHS)
    if m := re.fullmatch(rf"(?:(\d{{1,2}}) )?({months})(?: (\d{{4}}))?", text):
        day, month, year = m.groups()
        return "-".join(p for p in (year or "", f"{MONTHS.index(month) + 1:02d}", f"{int(day):02d}" if day else "") if p)
    if m := re.search(r"\b(first|second|third)\b", text):
        return EN_ORDINALS[m[1]]
    if m := re.search(r"(\d+(?:\.\d+)?)%", text):
        return round(_number(m[1]) / 100, 6)
    if m := re.search(r"(\d+(?:\.\d+)?)(?:\s*(million|billion))?", text):
        return _number(m[1]) * EN_UNITS.get(m[2] or "", 1)
    raise ValueError(f"no number in {text!r}")


def _hedge(text: str, table: dict[str, str]) -> str | None:
    return next((meaning for word, meaning in table.items() if word in text), None)


def _same(a, b) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)


DATE_VALUE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


def _declared_value(figure: Figure, path):
    """The figure's `value` as a number, or as a date YYYY-MM(-DD) for a date."""
    where = (path, figure.line)
    if figure.kind == "date":
        if not DATE_VALUE.match(figure.value):
            raise SourceError(*where, f"figure {figure.id!r}: the value {figure.value!r} is not a date",
                              "write a date figure's value as YYYY-MM-DD or YYYY-MM, e.g. `value: 2024-06`")
        return figure.value
    try:
        return float(figure.value)
    except ValueError:
        raise SourceError(*where, f"figure {figure.id!r}: the value {figure.value!r} is not a number",
                          "write the number the words state, in digits: `value: 22000000` for 2200万") from None


def check_figure(figure: Figure, block_text: str, path) -> None:
    """Raise a SourceError unless the figure agrees with its source block, in both languages."""
    where = (path, figure.line)
    if figure.text["zh"] not in block_text:
        raise SourceError(*where, f"figure {figure.id!r}: {figure.text['zh']!r} does not occur in block {figure.source}",
                          "copy the words exactly from the block, or name the block they come from")
    declared = _declared_value(figure, path)
    if figure.kind == "date" and figure.inferred is None and len(declared) > len(str(zh_value(figure.text["zh"]))):
        raise SourceError(*where, f"figure {figure.id!r}: the value {declared} says more than {figure.text['zh']!r}",
                          "add `inferred:` saying in both languages what is inferred and from what")
    for lang, reader in (("zh", zh_value), ("en", en_value)):
        try:
            stated = reader(figure.text[lang])
        except ValueError:
            raise SourceError(*where, f"figure {figure.id!r}: the {lang} text {figure.text[lang]!r} states no number",
                              "write the figure's words with the number in them, as the block says it") from None
        if figure.kind == "date":
            ok = str(declared).endswith(str(stated)) or str(declared).startswith(str(stated))
        else:
            ok = _same(stated, declared)
        if not ok:
            raise SourceError(*where, f"figure {figure.id!r}: the {lang} text {figure.text[lang]!r} states {stated}, "
                              f"but value is {figure.value}", "make the value and both texts say the same number")
    if _hedge(figure.text["zh"], ZH_HEDGES) != _hedge(figure.text["en"], EN_HEDGES):
        raise SourceError(*where, f"figure {figure.id!r}: {figure.text['zh']!r} and {figure.text['en']!r} hedge differently",
                          "超/突破 = over or more than, 约 = about, 近 = nearly; use the same in both")
    if figure.period:
        if figure.period["zh"] not in block_text:
            raise SourceError(*where, f"figure {figure.id!r}: period {figure.period['zh']!r} does not occur in block {figure.source}",
                              "copy the period's words exactly from the block")
    for lang in LANGS:
        for text in (figure.label[lang], (figure.period or {}).get(lang, "")):
            for digits in re.findall(r"\d+", text):
                if digits not in block_text:
                    raise SourceError(*where, f"figure {figure.id!r}: {digits} in {text!r} is not in block {figure.source}",
                                      "a label or period may only repeat numbers from the block")


def _texts(value: dict | None) -> dict[str, str] | None:
    return {lang: str(text) for lang, text in value.items()} if value else None


def parse_figures(data, path: str | Path, article: Article) -> dict[str, Figure]:
    """Read and check the figures against the article's blocks, as the site shows them, and their translation."""
    blocks = {block.id: article.text(block.id, "zh") for block in article.blocks}
    if not isinstance(data, list):
        raise SourceError(path, 1, "the figures file is a list of figures", "start each figure with `- id: …`")
    figures: dict[str, Figure] = {}
    figure_ids = Ids(path, "figure", "kling-users")
    for entry in data:
        if not isinstance(entry, dict):
            raise SourceError(path, getattr(data, "line", 1), "a figure must be a mapping", "start each figure with `- id: …`")
        entry: Lined
        figure_id = figure_ids.add(require(entry, "id", path, "a figure"), entry.line_of("id"))
        source = require(entry, "source", path, f"figure {figure_id}")
        if source not in blocks:
            raise SourceError(path, entry.line_of("source"), f"figure {figure_id!r}: {source!r} is not a block id",
                              "use an id from seeds/blocks.yml")
        kind = one_of(require(entry, "kind", path, f"figure {figure_id}"), KINDS, path, entry.line_of("kind"),
                      f"kind of figure {figure_id!r}")
        label = require(entry, "label", path, f"figure {figure_id}")
        for key, value in (("label", label), ("period", entry.get("period")), ("inferred", entry.get("inferred"))):
            if value is not None and not (isinstance(value, dict) and value.text("zh", path) and value.text("en", path)):
                raise SourceError(path, entry.line_of(key), f"figure {figure_id!r}: `{key}` needs both zh and en",
                                  f"write `{key}: {{zh: …, en: …}}`")
        figure = Figure(figure_id, source, kind,
                        {"zh": str(require(entry, "zh", path, f"figure {figure_id}")),
                         "en": str(require(entry, "en", path, f"figure {figure_id}"))},
                        str(require(entry, "value", path, f"figure {figure_id}")),
                        _texts(label), _texts(entry.get("period")), _texts(entry.get("inferred")), entry.line,
                        str(entry.get("translation") or require(entry, "en", path, f"figure {figure_id}")))
        check_figure(figure, blocks[source], path)
        if figure.in_translation not in article.text(source, "en"):
            key = "translation" if "translation" in entry else "en"
            raise SourceError(path, entry.line_of(key), f"figure {figure_id!r}: {figure.in_translation!r} is not in "
                              f"the translation of {source}", "add `translation:` with the figure's words as "
                              f"seeds/translation.en.md has them in {source} (the site highlights them there)")
        figures[figure_id] = figure
    return figures

