"""Pictures: the reporting line, the scale of the bet, the timeline and two tables, drawn at build time.

They are HTML with small inline SVG shapes, so their words stay text: selectable,
searchable, translated, readable at any width and in print, with nothing loaded
from another host. Every word comes from a source (the rules are at the top of
seeds/pictures.yml) and is checked here when the file is read: numbers from
seeds/figures.yml, names from the glossary, the article's words from its blocks
and our translation of them. The outline says where each picture goes.
"""
from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from datetime import date

from .errors import SourceError
from .figures import Figure
from .outline import ANCHOR, check_pictures
from .project import LANGS, Project
from .seed import paragraph_number
from .sources import Lined, parse_yaml

KINDS = ("chain", "bars", "timeline", "table")
WORD_KINDS = ("figure", "term", "quote", "text")
DIGIT = re.compile(r"[0-9\uff10-\uff19]")
# The seed writes ASCII punctuation inside Chinese text; a quote may use the full-width forms.
FULL_WIDTH = str.maketrans("，：；（）！？", ",:;()!?")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def same_words(text: str) -> str:
    """Text as a quote is compared with its block: full-width and ASCII punctuation are the same."""
    return text.translate(FULL_WIDTH)


def quote_occurs(quote: str, text: str, lang: str) -> bool:
    """Whether a quote is the block's own words; an English quote may capitalise its first letter."""
    if lang == "zh":
        return same_words(quote) in same_words(text)
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


@dataclass(frozen=True)
class Picture:
    id: str
    kind: str
    name: dict[str, str]
    caption: dict[str, str]
    spec: dict  # the kind's own parts, with Words in place of word mappings
    line: int

    def words(self):
        """Every Words in the picture, in reading order."""
        def walk(value):
            if isinstance(value, Words):
                yield value
            elif isinstance(value, dict):
                for item in value.values():
                    yield from walk(item)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    yield from walk(item)
        yield from walk(self.spec)

    def figure_ids(self) -> list[str]:
        """The figures this picture shows, each once, in reading order."""
        ids = []
        for words in self.words():
            ids += [words.ref] if words.kind == "figure" else list(words.figures)
        for key in ("bars", "events"):
            for item in self.spec.get(key, ()):
                ids.append(item if isinstance(item, str) else item["figure"])
                if not isinstance(item, str):
                    ids += item.get("figures", [])
        if self.kind == "bars":
            ids.append(self.spec["compare_with"])
        return list(dict.fromkeys(ids))

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
    """Reads seeds/pictures.yml against the project's figures, glossary, blocks and translation."""

    def __init__(self, project: Project, path: str):
        self.project, self.path = project, path
        self.terms = project.glossary.by_id()

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
        if figure_id not in self.project.figures:
            raise self.error(line, f"{what}: {figure_id!r} is not a figure", "use an id from seeds/figures.yml, or add the figure there")
        return self.project.figures[figure_id]

    def block(self, block_id, line: int, what: str) -> str:
        if block_id not in self.project.block_by_id:
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
            form = entry.get("form")
            if form not in (None, "short"):
                raise self.error(entry.line_of("form"), f"{what}: unknown form {form!r}", "write `form: short` or leave it out")
            names = {lang: term.forms[lang][-1 if form == "short" else 0] for lang in LANGS}
            return Words("term", term.id, names, block, line=line)
        if kind == "text":
            return Words("text", "", self.both(entry, "text", what), block, line=line)
        texts = self.both(entry, "quote", what, digits_ok=True)
        if block is None:
            raise self.error(line, f"{what}: a quote needs the block it comes from", "add `block: pNN`")
        for lang in LANGS:
            source = self.project.text(block, lang)
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

    def chain(self, entry, what: str) -> dict:
        levels = []
        for number, level in enumerate(self.items(entry, "levels", what), 1):
            where = f"{what}, level {number}"
            nodes = []
            for node in self.items(level, "nodes", where):
                nodes.append({key: self.words(node[key], f"{where}, {key}")
                              for key in ("name", "role", "note") if node.get(key) is not None})
                if "name" not in nodes[-1]:
                    raise self.error(node.line, f"{where}: a box needs a `name`", "add `name: {term: id}` or a quote")
            link = None
            if number > 1:
                if level.get("link") is None or level.get("direction") not in ("up", "down"):
                    raise self.error(level.line, f"{where}: a level below the first needs `link` and `direction`",
                                     "add `link:` (the words on the arrow) and `direction: up` or `down`")
                link = {"words": self.words(level["link"], f"{where}, link"), "direction": level["direction"]}
            levels.append({"link": link, "nodes": nodes})
        return {"levels": levels}

    def bars(self, entry, what: str) -> dict:
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
            figure = self.project.figures[figure_id]
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
        return {"bars": bars, "compare_with": compare, "too_small": float(entry.get("too_small") or 0),
                "too_small_note": note,
                "axis": {"unit": unit, "per": {lang: float(per[lang]) for lang in LANGS}, "step": float(step),
                         "label": self.words(axis.get("label"), f"{what}, axis label")}}

    def timeline(self, entry, what: str) -> dict:
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
            events.append({"figure": figure.id, "as": kinds[0], "span": span,
                           "figures": self.figure_list(event, "figures", where) if "figures" in event else [],
                           **{key: self.words(event[key], f"{where}, {key}") for key in ("what", "detail") if key in event}})
        return {"events": events}

    def table(self, entry, what: str) -> dict:
        columns = [self.words(c, f"{what}, column heading") for c in self.items(entry, "columns", what)]
        rows = []
        for number, row in enumerate(self.items(entry, "rows", what), 1):
            cells = self.items(row, "cells", f"{what}, row {number}")
            if len(cells) != len(columns):
                raise self.error(row.line, f"{what}, row {number} has {len(cells)} cells for {len(columns)} columns",
                                 "give each row one cell per column")
            rows.append({"subject": bool(row.get("subject")),
                         "cells": [self.cell(cell, f"{what}, row {number}") for cell in cells]})
        return {"columns": columns, "rows": rows}

    def cell(self, cell, what: str) -> list:
        """A cell is one piece of words or a list of lines; a line that is a list is an inline list."""
        lines = cell if isinstance(cell, list) else [cell]
        return [[self.words(w, what) for w in line] if isinstance(line, list) else self.words(line, what) for line in lines]


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


def parse_pictures(data, path: str, project: Project) -> Pictures:
    """Read and check the pictures file against the figures, glossary, blocks and translation."""
    reader = _Reader(project, path)
    if not isinstance(data, dict) or not isinstance(data.get("pictures"), list) or not isinstance(data.get("words"), dict):
        raise SourceError(path, 1, "the pictures file needs `words:` and `pictures:`", "see the top of the file for the form")
    words = {key: reader.both(data["words"], key, f"words.{key}", digits_ok=False) for key in data["words"]}
    for needed in ("sources", "paragraph", "separator", "label_separator", "inferred"):
        if needed not in words:
            raise SourceError(path, data.line_of("words"), f"`words:` has no {needed!r}", f"add `{needed}: {{zh: …, en: …}}`")
    pictures: dict[str, Picture] = {}
    for entry in data["pictures"]:
        picture_id = entry.get("id") if isinstance(entry, dict) else None
        line = entry.line if isinstance(entry, Lined) else data.line_of("pictures")
        if not isinstance(picture_id, str) or not ANCHOR.fullmatch(picture_id):
            raise SourceError(path, line, f"picture id {picture_id!r} is not a readable ASCII id",
                              "use lowercase letters, digits and hyphens, e.g. `reporting-line`")
        if picture_id in pictures:
            raise SourceError(path, line, f"duplicate picture id {picture_id!r} (first at line {pictures[picture_id].line})",
                              "give one of them another id")
        kind = entry.get("kind")
        if kind not in KINDS:
            raise SourceError(path, entry.line_of("kind"), f"picture {picture_id!r}: unknown kind {kind!r}",
                              f"use one of: {', '.join(KINDS)}")
        what = f"picture {picture_id!r}"
        spec = getattr(reader, kind)(entry, what)
        pictures[picture_id] = Picture(picture_id, kind, reader.both(entry, "name", what),
                                       reader.both(entry, "caption", what), spec, line)
    return Pictures(words, pictures, path)




def load_pictures(project: Project) -> Pictures:
    """The project's pictures, checked against its figures, glossary and article; the outline must name them."""
    text, path = project.paths.read(project.paths.pictures)
    pictures = parse_pictures(parse_yaml(text, path), path, project)
    check_pictures(project.outline, list(pictures.pictures), project.paths.relative(project.paths.outline))
    return pictures


# -- drawing -------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _pct(share: float) -> str:
    """A share of the width as an SVG length; four decimals keep tiny bars true to scale."""
    return f"{share * 100:.4f}".rstrip("0").rstrip(".") + "%"


def format_ratio(ratio: float) -> str:
    """A computed share as a percentage with two significant digits: 0.000788 → 0.079%."""
    percent = ratio * 100
    digits = max(0, 1 - math.floor(math.log10(abs(percent)))) if percent else 0
    return f"{percent:.{digits}f}%"


class Drawing:
    """Draws the pictures of one language for one page."""

    def __init__(self, project: Project, pictures: Pictures, lang: str, page: str):
        self.project, self.pictures, self.lang = project, pictures, lang
        self.article = ("" if page == "index" else "../") + "article/"

    def w(self, key: str, **values) -> str:
        return self.pictures.words[key][self.lang].format(**values)

    # -- pieces --------------------------------------------------------------

    def words(self, words: Words) -> str:
        """Words as HTML, marked with where they come from so that tests can check them."""
        lang = self.lang
        if words.kind == "figure":
            figure = self.project.figures[words.ref]
            value = self.figure_part(figure, "value")
            if words.with_label:
                return f'{self.figure_part(figure, "label")}{_esc(self.w("label_separator"))}{value}'
            return value
        if words.kind == "term":
            return f'<span class="picture-term" data-term="{words.ref}">{_esc(words.text[lang])}</span>'
        if words.kind == "text":
            return f'<span class="picture-text">{_esc(words.text[lang])}</span>'
        text = _esc(words.text[lang])
        for figure_id in words.figures:
            figure = self.project.figures[figure_id]
            text = text.replace(_esc(figure.text[lang]), self.figure_part(figure, "value"), 1)
        return f'<span class="picture-quote" data-quote="{words.block}">{text}</span>'

    def figure_part(self, figure: Figure, part: str) -> str:
        text = {"value": figure.text, "label": figure.label, "period": figure.period,
                "inferred": figure.inferred}[part][self.lang]
        return f'<span class="picture-figure picture-figure--{part}" data-figure="{figure.id}" data-part="{part}">{_esc(text)}</span>'

    def source(self, block_id: str) -> str:
        label = _esc(self.w("paragraph", n=paragraph_number(block_id)))
        return f'<a class="picture-source" href="{self.article}#{block_id}">{label}</a>'

    def render(self, picture_id: str) -> str:
        """The <figure>: a visible title that names it, the drawing, and a caption with its sources."""
        picture = self.pictures.pictures[picture_id]
        anchor = f"picture-{picture.id}"
        body = getattr(self, f"draw_{picture.kind}")(picture)
        sources = self.w("separator").join(self.source(b) for b in picture.blocks(self.project.figures))
        return (f'<figure class="picture picture--{picture.kind}" id="{anchor}" data-picture="{picture.id}" '
                f'aria-labelledby="{anchor}-name" data-no-terms>'
                f'<p class="picture__name" id="{anchor}-name">{_esc(picture.name[self.lang])}</p>'
                f'{body}'
                f'<figcaption class="picture__caption">{_esc(picture.caption[self.lang])} '
                f'<span class="picture__sources">{_esc(self.w("sources"))} {sources}</span></figcaption>'
                f'</figure>')

    # -- the kinds -----------------------------------------------------------

    def draw_chain(self, picture: Picture) -> str:
        """Boxes from the top of the reporting line down; between levels an arrow with its words."""
        out = ['<ol class="org-chart">']
        for level in picture.spec["levels"]:
            nodes = level["nodes"]
            out.append(f'<li class="org-chart__level org-chart__level--{len(nodes)}">')
            if level["link"]:
                direction = level["link"]["direction"]
                out.append(f'<p class="org-chart__link org-chart__link--{direction}">'
                           f'<svg class="org-chart__arrow" aria-hidden="true" focusable="false" width="12" height="28" viewBox="0 0 12 28">'
                           + ('<path d="M6 27V3M1 8l5-6 5 6"/>' if direction == "up" else '<path d="M6 1v24M1 20l5 6 5-6"/>')
                           + f'</svg>{self.words(level["link"]["words"])}</p>')
            out.append('<ul class="org-chart__nodes">')
            for node in nodes:
                parts = [f'<span class="org-chart__name">{self.words(node["name"])}</span>']
                for key in ("role", "note"):
                    if key in node:
                        parts.append(f'<span class="org-chart__{key}">{self.words(node[key])}</span>')
                out.append(f'<li class="org-chart__node">{"".join(parts)}</li>')
            out.append("</ul></li>")
        out.append("</ol>")
        return "".join(out)

    def draw_bars(self, picture: Picture) -> str:
        """Horizontal bars on one linear axis from zero, each labelled with its value and its period."""
        spec, lang = picture.spec, self.lang
        figures = self.project.figures
        axis = spec["axis"]
        top = max(float(figures[f].value) for f in spec["bars"])
        maximum = math.ceil(top / axis["step"]) * axis["step"]
        ticks = [i * axis["step"] for i in range(int(round(maximum / axis["step"])) + 1)]
        grid = "".join(f'<line class="bar-chart__grid" x1="{_pct(t / maximum)}" x2="{_pct(t / maximum)}" y1="0" y2="100%"/>'
                       for t in ticks)
        out = ['<div class="bar-chart">']
        for figure_id in spec["bars"]:
            figure = figures[figure_id]
            share = float(figure.value) / maximum
            out.append(f'<div class="bar-chart__row" data-bar="{figure.id}">')
            out.append(f'<p class="bar-chart__label">{self.figure_part(figure, "label")}'
                       + (f'<span class="bar-chart__period">{self.figure_part(figure, "period")}</span>' if figure.period else "")
                       + "</p>")
            out.append(f'<p class="bar-chart__value">{self.figure_part(figure, "value")} {self.source(figure.source)}</p>')
            out.append(f'<svg class="bar-chart__track" aria-hidden="true" focusable="false" width="100%" height="24">{grid}'
                       f'<rect class="bar-chart__bar" data-share="{share:.8f}" x="0" y="3" width="{_pct(share)}" height="18"/></svg>')
            if share < spec["too_small"]:
                compare = figures[spec["compare_with"]]
                ratio = float(figure.value) / float(compare.value)
                computed = (f'<span class="picture-computed" data-computed="{figure.id}/{compare.id}" '
                            f'data-ratio="{ratio:.8f}">{format_ratio(ratio)}</span>')
                note = _esc(spec["too_small_note"][lang]).replace("{ratio}", computed)
                out.append(f'<p class="bar-chart__note">{note}</p>')
            out.append("</div>")
        per = axis["per"][lang]
        labels = []
        for t in ticks:
            anchor = "start" if t == 0 else "end" if t == ticks[-1] else "middle"
            number = f"{t / per:g}"
            labels.append(f'<line class="bar-chart__tick" x1="{_pct(t / maximum)}" x2="{_pct(t / maximum)}" y1="0" y2="6"/>'
                          f'<text class="bar-chart__tick-label" data-axis-tick="{t:.0f}" data-share="{t / maximum:.8f}" '
                          f'x="{_pct(t / maximum)}" y="20" text-anchor="{anchor}">{number}</text>')
        out.append('<div class="bar-chart__axis">'
                   f'<svg class="bar-chart__scale" focusable="false" width="100%" height="26" '
                   f'aria-label="{_esc(axis["label"].text[lang])}" role="img">'
                   f'<line class="bar-chart__baseline" x1="0" x2="100%" y1="0" y2="0"/>{"".join(labels)}</svg>'
                   f'<p class="bar-chart__unit">{self.words(axis["label"])}</p></div>')
        out.append("</div>")
        return "".join(out)

    def draw_timeline(self, picture: Picture) -> str:
        """A strip drawn to scale in time, then the events in order with their figures and sources."""
        events = picture.spec["events"]
        figures = self.project.figures
        start = min(e["span"][0] for e in events).replace(day=1)
        end = max(e["span"][1] for e in events)
        length = (end - start).days or 1

        def x(day: date) -> float:
            return (day - start).days / length

        strip = ['<svg class="timeline__strip" aria-hidden="true" focusable="false" width="100%" height="64">',
                 '<line class="timeline__axis" x1="0" x2="100%" y1="34" y2="34"/>']
        for event in events:
            a, b = x(event["span"][0]), x(event["span"][1])
            if event["as"] == "period" and b - a > 0.05:
                strip.append(f'<rect class="timeline__band" x="{_pct(a)}" y="27" width="{_pct(b - a)}" height="14" rx="3"/>')
        count = len(events)
        for number, event in enumerate(events):
            a, b = x(event["span"][0]), x(event["span"][1])
            if event["as"] == "period" and b - a > 0.05:
                middle = (a + b) / 2
                strip.append(f'<text class="timeline__strip-label timeline__strip-label--below" x="{_pct(middle)}" y="60" '
                             f'text-anchor="middle" data-figure="{event["figure"]}" data-part="period">'
                             f'{_esc(figures[event["figure"]].period[self.lang])}</text>')
                continue
            point = b if event["as"] == "period" else (a + b) / 2 if b > a else a
            strip.append(f'<circle class="timeline__dot" cx="{_pct(point)}" cy="34" r="6"/>')
            figure = figures[event["figure"]]
            part = "value" if event["as"] == "date" else "period"
            label = figure.text[self.lang] if part == "value" else figure.period[self.lang]
            anchor = "start" if number == 0 else "end"
            shift = ' dx="-2"' if number == count - 1 else ""
            middle = 0 < number < count - 1
            strip.append(f'<text class="timeline__strip-label{" timeline__strip-label--middle" if middle else ""}" '
                         f'x="{_pct(point if middle else (0 if number == 0 else 1))}" '
                         f'y="16" text-anchor="{anchor}"{shift} data-figure="{figure.id}" data-part="{part}">{_esc(label)}</text>')
        strip.append("</svg>")
        out = ['<div class="timeline">', "".join(strip), '<ol class="timeline__events">']
        for event in events:
            figure = figures[event["figure"]]
            when = self.figure_part(figure, "value" if event["as"] == "date" else "period")
            out.append(f'<li class="timeline__event timeline__event--{event["as"]}" data-event="{figure.id}">')
            out.append(f'<p class="timeline__when">{when}</p>')
            what = self.words(event["what"]) if "what" in event else self.figure_part(figure, "label")
            out.append(f'<p class="timeline__what">{what}</p>')
            for figure_id in event["figures"]:
                shown = figures[figure_id]
                out.append(f'<p class="timeline__figure">{self.figure_part(shown, "label")}{_esc(self.w("label_separator"))}'
                           f'<strong>{self.figure_part(shown, "value")}</strong></p>')
            if "detail" in event:
                out.append(f'<p class="timeline__detail">{self.words(event["detail"])}</p>')
            if figure.inferred and event["as"] == "date":
                out.append(f'<p class="timeline__inferred"><span class="picture-text">{_esc(self.w("inferred"))}</span>'
                           f'{_esc(self.w("label_separator"))}{self.figure_part(figure, "inferred")}</p>')
            out.append("</li>")
        out.append("</ol></div>")
        return "".join(out)

    def draw_table(self, picture: Picture) -> str:
        """A table; at phone width each row becomes a card whose cells repeat their column heading.

        No explicit ARIA roles: HTML forbids them on table parts (the Nu checker says so).
        """
        columns = picture.spec["columns"]
        heads = [c.text[self.lang] for c in columns]
        out = ['<table class="picture-table">', '<thead><tr>']
        out += [f'<th scope="col">{self.words(c)}</th>' for c in columns]
        out.append('</tr></thead><tbody>')
        for row in picture.spec["rows"]:
            out.append('<tr class="picture-table__subject">' if row["subject"] else '<tr>')
            for number, cell in enumerate(row["cells"]):
                lines = "".join(
                    '<span class="picture-table__line">'
                    + (_esc(self.w("separator")).join(self.words(w) for w in line) if isinstance(line, list) else self.words(line))
                    + "</span>" for line in cell)
                if number == 0:
                    out.append(f'<th scope="row">{lines}</th>')
                else:
                    out.append(f'<td data-label="{_esc(heads[number])}">{lines}</td>')
            out.append("</tr>")
        out.append("</tbody></table>")
        return "".join(out)
