"""Browser tests: Playwright drives Debian's Chromium against site/ served on 127.0.0.1 as the host serves it."""
from __future__ import annotations

import pytest

from explainer.tools.browser import launch
from explainer.tools.static_server import start
from tests.conftest import SITE, site_path


@pytest.fixture(scope="session")
def base_url():
    """The site served as GitHub Pages serves a project site: under its sub-path, one root 404.html for every miss."""
    server, url = start(SITE, prefix=site_path())
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


def pytest_collection_modifyitems(items):
    """Every test under tests/browser drives Chromium: mark it, so `-m "not browser"` leaves it out."""
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
