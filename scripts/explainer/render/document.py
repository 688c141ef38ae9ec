"""Whole HTML documents, after the theme has rendered them: head fixes that no template block reaches.

Hreflang alternates as absolute addresses, valid header toggles, and a
Content-Security-Policy that allows the site's own files and exactly the inline
scripts each page carries, by hash.
"""
from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit


ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def language_alternates(document: str, urls: dict[str, str], default: str) -> str:
    """Replace the theme's relative hreflang links with absolute ones, plus x-default.

    The rel value is written "alternate " (a valid token list): Material fetches a
    sitemap.xml beside every `link[rel=alternate]`, which only exists at the site's
    root, and would log a 404 on every page; its "stay on page" feature, which
    needs that sitemap, is replaced by assets/links.js.
    """
    tags = [f'<link rel="alternate " hreflang="{lang}" href="{url}">' for lang, url in urls.items()]
    tags.append(f'<link rel="alternate " hreflang="x-default" href="{urls[default]}">')
    document, count = ALTERNATE_LINK.subn("", document)
    if count:
        document = document.replace("</head>", "".join(tags) + "</head>", 1)
    return document


CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s+(?!src\b)[^>\s=]+(?:=\"[^\"]*\")?)*)\s*>(?P<body>.*?)</script>", re.S)
CSP_DIRECTIVES = {
    "default-src": "'none'",
    "style-src": "'self'",
    "img-src": "'self' data:",  # Material's icons are CSS masks with data: URLs
    "font-src": "'self'",
    "connect-src": "'self'",  # the search index
    "worker-src": "'self'",  # the search worker
    "manifest-src": "'self'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')
SEARCH_LABEL = re.compile(r'<input [^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')


def named_search_dialog(document: str) -> str:
    """Material's search container is a dialog without a name; give it the search box's own label."""
    label = SEARCH_LABEL.search(document)
    if not label:
        return document
    return SEARCH_DIALOG.sub(lambda m: m[0][:-1] + f' aria-label="{label[1]}">', document, count=1)


def valid_toggles(document: str) -> str:
    """Drop `autocomplete` from Material's header checkboxes: HTML allows it on text-like inputs only."""
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", document)


def inline_script_hashes(document: str) -> list[str]:
    """CSP hashes of the page's inline scripts; JSON data blocks are not scripts and need none."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(document):
        if re.search(r'type="application/(?:ld\+)?json"', match["attrs"]):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return list(dict.fromkeys(hashes))


def content_security_policy(document: str) -> str:
    """Put a CSP meta element first in the head, so that it governs every script after it."""
    directives = {**CSP_DIRECTIVES, "script-src": " ".join(["'self'", *inline_script_hashes(document)])}
    policy = "; ".join(f"{name} {value}" for name, value in directives.items())
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return re.sub(r"(<meta charset=\"utf-8\">)", lambda m: m[1] + meta, document, count=1)


def finish_document(document: str, urls: dict[str, str], default: str) -> str:
    """Every whole-document fix, in order: the CSP comes last, when the scripts are final."""
    return content_security_policy(named_search_dialog(valid_toggles(language_alternates(document, urls, default))))


def not_found_page(document: str, homes: dict[str, str], default: str) -> str:
    """A 404 page: its language links lead to each language's home (assets/links.js then keeps the address)."""
    document = finish_document(document, homes, default)
    for lang, home in homes.items():
        document = re.sub(rf'(<a\b[^>]*?\bhref=")[^"]*("[^>]*\bhreflang="{lang}")',
                          rf"\g<1>{urlsplit(home).path}\g<2>", document)
    return document
