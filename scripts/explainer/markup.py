"""Pages → HTML touches that need the rendered page: glossary tooltips and question anchors.

The rule for tooltips, also written in CONTRIBUTING.md: a term is marked at its
first occurrence in each section (the text between two `##` headings), never
inside a heading, a link, code, or the term's own glossary entry.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from .terms import TermMatcher

SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "script", "style",
        "abbr", "button", "label", "title", "svg", "math", "dfn", "textarea", "select", "option", "figcaption"}
QUESTION = re.compile(r"^\s*\{#(q-[a-z0-9-]+)\}\s*")


def _skipped(node: NavigableString, term_entries: list[str]) -> bool:
    for parent in node.parents:
        if parent.name in SKIP or parent.has_attr("data-no-terms"):
            return True
        if parent.has_attr("data-term-entry"):
            term_entries.append(parent["data-term-entry"])
    return False


def _language(node: NavigableString, default: str) -> str:
    for parent in node.parents:
        if isinstance(parent, Tag) and parent.has_attr("lang"):
            return "zh" if parent["lang"].startswith("zh") else "en"
    return default


def mark_terms(html: str, lang: str, matchers: dict[str, TermMatcher], definitions: dict[str, str],
               glossary_href: str) -> tuple[str, list[str]]:
    """Link the first occurrence of each term per section to its glossary entry, with its definition as title.

    `definitions` maps term id → short definition in the page's language.
    Returns the new HTML and the ids of the terms marked, in order.
    """
    soup = BeautifulSoup(html, "html.parser")
    marked_here: set[str] = set()
    marked: list[str] = []
    for node in list(soup.descendants):
        if isinstance(node, Tag):
            if node.name == "h2":
                marked_here = set()
            continue
        if not isinstance(node, NavigableString) or type(node) is not NavigableString or not node.strip():
            continue
        own_entries: list[str] = []
        if _skipped(node, own_entries):
            continue
        text = str(node)
        pieces, cursor = [], 0
        for match in matchers[_language(node, lang)].find(text):
            if match.term_id in marked_here or match.term_id in own_entries:
                continue
            marked_here.add(match.term_id)
            marked.append(match.term_id)
            pieces.append(text[cursor:match.start])
            link = soup.new_tag("a", attrs={"class": "term", "href": f"{glossary_href}#{match.term_id}",
                                            "title": definitions[match.term_id],
                                            "data-term": match.term_id})
            link.string = match.form
            pieces.append(link)
            cursor = match.end
        if not pieces:
            continue
        pieces.append(text[cursor:])
        for piece in pieces:
            if piece == "":
                continue
            node.insert_before(piece if isinstance(piece, Tag) else NavigableString(piece))
        node.extract()
    return str(soup), marked


def question_anchors(html: str) -> str:
    """`1. {#q-why} Why…?` in a page becomes a list item with the id q-why."""
    soup = BeautifulSoup(html, "html.parser")
    for item in soup.find_all("li"):
        first = item.find(string=True)
        if first is not None and (match := QUESTION.match(first)):
            item["id"] = match[1]
            item["class"] = item.get("class", []) + ["question"]
            first.replace_with(first[match.end():])
    return str(soup)
