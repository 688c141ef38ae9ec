"""Browser tests: Playwright drives Debian's Chromium against site/ served on 127.0.0.1."""
from __future__ import annotations

import pytest

from explainer.tools.browser import launch
from explainer.tools.static_server import start
from tests.conftest import SITE


@pytest.fixture(scope="session")
def base_url():
    if not (SITE / "index.html").exists():
        pytest.fail("site/ has not been built: run `make test`")
    server, url = start(SITE)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
