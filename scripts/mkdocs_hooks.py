"""MkDocs hooks: the thin layer between MkDocs and the page generator in `explainer`.

MkDocs reads docs/<lang>/<page>.md; these hooks hand each page to the generator
and return what it makes. A mistake in the sources stops the build with the
generator's `file:line: … fix: …` message.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explainer import ROOT  # noqa: E402
from explainer.errors import SourceError  # noqa: E402
from explainer.languages import DEFAULT_LANG, PAGES, URL_PREFIX  # noqa: E402
from explainer.publish.minify import minify_assets  # noqa: E402
from explainer.publish.redirects import write_page_redirects  # noqa: E402
from explainer.publish.site import Repository, Site, load_site  # noqa: E402
from explainer.render.cards import missing_glyphs, missing_glyphs_message, write_cards  # noqa: E402
from explainer.render.document import KnownScripts, UnsafeDocument, finish_document, not_found_page  # noqa: E402
from explainer.render.search import jieba_user_dict, write_language_indexes  # noqa: E402
from explainer.render.figure_data import figures_csv, figures_json  # noqa: E402
from explainer.render.reading import reading_json  # noqa: E402
from explainer.render.work import describe, json_ld  # noqa: E402
from explainer.sources.files import write_if_changed  # noqa: E402
from explainer.sources.policy import SourceText  # noqa: E402

site: Site | None = None
known_scripts: KnownScripts | None = None
_fingerprint: tuple = ()
log = logging.getLogger("mkdocs.hooks.explainer")


def _sources_fingerprint(repo_url) -> tuple:
    """What the loaded sources depend on: the files under seeds/ and docs/, and the repository address."""
    files = sorted(path for folder in ("seeds", "docs") for path in (ROOT / folder).rglob("*") if path.is_file())
    files.append(ROOT / "mkdocs.yml")
    return repo_url, tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


@event_priority(100)
def on_config(config):
    """Read and check every source before anything is built.

    MkDocs runs this once per language; the second time, unless a file changed (as it
    does under `make serve`), the sources read the first time serve again.
    """
    global site, known_scripts, _fingerprint
    fingerprint = _sources_fingerprint(config.repo_url)
    try:
        check_site_texts(config)
        if site is None or fingerprint != _fingerprint:
            site = load_site(repository=Repository(config.repo_url) if config.repo_url else None)
    except SourceError as error:
        raise PluginError(f"\n{error}") from None
    if site is not None and fingerprint != _fingerprint:
        _fingerprint = fingerprint
        known_scripts = KnownScripts.from_templates(config.theme.dirs)
        for text in site.stale:
            log.info(f"stale translation: {text.path}:{text.line}: {text.what} (the Chinese changed since)")
    # The search plugin cuts Chinese with jieba's shared tokenizer: its cache in build/, not /tmp, which another
    # user's build may own. The plugin reads the user dictionary in its own on_config, after this one.
    import jieba
    (ROOT / "build").mkdir(exist_ok=True)
    jieba.dt.tmp_dir = str(ROOT / "build")
    write_if_changed(Path(config.plugins["material/search"].config.jieba_dict_user),
                          jieba_user_dict(site.project.glossary))
    return config


def check_site_texts(config) -> None:
    """The texts mkdocs.yml gives the theme (names, description, author, labels): plain text, in their language."""
    lang = config.theme["language"]
    source = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    texts = [config.site_name, config.site_description, config.site_author, config.copyright]
    texts += [(entry.get("toggle") or {}).get("name") for entry in config.theme.get("palette") or []]
    for text in filter(None, texts):
        line = next((n for n, source_line in enumerate(source, 1) if text[:12] in source_line), None)
        SourceText("mkdocs.yml").plain(text, line, lang)


def on_env(env, config, files):
    """Keep the theme's compiled templates between builds (build/jinja/): a rebuild, under `make serve`
    most of all, need not compile Material's templates again. Jinja checks each template's source."""
    from jinja2 import FileSystemBytecodeCache
    folder = ROOT / "build" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def _page_name(page) -> tuple[str, str]:
    path = PurePosixPath(page.file.src_uri)
    return page.file.locale, path.stem


def on_page_markdown(markdown, page, config, files):
    lang, name = _page_name(page)
    page.edit_url = site.repository.edit(site.source_path(lang, name)) if site.repository else None
    page.meta["pictures"] = any(section.picture for section in site.project.outline.get(name, ()))
    page.meta["reading_modes"] = name == "article"
    page.meta["card"] = card_path(lang, name)
    page.meta["card_title"] = site.project.title(lang, name)  # what the card shows, for its alt text
    return site.builder(lang).expand(name, markdown)


def on_page_content(html, page, config, files):
    lang, name = _page_name(page)
    if name == "glossary":  # its table of contents lists the groups, not all the terms
        for group in page.toc.items[0].children if page.toc.items else []:
            group.children = []
    glossary_url = f"{URL_PREFIX[lang]}glossary/"
    return site.finish_html(html, lang, name, page.canonical_url, get_relative_url(glossary_url, page.url))


def on_post_page(output, page, config):
    lang, name = _page_name(page)
    rest = page.url.removeprefix(URL_PREFIX[lang])
    root = config.site_url or "/"
    urls = {alt: f"{root}{prefix}{rest}" for alt, prefix in URL_PREFIX.items()}
    work = describe(site.project, lang, name, site.project.title(lang, name), page.meta["description"],
                    config.site_name, root)
    output = output.replace("</head>", json_ld(work) + "</head>", 1)
    try:
        return finish_document(output, urls, DEFAULT_LANG, known_scripts)
    except UnsafeDocument as error:
        raise PluginError(f"\nsite/{page.url}index.html would carry {error}\n    fix: find which source put it there "
                          "(`make check` names most); the build publishes no page that could run script") from None


_not_found_pages: dict[str, bytes] = {}


def _place_not_found_page(config) -> None:
    """Keep a 404 page per language: site/404.html (zh) and site/en/404.html.

    mkdocs-static-i18n builds zh, then en inside its own on_post_build, and both
    write site/404.html; this runs before it in each build. The language links
    of a 404 page point to the other language's home; assets/links.js replaces
    them with the address the reader asked for.
    """
    lang = config.theme["language"]
    target = Path(config.site_dir) / "404.html"
    root = config.site_url or "/"
    homes = {alt: f"{root}{prefix}" for alt, prefix in URL_PREFIX.items()}
    html = not_found_page(target.read_text(encoding="utf-8"), homes, DEFAULT_LANG, known_scripts)
    _not_found_pages[lang] = html.encode("utf-8")
    if lang != DEFAULT_LANG and DEFAULT_LANG in _not_found_pages:
        (Path(config.site_dir) / URL_PREFIX[lang]).mkdir(exist_ok=True)
        (Path(config.site_dir) / URL_PREFIX[lang] / "404.html").write_bytes(_not_found_pages[lang])
    target.write_bytes(_not_found_pages.get(DEFAULT_LANG, _not_found_pages[lang]))


def card_path(lang: str, name: str) -> str:
    """Where a page's share card is, below the site's root: one 1200×630 PNG per page and language."""
    return f"assets/cards/{lang}-{name}.png"


def write_share_cards(config, lang: str) -> None:
    titles = {name: site.project.title(lang, name) for name in PAGES}
    if missing := missing_glyphs({lang: [*titles.values(), config.site_name]}):
        raise PluginError(f"\n{missing_glyphs_message(missing)}")
    write_cards([(title, config.site_name, lang, Path(config.site_dir) / card_path(lang, name))
                 for name, title in titles.items()], ROOT / "build" / "cards")


def on_post_build(config):
    _place_not_found_page(config)
    lang = config.theme["language"]
    write_share_cards(config, lang)
    (Path(config.site_dir) / URL_PREFIX[lang] / "reading.json").write_text(reading_json(site.project, lang),
                                                                          encoding="utf-8")
    if config.theme["language"] == DEFAULT_LANG:
        write_page_redirects(Path(config.site_dir), site.project.redirects, URL_PREFIX)
        (Path(config.site_dir) / "figures.csv").write_text(figures_csv(site.project, config.site_url or "/"),
                                                           encoding="utf-8")
        (Path(config.site_dir) / "figures.json").write_text(figures_json(site.project, config.site_url or "/"),
                                                            encoding="utf-8")
        (Path(config.site_dir) / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\nSitemap: {config.site_url or '/'}sitemap.xml\n", encoding="utf-8")


@event_priority(-200)
def _after_both_languages(config):
    """One search index per language, and our assets minified: after mkdocs-static-i18n (-100) has built both."""
    write_language_indexes(Path(config.site_dir), site.project.glossary)
    minify_assets(Path(config.site_dir))


on_post_build = CombinedEvent(on_post_build, _after_both_languages)  # a hook module has one name per event
