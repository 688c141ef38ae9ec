"""Screenshots of the built site, for looking at it: each page in both languages, desktop and phone, light and dark.

Readers judge with their eyes; so should whoever changes a page. Needs Debian's
Chromium and the Python playwright package (both installed by `make test`).
"""
from __future__ import annotations

from pathlib import Path

from .browser import launch
from ..languages import LANGS, PAGES, page_url
from .static_server import start

VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


def take(site: Path, out: Path, pages: list[str] | None = None, full_page: bool = False) -> list[Path]:
    """Write one PNG per page, language, viewport and colour scheme into `out`; return their paths."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server, url = start(site)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for (view, (width, height)) in VIEWPORTS.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                    page = context.new_page()
                    for lang in LANGS:
                        for name in pages or PAGES:
                            page.goto(f"{url}/{page_url(lang, name)}")
                            path = out / f"{name}-{lang}-{view}-{scheme}.png"
                            page.screenshot(path=str(path), full_page=full_page)
                            written.append(path)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return written
