"""Pages for moved addresses: each sends its reader, and the fragment they used, to the new page."""
from __future__ import annotations

import html
from pathlib import Path

from ..render.document import csp_meta
from ..sources.redirects import Redirects


def redirect_page(target: str, lang: str, script: str) -> str:
    """A page that sends a reader (and the fragment of the address they used) to `target`, under the site's CSP."""
    target = html.escape(target)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{csp_meta([])}'
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
