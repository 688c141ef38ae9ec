"""Published addresses are a promise: the manifest, and where moved addresses went.

seeds/addresses.txt lists every address the site has ever published (page and
fragment, both languages). It only grows. An address that no longer exists must
be declared in seeds/redirects.yml: an old page redirects to its new page, an
old fragment gets an alias anchor on its new target.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from .errors import SourceError
from .languages import page_url
from .markup import SHAREABLE
from .sources import parse_yaml

HEADER = """\
# Every address this site has published, in both languages: a promise to readers.
# `make addresses` adds new ones; none is ever removed. When an address goes away,
# declare where it went in seeds/redirects.yml, or the tests fail.
"""
PAGE_NAME = re.compile(r"^[a-z0-9-]+$")
ANCHOR = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


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


def parse_redirects(text: str, path: str, pages: list[str], anchors: dict[str, set[str]]) -> Redirects:
    """Read seeds/redirects.yml; every target must exist, no old address may still exist."""
    data = parse_yaml(text, path) or {}
    page_moves: dict[str, str] = {}
    for old, new in (data.get("pages") or {}).items():
        line = data["pages"].line_of(old)
        if not PAGE_NAME.match(str(old)):
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
        if page not in pages or not ANCHOR.match(old_id):
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


def redirect_page(target: str, lang: str, script: str) -> str:
    """A page that sends a reader (and the fragment of the address they used) to `target`."""
    target = html.escape(target)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{target}</title>'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<script src="{script}"></script>'
            f'</head><body><p><a href="{target}">{target}</a></p></body></html>\n')


def write_page_redirects(site_dir: Path, redirects: Redirects, prefixes: dict[str, str]) -> None:
    """One redirect page per moved page and language, where the old page was."""
    for old, new in redirects.pages.items():
        for lang, prefix in prefixes.items():
            folder = site_dir / prefix / old
            folder.mkdir(parents=True, exist_ok=True)
            target = "../" if new == "index" else f"../{new}/"
            script = "../" * (1 + prefix.count("/")) + "assets/redirect.js"
            (folder / "index.html").write_text(redirect_page(target, lang, script), encoding="utf-8")


def page_file(site_dir: Path, path: str) -> Path:
    return site_dir / path.strip("/") / "index.html"


def collect(site_dir: Path, langs: tuple[str, ...], pages: list[str]) -> set[str]:
    """Every address the built site offers: each page, and each id in its content."""
    found = set()
    for lang in langs:
        for name in pages:
            path = "/" + page_url(lang, name)
            found.add(path)
            soup = BeautifulSoup(page_file(site_dir, path).read_text(encoding="utf-8"), "html.parser")
            content = soup.select_one("article.md-content__inner")
            for element in content.select(f"h1[id], {SHAREABLE}"):
                found.add(f"{path}#{element['id']}")
    return found


def unresolved(addresses: list[str], site_dir: Path) -> list[str]:
    """The addresses that lead nowhere in the built site (following redirect pages)."""
    missing = []
    for address in addresses:
        path, _, fragment = address.partition("#")
        file = page_file(site_dir, path)
        text = file.read_text(encoding="utf-8") if file.exists() else None
        if text is not None and (moved := REFRESH.search(text)):
            file = (file.parent / html.unescape(moved[1]) / "index.html").resolve()
            text = file.read_text(encoding="utf-8") if file.exists() else None
        if text is None or (fragment and f'id="{fragment}"' not in text):
            missing.append(address)
    return missing


def read_manifest(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def manifest_text(addresses: set[str]) -> str:
    return HEADER + "".join(f"{a}\n" for a in sorted(addresses))
