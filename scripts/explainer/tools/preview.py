"""`make serve`: a live preview an editor can rely on while they change a source.

It builds the site in this process (MkDocs' own build, with the imports warm, so a rebuild
is quick), serves the last good build on 127.0.0.1, and watches seeds/, docs/, overrides/
and mkdocs.yml. A change starts a rebuild into a fresh folder: when it succeeds, that
folder is served and every open page reloads itself; when a source is broken, the last
good pages stay, the terminal shows the file, line and fix, and every page shows the same
message in a banner until the file is fixed.

The pages keep the published site's Content-Security-Policy: the preview adds only one
script and one stylesheet of its own, from the same host (/.preview/), which 'self' allows.
Code under scripts/ is imported once: after changing it, restart `make serve`.
"""
from __future__ import annotations

import json
import logging
import shutil
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .. import ROOT

WATCHED = ("seeds", "docs", "overrides", "mkdocs.yml")
WORK = ROOT / "build" / "preview"
POLL_SECONDS = 0.1
LIVE_JS = """(function (script) {
  "use strict";
  var build = Number(script.dataset.build), banner = null;
  function show(error) {
    if (!error) { if (banner) { banner.remove(); banner = null; } return; }
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "preview-error";
      banner.setAttribute("role", "alert");
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.textContent = "make serve: this source is broken, so these are the last good pages.\\n" + error;
  }
  function poll() {
    fetch("/.preview/state", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (state) {
      if (state.build > build) { location.reload(); return; }
      show(state.error);
      setTimeout(poll, 250);
    }, function () { setTimeout(poll, 1000); });
  }
  poll();
})(document.currentScript);
"""
LIVE_CSS = """.preview-error { position: sticky; top: 0; z-index: 10; margin: 0; padding: 0.8rem 1rem;
  background: #b71c1c; color: #fff; font: 0.75rem/1.5 monospace; white-space: pre-wrap; }
"""


class Preview:
    """The last good build, the current error, and a build counter the pages watch."""

    def __init__(self, root: Path = ROOT):
        self.root = root
        self.served: Path | None = None
        self.error = ""
        self.build_number = 0
        self.lock = threading.Lock()

    def fingerprint(self) -> tuple:
        files = []
        for name in WATCHED:
            path = self.root / name
            files += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists()))

    def rebuild(self) -> None:
        """Build into a new folder; serve it if the build succeeded, else keep the last good one and say why."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        number = self.build_number + 1
        target = WORK / str(number)
        shutil.rmtree(target, ignore_errors=True)
        started = time.perf_counter()
        errors = _ErrorLog()
        logging.getLogger("mkdocs").addHandler(errors)
        try:
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(target), strict=True)
            build(config)
            error = errors.text()
        except BaseException as failure:  # MkDocs ends a failed build with SystemExit (Abort) or its own errors
            if isinstance(failure, KeyboardInterrupt):
                raise
            error = errors.text() or str(failure)
        finally:
            logging.getLogger("mkdocs").removeHandler(errors)
        seconds = time.perf_counter() - started
        with self.lock:
            if error or not (target / "index.html").exists():
                self.error = error.strip() or "the build failed"
                shutil.rmtree(target, ignore_errors=True)
                print(f"✗ {self.error}\n  (still serving the last good build; fix the file and save)", file=sys.stderr)
            else:
                previous, self.served, self.error = self.served, target, ""
                self.build_number = number
                if previous:
                    shutil.rmtree(previous, ignore_errors=True)
                print(f"✓ built in {seconds:.1f} s; open pages reload", file=sys.stderr)

    def watch(self) -> None:
        seen = self.fingerprint()
        while True:
            time.sleep(POLL_SECONDS)
            now = self.fingerprint()
            if now != seen:
                time.sleep(0.05)  # an editor's save can be several writes
                seen = self.fingerprint()
                self.rebuild()


class _ErrorLog(logging.Handler):
    """The build's errors and warnings (strict mode fails on warnings), as the terminal shows them."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record):
        self.records.append(record.getMessage().strip())

    def text(self) -> str:
        return "\n".join(r for r in self.records if r and not r.startswith("Aborted"))


class PreviewHandler(SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/.preview/"):
            return self.preview_file()
        served = self.preview.served
        if served is None:
            return self.reply(503, "text/html; charset=utf-8", self.waiting_page())
        self.directory = str(served)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().do_GET()  # the redirect to the address with a slash
        file = path / "index.html" if path.is_dir() else path
        status = 200
        if not file.is_file():
            status, file = 404, served / ("en/404.html" if self.path.startswith("/en/") else "404.html")
        body = file.read_bytes()
        if file.suffix == ".html":
            body = self.with_live_script(body)
        self.reply(status, self.guess_type(str(file)), body)

    def with_live_script(self, body: bytes) -> bytes:
        tags = (f'<link rel="stylesheet" href="/.preview/live.css"><script src="/.preview/live.js" '
                f'data-build="{self.preview.build_number}"></script></body>').encode()
        return body.replace(b"</body>", tags, 1)

    def preview_file(self):
        name = self.path.split("?")[0]
        if name == "/.preview/state":
            state = {"build": self.preview.build_number, "error": self.preview.error}
            return self.reply(200, "application/json", json.dumps(state).encode(), cache=False)
        if name == "/.preview/live.js":
            return self.reply(200, "text/javascript", LIVE_JS.encode())
        if name == "/.preview/live.css":
            return self.reply(200, "text/css", LIVE_CSS.encode())
        return self.reply(404, "text/plain", b"not found")

    def waiting_page(self) -> bytes:
        return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>make serve</title></head>'
                f'<body><p>No good build yet.</p>'
                f'<link rel="stylesheet" href="/.preview/live.css"><script src="/.preview/live.js" data-build="0">'
                f'</script></body></html>').encode()

    def reply(self, status: int, content_type: str, body: bytes, cache: bool = True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache" if cache else "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET


def serve(address: str = "127.0.0.1:8000", root: Path = ROOT) -> int:
    host, _, port = address.rpartition(":")
    shutil.rmtree(WORK, ignore_errors=True)
    preview = Preview(root)
    print("building…", file=sys.stderr)
    preview.rebuild()
    handler = type("Handler", (PreviewHandler,), {"preview": preview})
    server = ThreadingHTTPServer((host or "127.0.0.1", int(port)), partial(handler, directory=str(root)))
    threading.Thread(target=preview.watch, daemon=True).start()
    print(f"serving http://{host or '127.0.0.1'}:{port}/ (Chinese) and /en/ (English); Ctrl-C stops", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        shutil.rmtree(WORK, ignore_errors=True)
    return 0
