"""The files under docs/ other than the pages: only the site's own assets are published, and SVG only without script.

MkDocs publishes every file under docs/ (our scripts and styles then minified, publish/
minify.py), without looking inside. A file added there by a pull request
(an .html page, an .svg with a <script>) would reach readers unchecked, so every file
must be a page file (docs/<lang>/<page>.md) or one of the assets named here.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import SourceError
from ..languages import LANGS, PAGES
from .paths import Paths

ASSETS = {  # docs/assets/…: what each is for
    "site.css": "the site's styles on top of Material",
    "pictures.css": "the pictures' styles, on the pages that have pictures",
    "links.js": "language switching, copy-link buttons, print link targets, term tooltips",
    "search-index.js": "each language's search index, loaded when the reader searches",
    "redirect.js": "moved pages keep the reader's fragment",
    "reading-mode.js": "the article page's reading mode, applied before the page is drawn",
    "cite.js": "citations of a page, section or paragraph (GB/T 7714, APA, MLA, BibTeX) for the cite dialog",
    "cite-dialog.js": "the cite dialog: each style with a copy button, loaded with cite.js when a reader asks",
    "favicon.svg": "the site's icon",
}
SVG_ELEMENTS = {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "title", "desc",
                "defs", "lineargradient", "radialgradient", "stop", "clippath", "mask", "symbol", "use", "text", "tspan"}


def check_docs_files(paths: Paths) -> None:
    """Every file under docs/ is a page file or a known asset, and every SVG is shapes only."""
    docs = paths.root / "docs"
    pages = {docs / lang / f"{name}.md" for lang in LANGS for name in PAGES}
    for file in sorted(p for p in docs.rglob("*") if p.is_file()):
        name = paths.relative(file)
        if file in pages:
            continue
        if file.parent != docs / "assets" or file.name not in ASSETS:
            raise SourceError(name, None, "a file under docs/ that is neither a page nor one of the site's assets",
                              "remove it: MkDocs would publish it unchecked. Pages are docs/<lang>/<page>.md; pictures "
                              "are drawn from seeds/pictures.yml; a new asset is added to ASSETS in "
                              "scripts/explainer/sources/assets.py by a maintainer")
        if file.suffix == ".svg":
            check_svg(file, name)


def check_svg(file: Path, name: str) -> None:
    """An SVG may hold shapes and text, nothing that runs, loads or links."""
    try:
        root = ET.fromstring(file.read_bytes())
    except ET.ParseError as error:
        raise SourceError(name, error.position[0], f"the SVG does not parse: {error}", "save it as plain SVG") from None
    for element in root.iter():
        tag = re.sub(r"^\{.*\}", "", element.tag).lower()
        if tag not in SVG_ELEMENTS:
            raise SourceError(name, None, f"the SVG element <{tag}> is not allowed", "keep only shapes and text")
        for attribute, value in element.attrib.items():
            attribute = re.sub(r"^\{.*\}", "", attribute).lower()
            if attribute.startswith("on") or attribute == "style" and "url(" in value:
                raise SourceError(name, None, f"the SVG attribute {attribute}= is not allowed", "remove it")
            if attribute == "href" and not value.startswith("#"):
                raise SourceError(name, None, f"the SVG links to {value!r}", "an SVG may refer only to its own parts (#id)")
