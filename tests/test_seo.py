"""Found and shared well, and private: what search engines, link previews and readers' browsers read in the HTML."""
import re
import xml.etree.ElementTree as ET

import pytest

from explainer.languages import LANGS, PAGES, URL_PREFIX, page_url
from tests.conftest import ALL_PAGES, SITE, site_path

HAN = re.compile(r"[\u3400-\u9fff]")

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def site_url(built) -> str:
    return built("zh", "index").select_one("link[rel=canonical]")["href"]


def local(url: str, base: str):
    """The file in site/ behind an absolute address of this site."""
    path = url.removeprefix(base)
    return SITE / path / "index.html"


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_every_page_has_description_canonical_open_graph_and_hreflang(built, lang, name):
    page = built(lang, name)
    base = site_url(built)
    description = page.select_one('meta[name="description"]')["content"]
    width = sum(2 if ord(c) > 0x2E80 else 1 for c in description)  # a Han character is as wide as two Latin ones
    assert 50 <= width <= 320
    assert page.select_one('meta[property="og:description"]')["content"] == description
    assert page.select_one('meta[property="og:title"]')["content"]
    canonical = page.select_one("link[rel=canonical]")["href"]
    assert canonical == f"{base}{page_url(lang, name)}"
    assert page.select_one('meta[property="og:url"]')["content"] == canonical
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert set(alternates) == {"zh", "en", "x-default"}
    assert alternates[lang] == canonical
    for url in alternates.values():
        assert url.startswith(base) and local(url, base).exists()


@pytest.mark.parametrize("lang", LANGS)
def test_descriptions_differ_from_page_to_page(built, lang):
    descriptions = [built(lang, name).select_one('meta[name="description"]')["content"] for name in PAGES]
    assert len(set(descriptions)) == len(PAGES)


def test_the_sitemap_lists_every_page_with_its_language_alternates(built):
    base = site_url(built)
    urls = ET.parse(SITE / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    locations = {u.find(f"{SITEMAP}loc").text: u for u in urls}
    expected = {f"{base}{page_url(lang, n)}" for lang in LANGS for n in PAGES}
    assert set(locations) == expected
    for url in locations.values():
        links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert set(links) == set(LANGS) and all(href in expected for href in links.values())


def test_robots_txt_points_to_the_sitemap(built):
    robots = (SITE / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site_url(built)}sitemap.xml" in robots.splitlines()


NOT_FOUND_TITLES = {"zh": "找不到这个页面", "en": "Page not found"}  # overrides/404.html


@pytest.mark.parametrize("lang", LANGS)
def test_a_404_page_in_each_language_says_so_in_both(lang):
    """GitHub Pages answers every missing address with the root 404.html, English ones too: so each 404
    page says it in both languages, its own first, and links both homes by absolute path under the site's."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup((SITE / URL_PREFIX[lang] / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == lang
    other = "en" if lang == "zh" else "zh"
    assert soup.select_one("article h1").get_text(strip=True) == NOT_FOUND_TITLES[lang]
    second = soup.select_one(f'article section[lang="{other}"] h2')
    assert second is not None and second.get_text(strip=True) == NOT_FOUND_TITLES[other]
    homes = {a["href"] for a in soup.select("article a")}
    base = site_path()
    assert homes == {base, base + "en/"}
    for sheet in soup.select('link[rel="stylesheet"]'):
        href = sheet["href"]
        assert href.startswith(base), f"{href}: a 404 page is served at any depth, so its files are addressed from the root"
        assert (SITE / href.removeprefix(base)).exists(), href


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_the_author_line_is_in_the_page_s_language(built, lang, name):
    author = built(lang, name).select_one('meta[name="author"]')["content"]
    assert ("高恒" in author) == (lang == "zh") and ("Gao Heng" in author) == (lang == "en")
    assert bool(HAN.search(author)) == (lang == "zh")


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_nothing_is_loaded_from_another_host(built, lang, name):
    page = built(lang, name)
    loaded = [tag.get("src") or tag.get("href") for tag in page.select(
        "script[src], link[rel~=stylesheet], link[rel~=icon], link[rel~=preload], link[rel~=modulepreload], "
        "img[src], iframe[src], source[src], video[src], audio[src], embed[src], object[data]")]
    assert [url for url in loaded if re.match(r"^(https?:)?//", url or "")] == []
    styles = " ".join(tag.get_text() for tag in page.select("style"))
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", styles)
    csp = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "default-src 'none'" in csp and "http" not in csp


def test_the_stylesheets_load_no_fonts_or_images_from_other_hosts():
    for css in SITE.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), css


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_every_page_has_its_share_card(built, lang, name):
    """A 1200×630 PNG of the page's own title, named by og:image at its published address, with alt text."""
    from PIL import Image
    page = built(lang, name)
    image = page.select_one('meta[property="og:image"]')["content"]
    base = site_url(built)
    assert image.startswith(base) and image.endswith(".png")
    with Image.open(local_file(image, base)) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))
    title = page.select_one("article h1").find(string=True, recursive=False).strip()
    assert page.select_one('meta[property="og:image:alt"]')["content"].startswith(title)
    assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    cards = {built(lang, other).select_one('meta[property="og:image"]')["content"] for other in PAGES}
    assert len(cards) == len(PAGES), "each page has a card of its own"


def local_file(url: str, base: str):
    return SITE / url.removeprefix(base)
