"""Blocks → pages: the Markdown of every page, in either language.

Hand-written pages (docs/<lang>/<page>.md) are expanded: each outline section
gets its picture and the article passages it quotes, `{{ figure-id }}` becomes the figure's
value and `{{ cards … }}` a row of figure cards. The article and glossary pages
are generated whole from the seed, the translation and the glossary.
Nothing here knows about MkDocs.
"""
from __future__ import annotations

import html
import re

from ..languages import PAGES, TOPIC_PAGES, other_language
from ..sources.markdown import SHORTCODE, heading, lines as markdown_lines
from ..sources.project import Project
from ..sources.seed import paragraph_number
from .pictures import Drawing

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape_md(text: str) -> str:
    """Block text as literal Markdown: no emphasis, links or HTML can come out of it."""
    return MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


class PageBuilder:
    """Builds the Markdown of the pages of one language."""

    def __init__(self, project: Project, lang: str, stale: frozenset[str] = frozenset(), translation_line_link=None):
        """`stale` names the English texts whose Chinese changed since: p07, organization#structure, glossary dit.
        `translation_line_link(line)` is the address of a line of the translation file, when the repository is known.
        """
        self.project, self.lang, self.stale = project, lang, stale
        self.translation_line_link = translation_line_link
        self.titles = {name: project.title(lang, name) for name in PAGES}
        self.uses = project.uses[lang]
        self.strings = {key: value[lang] for key, value in project.strings.items()}

    def s(self, key: str, **values) -> str:
        return self.strings[key].format(**values)

    # -- pieces ---------------------------------------------------------------

    def figure_text(self, figure_id: str, part: str = "value") -> str:
        """A figure's value as written (2200万 / 22 million), or its period (`{{ id period }}`: 2024年 / 2024),
        as a link to the paragraph it comes from: its preview shows the sentence."""
        figure = self.project.figures[figure_id]
        text = figure.text[self.lang] if part == "value" else figure.period[self.lang]
        return (f'[{escape_md(text)}](article.md#{figure.source})'
                f'{{ .figure-value data-figure="{figure.id}" data-part="{part}" }}')

    def cards(self, figure_ids: list[str]) -> str:
        """A row of figure cards: value, what it measures, its period, and its source paragraph."""
        out = ['<div class="figure-cards" markdown>', ""]
        for figure_id in figure_ids:
            figure = self.project.figures[figure_id]
            out.append(f'<div class="figure-card" data-figure="{figure.id}" markdown>')
            out.append(f'<span class="figure-card__value">{html.escape(figure.text[self.lang])}</span>')
            out.append(f'<span class="figure-card__label">{html.escape(figure.label[self.lang])}</span>')
            if figure.period:
                out.append(f'<span class="figure-card__period">{html.escape(figure.period[self.lang])}</span>')
            if figure.inferred:
                out.append(f'<span class="figure-card__inferred">{html.escape(figure.inferred[self.lang])}</span>')
            out.append(f'[{self.s("figure_source", n=paragraph_number(figure.source))}]'
                       f'(article.md#{figure.source}){{ .figure-card__source }}')
            out += ["</div>", ""]
        out += ["</div>", ""]
        return "\n".join(out)

    def passage(self, block_ids: list[str]) -> str:
        """The article's own words for consecutive blocks, marked as a quote with links to the article."""
        first = self.project.block_by_id[block_ids[0]]
        lines = [f'<blockquote class="passage" lang="{self.lang}" data-blocks="{" ".join(block_ids)}" markdown>', ""]
        if first.kind == "heading":
            lines += [self.s("passage_heading", heading=escape_md(self.project.text(first.id, self.lang))), ""]
        elif first.is_item:
            for block_id in block_ids:
                block = self.project.block_by_id[block_id]
                marker = block.marker if block.marker != "•" else "-"
                lines.append(f"{marker} {escape_md(self.project.text(block_id, self.lang))} "
                             f"[¶{paragraph_number(block_id)}](article.md#{block_id}){{ .passage-source }}"
                             f"{self._translation_edit(block_id)}")
            lines.append("")
        else:
            lines += [escape_md(self.project.text(first.id, self.lang)), ""]
        if not first.is_item:
            label = self.s("passage_label", n=paragraph_number(first.id))
            lines += [f"[{label}](article.md#{first.id}){{ .passage-source }}{self._translation_edit(first.id)}", ""]
        lines += ["</blockquote>", ""]
        lines += [note for block_id in block_ids if (note := self.our_note(block_id, "p"))]
        return "\n".join(lines) + "\n"

    def passages(self, block_ids: tuple[str, ...]) -> str:
        """Group consecutive list items into one quote; everything else is a quote of its own."""
        groups: list[list[str]] = []
        for block_id in block_ids:
            block = self.project.block_by_id[block_id]
            previous = groups[-1][-1] if groups else None
            if (block.is_item and previous and self.project.block_by_id[previous].is_item
                    and not block.list_start and self._adjacent(previous, block_id)):
                groups[-1].append(block_id)
            else:
                groups.append([block_id])
        return "\n".join(self.passage(group) for group in groups)

    def _adjacent(self, a: str, b: str) -> bool:
        return self.project.article.position[b] == self.project.article.position[a] + 1

    def source_line(self) -> str:
        """The line under a topic page's title: whose article it quotes (the byline block), and where it is whole."""
        byline = next(block for block in self.project.blocks if block.kind == "byline")
        link = f"[{escape_md(self.project.text(byline.id, self.lang))}](article.md#{byline.id})"
        return f'<p class="source-line" data-blocks="{byline.id}" markdown>{self.s("source_line", byline=link)}</p>\n'

    # -- pages ----------------------------------------------------------------

    def expand(self, name: str, markdown: str) -> str:
        """A hand-written page with its passages, figures and cards filled in."""
        sections = {section.id: section for section in self.project.outline.get(name, ())}
        self.page_depth = 0 if name == "index" else 1
        out: list[str] = []
        pending = ""  # passages waiting for the end of their section
        for _, line, code in markdown_lines(markdown.splitlines()):
            parts = None if code else heading(line)
            if code or not parts or parts[0] > 2:
                out.append(line if code else SHORTCODE.sub(self._shortcode, line))
                continue
            level, _, anchor = parts
            if pending:
                out += [pending, ""]
                pending = ""
            if level == 1:
                out.append(line if anchor else f"{line} {{ #{name} }}")
                if name in TOPIC_PAGES:
                    out += ["", self.source_line()]
                out += self.stale_note(f"{name}#title")
                continue
            section = sections.get(anchor or "")
            if section and (section.blocks or section.picture):
                pending = self.section_end(name, section)
            out += [line, *self.stale_note(f"{name}#{anchor}")]
        if pending:
            out += ["", pending]
        return "\n".join(out) + "\n"

    def stale_note(self, key: str) -> list[str]:
        """A visible warning on English text whose Chinese changed after it was translated."""
        if self.lang == "zh" or key not in self.stale:
            return []
        text = self.s("stale_block" if key.startswith("glossary ") else "stale_section")
        return ["", f'<p class="stale-note" data-stale="{key}">{html.escape(text)}</p>', ""]

    def section_end(self, page: str, section) -> str:
        """What closes a section after our text: its picture, then the article's passages."""
        parts = []
        if section.picture:
            parts += [Drawing(self.project, self.lang, page).render(section.picture), ""]
        if section.blocks:
            parts.append(self.passages(section.blocks))
        return "\n".join(parts)

    def _shortcode(self, match: re.Match) -> str:
        name, args = match[1], match[2].split()
        if name == "cards":
            return self.cards(args)
        if name == "article":
            return self.article()
        if name == "glossary":
            return self.glossary()
        if name == "figure-data":
            return self.figure_data()
        return self.figure_text(name, *args)

    def article(self) -> str:
        """Every block, in the page's language first and the other language beside it."""
        other = other_language(self.lang)
        out = [f'<p class="article-lead">{html.escape(self.s("article_lead"))}</p>', "", self.reading_modes(), ""]
        open_list = None
        for block in self.project.blocks:
            mine = html.escape(self.project.text(block.id, self.lang))
            theirs = html.escape(self.project.text(block.id, other))
            if open_list and not (block.is_item and not block.list_start):
                out += [f"</{open_list}>", ""]
                open_list = None
            link = (f'<a class="para-link" href="#{block.id}" data-search-exclude '
                    f'aria-label="{html.escape(self.s("paragraph_link", n=paragraph_number(block.id)))}">'
                    f'¶{paragraph_number(block.id)}</a>')
            pair = (f'<span class="parallel__mine" lang="{self.lang}">{mine}</span>'
                    f'<span class="parallel__other" lang="{other}">{theirs}</span>{self._block_notes(block.id)}')
            if block.kind == "heading":
                out += [f"## {escape_md(self.project.text(block.id, self.lang))} {{ #{block.id} }}", "",
                        f'<p class="heading-other"><span class="parallel__other" lang="{other}">{theirs}</span>'
                        f'{self._block_notes(block.id)}</p>', ""]
            elif block.is_item:
                if block.list_start:
                    open_list = "ol" if block.marker[0].isdigit() else "ul"
                    out.append(f'<{open_list} class="parallel-list">')
                out.append(f'<li id="{block.id}" class="parallel" data-block="{block.id}">{link}{pair}</li>')
            else:
                out += [f'<p id="{block.id}" class="parallel parallel--{block.kind}" data-block="{block.id}">'
                        f'{link}{pair}</p>', ""]
        if open_list:
            out.append(f"</{open_list}>")
        return "\n".join(out)

    def figure_data(self) -> str:
        """Links to the open figures (figures.csv, figures.json at the site's root), with their licence."""
        root = "../" * (self.page_depth + (self.lang != "zh"))
        links = {kind: f'<a href="{root}figures.{kind}" download>figures.{kind}</a>' for kind in ("csv", "json")}
        text = html.escape(self.strings["figure_data"]).format(**links)
        return f'<p class="figure-data" data-search-exclude>{text} {html.escape(self.s("figure_data_licence"))}</p>'

    def reading_modes(self) -> str:
        """Chinese only, English only, or both: radio buttons that the page's CSS follows, so they work without
        script (assets/links.js remembers the choice, on both languages' sites)."""
        options = "".join(
            f'<label class="reading-modes__option"><input type="radio" name="reading-mode" value="{value}"'
            f'{" checked" if value == "both" else ""}> {html.escape(self.s(f"reading_{value}"))}</label>'
            for value in ("zh", "en", "both"))
        return (f'<fieldset class="reading-modes" data-search-exclude><legend>{html.escape(self.s("reading_modes"))}'
                f'</legend>{options}</fieldset>')

    def _translation_edit(self, block_id: str, always: bool = False) -> str:
        """A pencil linking to the line of the translation file that holds a block's English.

        On English pages, and on the article page in both languages (it shows the English
        too); only when the repository is known.
        """
        if not self.translation_line_link or not (always or self.lang == "en"):
            return ""
        href = html.escape(self.translation_line_link(self.project.translations[block_id].text_line))
        label = html.escape(self.s("edit_translation", n=paragraph_number(block_id)))
        return f' <a class="para-edit" href="{href}" aria-label="{label}"></a>'

    def _block_notes(self, block_id: str) -> str:
        """After a block's two languages: our note on it, the stale mark, and the link to its translation's line."""
        notes = self.our_note(block_id, "span")
        if block_id in self.stale:
            notes += f'<span class="stale-note" data-stale="{block_id}">{html.escape(self.s("stale_block"))}</span>'
        return notes + self._translation_edit(block_id, always=True)

    def our_note(self, block_id: str, element: str) -> str:
        """Our note on a block (seeds/notes.yml), labelled as ours; empty when there is none."""
        note = self.project.notes.get(block_id)
        if not note:
            return ""
        return (f'<{element} class="block-note" data-note="{block_id}" lang="{self.lang}">'
                f'{html.escape(self.s("block_note", text=note[self.lang]))}</{element}>')

    def glossary(self) -> str:
        """The glossary grouped, each term with its names, what the article says, its own words, our background,
        and where it appears."""
        other = other_language(self.lang)
        out = []
        for group in self.project.glossary.groups:
            out += [f"## {escape_md(group.names[self.lang])} {{ #{group.id} }}", ""]
            for term in self.project.glossary.in_group(group.id):
                names = " · ".join(  # the heading is the first name; here the others, in both languages
                    [html.escape(f) for f in term.forms[self.lang][1:]]
                    + [f'<span lang="{other}">{html.escape(f)}</span>' for f in term.forms[other]
                       if f not in term.forms[self.lang]])
                out += [f"### {escape_md(term.name(self.lang))} {{ #{term.id} }}", "",
                        f'<div data-term-entry="{term.id}" data-no-terms markdown>', ""]
                if names:
                    out += [f'<p class="term-names"><b>{self.s("glossary_names")}</b> {names}</p>', ""]
                out += [escape_md(term.article[self.lang]), ""]
                if term.quote:  # the article's own words, checked against the block when the glossary was read
                    out += [f'<p class="term-quote" markdown>'
                            f'{self.s("glossary_quote", n=paragraph_number(term.explained_in), id=term.explained_in, quote=escape_md(term.quote[self.lang]))}'
                            f'</p>', ""]
                if term.background[self.lang]:
                    out += [f'<p class="term-background" markdown>'
                            f'{self.s("glossary_background", text=escape_md(term.background[self.lang]))}</p>', ""]
                out += self.stale_note(f"glossary {term.id}")
                pages = [f"[{escape_md(self.titles[name])}]({name}.md)" for name in self.uses.pages.get(term.id, [])]
                if blocks := self.uses.blocks.get(term.id):
                    label = self.s("glossary_in_article", title=self.titles["article"], n=paragraph_number(blocks[0]))
                    pages.append(f"[{escape_md(label)}](article.md#{blocks[0]})")
                if pages:
                    out += [self.s("glossary_pages", links=self.s("list_separator").join(pages)), ""]
                out += ["</div>", ""]
        return "\n".join(out)
