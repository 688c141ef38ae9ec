"""Where moved addresses went: seeds/redirects.yml, read and checked against the pages' anchors.

Every address the site has published is a promise (seeds/addresses.txt). One that no
longer exists must be declared here: an old page redirects to its new page, an old
fragment becomes an alias anchor on its new target.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import SourceError
from .lined import ID


@dataclass(frozen=True)
class Redirects:
    """Old page name → new page name, and (page, old fragment) → new fragment on that page."""

    pages: dict[str, str]
    fragments: dict[tuple[str, str], str]

    def aliases(self, page: str) -> dict[str, str]:
        """For one page: new fragment → the old fragments that now point at it."""
        out: dict[str, list[str]] = {}
        for (name, old), new in self.fragments.items():
            if name == page:
                out.setdefault(new, []).append(old)
        return out


def parse_redirects(data, path: str, pages: list[str], anchors: dict[str, set[str]]) -> Redirects:
    """Check seeds/redirects.yml's data; every target must exist, no old address may still exist."""
    data = data or {}
    if not isinstance(data, dict) or not all(isinstance(data.get(key) or {}, dict) for key in ("pages", "fragments")):
        raise SourceError(path, 1, "the redirects file maps `pages:` and `fragments:` to what moved where",
                          "write `pages: {old-page: new-page}` and `fragments: {page#old-id: page#new-id}`")
    page_moves: dict[str, str] = {}
    for old, new in (data.get("pages") or {}).items():
        line = data["pages"].line_of(old)
        if not ID.match(str(old)):
            raise SourceError(path, line, f"{old!r} is not a page name", "write the old page name, e.g. `old-name: new-name`")
        if old in pages:
            raise SourceError(path, line, f"page {old!r} still exists, so it cannot redirect",
                              "remove the line, or rename the page first")
        if new not in pages:
            raise SourceError(path, line, f"redirect target {new!r} is not a page", f"use one of: {', '.join(pages)}")
        page_moves[str(old)] = str(new)
    fragment_moves: dict[tuple[str, str], str] = {}
    for old, new in (data.get("fragments") or {}).items():
        line = data["fragments"].line_of(old)
        page, _, old_id = str(old).partition("#")
        new_page, _, new_id = str(new).partition("#")
        if page not in pages or not ID.match(old_id):
            raise SourceError(path, line, f"{old!r} is not of the form page#old-id",
                              "write e.g. `organization#old-id: organization#new-id`")
        if new_page != page or new_id not in anchors[page]:
            raise SourceError(path, line, f"{new!r} is not an anchor of page {page!r}",
                              "point to an anchor that exists on the same page")
        if old_id in anchors[page]:
            raise SourceError(path, line, f"#{old_id} still exists on {page!r}, so it cannot redirect",
                              "remove the line")
        fragment_moves[(page, old_id)] = new_id
    return Redirects(page_moves, fragment_moves)
