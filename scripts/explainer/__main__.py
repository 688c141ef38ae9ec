"""The site's jobs, one command each: `python -m explainer --help` lists them.

The Makefile calls these; so can an editor, a pre-commit hook or CI.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

from . import ROOT
from .errors import SourceError
from .publish.site import load_site

SITE = ROOT / "site"
COMMANDS: list = []


def command(*arguments: tuple[tuple, dict]):
    """Register a function as a subcommand; its docstring's first line is its help, `arguments` its options."""
    def register(function):
        function.arguments = arguments
        COMMANDS.append(function)
        return function
    return register


def option(*names, **settings) -> tuple[tuple, dict]:
    return names, settings


def _load():
    """The checked sources, or None after printing what is wrong."""
    try:
        return load_site()
    except SourceError as error:
        print(f"✗ {error}", file=sys.stderr)
        return None


def _commit_time() -> str | None:
    """The time of the checked-out commit: the date a build of it carries, so that two builds are identical."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return None
    return out.stdout.strip() or None


def _mkdocs(*args: str) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if "SOURCE_DATE_EPOCH" not in env and (epoch := _commit_time()):
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.call([sys.executable, "-m", "mkdocs", *args], cwd=ROOT, env=env)


@command()
def check(_args) -> int:
    """Read and cross-check every source; print what is fine and what is not."""
    if not (site := _load()):
        return 1
    project = site.project
    print(f"✓ seed: {len(project.blocks)} blocks, every one named in seeds/blocks.yml")
    print(f"✓ translation: {len(project.translations)} blocks translated")
    print(f"✓ glossary: {len(project.glossary.terms)} terms")
    print(f"✓ figures: {len(project.figures)} figures, each found in its source block")
    print(f"✓ outline: {sum(len(s) for s in project.outline.values())} sections on {len(project.outline)} pages")
    print(f"✓ pictures: {len(project.pictures.pictures)}, every word from a figure, the glossary or the article")
    print(f"✓ pages: {len(project.pages)} page files, sections, questions, numbers and links checked")
    return 0


@command(option("--as-published", action="store_true",
                help="as publishing builds it, on a placeholder GitHub Pages address with edit links (what the tests read)"))
def build(args) -> int:
    """Build the site with --strict into build/; replace site/ only when that succeeded."""
    if getattr(args, "as_published", False):
        from .tools import PUBLISHED
        os.environ.update(PUBLISHED)
    staging, previous = ROOT / "build" / "site.new", ROOT / "build" / "site.old"
    for folder in (staging, previous):
        shutil.rmtree(folder, ignore_errors=True)
    staging.parent.mkdir(exist_ok=True)
    if _mkdocs("build", "--strict", "--site-dir", str(staging)) != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("✗ the build failed; site/ was left as it was", file=sys.stderr)
        return 1
    if SITE.exists():
        SITE.rename(previous)
    staging.rename(SITE)
    shutil.rmtree(previous, ignore_errors=True)
    print("✓ built site/")
    return 0


@command(option("--update", action="store_true", help="add the site's new addresses to the manifest"))
def addresses(args) -> int:
    """Check that every published address (seeds/addresses.txt) still leads somewhere; --update adds new ones."""
    from .languages import LANGS, PAGES
    from .publish.addresses import collect, manifest_text, read_manifest, unresolved
    manifest = ROOT / "seeds" / "addresses.txt"
    if not (SITE / "index.html").exists():
        print("✗ site/ is not built: run `make build` first", file=sys.stderr)
        return 1
    promised = read_manifest(manifest)
    missing = unresolved(promised, SITE)
    for address in missing:
        print(f"✗ {address} is published but leads nowhere: declare where it went in seeds/redirects.yml",
              file=sys.stderr)
    current = collect(SITE, LANGS, list(PAGES))
    new = sorted(current - set(promised))
    if new and args.update:
        manifest.write_text(manifest_text(current | set(promised)), encoding="utf-8")
        print(f"✓ seeds/addresses.txt: added {len(new)} new addresses")
    elif new:
        print(f"✗ {len(new)} published addresses are not recorded in seeds/addresses.txt (e.g. {new[0]}): "
              "run `make addresses` and commit the file", file=sys.stderr)
        return 1
    if missing:
        return 1
    print(f"✓ seeds/addresses.txt: {len(set(promised) | current)} addresses, each leads to its place")
    return 0


@command(option("--accept", action="store_true",
                help="record the current Chinese versions, after a translator has reviewed them"))
def stale(args) -> int:
    """List English texts whose Chinese changed since they were translated; --accept records them as reviewed."""
    from .sources.freshness import accept
    if not (site := _load()):
        return 1
    if args.accept:
        for path in accept(site.project):
            print(f"✓ recorded the current Chinese versions in {site.project.paths.relative(path)}")
        return 0
    for text in site.stale:
        print(f"✗ {text.path}:{text.line}: {text.what} translates an older version of the Chinese; "
              "review it, then run `make translations-reviewed`", file=sys.stderr)
    if not site.stale:
        print(f"✓ translations are up to date: {len(site.project.translations)} blocks, "
              f"{len(site.project.pages) // 2} pages, {len(site.project.glossary.terms)} glossary terms")
    return 1 if site.stale else 0


@command(option("--pages", help="comma-separated page names (default: all)"),
         option("--full-page", action="store_true", help="the whole page, not the first screen"))
def screenshots(args) -> int:
    """Screenshot every page of site/ in both languages, desktop and phone, light and dark (build/screenshots/)."""
    from .tools.screenshots import take
    out = ROOT / "build" / "screenshots"
    written = take(SITE, out, args.pages.split(",") if args.pages else None, args.full_page)
    print(f"✓ {len(written)} screenshots in {out.relative_to(ROOT)}/")
    return 0


@command()
def card_font(_args) -> int:
    """Remake the share cards' font subsets in fonts/ from the system's Noto Sans CJK SC and DejaVu Sans."""
    from .tools.card_font import make
    for path, characters, size in make():
        print(f"✓ {path.relative_to(ROOT)}: {characters} characters, {size / 1024:.1f} KB")
    print("  commit fonts/ with the titles that needed them")
    return 0


@command(option("--addr", default="127.0.0.1:8000", help="address to serve on"))
def serve(args) -> int:
    """Preview on http://127.0.0.1:8000: open pages reload after each edit; a broken source keeps the last good pages."""
    from .tools.preview import serve as preview
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    return preview(args.addr)


@command(option("--skip-lighthouse", action="store_true", help="a quick run: sizes and build times only"),
         option("--skip-preview", action="store_true", help="do not time make serve's reloads"),
         option("--pages", help="only these pages, e.g. index,article,404 (both languages)"),
         option("--builds", type=int, default=3, help="clean builds to time (default 3); 0 measures site/ as it is"),
         option("--site", help="with --builds 0: measure this built site instead of site/"),
         option("--lighthouse-runs", type=int, default=1,
                help="Lighthouse runs per page (default 1); with more, the median run is shown"))
def bench(args) -> int:
    """Measure the site: clean build time, page and first-load sizes, search indexes, Lighthouse scores."""
    from .tools.bench import bench as run_bench
    return run_bench(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for function in COMMANDS:
        subcommand = commands.add_parser(function.__name__.replace("_", "-"), help=function.__doc__.splitlines()[0])
        subcommand.set_defaults(run=function)
        for names, settings in function.arguments:
            subcommand.add_argument(*names, **settings)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
