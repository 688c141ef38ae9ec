"""The site as the MkDocs hooks see it: the checked sources, and each page's Markdown and HTML on request."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import ROOT
from ..render.markup import PageContext, finish
from ..render.pages import PageBuilder
from ..sources.freshness import StaleText, stale_texts
from ..sources.project import Project, load_project


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
    repository: Repository | None = None
    stale: list[StaleText] = field(init=False)
    _builders: dict[str, PageBuilder] = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.stale = stale_texts(self.project)

    def source_path(self, lang: str, name: str) -> str:
        """The file that holds a page's text in a language: what its edit button opens."""
        paths = self.project.paths
        if name == "article":
            return paths.relative(paths.seed if lang == "zh" else paths.translation)
        if name == "glossary":
            return paths.relative(paths.glossary)
        return paths.relative(paths.page(lang, name))

    def builder(self, lang: str) -> PageBuilder:
        """The page builder of a language."""
        if lang not in self._builders:
            stale = frozenset(text.what for text in self.stale)
            line_link = None
            if self.repository:
                path = self.project.paths.relative(self.project.paths.translation)
                line_link = lambda line: self.repository.line(path, line)  # noqa: E731
            self._builders[lang] = PageBuilder(self.project, lang, stale, line_link)
        return self._builders[lang]

    def strings_for(self, lang: str) -> dict[str, str]:
        author = self.project.meta["author"][lang]
        return {key: value[lang].replace("{author}", author) for key, value in self.project.strings.items()}

    def finish_html(self, html: str, lang: str, name: str, url: str, glossary_href: str) -> str:
        """The rendered page with tooltips, anchors, copy-link buttons and its print-only parts."""
        context = PageContext(lang, url, glossary_href, self.strings_for(lang))
        return finish(html, context, self.project.matchers, self.project.glossary.by_id(),
                      self.project.redirects.aliases(name))


def load_site(root: Path = ROOT, repository: Repository | None = None) -> Site:
    """Read and check every source: the seed files and the hand-written pages."""
    return Site(load_project(root), repository)
