"""Debian's Chromium, as the tests, the screenshots and the benchmark start it.

Playwright's own browser download is not used; on this kind of machine Chromium
also needs its background networking turned off (see FIELD-NOTES).
"""
from __future__ import annotations

import shutil

CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run")


def chromium_path() -> str:
    """The chromium binary, or an error that says how to install it."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Debian's chromium is not installed: `make test` installs it (apt-get install chromium)")
    return path


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
