"""Whole HTML documents, after the theme has rendered them: head fixes that no template block reaches.

Hreflang alternates as absolute addresses, valid header toggles, and a
Content-Security-Policy that allows the site's own files and, by hash, exactly the
theme's own inline scripts. A page that carries anything else that could run script
or send its reader away (an unknown inline script, an event attribute, a javascript:
URL, a refresh) is refused here, whatever source it came from.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
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


# -- what a page may run ------------------------------------------------------------

class UnsafeDocument(Exception):
    """A finished page carries something that could run script or send its reader elsewhere."""


TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
TEMPLATE_HOLE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
HOLE_VALUE = r"[A-Za-z0-9_.~/:%-]*"  # what a template hole in a script may hold: a relative or absolute URL


class KnownScripts:
    """The inline scripts the theme writes, as patterns made from its own template files.

    Only these are hashed into a page's CSP: an inline script that any source or plugin
    slips into the output matches none of them, and the build fails. A hole `{{ … }}`
    in a template matches URL characters only, so it cannot close a string and add code.
    """

    def __init__(self, patterns: list[re.Pattern]):
        self.patterns = patterns

    @classmethod
    def from_templates(cls, folders: list[str | Path]) -> KnownScripts:
        """From the theme's script partials (partials/javascripts/*.html), in the folders the theme is read from."""
        patterns = []
        for folder in folders:
            for file in sorted(Path(folder).glob("partials/javascripts/*.html")):
                text = re.sub(r"\{#.*?#\}", "", file.read_text(encoding="utf-8"), flags=re.S)
                for body in TEMPLATE_SCRIPT.findall(text):
                    parts = TEMPLATE_HOLE.split(body)
                    patterns.append(re.compile(HOLE_VALUE.join(re.escape(part) for part in parts), re.S))
        return cls(patterns)

    def allows(self, body: str) -> bool:
        return any(pattern.fullmatch(body) for pattern in self.patterns)


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset"}
NEVER = {"iframe", "frame", "object", "embed", "base", "applet"}


class _Audit(HTMLParser):
    """Reads a finished page as a browser would, keeping its inline scripts and whatever may not be published."""

    def __init__(self, own_origin: str):
        super().__init__(convert_charrefs=True)
        self.own_origin = own_origin
        self.scripts: list[str] = []
        self.problems: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        where = f"<{tag}>"
        if tag in NEVER:
            self.problems.append(f"the element {where}")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"an event attribute {name}= on {where}")
            if name in URL_ATTRIBUTES:
                url = re.sub(r"\s", "", value).lower()
                if re.match(r"(javascript|vbscript|data):", url):
                    self.problems.append(f"a {url.split(':')[0]}: URL in {name}= on {where}")
                elif tag in ("script", "link", "img", "source", "form") and re.match(r"([a-z][a-z0-9+.-]*:|//)", url) \
                        and not (tag == "link" and url.startswith(self.own_origin.lower())):
                    self.problems.append(f"{value} loaded from another host by {where}")
        if tag == "meta" and values.get("http-equiv", "").lower() not in ("", "content-security-policy"):
            self.problems.append(f'<meta http-equiv="{values["http-equiv"]}">')
        if tag == "form" and "action" in values:
            self.problems.append("a <form> that sends to an address of its own")
        if tag == "script" and "src" not in values and values.get("type", "") not in ("application/json", "application/ld+json"):
            self._script = []

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)


def inline_script_hashes(document: str, known: KnownScripts, own_origin: str = "") -> list[str]:
    """CSP hashes of the page's inline scripts, every one the theme's own; anything else is refused."""
    audit = _Audit(own_origin)
    audit.feed(document)
    audit.close()
    unknown = [body for body in audit.scripts if not known.allows(body)]
    if unknown:
        audit.problems.append(f"an inline script the theme does not write: {unknown[0][:80]!r}")
    if audit.problems:
        raise UnsafeDocument("; ".join(dict.fromkeys(audit.problems)))
    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"
              for body in audit.scripts]
    return list(dict.fromkeys(hashes))


def csp_meta(hashes: list[str]) -> str:
    directives = {**CSP_DIRECTIVES, "script-src": " ".join(["'self'", *hashes])}
    policy = "; ".join(f"{name} {value}" for name, value in directives.items())
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def content_security_policy(document: str, known: KnownScripts, own_origin: str = "") -> str:
    """Put a CSP meta element first in the head, so that it governs every script after it."""
    meta = csp_meta(inline_script_hashes(document, known, own_origin))
    return re.sub(r"(<meta charset=\"utf-8\">)", lambda m: m[1] + meta, document, count=1)


LANGUAGE_LINK = re.compile(r'(<a [^>]*hreflang="([a-z]+)"[^>]* class="md-select__link")>')


def language_link_langs(document: str) -> str:
    """The language menu names each language in that language (English, 简体中文): say so with `lang`."""
    return LANGUAGE_LINK.sub(r'\1 lang="\2">', document)


FOOTER_LABEL = re.compile(r'(<a [^>]*class="md-footer__link[^"]*" aria-label="[^":]*):\s*')


def chinese_footer_labels(document: str) -> str:
    """Material names its footer links `上一页: 产品`; Chinese puts a full-width colon there, with no space."""
    if '<html lang="zh"' not in document:
        return document
    return FOOTER_LABEL.sub(r"\1：", document)


def finish_document(document: str, urls: dict[str, str], default: str, known: KnownScripts) -> str:
    """Every whole-document fix, in order: the CSP comes last, when the scripts are final."""
    document = chinese_footer_labels(valid_toggles(language_alternates(document, urls, default)))
    document = language_link_langs(document)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(urls[default]))
    return content_security_policy(named_search_dialog(document), known, origin)


def not_found_page(document: str, homes: dict[str, str], default: str, known: KnownScripts) -> str:
    """A 404 page: its language links lead to each language's home (assets/links.js then keeps the address)."""
    document = finish_document(document, homes, default, known)
    for lang, home in homes.items():
        document = re.sub(rf'(<a\b[^>]*?\bhref=")[^"]*("[^>]*\bhreflang="{lang}")',
                          rf"\g<1>{urlsplit(home).path}\g<2>", document)
    return document
