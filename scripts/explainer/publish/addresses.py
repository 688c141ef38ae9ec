"""Published addresses are a promise: the manifest of every address ever published, and its audit.

seeds/addresses.txt lists every address the site has published (page and fragment,
both languages). It only grows; an address that disappears must be declared in
seeds/redirects.yml, or the audit fails.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from bs4 import BeautifulSoup

from ..languages import page_url
from ..render.markup import SHAREABLE

HEADER = """\
# Every address this site has published, in both languages: a promise to readers.
# `make addresses` adds new ones; none is ever removed. When an address goes away,
# declare where it went in seeds/redirects.yml, or the tests fail.
"""
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


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
