"""Pictures, as seeds/pictures.yml declares them: what each shows and where every word comes from.

The rules are at the top of seeds/pictures.yml. Every word is checked here, when the
file is read: numbers come from seeds/figures.yml, names from the glossary, the
article's words from its blocks and our translation of them. Each kind of picture
(chain, bars, timeline, table) is one dataclass and one reader, in `KINDS`;
`render.pictures` draws them. The outline says where each picture goes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Callable

from ..errors import SourceError
from ..languages import LANGS
from ..typography import chinese_punctuation
from .article import Article
from .figures import Figure
from .glossary import Glossary
from .lined import Ids, Lined, one_of
from .seed import paragraph_number

WORD_KINDS = ("figure", "term", "quote", "text")
DIGIT = re.compile(r"[0-9\uff10-\uff19]")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
WORDS_NEEDED = ("sources", "paragraph", "separator", "label_separator", "inferred")
def quote_occurs(quote: str, text: str, lang: str) -> bool:
    """Whether a quote is the block's own words, as the site shows the block; an English quote may capitalise
    its first letter."""
    if lang == "zh":
        return chinese_punctuation(quote) in text
    return any(q in text for q in (quote, quote[:1].lower() + quote[1:], quote[:1].upper() + quote[1:]))


@dataclass(frozen=True)
class Words:
    """A piece of text in a picture and where it comes from."""

    kind: str  # figure | term | quote | text
    ref: str  # the figure or term id; "" for quote and text
    text: dict[str, str]  # language → the words (for a figure: its value as written)
    block: str | None  # the article block that says it
    figures: tuple[str, ...] = ()  # figures whose values a quote contains
    with_label: bool = False  # a figure shown as "label: value"
    line: int = 0


# -- the kinds: one dataclass each -------------------------------------------------

@dataclass(frozen=True)
class Link:
    words: Words
    direction: str  # up | down: the way the arrow points


@dataclass(frozen=True)
class Box:
    name: Words
    role: Words | None = None
    note: Words | None = None


@dataclass(frozen=True)
class Level:
    link: Link | None  # the arrow from the level above; none on the first level
    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class Chain:
    """Boxes from the top of a reporting line down, an arrow with words between levels."""

    levels: tuple[Level, ...]

    def figure_ids(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True)
class Axis:
    unit: dict[str, str]
    per: dict[str, float]  # what one unit of the axis is worth, per language (亿元, billion yuan)
    step: float
    label: Words


@dataclass(frozen=True)
class Bars:
    """Money figures as bars on one linear axis from zero."""

    bars: tuple[str, ...]
    compare_with: str  # the figure a too-small bar's length is given against
    too_small: float  # a share of the axis below which a bar gets a note with its length
    too_small_note: dict[str, str]
    axis: Axis

    def figure_ids(self) -> tuple[str, ...]:
        return (*self.bars, self.compare_with)


@dataclass(frozen=True)
class Event:
    figure: str
    role: str  # date | period: whether the event is the figure's date or its period
    span: tuple[date, date]
    figures: tuple[str, ...]  # figures shown under the event
    what: Words | None = None
    detail: Words | None = None


@dataclass(frozen=True)
class Timeline:
    """Events in order, on a strip drawn to scale in time."""

    events: tuple[Event, ...]

    def figure_ids(self) -> tuple[str, ...]:
        return tuple(i for event in self.events for i in (event.figure, *event.figures))


Cell = tuple  # lines of a cell: each Words, or a tuple of Words shown as an inline list


@dataclass(frozen=True)
class Row:
    subject: bool  # the row of the company the article is about
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[Words, ...]
    rows: tuple[Row, ...]

    def figure_ids(self) -> tuple[str, ...]:
        return ()


Spec = Chain | Bars | Timeline | Table


def _words_in(value):
    if isinstance(value, Words):
        yield value
    elif is_dataclass(value):
        for field in fields(value):
            yield from _words_in(getattr(value, field.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _words_in(item)


@dataclass(frozen=True)
class Picture:
    id: str
    kind: str
    name: dict[str, str]
    caption: dict[str, str]
    spec: Spec
    line: int

    def words(self):
        """Every Words in the picture, in reading order."""
        return _words_in(self.spec)

    def figure_ids(self) -> list[str]:
        """The figures this picture shows, each once, in reading order."""
        ids = []
        for words in self.words():
            ids += [words.ref] if words.kind == "figure" else list(words.figures)
        return list(dict.fromkeys([*ids, *self.spec.figure_ids()]))

    def blocks(self, figures: dict[str, Figure]) -> list[str]:
        """The article blocks the picture's statements and numbers come from, in article order."""
        ids = {w.block for w in self.words() if w.block} | {figures[f].source for f in self.figure_ids()}
        return sorted(ids, key=paragraph_number)


@dataclass(frozen=True)
class Pictures:
    words: dict[str, dict[str, str]]  # key → language → text (labels the drawing code needs)
    pictures: dict[str, Picture]
    path: str


# -- reading -------------------------------------------------------------------

class _Reader:
    """Reads seeds/pictures.yml against the figures, the glossary, the article and its translation."""

    def __init__(self, article: Article, figures: dict[str, Figure], glossary: Glossary, path: str):
        self.article, self.figures, self.path = article, figures, path
        self.terms = glossary.by_id()

    def error(self, line: int, message: str, fix: str) -> SourceError:
        return SourceError(self.path, line, message, fix)

    def both(self, entry, key: str, what: str, digits_ok: bool = False) -> dict[str, str]:
        """A {zh: …, en: …} mapping of our own words."""
        value = entry.get(key) if isinstance(entry, dict) else None
        line = entry.line_of(key) if isinstance(entry, Lined) else 0
        if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGS):
            raise self.error(line, f"{what} needs `{key}` in both languages", f"write `{key}: {{zh: …, en: …}}`")
        texts = {lang: value[lang] for lang in LANGS}  # not stripped: a separator may be ", "
        for text in texts.values():
            if not digits_ok and DIGIT.search(PLACEHOLDER.sub("", text)):
                raise self.error(line, f"{what}: our own words {text!r} contain a number",
                                 "every number comes from seeds/figures.yml: show it as {figure: id}, or quote the article")
        if re.search(r"[\u3400-\u9fff]", texts["en"]):
            raise self.error(line, f"{what}: the English {key} contains Chinese", "write it in English")
        return texts

    def figure(self, figure_id, line: int, what: str) -> Figure:
        if figure_id not in self.figures:
            raise self.error(line, f"{what}: {figure_id!r} is not a figure", "use an id from seeds/figures.yml, or add the figure there")
        return self.figures[figure_id]

    def block(self, block_id, line: int, what: str) -> str:
        if block_id not in self.article.block_by_id:
            raise self.error(line, f"{what}: {block_id!r} is not a block id", "use an id from seeds/blocks.yml")
        return block_id

    def words(self, entry, what: str) -> Words:
        """One piece of text: {figure: id}, {term: id}, {quote: {zh, en}, block: pNN} or {text: {zh, en}}."""
        line = entry.line if isinstance(entry, Lined) else 0
        kinds = [kind for kind in WORD_KINDS if isinstance(entry, dict) and kind in entry]
        if len(kinds) != 1:
            raise self.error(line, f"{what} must say where its words come from",
                             "write one of {figure: id}, {term: id}, {quote: {zh: …, en: …}, block: pNN} or {text: {zh: …, en: …}}")
        kind = kinds[0]
        block = entry.get("block")
        if block is not None:
            self.block(block, entry.line_of("block"), what)
        if kind == "figure":
            figure = self.figure(entry["figure"], line, what)
            return Words("figure", figure.id, dict(figure.text), figure.source,
                         with_label=bool(entry.get("with_label")), line=line)
        if kind == "term":
            term = self.terms.get(entry["term"])
            if term is None:
                raise self.error(line, f"{what}: {entry['term']!r} is not a glossary term", "use a term id from seeds/glossary.yml")
            names = {lang: term.name(lang) for lang in LANGS}
            if (form := entry.get("form")) is not None:
                if not isinstance(form, dict) or any(form.get(lang) not in term.forms[lang] for lang in LANGS):
                    raise self.error(entry.line_of("form"), f"{what}: `form` must name one of the term's forms in each language",
                                     f"write e.g. `form: {{zh: {term.forms['zh'][-1]}, en: {term.forms['en'][-1]}}}` "
                                     f"(forms of {term.id!r} in seeds/glossary.yml), or leave it out for its name")
                names = {lang: str(form[lang]) for lang in LANGS}
            return Words("term", term.id, names, block, line=line)
        if kind == "text":
            return Words("text", "", self.both(entry, "text", what), block, line=line)
        texts = self.both(entry, "quote", what, digits_ok=True)
        if block is None:
            raise self.error(line, f"{what}: a quote needs the block it comes from", "add `block: pNN`")
        for lang in LANGS:
            source = self.article.text(block, lang)
            if not quote_occurs(texts[lang], source, lang):
                where = "block" if lang == "zh" else "translation of block"
                raise self.error(entry.line_of("quote"), f"{what}: the {lang} quote {texts[lang]!r} is not in the {where} {block}",
                                 "copy the words exactly from the article" if lang == "zh" else
                                 "copy the words exactly from seeds/translation.en.md, or correct the translation there first")
        figure_ids = tuple(entry.get("figures") or ())
        for figure_id in figure_ids:
            figure = self.figure(figure_id, entry.line_of("figures"), what)
            for lang in LANGS:
                if figure.text[lang] not in texts[lang]:
                    raise self.error(entry.line_of("figures"), f"{what}: the {lang} quote does not contain {figure.text[lang]!r} ({figure_id})",
                                     "list only figures whose words the quote contains")
        return Words("quote", "", texts, block, figure_ids, line=line)

    def figure_list(self, entry, key: str, what: str) -> list[str]:
        ids = entry.get(key)
        if not isinstance(ids, list) or not ids:
            raise self.error(entry.line_of(key), f"{what} needs `{key}`, a list of figure ids", f"write `{key}: [figure-id, …]`")
        return [self.figure(figure_id, entry.line_of(key), what).id for figure_id in ids]

    def items(self, entry, key: str, what: str) -> list:
        items = entry.get(key)
        if not isinstance(items, list) or not items:
            raise self.error(entry.line_of(key) if isinstance(entry, Lined) else 0, f"{what} needs `{key}`, a list",
                             f"add `{key}:` with at least one item")
        return items

    # -- the kinds -------------------------------------------------------------

    def chain(self, entry, what: str) -> Chain:
        levels = []
        for number, level in enumerate(self.items(entry, "levels", what), 1):
            where = f"{what}, level {number}"
            boxes = []
            for node in self.items(level, "nodes", where):
                if not isinstance(node, dict) or node.get("name") is None:
                    raise self.error(getattr(node, "line", level.line), f"{where}: a box needs a `name`",
                                     "add `name: {term: id}` or a quote")
                boxes.append(Box(**{key: self.words(node[key], f"{where}, {key}")
                                    for key in ("name", "role", "note") if node.get(key) is not None}))
            link = None
            if number > 1:
                if level.get("link") is None or level.get("direction") not in ("up", "down"):
                    raise self.error(level.line, f"{where}: a level below the first needs `link` and `direction`",
                                     "add `link:` (the words on the arrow) and `direction: up` or `down`")
                link = Link(self.words(level["link"], f"{where}, link"), level["direction"])
            levels.append(Level(link, tuple(boxes)))
        return Chain(tuple(levels))

    def bars(self, entry, what: str) -> Bars:
        bars = self.figure_list(entry, "bars", what)
        axis = entry.get("axis")
        if not isinstance(axis, dict):
            raise self.error(entry.line_of("axis"), f"{what} needs an `axis`", "add `axis:` with unit, per, step and label")
        unit = self.both(axis, "unit", f"{what}, axis")
        per = axis.get("per") or {}
        if not all(isinstance(per.get(lang), (int, float)) and per[lang] > 0 for lang in LANGS):
            raise self.error(axis.line_of("per"), f"{what}: the axis needs `per`, what one unit is worth in each language",
                             "write e.g. `per: {zh: 100000000, en: 1000000000}` for 亿元 and billion yuan")
        step = axis.get("step")
        if not isinstance(step, (int, float)) or step <= 0:
            raise self.error(axis.line_of("step"), f"{what}: the axis needs a positive `step` between ticks", "write e.g. `step: 20000000000`")
        for figure_id in bars:
            figure = self.figures[figure_id]
            for lang in LANGS:
                currency = unit[lang].split()[-1][-1] if lang == "zh" else unit[lang].split()[-1]
                if figure.kind != "money" or not figure.text[lang].endswith(currency):
                    raise self.error(entry.line_of("bars"), f"{what}: {figure_id} ({figure.text[lang]!r}) is not in the axis's unit, {unit[lang]}",
                                     "put only money figures in the same currency on one axis")
        compare = self.figure(entry.get("compare_with"), entry.line_of("compare_with"), what).id
        note = self.both(entry, "too_small_note", what)
        for lang, text in note.items():
            if set(PLACEHOLDER.findall(text)) != {"ratio"}:
                raise self.error(entry.line_of("too_small_note"), f"{what}: the {lang} note must contain {{ratio}} and nothing else in braces",
                                 "write {ratio} where the computed length goes")
        too_small = entry.get("too_small", 0)
        if not isinstance(too_small, (int, float)) or not 0 <= too_small < 1:
            raise self.error(entry.line_of("too_small"), f"{what}: `too_small` is not a share of the axis",
                             "write a number between 0 and 1, e.g. `too_small: 0.01`")
        return Bars(tuple(bars), compare, float(too_small), note,
                    Axis(unit, {lang: float(per[lang]) for lang in LANGS}, float(step),
                         self.words(axis.get("label"), f"{what}, axis label")))

    def timeline(self, entry, what: str) -> Timeline:
        events = []
        for number, event in enumerate(self.items(entry, "events", what), 1):
            where = f"{what}, event {number}"
            kinds = [key for key in ("date", "period") if key in event]
            if len(kinds) != 1:
                raise self.error(event.line, f"{where} needs `date` or `period`",
                                 "write `date: <figure id>` (a date figure) or `period: <figure id>` (a figure with a period)")
            figure = self.figure(event[kinds[0]], event.line_of(kinds[0]), where)
            if kinds[0] == "date" and figure.kind != "date":
                raise self.error(event.line_of("date"), f"{where}: {figure.id} is not a date", "use a figure of kind date, or `period:`")
            if kinds[0] == "period" and not figure.period:
                raise self.error(event.line_of("period"), f"{where}: {figure.id} has no period", "use a figure with a `period`")
            span = _span(figure, kinds[0])
            if span is None:
                raise self.error(event.line_of(kinds[0]), f"{where}: cannot read a time from {figure.id}",
                                 "periods must be written like 截至2025年2月 or 2024年Q3至2025年2月")
            events.append(Event(figure.id, kinds[0], span,
                                tuple(self.figure_list(event, "figures", where)) if "figures" in event else (),
                                **{key: self.words(event[key], f"{where}, {key}") for key in ("what", "detail")
                                   if key in event}))
        return Timeline(tuple(events))

    def table(self, entry, what: str) -> Table:
        columns = [self.words(c, f"{what}, column heading") for c in self.items(entry, "columns", what)]
        rows = []
        for number, row in enumerate(self.items(entry, "rows", what), 1):
            cells = self.items(row, "cells", f"{what}, row {number}")
            if len(cells) != len(columns):
                raise self.error(row.line, f"{what}, row {number} has {len(cells)} cells for {len(columns)} columns",
                                 "give each row one cell per column")
            rows.append(Row(bool(row.get("subject")), tuple(self.cell(cell, f"{what}, row {number}") for cell in cells)))
        return Table(tuple(columns), tuple(rows))

    def cell(self, cell, what: str) -> Cell:
        """A cell is one piece of words or a list of lines; a line that is a list is an inline list."""
        lines = cell if isinstance(cell, list) else [cell]
        return tuple(tuple(self.words(w, what) for w in line) if isinstance(line, list) else self.words(line, what)
                     for line in lines)


def _month(year: str, month: int) -> date:
    return date(int(year), month, 1)


def _span(figure: Figure, role: str) -> tuple[date, date] | None:
    """The stretch of time a timeline event covers, read from the figure's value or period."""
    if role == "date":
        parts = [int(p) for p in figure.value.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        start = date(parts[0], parts[1], 1)
        return start, _month_end(start)
    text = figure.period["zh"]
    if m := re.fullmatch(r"(\d{4})年Q([1-4])至(\d{4})年(\d{1,2})月", text):
        return _month(m[1], 3 * int(m[2]) - 2), _month_end(_month(m[3], int(m[4])))
    if m := re.fullmatch(r"截至(\d{4})年(\d{1,2})月", text):
        end = _month_end(_month(m[1], int(m[2])))
        return end, end
    return None


def _month_end(start: date) -> date:
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


# The kinds of picture: the name a picture's `kind:` gives, and the reader that makes its spec.
KINDS: dict[str, Callable[[_Reader, Lined, str], Spec]] = {
    "chain": _Reader.chain,
    "bars": _Reader.bars,
    "timeline": _Reader.timeline,
    "table": _Reader.table,
}


def parse_pictures(data, path: str, article: Article, figures: dict[str, Figure], glossary: Glossary) -> Pictures:
    """Read and check the pictures file against the figures, glossary, blocks and translation."""
    reader = _Reader(article, figures, glossary, path)
    if not isinstance(data, dict) or not isinstance(data.get("pictures"), list) or not isinstance(data.get("words"), dict):
        raise SourceError(path, 1, "the pictures file needs `words:` and `pictures:`", "see the top of the file for the form")
    words = {key: reader.both(data["words"], key, f"words.{key}", digits_ok=False) for key in data["words"]}
    for needed in WORDS_NEEDED:
        if needed not in words:
            raise SourceError(path, data.line_of("words"), f"`words:` has no {needed!r}", f"add `{needed}: {{zh: …, en: …}}`")
    pictures: dict[str, Picture] = {}
    ids = Ids(path, "picture", "reporting-line")
    for entry in data["pictures"]:
        if not isinstance(entry, Lined):
            raise SourceError(path, data.line_of("pictures"), "a picture must be a mapping", "start each picture with `- id: …`")
        picture_id = ids.add(entry.get("id"), entry.line)
        what = f"picture {picture_id!r}"
        kind = one_of(entry.get("kind"), KINDS, path, entry.line_of("kind"), f"kind of {what}")
        spec = KINDS[kind](reader, entry, what)
        pictures[picture_id] = Picture(picture_id, kind, reader.both(entry, "name", what),
                                       reader.both(entry, "caption", what), spec, entry.line)
    return Pictures(words, pictures, path)
