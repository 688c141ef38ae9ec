"""The site's two languages, its pages, and the address of each: named once, for every module."""
from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"  # served at the site's root
URL_PREFIX = {"zh": "", "en": "en/"}  # Chinese at the site's root, English under /en/
TOPIC_PAGES = ("organization", "revenue", "products", "challenges", "landscape")
PAGES = ("index", *TOPIC_PAGES, "article", "glossary", "about")


def other_language(lang: str) -> str:
    """The language shown beside a page's own: English beside Chinese, Chinese beside English."""
    return LANGS[1 - LANGS.index(lang)]


def page_url(lang: str, name: str) -> str:
    """A page's address below the site's root: `` for the Chinese home, `en/organization/` and so on."""
    return URL_PREFIX[lang] + ("" if name == "index" else f"{name}/")
