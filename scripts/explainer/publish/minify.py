"""The site's own scripts and styles, minified where they are published.

docs/assets/ keeps them readable, with their comments; readers, some on slow mobile
networks, get about a third less (gzip: links.js 5.2 → 3.7 KiB, site.css 4.7 → 3.2 KiB).
rJSmin and rCSSmin only remove comments and whitespace; names and order stay as
written. The browser tests run these minified files, as readers get them.
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from ..sources.assets import ASSETS

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_assets(site_dir: Path) -> None:
    """Minify, in place, each of our assets the build copied to site/assets/ (running twice changes nothing)."""
    for name in ASSETS:
        file = site_dir / "assets" / name
        minify = MINIFIERS.get(file.suffix)
        if minify and file.exists():
            text = file.read_text(encoding="utf-8")
            small = minify(text)
            if small != text:
                file.write_text(small, encoding="utf-8")
