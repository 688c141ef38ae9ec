"""Pages → HTML touches that need the rendered page.

Glossary tooltips, question anchors, copy-link buttons and the parts of a
printed handout (its address, link targets written out, the definitions of
the terms it uses). The rule for tooltips, also in CONTRIBUTING.md: a term is
marked at its first occurrence in each section (the text between two `##`
headings), never inside a heading, a link, code, or its own glossary entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from ..sources.terms import TermMatcher

SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "script", "style",
        "abbr", "button", "label", "title", "svg", "math", "dfn", "textarea", "select", "option"}
# The elements whose address a reader may share: they get copy-link buttons and enter seeds/addresses.txt.
SHAREABLE = "h2[id], h3[id], .parallel[id], li.question[id], figure[id]"
CITE_STRINGS = ("cite_this", "cite_page", "cite_paragraph", "cite_copy", "cite_copied", "cite_close", "cite_note")
QUESTION = re.compile(r"^\s*\{#(q-[a-z0-9-]+)\}\s*")


@dataclass(frozen=True)
class PageContext:
    """What the HTML pass needs to know about the page it finishes."""

    lang: str
    url: str  # the page's absolute address
    glossary_href: str  # relative link from this page to the glossary page
    strings: dict[str, str]  # this language's strings


def _skipped(node: NavigableString, own_entries: list[str]) -> bool:
    for parent in node.parents:
        if parent.name in SKIP or parent.has_attr("data-no-terms"):
            return True
        if parent.has_attr("data-term-entry"):
            own_entries.append(parent["data-term-entry"])
    return False


def _language(node: NavigableString, default: str) -> str:
    for parent in node.parents:
        if isinstance(parent, Tag) and parent.has_attr("lang"):
            return "zh" if parent["lang"].startswith("zh") else "en"
    return default


def definition_id(term_id: str) -> str:
    """The id of a term's definition on a page: the handout's list of terms, which the links describe themselves by."""
    return f"tip-{term_id}"


def mark_terms(soup: BeautifulSoup, lang: str, matchers: dict[str, TermMatcher], glossary_href: str) -> list[str]:
    """Link the first occurrence of each term per section to its glossary entry, described by its definition.

    The definition is not a `title`: Material would mount a tooltip on each one when the page
    loads (a quarter of a second of a phone's main thread on the article page); assets/links.js
    shows it on demand, and screen readers get it from `aria-describedby` without any script.
    Returns the ids of the terms marked, in order.
    """
    marked_here: set[str] = set()
    marked: list[str] = []
    for node in list(soup.descendants):
        if isinstance(node, Tag):
            if node.name == "h2":
                marked_here = set()
            continue
        if type(node) is not NavigableString or not node.strip():
            continue
        own_entries: list[str] = []
        if _skipped(node, own_entries):
            continue
        text = str(node)
        pieces: list[str | Tag] = []
        cursor = 0
        for match in matchers[_language(node, lang)].find(text):
            if match.term_id in marked_here or match.term_id in own_entries:
                continue
            marked_here.add(match.term_id)
            marked.append(match.term_id)
            link = soup.new_tag("a", attrs={"class": "term", "href": f"{glossary_href}#{match.term_id}",
                                            "aria-describedby": definition_id(match.term_id),
                                            "data-term": match.term_id})
            link.string = match.form
            pieces += [text[cursor:match.start], link]
            cursor = match.end
        if not pieces:
            continue
        pieces.append(text[cursor:])
        for piece in pieces:
            if piece != "":
                node.insert_before(piece if isinstance(piece, Tag) else NavigableString(piece))
        node.extract()
    return marked


def question_anchors(soup: BeautifulSoup) -> None:
    """`1. {#q-why} Why…?` in a page becomes a list item with the id q-why."""
    for item in soup.find_all("li"):
        first = item.find(string=True)
        if first is not None and (match := QUESTION.match(first)):
            item["id"] = match[1]
            item["class"] = item.get("class", []) + ["question"]
            first.replace_with(first[match.end():])


def copy_link_strings(soup: BeautifulSoup, context: PageContext) -> None:
    """What assets/links.js needs to add a copy-link button beside every address a reader may share, and a
    cite button beside the page's title, each section and each paragraph of the article.

    The buttons only work with JavaScript, so the script makes them; the page carries
    once what they say (in its language) and which elements get one.
    """
    attributes = {"class": "copy-link-strings", "hidden": "", "data-targets": SHAREABLE,
                  "data-label": context.strings["copy_link_to"], "data-copied": context.strings["link_copied"],
                  "data-question": context.strings["question"]}
    attributes |= {f"data-{key.replace('_', '-')}": context.strings[key] for key in CITE_STRINGS}
    holder = soup.new_tag("span", attrs=attributes)
    soup.append(holder)


def permalinks(soup: BeautifulSoup, context: PageContext) -> None:
    """The headings' ¶ links are named in the page's language, by aria-label rather than a tooltip title.

    One name for all: inside its heading, a link's purpose is clear from its context (WCAG 2.4.4).
    """
    for link in soup.select("a.headerlink"):
        del link["title"]
        link["aria-label"] = context.strings["permalink"]


def print_parts(soup: BeautifulSoup, context: PageContext, marked: list[str], terms: dict) -> None:
    """What only a printed handout shows: the page's address and the terms it uses.

    The links' targets, written out after each link, are added by assets/links.js: as
    attributes here they would weigh on every page, and only print needs them.
    """
    header = BeautifulSoup(
        f'<p class="print-only print-address" data-search-exclude>{context.strings["print_source"]} '
        f'<span class="print-address__url"></span></p>', "html.parser")
    header.select_one(".print-address__url").string = context.url
    title = soup.find("h1")
    if title is not None:
        title.insert_after(header)
    if marked:
        section = soup.new_tag("section", attrs={"class": "print-only print-glossary", "data-search-exclude": ""})
        heading = soup.new_tag("h2")
        heading.string = context.strings["print_glossary"]
        section.append(heading)
        listing = soup.new_tag("dl")
        for term_id in dict.fromkeys(marked):
            term = terms[term_id]
            name, definition = soup.new_tag("dt"), soup.new_tag("dd", attrs={"id": definition_id(term_id)})
            name.string = term.name(context.lang)
            definition.string = term.short[context.lang]
            listing.extend([name, definition])
        section.append(listing)
        soup.append(section)


def fragment_aliases(soup: BeautifulSoup, aliases: dict[str, list[str]]) -> None:
    """Old names of moved anchors (seeds/redirects.yml) as empty anchors right before their new target."""
    for new, olds in aliases.items():
        target = soup.find(id=new)
        for old in olds:
            target.insert_before(soup.new_tag("span", attrs={"id": old, "class": "moved-anchor"}))


def finish(html: str, context: PageContext, matchers: dict[str, TermMatcher], terms: dict,
           aliases: dict[str, list[str]]) -> str:
    """Every HTML touch, in order, on one parse of the page."""
    soup = BeautifulSoup(html, "html.parser")
    question_anchors(soup)
    fragment_aliases(soup, aliases)
    marked = mark_terms(soup, context.lang, matchers, context.glossary_href)
    permalinks(soup, context)
    copy_link_strings(soup, context)
    print_parts(soup, context, marked, terms)
    return str(soup)

