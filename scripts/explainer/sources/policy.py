"""What a source may contain, judged on the parsed value: nothing that can run script or send a reader elsewhere.

Editors write plain text (YAML values) and Markdown (page files, seeds/strings.yml); neither
may carry raw HTML. A YAML value is judged after YAML has unescaped it (`"\\x3cscript>"` is a
`<script>`), a page after Markdown has rendered it (an attribute list `{ onclick=… }` is an
attribute), and an HTML fragment by an HTML5 parser (nh3, html5ever), not by patterns of
ours. Chinese text must use Chinese punctuation (`typography`). Every refusal names the
file, the line and the fix.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable

import nh3

from ..errors import SourceError
from ..typography import chinese_punctuation
from .markdown import SHORTCODE_LIKE

FIX_HTML = "write plain text or Markdown: the site's HTML is made by the build, and nothing an editor writes may run script"
# What Markdown (with the site's extensions: attr_list, admonition, md_in_html, toc) makes of an editor's text.
MARKDOWN_TAGS = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                 "blockquote", "hr", "br", "img", "div", "span", "table", "thead", "tbody", "tr", "th", "td"}
MARKDOWN_ATTRIBUTES = {"*": {"id", "class"}, "a": {"href", "title"}, "img": {"src", "alt", "title"},
                       "th": {"align"}, "td": {"align"}}
URL_ATTRIBUTES = {"href", "src"}
DANGEROUS = {"script": "runs script", "iframe": "embeds another page", "object": "embeds a program",
             "embed": "embeds a program", "meta": "can send readers to another site", "base": "changes where every link leads",
             "form": "sends what readers type elsewhere", "link": "loads files", "style": "restyles the page",
             "svg": "can run script", "math": "can run script"}
# Browsers drop tabs and newlines anywhere in a URL (URL standard); Markdown turns a tab into spaces. Judged
# without any white space, `java	script:` is what it looks like.
WHITESPACE_IN_URL = re.compile(r"\s")


class SourceText:
    """One source's text values, judged as they will be shown; errors name `path` and a line."""

    def __init__(self, path: str | Path):
        self.path = str(path)

    def error(self, line: int | None, message: str, fix: str) -> SourceError:
        return SourceError(self.path, line, message, fix)

    def plain(self, value: str, line: int | None, lang: str | None) -> None:
        """A text value shown as text (a definition, a label): no HTML at all; Chinese punctuation in Chinese."""
        if nh3.is_html(value):
            raise self.error(line, f"the text contains HTML ({describe_html(value)})", FIX_HTML)
        if shortcode := SHORTCODE_LIKE.search(value):
            raise self.error(line, f"{shortcode[0]!r} in a text value: shortcodes work in page files only",
                             "write the words themselves here (a figure's value, as seeds/figures.yml gives it)")
        if lang == "zh":
            self.chinese(value, line)

    def chinese(self, value: str, line: int | None) -> None:
        if (wanted := chinese_punctuation(value)) != value:
            at = next(i for i, (a, b) in enumerate(zip(value, wanted)) if a != b)
            raise self.error(line, f"ASCII punctuation in Chinese text: {value[max(0, at - 8):at + 8]!r}",
                             f"write {wanted[max(0, at - 8):at + 8]!r}: Chinese text uses full-width ，：；？！（）")

    def markdown(self, lines: Iterable[tuple[int, str]], lang: str | None, render=None) -> str:
        """Markdown as an editor writes it, given as (line number, text) pairs outside code blocks.

        No raw HTML; what Markdown renders only uses the tags and attributes Markdown makes,
        and links stay on this site. `render` turns the lines into HTML (the site's Markdown).
        """
        lines = list(lines)
        for number, line in lines:
            if nh3.is_html(_without_code_spans(line)):
                raise self.error(number, f"raw HTML in Markdown ({describe_html(_without_code_spans(line))})", FIX_HTML)
        html = (render or render_markdown)("\n".join(line for _, line in lines))
        for problem, needle in problems(html):
            raise self.error(_line_of(lines, needle), problem[0], problem[1])
        if lang == "zh":
            for text in chinese_texts(html):
                if chinese_punctuation(text) != text:
                    at = next(i for i, (a, b) in enumerate(zip(text, chinese_punctuation(text))) if a != b)
                    self.chinese(text, _line_of(lines, text[max(0, at - 3):at + 3]))
        return html

    def yaml(self, data, lang: str | None = None, line: int | None = None, markdown_keys: bool = False) -> None:
        """Every string in parsed YAML data; the language is that of the nearest `zh:` or `en:` key above it."""
        if isinstance(data, dict):
            for key, value in data.items():
                key_line = data.line_of(key) if hasattr(data, "line_of") else line
                self.yaml(value, key if key in ("zh", "en") else lang, key_line, markdown_keys)
        elif isinstance(data, list):
            for item in data:
                self.yaml(item, lang, getattr(item, "line", None) or getattr(data, "line", None) or line, markdown_keys)
        elif isinstance(data, str):
            if markdown_keys:  # a template: its {placeholders} are filled in before Markdown sees them
                self.markdown([(line or 1, PLACEHOLDER.sub("X", data))], lang)
            else:
                self.plain(data, line, lang)


PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")  # Markdown's <https://…>


def _without_code_spans(line: str) -> str:
    """A line as the raw-HTML check reads it: code spans and Markdown autolinks are not HTML (links are judged
    once rendered)."""
    return AUTOLINK.sub(" ", re.sub(r"(`+).*?\1", " ", line))


def _squashed(text: str) -> str:
    return re.sub(r"\s", "", text.lower())


def _line_of(lines: list[tuple[int, str]], needle: str) -> int | None:
    """The first line that holds `needle` (white space aside: Markdown turns tabs into spaces)."""
    needle = _squashed(needle)
    return next((number for number, line in lines if needle and needle in _squashed(line)), lines[0][0] if lines else None)


@lru_cache(maxsize=1)
def _markdown():
    import markdown
    return markdown.Markdown(extensions=["admonition", "attr_list", "md_in_html", "toc"])


def render_markdown(text: str) -> str:
    md = _markdown()
    md.reset()
    return md.convert(text)


class _Elements(HTMLParser):
    """Start tags with their attributes (values unescaped), and text outside code, of well-formed HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str]]]] = []
        self.texts: list[str] = []
        self._code = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, [(name, value or "") for name, value in attrs]))
        if tag in ("code", "pre"):
            self._code += 1

    def handle_endtag(self, tag):
        if tag in ("code", "pre") and self._code:
            self._code -= 1

    def handle_data(self, data):
        if not self._code:
            self.texts.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def url_problem(value: str) -> str | None:
    """Why a URL may not be published, or None: it must stay on this site (a relative address)."""
    url = WHITESPACE_IN_URL.sub("", value).strip()
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", url)
    if scheme and scheme[1].lower() in ("javascript", "vbscript", "data"):
        return f"a {scheme[1].lower()}: URL"
    if scheme or url.startswith(("//", "\\\\")) or url.startswith("/\\"):
        return f"a link to another site ({value})"
    return None


def problems(html: str):
    """((message, fix), text to find the line by) for each tag, attribute or URL that may not be published."""
    for tag, attrs in _parse(html).elements:
        if tag not in MARKDOWN_TAGS:
            yield (f"the HTML element <{tag}> is not allowed" + (f": it {DANGEROUS[tag]}" if tag in DANGEROUS else ""),
                   FIX_HTML), f"<{tag}"
            continue
        allowed = MARKDOWN_ATTRIBUTES["*"] | MARKDOWN_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name.startswith("on"):
                yield (f"an event attribute {name}= is not allowed", FIX_HTML), name
            elif name not in allowed:
                yield (f"the attribute {name}= is not allowed on <{tag}>",
                       "remove it; Markdown and an `{#id}` or `{.class}` are all a page needs"), name
            elif name in URL_ATTRIBUTES and (why := url_problem(value)):
                fix = ("link to a page of this site, e.g. [the article](article.md#p16); name an outside source "
                       "in words: the site links and loads nothing from other hosts") if "another site" in why else FIX_HTML
                yield (f"{why} is not allowed", fix), value.strip() or name


def links(html: str) -> list[tuple[str, str, dict[str, str]]]:
    """(tag, URL, attributes) of every link and image in rendered HTML."""
    return [(tag, dict(attrs).get("href" if tag == "a" else "src", ""), dict(attrs))
            for tag, attrs in _parse(html).elements if tag in ("a", "img")]


def chinese_texts(html: str) -> list[str]:
    return [text for text in _parse(html).texts if text.strip()]


def describe_html(fragment: str) -> str:
    """The first piece of markup in a fragment, for an error message."""
    match = re.search(r"<\s*([A-Za-z][A-Za-z0-9-]*)|<([!?/])", fragment)
    if not match:
        return "markup"
    return f"<{match[1]}>" if match[1] else f"markup starting with <{match[2]}"
