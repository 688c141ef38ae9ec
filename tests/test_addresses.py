"""Published addresses are a promise: the manifest, redirects, and the ids behind them."""
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.publish.addresses import read_manifest, unresolved
from explainer.publish.redirects import write_page_redirects
from explainer.sources.lined import parse_yaml
from explainer.sources.redirects import parse_redirects
from explainer.errors import SourceError
from explainer.render.markup import fragment_aliases
from explainer.languages import URL_PREFIX
from explainer import ROOT
from tests.conftest import run_explainer
from tests.test_editor_errors import Case

MANIFEST = ROOT / "seeds" / "addresses.txt"


def test_the_command_records_new_addresses_and_refuses_to_lose_one(fixture_project):
    """`make addresses` on the fixture project: new addresses must be recorded; a removed one must be redirected."""
    assert run_explainer(fixture_project, "build").returncode == 0
    manifest = fixture_project / "seeds" / "addresses.txt"
    listed = run_explainer(fixture_project, "addresses")
    assert listed.returncode == 1 and "published addresses are not recorded in seeds/addresses.txt" in listed.stderr
    assert run_explainer(fixture_project, "addresses", "--update").returncode == 0
    recorded = set(read_manifest(manifest))
    by_hand = {"/", "/en/", "/organization/#structure", "/en/organization/#structure", "/article/#p04",
               "/en/article/#p08", "/glossary/#kling", "/en/glossary/#business-unit", "/revenue/#picture-scale"}
    assert by_hand <= recorded
    assert run_explainer(fixture_project, "addresses").returncode == 0

    Case("", "seeds/outline.yml", "  - id: structure\n    blocks: [p02]", "  - id: how-it-works\n    blocks: [p02]", "").apply(fixture_project)
    for lang in ("zh", "en"):
        Case("", f"docs/{lang}/organization.md", "{#structure}", "{#how-it-works}", "").apply(fixture_project)
    assert run_explainer(fixture_project, "build").returncode == 0
    lost = run_explainer(fixture_project, "addresses")
    assert lost.returncode == 1
    assert ("✗ /organization/#structure is published but leads nowhere: declare where it went in seeds/redirects.yml"
            in lost.stderr.splitlines())
    Case("", "seeds/redirects.yml", "fragments: {}", "fragments:\n  organization#structure: organization#how-it-works",
         "").apply(fixture_project)
    assert run_explainer(fixture_project, "build").returncode == 0
    assert run_explainer(fixture_project, "addresses").returncode == 1, "the new address is not recorded yet"
    assert run_explainer(fixture_project, "addresses", "--update").returncode == 0
    assert set(read_manifest(manifest)) >= recorded, "the manifest only grows"


def test_the_manifest_covers_both_languages_alike():
    addresses = read_manifest(MANIFEST)
    zh = {a for a in addresses if not a.startswith("/en/")}
    en = {a.removeprefix("/en") for a in addresses if a.startswith("/en/")}
    assert zh == en


def small_site(tmp_path: Path) -> Path:
    page = tmp_path / "organization" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<article class="md-content__inner"><h2 id="structure">S</h2></article>', encoding="utf-8")
    return tmp_path


def test_removing_an_anchor_fails_until_its_redirect_is_declared(tmp_path):
    site = small_site(tmp_path)
    promised = ["/organization/", "/organization/#structure", "/organization/#old-structure"]
    assert unresolved(promised, site) == ["/organization/#old-structure"]

    redirects = parse_redirects(parse_yaml("fragments:\n  organization#old-structure: organization#structure\n",
                                           "redirects.yml"), "redirects.yml", ["organization"], {"organization": {"structure"}})
    page = site / "organization" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    fragment_aliases(soup, redirects.aliases("organization"))
    page.write_text(str(soup), encoding="utf-8")
    assert unresolved(promised, site) == []


def test_removing_a_page_fails_until_its_redirect_is_declared(tmp_path):
    site = small_site(tmp_path)
    promised = ["/revenue/", "/revenue/#structure", "/en/revenue/"]
    assert unresolved(promised, site) == promised

    redirects = parse_redirects(parse_yaml("pages:\n  revenue: organization\n", "redirects.yml"), "redirects.yml",
                                ["organization"], {"organization": {"structure"}})
    (site / "en" / "organization").mkdir(parents=True)
    (site / "en" / "organization" / "index.html").write_text('<h2 id="structure">S</h2>', encoding="utf-8")
    write_page_redirects(site, redirects, URL_PREFIX)
    assert unresolved(promised, site) == []
    assert 'url=../organization/' in (site / "en" / "revenue" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    ("pages:\n  revenue: nowhere\n", r"redirects.yml:2: redirect target 'nowhere' is not a page"),
    ("pages:\n  organization: organization\n", r"redirects.yml:2: page 'organization' still exists"),
    ("fragments:\n  organization#old: organization#gone\n", r"redirects.yml:2: 'organization#gone' is not an anchor"),
    ("fragments:\n  organization#structure: organization#structure\n", r"redirects.yml:2: #structure still exists"),
])
def test_a_wrong_redirect_names_its_line(text, message):
    with pytest.raises(SourceError, match=message):
        parse_redirects(parse_yaml(text, "redirects.yml"), "redirects.yml", ["organization"], {"organization": {"structure"}})
