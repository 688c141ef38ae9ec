"""Measure the site and report it: `make bench`. Nothing here asserts; it marks what misses its target.

Reports the clean build time and the generator's share of it, each page's HTML size and first-load
transfer (gzip), the search index sizes and Lighthouse 12.2.3 scores (mobile preset, gzip from 127.0.0.1).
Prints one Markdown report and writes the same data to build/bench.json.

Only the standard library is imported at the top: the build probe below runs inside the timed
mkdocs process, and must not load the generator before the hooks do.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .browser import CHROMIUM_ARGS, chromium_path, launch
from .. import ROOT
from . import PUBLISHED

WORK = ROOT / "build" / "bench"
REPORT_JSON = ROOT / "build" / "bench.json"
CHROME_FLAGS = ("--headless=new", *CHROMIUM_ARGS)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GZIP_LEVEL = 6  # what the static server sends, so the HTML gzip size equals the page's own first-load bytes
KIB = 1024
HTML_GZIP_MAX = 14 * KIB  # one round trip of TCP slow start; the full article page is exempt
FIRST_LOAD_MAX = 100 * KIB
SCORE_MIN = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
VIEWPORTS = {"phone": {"width": 412, "height": 823}, "desktop": {"width": 1280, "height": 900}}
NOT_COPIED = {".git", ".venv", "node_modules", "site", "build", "tests", ".pytest_cache"}  # at the top only
PROBE_ENV = "EXPLAINER_BENCH_PROBE"
# Before the reading aids and citations (commit f5a9a4d, built as published, measured the same way): the
# first load of each page, and our own assets on it (gzip level 6). What they add is measured against these.
BEFORE = "f5a9a4d"
FIRST_LOAD_BEFORE = {
    "/": 92323, "/organization/": 92276, "/revenue/": 93203, "/products/": 93472, "/challenges/": 88523,
    "/landscape/": 92901, "/article/": 100438, "/glossary/": 94361, "/about/": 87025, "/404.html": 84438,
    "/en/": 91761, "/en/organization/": 92070, "/en/revenue/": 92951, "/en/products/": 93062,
    "/en/challenges/": 88278, "/en/landscape/": 92504, "/en/article/": 99992, "/en/glossary/": 93853,
    "/en/about/": 86539, "/en/404.html": 84202}
# Our assets then: as published (not minified), and minified as publish/minify.py does now (rJSmin, rCSSmin 1.3.0),
# so that what the features add is counted like for like.
ASSETS_BEFORE = {"assets/links.js": {"published": 2880, "minified": 2020},
                 "assets/site.css": {"published": 3326, "minified": 2384}}
AIDS_BUDGET = 4 * KIB + 2 * KIB  # the reading aids' 4 KiB, and at most 2 KiB more for citations
ON_DEMAND = ("reading.json", "en/reading.json", "assets/cite.js", "assets/cite-dialog.js")


# --- the clean build ---------------------------------------------------------------------------------

def probe_generator(out_path: str) -> None:
    """Inside the timed mkdocs process: time every call into scripts/ (the hooks module's import and each hook).

    Wraps the hooks as MkDocs registers them, keeping their priorities; writes the times when the process ends.
    Started from a sitecustomize.py that `clean_builds` puts on PYTHONPATH.
    """
    started = time.perf_counter()
    import atexit
    import functools
    from mkdocs.config import config_options
    from mkdocs.plugins import CombinedEvent, PluginCollection

    scripts = Path.cwd().resolve() / "scripts"
    calls: list[tuple[str, float]] = []

    def timed(label, function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                calls.append((label, time.perf_counter() - start))
        return run

    load_hook = config_options.Hooks._load_hook
    config_options.Hooks._load_hook = lambda self, name, path: timed("import hooks", load_hook)(self, name, path)
    register = PluginCollection._register_event

    def register_timed(self, event_name, method, plugin_name=None):
        code = getattr(method, "__code__", None)
        ours = code is not None and Path(code.co_filename).resolve().is_relative_to(scripts)
        if ours and not isinstance(method, CombinedEvent):
            method = timed(f"on_{event_name}", method)
        return register(self, event_name, method, plugin_name)

    PluginCollection._register_event = register_timed

    def write():
        Path(out_path).write_text(json.dumps({"process": time.perf_counter() - started, "calls": calls}))
    atexit.register(write)


def _copy_work_tree(dest: Path) -> None:
    """A fresh tree as a clone would have it: the sources as they are now, no site/, build/ or caches."""
    shutil.rmtree(dest, ignore_errors=True)

    def ignore(folder, names):
        top = Path(folder).resolve() == ROOT
        return {n for n in names if (top and n in NOT_COPIED) or n == "__pycache__"}
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)


def clean_builds(runs: int) -> tuple[dict, Path]:
    """Run `python -m explainer build` `runs` times, each in a fresh copy of the work tree; time each run."""
    probe_dir = WORK / "probe"
    probe_dir.mkdir(parents=True, exist_ok=True)
    (probe_dir / "sitecustomize.py").write_text(
        "# Written by explainer.bench: times the generator inside `python -m mkdocs` during `make bench`.\n"
        "import os, sys\n"
        f"if os.environ.get({PROBE_ENV!r}) and sys.orig_argv[1:3] == ['-m', 'mkdocs']:\n"
        "    from explainer.tools.bench import probe_generator\n"
        f"    probe_generator(os.environ[{PROBE_ENV!r}])\n", encoding="utf-8")
    tree = WORK / "tree"
    results = []
    for run in range(1, runs + 1):
        _copy_work_tree(tree)
        probe_out = WORK / f"probe-{run}.json"
        probe_out.unlink(missing_ok=True)
        env = {**os.environ, **PUBLISHED, "NO_MKDOCS_2_WARNING": "1", PROBE_ENV: str(probe_out),
               "PYTHONPATH": os.pathsep.join([str(probe_dir), str(tree / "scripts")])}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "explainer", "build"], cwd=tree, env=env,
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        if done.returncode != 0 or not (tree / "site" / "index.html").exists():
            raise RuntimeError(f"clean build {run} failed:\n{done.stdout}{done.stderr}")
        probe = json.loads(probe_out.read_text())
        by_hook: dict[str, float] = {}
        calls: dict[str, int] = {}
        for label, seconds in probe["calls"]:
            by_hook[label] = by_hook.get(label, 0.0) + seconds
            calls[label] = calls.get(label, 0) + 1
        generator = sum(by_hook.values())
        results.append({"wall_s": wall, "mkdocs_process_s": probe["process"], "generator_s": generator,
                        "generator_share": generator / wall, "outside_mkdocs_s": wall - probe["process"],
                        "by_hook_s": by_hook, "hook_calls": calls})
        print(f"  build {run}/{runs}: {wall:.2f} s, generator {generator:.2f} s", file=sys.stderr)
    summary = {key: _spread([r[key] for r in results])
               for key in ("wall_s", "mkdocs_process_s", "outside_mkdocs_s", "generator_s", "generator_share")}
    hooks = sorted({label for r in results for label in r["by_hook_s"]})
    summary["by_hook_s"] = {label: _spread([r["by_hook_s"].get(label, 0.0) for r in results]) for label in hooks}
    return {"runs": results, "summary": summary}, tree / "site"


def _spread(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


# --- the pages -----------------------------------------------------------------------------------

def site_pages(names: list[str] | None) -> list[dict]:
    """Every page in both languages, and each language's 404 page (loaded as /404.html, so it is gzipped)."""
    from ..languages import PAGES, URL_PREFIX, page_url
    pages = []
    for lang, prefix in URL_PREFIX.items():
        for name in (*PAGES, "404"):
            if names and name not in names:
                continue
            file = f"{prefix}404.html" if name == "404" else f"{page_url(lang, name)}index.html"
            path = "/" + file.removesuffix("index.html")
            pages.append({"lang": lang, "name": name, "path": path, "file": file})
    return pages


def site_path(site: Path) -> str:
    """The sub-path the site was built for (its home page's canonical address): served there, as the host does."""
    import re
    from urllib.parse import urlsplit
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    return urlsplit(canonical[1]).path if canonical else "/"


def html_sizes(site: Path, page: dict) -> dict:
    raw = (site / page["file"]).read_bytes()
    return {"html_bytes": len(raw), "html_gzip": len(gzip.compress(raw, GZIP_LEVEL, mtime=0))}


def first_loads(base_url: str, pages: list[dict]) -> None:
    """Load each page once per viewport in a fresh context with the cache off; sum every response's Content-Length.

    The server sends Content-Length for every response, gzip-encoded where it compresses, so the sum is the
    bytes of bodies on the wire (HTTP headers not counted). Requests of workers count too.
    """
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for page in pages:
            page["first_load"] = {}
            for viewport_name, viewport in VIEWPORTS.items():
                context = browser.new_context(viewport=viewport)
                tab = context.new_page()
                cdp = context.new_cdp_session(tab)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                responses = []
                context.on("response", lambda response, into=responses: into.append(response))
                tab.goto(base_url + page["path"], wait_until="load")
                tab.wait_for_load_state("networkidle")
                tab.wait_for_timeout(500)
                loaded = []
                for response in responses:
                    if response.url.startswith("data:"):
                        continue
                    length = response.headers.get("content-length")
                    loaded.append({"url": response.url.removeprefix(base_url), "status": response.status,
                                   "encoding": response.headers.get("content-encoding"),
                                   "bytes": int(length) if length is not None else len(response.body())})
                context.close()
                page["first_load"][viewport_name] = {"bytes": sum(r["bytes"] for r in loaded),
                                                     "requests": len(loaded), "responses": loaded}
            page["first_load_gzip"] = max(v["bytes"] for v in page["first_load"].values())
            print(f"  first load {page['path']}: {page['first_load_gzip'] / KIB:.1f} KiB", file=sys.stderr)
        browser.close()


def search_indexes(site: Path) -> list[dict]:
    indexes = []
    for path in sorted(site.rglob("search_index.json")):
        raw = path.read_bytes()
        try:
            entries = len(json.loads(raw).get("docs", []))
        except (ValueError, AttributeError):
            entries = None
        indexes.append({"file": path.relative_to(site).as_posix(), "entries": entries, "bytes": len(raw),
                        "gzip": len(gzip.compress(raw, GZIP_LEVEL, mtime=0))})
    return indexes


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0))


def aids_sizes(site: Path) -> dict:
    """What the reading aids and citations add to first loads: our assets on every page, against BEFORE."""
    import re
    assets = {name: {"published": before["published"], "before": before["minified"], "now": _gzip_size(site / name)}
              for name, before in ASSETS_BEFORE.items()}
    everywhere = sum(sizes["now"] - sizes["before"] for sizes in assets.values())
    article = (site / "article" / "index.html").read_text(encoding="utf-8")
    control = re.search(r'<fieldset class="reading-modes".*?</fieldset>', article, re.S)
    extra = _gzip_size(site / "assets" / "reading-mode.js") + (len(gzip.compress(control[0].encode(), GZIP_LEVEL))
                                                               if control else 0)
    return {"assets": assets, "article_extra": extra, "added_elsewhere": everywhere,
            "added_on_article": everywhere + extra,
            "on_demand": {name: _gzip_size(site / name) for name in ON_DEMAND if (site / name).exists()}}


def preview_reloads(edits: int = 5) -> list[float]:
    """Seconds from saving a page file to the open page having reloaded, under `python -m explainer serve`."""
    import socket
    from playwright.sync_api import sync_playwright
    tree = WORK / "preview-tree"
    _copy_work_tree(tree)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "explainer", "serve", "--addr", f"127.0.0.1:{port}"], cwd=tree,
                               env={**os.environ, "PYTHONPATH": str(tree / "scripts")},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url, times = f"http://127.0.0.1:{port}", []
    try:
        for _ in range(600):
            try:
                if json.load(urllib.request.urlopen(f"{url}/.preview/state", timeout=2))["build"] >= 1:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        page_file = tree / "docs" / "en" / "about.md"
        text = page_file.read_text(encoding="utf-8")
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(f"{url}/en/about/")
            page.wait_for_timeout(1000)
            for edit in range(edits):
                marker = f"About this site {'ABCDEFGHIJ'[edit]}"
                started = time.perf_counter()
                page_file.write_text(text.replace("# About this site", f"# {marker}", 1), encoding="utf-8")
                page.wait_for_function(f"() => document.title.startsWith({json.dumps(marker)})", timeout=60_000)
                times.append(time.perf_counter() - started)
                page.wait_for_timeout(500)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    return times


# --- Lighthouse --------------------------------------------------------------------------------------

def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run (default mobile preset, simulated throttling): scores 0–100 and what cost points."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    command = [str(binary), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--chrome-flags={' '.join(CHROME_FLAGS)}", f"--only-categories={','.join(CATEGORIES)}"]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": chromium_path()}, capture_output=True, text=True,
                          timeout=300)
    if done.returncode != 0 or not out.exists():
        return {"error": (done.stderr or done.stdout).strip()[-2000:]}
    return lighthouse_result(json.loads(out.read_text(encoding="utf-8")))


def lighthouse_result(report: dict) -> dict:
    """From a Lighthouse JSON report: the four scores, the metrics, the audits that cost points, the hints."""
    result = {"version": report.get("lighthouseVersion"),
              "scores": {c: _score(report["categories"][c]["score"]) for c in CATEGORIES},
              "runtime_error": (report.get("runtimeError") or {}).get("message"),
              "warnings": report.get("runWarnings", []),
              "metrics": {a: report["audits"][a].get("displayValue")
                          for a in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                                    "cumulative-layout-shift", "speed-index", "total-byte-weight")
                          if a in report["audits"]},
              "layout_shift": report["audits"].get("cumulative-layout-shift", {}).get("numericValue"),
              "costs": [], "hints": []}
    for category in CATEGORIES:
        refs = report["categories"][category]["auditRefs"]
        # the category score is the weighted mean of its scored audits: what one audit costs, in points of 100
        total_weight = sum(r["weight"] for r in refs if report["audits"][r["id"]].get("score") is not None)
        for ref in refs:
            audit = report["audits"][ref["id"]]
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            item = {"category": category, "id": ref["id"], "title": audit["title"],
                    "score": audit["score"], "weight": ref["weight"], "value": audit.get("displayValue"),
                    "points_lost": round((1 - audit["score"]) * ref["weight"] / total_weight * 100, 1)
                    if total_weight else 0}
            nodes = [i["node"] for i in (audit.get("details") or {}).get("items", []) if "node" in i]
            if nodes:
                item["where"] = [n.get("snippet") or n.get("selector") for n in nodes]
            if ref["id"] == "total-blocking-time":
                item["longest_tasks"] = _longest_tasks(report)
            savings = {k: v for k, v in (audit.get("metricSavings") or {}).items() if v}
            if ref["weight"] > 0:
                result["costs"].append(item)
            elif savings:  # no weight of its own: Lighthouse's guess at what would lift the metrics
                result["hints"].append({**item, "savings": savings})
    return result


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (the lower middle of an even count), with every run's scores
    and the largest layout shift of any run."""
    scored = sorted((r for r in runs if r.get("scores")), key=lambda r: r["scores"]["performance"] or 0)
    chosen = dict(scored[(len(scored) - 1) // 2] if scored else runs[0])
    chosen["all_runs"] = [r.get("scores") or {"error": r.get("error") or r.get("runtime_error")} for r in runs]
    shifts = [r["layout_shift"] for r in runs if r.get("layout_shift") is not None]
    if shifts:  # any shift in any run is a miss: the largest counts
        chosen["layout_shift"] = max(shifts)
    return chosen


def _longest_tasks(report: dict, count: int = 2) -> list[str]:
    """The main thread's longest tasks, as Lighthouse's long-tasks audit reports them."""
    items = (report["audits"].get("long-tasks", {}).get("details") or {}).get("items", [])
    origin = report.get("finalDisplayedUrl", "").split("/", 3)[:3]
    prefix = "/".join(origin)
    return [f"{round(i['duration'])} ms in {str(i.get('url', '?')).removeprefix(prefix) or '/'}"
            for i in sorted(items, key=lambda i: -i.get("duration", 0))[:count]]


def _score(value) -> int | None:
    return None if value is None else round(value * 100)


# --- the report --------------------------------------------------------------------------------------

def _kib(n: int | float | None) -> str:
    return "–" if n is None else f"{n / KIB:.1f} KiB"


def _mark(text: str, missed: bool) -> str:
    return f"**{text} ✗**" if missed else text


def misses(page: dict) -> dict:
    """Which of the page's values miss their targets."""
    missed = {"html_gzip": page["name"] != "article" and page["html_gzip"] > HTML_GZIP_MAX,
              "first_load_gzip": page.get("first_load_gzip", 0) > FIRST_LOAD_MAX}
    lighthouse = page.get("lighthouse") or {}
    scores = lighthouse.get("scores") or {}
    for category, minimum in SCORE_MIN.items():
        missed[category] = scores.get(category) is not None and scores[category] < minimum
    missed["layout_shift"] = (lighthouse.get("layout_shift") or 0) > 0
    return missed


def render(data: dict) -> str:
    lines = ["# Site benchmark", "",
             f"{data['when']} · load average {data['load_average']} at the start, "
             f"{data.get('load_average_end', '?')} at the end, on {data['cores']} cores · "
             f"Chromium {data['chromium']} · Lighthouse {data['lighthouse_version'] or '(not run)'}", "",
             "## Pages", "",
             f"Targets: HTML ≤ {HTML_GZIP_MAX // KIB} KiB gzip (not the article page), first load ≤ "
             f"{FIRST_LOAD_MAX // KIB} KiB gzip, performance ≥ {SCORE_MIN['performance']}, "
             "accessibility, best practices and SEO 100, no layout shift (Lighthouse's CLS 0, the largest of the runs). "
             "**✗** marks a miss.", "",
             "| page | HTML | HTML gzip | first load gzip | requests | perf | a11y | best pr. | SEO | CLS |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for page in data["pages"]:
        missed = misses(page)
        lighthouse = page.get("lighthouse") or {}
        scores = lighthouse.get("scores") or {}
        loads = page.get("first_load", {})
        cells = [f"`{page['path']}`", _kib(page["html_bytes"]),
                 _mark(_kib(page["html_gzip"]), missed["html_gzip"]),
                 _mark(_kib(page.get("first_load_gzip")), missed["first_load_gzip"]),
                 str(max((v["requests"] for v in loads.values()), default="–"))]
        for category in CATEGORIES:
            value = scores.get(category)
            text = "–" if value is None else str(value)
            others = [r[category] for r in lighthouse.get("all_runs", [])
                      if r.get(category) is not None]
            if len(others) > 1 and min(others) != max(others):
                text += f" ({min(others)}–{max(others)})"
            cells.append(_mark(text, missed[category]))
        shift = lighthouse.get("layout_shift")
        cells.append("–" if shift is None else _mark(f"{shift:.6f}".rstrip("0").rstrip("."), missed["layout_shift"]))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "What a first load is made of (every response of the phone-size loads):", "",
              "| response | gzip bytes as sent | loaded by |", "|---|---:|---:|"]
    for url, sizes, count in _first_load_parts(data["pages"]):
        size = _kib(sizes[0]) if sizes[0] == sizes[-1] else f"{_kib(sizes[0])} – {_kib(sizes[-1])}"
        lines.append(f"| {url} | {size} | {count} of {len(data['pages'])} pages |")
    failed = [p for p in data["pages"] if (p.get("lighthouse") or {}).get("error")
              or (p.get("lighthouse") or {}).get("runtime_error")]
    for page in failed:
        lh = page["lighthouse"]
        lines.append(f"\nLighthouse failed on `{page['path']}`: {lh.get('error') or lh.get('runtime_error')}")

    build = data.get("build")
    if build:
        s = build["summary"]
        runs = len(build["runs"])
        lines += ["", f"## Clean build ({runs} run{'s' if runs > 1 else ''})", "",
                  "| | min | median | max |", "|---|---:|---:|---:|"]
        rows = [("`python -m explainer build`, wall", s["wall_s"], "s"),
                ("· the mkdocs process in it (after the interpreter's start-up)", s["mkdocs_process_s"], "s"),
                ("· the rest: the command's own start-up, imports, git, moving site/", s["outside_mkdocs_s"], "s"),
                ("generator (scripts/ code called by MkDocs)", s["generator_s"], "s"),
                ("generator's share of the wall time", s["generator_share"], "%")]
        calls = build["runs"][-1]["hook_calls"]
        rows += [(f"· {label} ({calls.get(label, 0)}×)", spread, "s") for label, spread in s["by_hook_s"].items()]
        for label, spread, unit in rows:
            values = [f"{spread[k] * 100:.0f} %" if unit == "%" else f"{spread[k]:.2f} s"
                      for k in ("min", "median", "max")]
            lines.append(f"| {label} | " + " | ".join(values) + " |")

    aids = data.get("aids")
    if aids:
        lines += ["", "## Reading aids and citations: what they add", "",
                  f"Against {BEFORE} (before them), gzip level {GZIP_LEVEL}, minified then as now, so that the added "
                  f"bytes are the features' own. Budget: {AIDS_BUDGET // KIB} KiB on any page's "
                  "first load (4 KiB for the reading aids, 2 KiB more for citations).", "",
                  "| our asset on every page | published then (not minified) | then, minified | now | added |",
                  "|---|---:|---:|---:|---:|"]
        for name, sizes in aids["assets"].items():
            lines.append(f"| `{name}` | {sizes.get('published', '–')} B | {sizes['before']} B | {sizes['now']} B | "
                         f"{sizes['now'] - sizes['before']:+d} B |")
        lines.append(f"| the article page's own: `assets/reading-mode.js` and the mode buttons | – | – | "
                     f"{aids['article_extra']} B | {aids['article_extra']:+d} B |")
        total = aids["added_on_article"]
        lines += ["", f"Added to the article page's first load: **{total} B ({total / KIB:.1f} KiB)**"
                  + (" ✗ over budget" if total > AIDS_BUDGET else f", within the {AIDS_BUDGET // KIB} KiB budget")
                  + f"; to any other page: {aids['added_elsewhere']} B. Fetched only when a reader uses them: "
                  + ", ".join(f"`{name}` {size} B" for name, size in aids["on_demand"].items()) + ".", "",
                  "Whole first loads against the same pages before (every change of this round, content included; "
                  "our scripts and styles are minified now and were not then, which saves about 4 KiB of each):", "",
                  "| page | before | now | change |", "|---|---:|---:|---:|"]
        for page in data["pages"]:
            before = FIRST_LOAD_BEFORE.get(page["path"])
            if before and page.get("first_load_gzip"):
                lines.append(f"| `{page['path']}` | {_kib(before)} | {_kib(page['first_load_gzip'])} | "
                             f"{page['first_load_gzip'] - before:+d} B |")
    preview = data.get("preview")
    if preview:
        lines += ["", "## make serve: from saving a file to the open page reloaded", "",
                  f"{len(preview)} edits of docs/en/about.md in a copy of the project, an open page in Chromium: "
                  f"min {min(preview):.2f} s, median {statistics.median(preview):.2f} s, max {max(preview):.2f} s "
                  "(target: 3 s)."]

    lines += ["", "## Search indexes", "", "| file | entries | raw | gzip |", "|---|---:|---:|---:|"]
    for index in data["search_indexes"]:
        lines.append(f"| `{index['file']}` | {index['entries']} | {_kib(index['bytes'])} | {_kib(index['gzip'])} |")

    lines += ["", "## What costs points", "",
              "Each audit with weight that scored below 1, with the pages it affects: (value, points it cost).", ""]
    lines += _grouped(data["pages"], "costs") or ["Nothing: every score is 100."]
    hints = _grouped(data["pages"], "hints")
    if hints:
        lines += ["", "Lighthouse's performance opportunities (no weight of their own; estimated metric savings):", ""]
        lines += hints
    lines += ["", "## How each number was measured", ""] + [f"- {line}" for line in data["method"]]
    return "\n".join(lines) + "\n"


def _first_load_parts(pages: list[dict]) -> list[tuple[str, list[int], int]]:
    """Responses grouped by address, the page's own HTML as one row; largest first."""
    parts: dict[str, list[int]] = {}
    for page in pages:
        for response in page.get("first_load", {}).get("phone", {}).get("responses", []):
            url = "the page's own HTML" if response["url"] == page["path"] else f"`{response['url']}`"
            parts.setdefault(url, []).append(response["bytes"])
    return sorted(((url, sorted(sizes), len(sizes)) for url, sizes in parts.items()), key=lambda part: -part[1][-1])


def _grouped(pages: list[dict], kind: str) -> list[str]:
    """One line per audit: its category, id and title, then the pages it affects with their values."""
    groups: dict[tuple, list[str]] = {}
    elements: dict[tuple, dict[str, None]] = {}
    for page in pages:
        for item in (page.get("lighthouse") or {}).get(kind, []):
            key = (item["category"], item["id"], item["title"])
            detail = item.get("value") or ""
            if kind == "costs":
                detail = f"{detail}, " * bool(detail) + f"−{item['points_lost']:g}"
            if item.get("longest_tasks"):
                detail += f"; longest task {item['longest_tasks'][0]}"
            if kind == "hints":
                detail = ", ".join(f"{k} −{v} ms" if k != "CLS" else f"CLS −{v}"
                                   for k, v in item["savings"].items())
            groups.setdefault(key, []).append(f"`{page['path']}`" + (f" ({detail})" if detail else ""))
            for element in item.get("where", []):
                elements.setdefault(key, {}).setdefault(element, None)
    measured = sum(1 for p in pages if (p.get("lighthouse") or {}).get("scores"))
    lines = []
    for (category, audit, title), where in sorted(groups.items(), key=lambda g: (g[0][0], -len(g[1]), g[0][1])):
        count = f"{len(where)} of {measured} pages"
        lines.append(f"- {category} · `{audit}` — {title} — {count}: {', '.join(where)}")
        for element in elements.get((category, audit, title), {}):
            lines.append(f"  - element: `{element}`")
    return lines


def _method(build_runs: int, site: Path, lighthouse_runs: int) -> list[str]:
    return [
        f"Clean build: {build_runs} runs of `python -m explainer build` (the same command as `make build`), each in a "
        "fresh copy of the work tree under build/bench/tree with no site/, build/ or __pycache__ (the copy is made "
        "before the clock starts); wall time from starting the process to its exit, with time.perf_counter. "
        "Outside the project, jieba's dictionary cache in the system temp folder is kept, as on a developer's machine."
        if build_runs else "Clean build: not run (--builds 0); the pages are those of site/ as it is.",
        "Generator's share: inside the mkdocs process a sitecustomize probe wraps every hook that MkDocs registers "
        "from scripts/ (mkdocs_hooks.py, which calls explainer: loading and checking the sources, expanding pages, "
        "finishing HTML, writing the search indexes) and the import of the hooks module; the sum of their wall "
        "times, divided by the whole command's wall time. MkDocs, Markdown and Material's own work is not counted.",
        f"Pages: measured in {site.relative_to(ROOT) if site.is_relative_to(ROOT) else site}. The 404 pages are "
        "loaded as /404.html and /en/404.html (status 200, so the server gzips them as a host would); a missing "
        "address gets the same page with status 404.",
        f"HTML size: the page's file, raw and gzip level {GZIP_LEVEL} (what the server sends).",
        "First load: scripts/explainer/tools/static_server.py serves the pages with gzip on 127.0.0.1; Playwright drives "
        f"{chromium_path()} with a fresh context and the cache off (CDP Network.setCacheDisabled) and loads the page once, "
        "waiting for the load event, network idle and 0.5 s more; the sum of the Content-Length of every response "
        "(gzip-encoded bodies; HTTP headers not counted), workers' requests included, data: URLs excluded. "
        f"Loaded at {VIEWPORTS['phone']['width']}×{VIEWPORTS['phone']['height']} (Lighthouse's mobile size) and "
        f"{VIEWPORTS['desktop']['width']}×{VIEWPORTS['desktop']['height']}; the table shows the larger; "
        "build/bench.json lists every response.",
        "Search indexes: every search_index.json under the site, raw and gzip level 6; entries = items in `docs`.",
        "Lighthouse: node_modules/.bin/lighthouse with its default (mobile) preset and simulated throttling, "
        f"CHROME_PATH={chromium_path()}, --chrome-flags=\"{' '.join(CHROME_FLAGS)}\", the four categories, one page at a "
        "time against the same gzip server, "
        + (f"{lighthouse_runs} runs per page; the table shows the run with the median performance score and, in "
           "brackets, the range over the runs; " if lighthouse_runs > 1 else "one run per page; ")
        + "scores move from run to run (other work on the machine — see the load average above — moves TBT "
        "most). Full reports: build/bench/lighthouse/. \"What costs points\" lists each audit with weight in a "
        "category whose score is below 1 on a page.",
    ]


# --- the command -------------------------------------------------------------------------------------

def bench(args) -> int:
    from .static_server import start
    names = [n.strip() for n in args.pages.split(",") if n.strip()] if args.pages else None
    WORK.mkdir(parents=True, exist_ok=True)
    data = {"when": time.strftime("%Y-%m-%d %H:%M:%S %z"), "cores": os.cpu_count(),
            "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            "chromium": _chromium_version(), "lighthouse_version": None, "gzip_level": GZIP_LEVEL,
            "targets": {"html_gzip_max": HTML_GZIP_MAX, "first_load_gzip_max": FIRST_LOAD_MAX,
                        "score_min": SCORE_MIN}}
    site = Path(args.site).resolve() if getattr(args, "site", None) else ROOT / "site"
    if args.builds > 0:
        print(f"timing {args.builds} clean builds…", file=sys.stderr)
        try:
            data["build"], site = clean_builds(args.builds)
        except RuntimeError as error:
            print(f"✗ {error}", file=sys.stderr)
            return 1
    if not (site / "index.html").exists():
        print("✗ site/ is not built: run `make build` first, or drop --builds 0", file=sys.stderr)
        return 1
    pages = site_pages(names)
    if not pages:
        print(f"✗ --pages {args.pages}: no such page", file=sys.stderr)
        return 1
    for page in pages:
        page.update(html_sizes(site, page))
    data["search_indexes"] = search_indexes(site)
    data["aids"] = aids_sizes(site)
    server, base_url = start(site, use_gzip=True, prefix=site_path(site))
    try:
        print("first loads…", file=sys.stderr)
        first_loads(base_url, pages)
        if not args.skip_lighthouse:
            if not (ROOT / "node_modules" / ".bin" / "lighthouse").exists():
                print("✗ node_modules/.bin/lighthouse is missing: run `npm ci`", file=sys.stderr)
                return 1
            reports = WORK / "lighthouse"
            shutil.rmtree(reports, ignore_errors=True)
            reports.mkdir(parents=True)
            data["lighthouse_runs"] = args.lighthouse_runs
            for page in pages:
                slug = f"{page['lang']}-{page['name']}"
                started = time.perf_counter()
                runs = []
                for run in range(1, args.lighthouse_runs + 1):
                    try:
                        runs.append(lighthouse(base_url + page["path"], reports / f"{slug}-{run}.json"))
                    except subprocess.TimeoutExpired:
                        runs.append({"error": "timed out after 300 s"})
                page["lighthouse"] = median_run(runs)
                data["lighthouse_version"] = data["lighthouse_version"] or page["lighthouse"].get("version")
                scores = page["lighthouse"].get("scores") or page["lighthouse"].get("error", "")[:200]
                print(f"  lighthouse {page['path']}: {scores} ({time.perf_counter() - started:.0f} s)",
                      file=sys.stderr)
    finally:
        server.shutdown()
    if not args.skip_preview:
        print("make serve reloads…", file=sys.stderr)
        data["preview"] = preview_reloads()
    data["load_average_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    data["pages"] = pages
    data["method"] = _method(args.builds, site, args.lighthouse_runs)
    report = render(data)
    data["missed"] = {page["path"]: [k for k, v in misses(page).items() if v] for page in pages}
    REPORT_JSON.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(report)
    print(f"(the same data: {REPORT_JSON.relative_to(ROOT)})", file=sys.stderr)
    return 0


def _chromium_version() -> str:
    try:
        out = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return next((word for word in out.split() if word[:1].isdigit() and "." in word), out.strip() or "?")
