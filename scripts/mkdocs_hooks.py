"""MkDocs hooks: the thin layer between MkDocs and the page generator in `explainer`.

MkDocs reads docs/<lang>/<page>.md; these hooks hand each page to the generator
and return what it makes. A mistake in the sources stops the build with the
generator's `file:line: … fix: …` message.
"""
from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explainer.errors import SourceError  # noqa: E402
from explainer.glossary import jieba_user_dict  # noqa: E402
from explainer.site import Site, load_site  # noqa: E402

site: Site | None = None


@event_priority(100)
def on_config(config):
    """Read and check every source before anything is built; MkDocs runs this once per language."""
    global site
    try:
        site = load_site()
    except SourceError as error:
        raise PluginError(f"\n{error}") from None
    # The search plugin reads this dictionary in its own on_config, after this one.
    site.write_if_changed(Path(config.plugins["material/search"].config.jieba_dict_user),
                          jieba_user_dict(site.project.glossary))
    return config


def _page_name(page) -> tuple[str, str]:
    path = PurePosixPath(page.file.src_uri)
    return page.file.locale, path.stem


def on_page_markdown(markdown, page, config, files):
    lang, name = _page_name(page)
    return site.builder(lang).expand(name, markdown)


def on_page_content(html, page, config, files):
    lang, _ = _page_name(page)
    glossary_url = "glossary/" if lang == "zh" else f"{lang}/glossary/"
    return site.finish_html(html, lang, get_relative_url(glossary_url, page.url))
