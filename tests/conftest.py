"""Shared fixtures: the built site (made by `make test` before pytest runs) and the sources.

`make test` builds site/ as publishing does (SITE_URL on a GitHub Pages project address,
REPO_URL set), so the tests read and serve what readers get. A test that needs the local
variant builds its own copy and says why.
"""
from __future__ import annotations

import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.languages import LANGS, PAGES, page_url
from explainer import ROOT
from explainer.publish.site import load_site

SITE = ROOT / "site"


@lru_cache(maxsize=None)
def site_url() -> str:
    """The address site/ was built for: its home page's canonical link (the placeholder Pages address in make test)."""
    home = SITE / "index.html"
    if not home.exists():
        pytest.fail("site/ has not been built: run `make test`, or `make build` before pytest")
    return BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").select_one("link[rel=canonical]")["href"]


def site_path() -> str:
    """The sub-path the site is served under: /kling-explainer/ for the placeholder Pages address, / locally."""
    from urllib.parse import urlsplit
    return urlsplit(site_url()).path


@pytest.fixture(scope="session")
def site():
    """The loaded sources, as the build sees them."""
    return load_site()


def page_path(lang: str, name: str) -> Path:
    return SITE / page_url(lang, name) / "index.html"


@lru_cache(maxsize=None)
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def built():
    """A function (lang, page name) → BeautifulSoup of the built page."""
    if not (SITE / "index.html").exists():
        pytest.fail("site/ has not been built: run `make test`, or `make build` before pytest")
    return lambda lang, name: _soup(page_path(lang, name))


ALL_PAGES = [(lang, name) for lang in LANGS for name in PAGES]


def run_explainer(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`python -m explainer …` run in a copy of the project, as an editor would run it there."""
    return subprocess.run([sys.executable, "-m", "explainer", *args], cwd=root, capture_output=True, text=True,
                          env={"PYTHONPATH": str(root / "scripts"), "PATH": os.environ["PATH"], **env})


FIXTURE = Path(__file__).parent / "fixtures" / "project"


def copy_fixture_project(dest: Path) -> Path:
    """The small made-up project (its seeds/ and page files) with the site's real code, strings and assets."""
    import shutil
    from explainer import ROOT
    shutil.copytree(FIXTURE, dest, dirs_exist_ok=True)
    for folder in ("scripts", "overrides", "docs/assets", "fonts"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for file in ("mkdocs.yml", "seeds/strings.yml"):
        shutil.copy(ROOT / file, dest / file)
    return dest


@pytest.fixture
def fixture_project(tmp_path):
    return copy_fixture_project(tmp_path / "project")


@pytest.fixture
def project_copy(tmp_path):
    """A copy of the repository's sources and code, for trying out an editor's mistake."""
    import shutil
    from explainer import ROOT
    for folder in ("seeds", "docs", "scripts", "overrides"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
