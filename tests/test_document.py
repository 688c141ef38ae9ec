"""The last line of defence: a finished page is refused if it carries anything that could run or redirect.

Whatever source it came from, and whatever a plugin added: an inline script the theme does
not write (the CSP hashes only the theme's own, made from its template files), an event
attribute, a javascript: URL, a refresh, a frame. The pages the build really makes pass.
"""
import pytest

from explainer.render.document import KnownScripts, UnsafeDocument, content_security_policy, inline_script_hashes
from tests.conftest import ALL_PAGES, SITE, page_path


@pytest.fixture(scope="module")
def known():
    import material
    from pathlib import Path
    from explainer import ROOT
    return KnownScripts.from_templates([ROOT / "overrides", Path(material.__file__).parent / "templates"])


def test_the_theme_s_own_scripts_are_known(known):
    """Material's script partials (base, palette, …) become patterns; their holes take URLs only."""
    assert len(known.patterns) >= 5
    assert known.allows('var el=document.querySelector("[data-md-component=outdated]"),base=new URL("../.."),'
                        'outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)')
    assert not known.allows('var el=document.querySelector("[data-md-component=outdated]"),base=new URL("x");'
                            'alert(1);("),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)')


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_the_built_pages_carry_only_known_scripts(known, lang, name):
    html = page_path(lang, name).read_text(encoding="utf-8")
    hashes = inline_script_hashes(html, known, "https://example.github.io")
    csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert csp.endswith("script-src 'self' " + " ".join(hashes)) or f"script-src 'self' {' '.join(hashes)};" in csp


PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>{}</body></html>'


@pytest.mark.parametrize("body, what", [
    ("<script>alert(1)</script>", "an inline script the theme does not write"),
    ('<p onclick="alert(1)">x</p>', "an event attribute onclick="),
    ('<img src=x ONERROR=alert(1)>', "an event attribute onerror="),
    ('<a href=" java&#x73;cript:alert(1)">x</a>', "a javascript: URL"),
    ('<a href="data:text/html,x">x</a>', "a data: URL"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<meta http-equiv="refresh">'),
    ('<iframe src="https://evil.example/"></iframe>', "the element <iframe>"),
    ('<base href="https://evil.example/">', "the element <base>"),
    ('<script src="https://evil.example/x.js"></script>', "loaded from another host"),
    ('<form action="https://evil.example/"><input name=q></form>', "a <form> that sends"),
])
def test_a_page_with_anything_that_could_run_is_refused(known, body, what):
    with pytest.raises(UnsafeDocument, match=what.replace("(", r"\(").replace(".", r"\.")):
        content_security_policy(PAGE.format(body), known, "https://example.github.io")


def test_json_data_and_the_site_s_own_files_are_fine(known):
    body = ('<script type="application/json" id="__config">{"a": 1}</script>'
            '<script type="application/ld+json">{"@type": "WebPage"}</script><script src="../assets/links.js"></script>'
            '<a href="../article/#p16">x</a><link rel="alternate" href="https://example.github.io/en/">')
    page = content_security_policy(PAGE.format(body), known, "https://example.github.io")
    assert "script-src 'self';" in page or "script-src 'self'\"" in page
