"""The generator's one entry point: sources in, page Markdown and finished HTML out."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_pages
from .errors import SourceError
from .markup import mark_terms, question_anchors
from .pages import PageBuilder
from .project import LANGS, ROOT, Project, load_project
from .sources import parse_yaml
from .terms import TermMatcher, matcher_for


@dataclass
class Site:
    project: Project
    strings: dict
    matchers: dict[str, TermMatcher] = field(init=False)

    def __post_init__(self):
        self.matchers = {lang: matcher_for(self.project.glossary, lang) for lang in LANGS}

    def builder(self, lang: str) -> PageBuilder:
        return PageBuilder(self.project, lang, self.strings)

    @staticmethod
    def write_if_changed(path: Path, text: str) -> None:
        """Write a generated file only when its content changes, so that watchers stay quiet."""
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def finish_html(self, html: str, lang: str, glossary_href: str) -> str:
        definitions = {term.id: term.short[lang] for term in self.project.glossary.terms}
        html, _ = mark_terms(question_anchors(html), lang, self.matchers, definitions, glossary_href)
        return html


def load_strings(path: Path, rel: str) -> dict:
    data = parse_yaml(path.read_text(encoding="utf-8"), rel)
    for key, value in data.items():
        for lang in LANGS:
            if not isinstance(value, dict) or not value.get(lang):
                raise SourceError(rel, data.line_of(key), f"the text {key!r} has no {lang} version",
                                  f"add `{lang}: …` under `{key}:`")
    return data


def load_site(root: Path = ROOT) -> Site:
    project = load_project(root)
    check_pages(project)
    strings_path = root / "seeds" / "strings.yml"
    return Site(project, load_strings(strings_path, project.paths.relative(strings_path)))
