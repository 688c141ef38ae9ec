"""Pictures drawn at build time: the reporting line, the scale of the bet, the timeline and two tables.

They are HTML with small inline SVG shapes, so their words stay text: selectable,
searchable, translated, readable at any width and in print, with nothing loaded
from another host. `sources.pictures` has checked where every word comes from;
each word is marked here with its source (data-figure, data-quote, data-term) so
that tests can check it again on the built page.
"""
from __future__ import annotations

import html
import math
from datetime import date

from ..sources.figures import Figure
from ..sources.pictures import Bars, Chain, Picture, Table, Timeline, Words
from ..sources.project import Project
from ..sources.seed import paragraph_number


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

    def __init__(self, project: Project, lang: str, page: str):
        self.project, self.pictures, self.lang = project, project.pictures, lang
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
        body = DRAW[type(picture.spec)](self, picture.spec)
        sources = self.w("separator").join(self.source(b) for b in picture.blocks(self.project.figures))
        return (f'<figure class="picture picture--{picture.kind}" id="{anchor}" data-picture="{picture.id}" '
                f'aria-labelledby="{anchor}-name" data-no-terms>'
                f'<p class="picture__name" id="{anchor}-name">{_esc(picture.name[self.lang])}</p>'
                f'{body}'
                f'<figcaption class="picture__caption">{_esc(picture.caption[self.lang])} '
                f'<span class="picture__sources">{_esc(self.w("sources"))} {sources}</span></figcaption>'
                f'</figure>')

    # -- the kinds -----------------------------------------------------------

    def chain(self, spec: Chain) -> str:
        """Boxes from the top of the reporting line down; between levels an arrow with its words."""
        out = ['<ol class="org-chart">']
        for level in spec.levels:
            out.append(f'<li class="org-chart__level org-chart__level--{len(level.boxes)}">')
            if level.link:
                direction = level.link.direction
                out.append(f'<p class="org-chart__link org-chart__link--{direction}">'
                           f'<svg class="org-chart__arrow" aria-hidden="true" focusable="false" width="12" height="28" viewBox="0 0 12 28">'
                           + ('<path d="M6 27V3M1 8l5-6 5 6"/>' if direction == "up" else '<path d="M6 1v24M1 20l5 6 5-6"/>')
                           + f'</svg>{self.words(level.link.words)}</p>')
            out.append('<ul class="org-chart__nodes">')
            for box in level.boxes:
                parts = [f'<span class="org-chart__name">{self.words(box.name)}</span>']
                for key in ("role", "note"):
                    if getattr(box, key) is not None:
                        parts.append(f'<span class="org-chart__{key}">{self.words(getattr(box, key))}</span>')
                out.append(f'<li class="org-chart__node">{"".join(parts)}</li>')
            out.append("</ul></li>")
        out.append("</ol>")
        return "".join(out)

    def bars(self, spec: Bars) -> str:
        """Horizontal bars on one linear axis from zero, each labelled with its value and its period."""
        lang = self.lang
        figures = self.project.figures
        axis = spec.axis
        top = max(float(figures[f].value) for f in spec.bars)
        maximum = math.ceil(top / axis.step) * axis.step
        ticks = [i * axis.step for i in range(int(round(maximum / axis.step)) + 1)]
        grid = "".join(f'<line class="bar-chart__grid" x1="{_pct(t / maximum)}" x2="{_pct(t / maximum)}" y1="0" y2="100%"/>'
                       for t in ticks)
        out = ['<div class="bar-chart">']
        for figure_id in spec.bars:
            figure = figures[figure_id]
            share = float(figure.value) / maximum
            out.append(f'<div class="bar-chart__row" data-bar="{figure.id}">')
            out.append(f'<p class="bar-chart__label">{self.figure_part(figure, "label")}'
                       + (f'<span class="bar-chart__period">{self.figure_part(figure, "period")}</span>' if figure.period else "")
                       + "</p>")
            out.append(f'<p class="bar-chart__value">{self.figure_part(figure, "value")} {self.source(figure.source)}</p>')
            out.append(f'<svg class="bar-chart__track" aria-hidden="true" focusable="false" width="100%" height="24">{grid}'
                       f'<rect class="bar-chart__bar" data-share="{share:.8f}" x="0" y="3" width="{_pct(share)}" height="18"/></svg>')
            if share < spec.too_small:
                compare = figures[spec.compare_with]
                ratio = float(figure.value) / float(compare.value)
                computed = (f'<span class="picture-computed" data-computed="{figure.id}/{compare.id}" '
                            f'data-ratio="{ratio:.8f}">{format_ratio(ratio)}</span>')
                note = _esc(spec.too_small_note[lang]).replace("{ratio}", computed)
                out.append(f'<p class="bar-chart__note">{note}</p>')
            out.append("</div>")
        per = axis.per[lang]
        labels = []
        for t in ticks:
            anchor = "start" if t == 0 else "end" if t == ticks[-1] else "middle"
            number = f"{t / per:g}"
            labels.append(f'<line class="bar-chart__tick" x1="{_pct(t / maximum)}" x2="{_pct(t / maximum)}" y1="0" y2="6"/>'
                          f'<text class="bar-chart__tick-label" data-axis-tick="{t:.0f}" data-share="{t / maximum:.8f}" '
                          f'x="{_pct(t / maximum)}" y="20" text-anchor="{anchor}">{number}</text>')
        out.append('<div class="bar-chart__axis">'
                   f'<svg class="bar-chart__scale" focusable="false" width="100%" height="26" '
                   f'aria-label="{_esc(axis.label.text[lang])}" role="img">'
                   f'<line class="bar-chart__baseline" x1="0" x2="100%" y1="0" y2="0"/>{"".join(labels)}</svg>'
                   f'<p class="bar-chart__unit">{self.words(axis.label)}</p></div>')
        out.append("</div>")
        return "".join(out)

    def timeline(self, spec: Timeline) -> str:
        """A strip drawn to scale in time, then the events in order with their figures and sources."""
        events = spec.events
        figures = self.project.figures
        start = min(e.span[0] for e in events).replace(day=1)
        end = max(e.span[1] for e in events)
        length = (end - start).days or 1

        def x(day: date) -> float:
            return (day - start).days / length

        strip = ['<svg class="timeline__strip" aria-hidden="true" focusable="false" width="100%" height="64">',
                 '<line class="timeline__axis" x1="0" x2="100%" y1="34" y2="34"/>']
        for event in events:
            a, b = x(event.span[0]), x(event.span[1])
            if event.role == "period" and b - a > 0.05:
                strip.append(f'<rect class="timeline__band" x="{_pct(a)}" y="27" width="{_pct(b - a)}" height="14" rx="3"/>')
        count = len(events)
        for number, event in enumerate(events):
            a, b = x(event.span[0]), x(event.span[1])
            if event.role == "period" and b - a > 0.05:
                middle = (a + b) / 2
                strip.append(f'<text class="timeline__strip-label timeline__strip-label--below" x="{_pct(middle)}" y="60" '
                             f'text-anchor="middle" data-figure="{event.figure}" data-part="period">'
                             f'{_esc(figures[event.figure].period[self.lang])}</text>')
                continue
            point = b if event.role == "period" else (a + b) / 2 if b > a else a
            strip.append(f'<circle class="timeline__dot" cx="{_pct(point)}" cy="34" r="6"/>')
            figure = figures[event.figure]
            part = "value" if event.role == "date" else "period"
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
            figure = figures[event.figure]
            when = self.figure_part(figure, "value" if event.role == "date" else "period")
            out.append(f'<li class="timeline__event timeline__event--{event.role}" data-event="{figure.id}">')
            out.append(f'<p class="timeline__when">{when}</p>')
            what = self.words(event.what) if event.what else self.figure_part(figure, "label")
            out.append(f'<p class="timeline__what">{what}</p>')
            for figure_id in event.figures:
                shown = figures[figure_id]
                out.append(f'<p class="timeline__figure">{self.figure_part(shown, "label")}{_esc(self.w("label_separator"))}'
                           f'<strong>{self.figure_part(shown, "value")}</strong></p>')
            if event.detail:
                out.append(f'<p class="timeline__detail">{self.words(event.detail)}</p>')
            if figure.inferred and event.role == "date":
                out.append(f'<p class="timeline__inferred"><span class="picture-text">{_esc(self.w("inferred"))}</span>'
                           f'{_esc(self.w("label_separator"))}{self.figure_part(figure, "inferred")}</p>')
            out.append("</li>")
        out.append("</ol></div>")
        return "".join(out)

    def table(self, spec: Table) -> str:
        """A table; at phone width each row becomes a card whose cells repeat their column heading.

        No explicit ARIA roles: HTML forbids them on table parts (the Nu checker says so).
        """
        columns = spec.columns
        heads = [c.text[self.lang] for c in columns]
        out = ['<table class="picture-table">', '<thead><tr>']
        out += [f'<th scope="col">{self.words(c)}</th>' for c in columns]
        out.append('</tr></thead><tbody>')
        for row in spec.rows:
            out.append('<tr class="picture-table__subject">' if row.subject else '<tr>')
            for number, cell in enumerate(row.cells):
                lines = "".join(
                    '<span class="picture-table__line">'
                    + (_esc(self.w("separator")).join(self.words(w) for w in line) if isinstance(line, tuple) else self.words(line))
                    + "</span>" for line in cell)
                if number == 0:
                    out.append(f'<th scope="row">{lines}</th>')
                else:
                    out.append(f'<td data-label="{_esc(heads[number])}">{lines}</td>')
            out.append("</tr>")
        out.append("</tbody></table>")
        return "".join(out)


# How each kind of picture is drawn: one method per spec class of sources.pictures.KINDS.
DRAW = {Chain: Drawing.chain, Bars: Drawing.bars, Timeline: Drawing.timeline, Table: Drawing.table}
