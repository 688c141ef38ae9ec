"""One description of each page as a work: schema.org JSON-LD, which citations and link previews are made from.

A page of this site is our explanation (or, on the article page, our translation) of
an article by 高恒 / Gao Heng. What is known of that article comes from its metadata
(seeds/…meta.yml): its author and language, no title, outlet or date of its own, so
none is given here. Every `@type` and property is schema.org vocabulary; the tests
check them against schema.org's own definitions.
"""
from __future__ import annotations

import json

from ..languages import LANGS, page_url
from ..sources.project import Project

LANGUAGE_TAGS = {"zh": "zh-Hans", "en": "en"}
TYPES = {"organization": "Organization", "product": "Product"}


def original_article(project: Project) -> dict:
    """The article this site explains, as far as it is known: its author and language; no title, outlet or date."""
    author = project.meta["author"]
    return {"@type": "Article", "inLanguage": project.meta.get("language") or "zh-Hans",
            "author": {"@type": "Person", "name": author["zh"], "alternateName": author["en"]}}


def subjects(project: Project, lang: str, name: str) -> list[dict]:
    """The glossary's companies and products that the page names, each with its other names in both languages."""
    uses = project.uses[lang]
    out = []
    for term in project.glossary.terms:
        named = name == "glossary" or name in uses.pages.get(term.id, ()) or (name == "article" and term.id in uses.blocks)
        if term.schema_type and named:
            subject = {"@type": TYPES[term.schema_type], "name": term.name(lang)}
            if other := list(dict.fromkeys(f for other_lang in LANGS for f in term.forms[other_lang] if f != term.name(lang))):
                subject["alternateName"] = other
            out.append(subject)
    return out


def describe(project: Project, lang: str, name: str, title: str, description: str, site_name: str,
             site_url: str) -> dict:
    """The JSON-LD of one page."""
    url = site_url + page_url(lang, name)
    site = {"@type": "WebSite", "name": site_name, "url": site_url + page_url(lang, "index"),
            "inLanguage": LANGUAGE_TAGS[lang]}
    us = {"@type": "Organization", "name": site_name, "url": site_url + page_url(lang, "index")}
    work = {"@context": "https://schema.org", "@type": "Article" if name == "article" else "WebPage",
            "@id": url, "url": url, "inLanguage": LANGUAGE_TAGS[lang], "name": title, "headline": title,
            "description": description, "isPartOf": site, "creator": us,
            "isBasedOn": original_article(project), "about": subjects(project, lang, name)}
    if name == "article" and lang != "zh":
        work["translationOfWork"] = original_article(project)
        work["translator"] = us
    return work


def json_ld(work: dict) -> str:
    """The description as a script element; `<` `>` `&` escaped, so no text in it can end the element."""
    text = json.dumps(work, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
