"""The generator's one entry point: sources in, page Markdown and finished HTML out."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .addresses import Redirects, parse_redirects
from .checks import PageSource, check_pages, page_anchors
from .errors import SourceError
from .freshness import StaleText, stale_texts
from .markup import PageContext, finish
from .pages import HEADING, PageBuilder, TermUses
from .project import LANGS, PAGES, ROOT, Project, load_project
from .sources import parse_yaml


@dataclass(frozen=True)
class Repository:
    """Links into the repository that holds the sources: edit a file, or see one line of it."""

    url: str  # https://github.com/owner/name
    branch: str = "main"  # the branch the site is published from (.github/workflows/publish.yml)

    def edit(self, path: str) -> str:
        return f"{self.url.rstrip('/')}/edit/{self.branch}/{path}"

    def line(self, path: str, line: int) -> str:
        return f"{self.url.rstrip('/')}/blob/{self.branch}/{path}#L{line}"


@dataclass
class Site:
    project: Project
    strings: dict
    pages: dict[tuple[str, str], PageSource]
    redirects: Redirects
    stale: list[StaleText] = field(init=False)
    repository: Repository | None = None
    _builders: dict[str, PageBuilder] = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.stale = stale_texts(self.project, self.pages)

    def title(self, lang: str, name: str) -> str:
        page = self.pages[(lang, name)]
        return next(HEADING.match(line)[2] for line in page.lines[page.body_start:] if line.startswith("# "))

    def source_path(self, lang: str, name: str) -> str:
        """The file that holds a page's text in a language: what its edit button opens."""
        paths = self.project.paths
        if name == "article":
            return paths.relative(paths.seed if lang == "zh" else paths.translation)
        if name == "glossary":
            return paths.relative(paths.glossary)
        return paths.relative(paths.page(lang, name))

    def builder(self, lang: str) -> PageBuilder:
        """The page builder of a language, which knows where every glossary term occurs."""
        if lang not in self._builders:
            titles = {name: self.title(lang, name) for name in PAGES}
            draft = PageBuilder(self.project, lang, self.strings, titles, TermUses({}, {}))
            stale = frozenset(text.what for text in self.stale)
            line_link = None
            if self.repository:
                path = self.project.paths.relative(self.project.paths.translation)
                line_link = lambda line: self.repository.line(path, line)  # noqa: E731
            self._builders[lang] = PageBuilder(self.project, lang, self.strings, titles, self._term_uses(lang, draft),
                                               stale, line_link)
        return self._builders[lang]

    def _term_uses(self, lang: str, draft: PageBuilder) -> TermUses:
        def where(texts) -> dict[str, list[str]]:
            """Term id → the places, in order, whose text uses it; `texts` are (place, text) pairs."""
            found: dict[str, list[str]] = {}
            for place, text in texts:
                for term_id in dict.fromkeys(m.term_id for m in self.project.matchers[lang].find(text)):
                    found.setdefault(term_id, []).append(place)
            return found

        def page_text(name: str) -> str:
            page = self.pages[(lang, name)]
            return draft.expand(name, "\n".join(page.lines[page.body_start:]))

        return TermUses(where((name, page_text(name)) for name in PAGES if name not in ("article", "glossary")),
                        where((block.id, self.project.text(block.id, lang)) for block in self.project.blocks))

    def check_terms_used(self) -> None:
        """A glossary term whose forms occur nowhere in a language is a mistake in its forms."""
        for lang in LANGS:
            uses = self.builder(lang).uses
            for term in self.project.glossary.terms:
                if term.id not in uses.pages and term.id not in uses.blocks:
                    raise SourceError(self.project.glossary.path, term.form_lines[lang],
                                      f"the {lang} forms of term {term.id!r} occur nowhere on the site",
                                      "check the spelling of its forms against the text, or remove the term")

    def strings_for(self, lang: str) -> dict[str, str]:
        author = self.project.meta["author"][lang]
        return {key: value[lang].replace("{author}", author) for key, value in self.strings.items()}

    def finish_html(self, html: str, lang: str, name: str, url: str, glossary_href: str) -> str:
        """The rendered page with tooltips, anchors, copy-link buttons and its print-only parts."""
        context = PageContext(lang, url, glossary_href, self.strings_for(lang))
        return finish(html, context, self.project.matchers, self.project.glossary.by_id(), self.redirects.aliases(name))


def load_strings(text: str, rel: str) -> dict:
    data = parse_yaml(text, rel)
    for key, value in data.items():
        for lang in LANGS:
            if not isinstance(value, dict) or not value.text(lang, rel):
                raise SourceError(rel, data.line_of(key), f"the text {key!r} has no {lang} version",
                                  f"add `{lang}: …` under `{key}:`")
    return data


def load_site(root: Path = ROOT, repository: Repository | None = None) -> Site:
    """Read and check every source: the seed files and the hand-written pages."""
    project = load_project(root)
    pages = check_pages(project)
    strings = load_strings(*project.paths.read(project.paths.strings))
    redirects = parse_redirects(*project.paths.read(project.paths.redirects), list(PAGES), page_anchors(project, pages, "zh"))
    site = Site(project, strings, pages, redirects, repository)
    site.check_terms_used()
    return site
