"""Serve a built site as the host we publish to does: GitHub Pages, for a project site.

The site lives under a sub-path (/<repo>/), a folder's address without its slash is
redirected to the one with it, and one root 404.html answers every missing address with
status 404, English ones too. `per_language_404` shows what a kinder host would do
(en/404.html for addresses under /en/). Optional gzip, as the host sends. Browser tests
and the benchmark use it; it knows nothing about how the site is made.
"""
from __future__ import annotations

import gzip
import mimetypes
import posixpath
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")
TYPES = {".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".csv": "text/csv"}


class SiteHandler(BaseHTTPRequestHandler):
    root: Path
    prefix = "/"  # the sub-path the site is served under, with both slashes
    use_gzip = False
    per_language_404 = False

    def log_message(self, *args):  # quiet: tests read the browser's own logs
        pass

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return self.not_found(path)
        relative = posixpath.normpath(path[len(self.prefix):] or ".").lstrip("/")
        if relative.startswith(".."):
            return self.not_found(path)
        file = self.root / relative if relative != "." else self.root
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                return self.end_headers()
            file = file / "index.html"
        if not file.is_file():
            return self.not_found(path)
        self.send(200, file)

    do_HEAD = do_GET

    def not_found(self, path: str):
        page = self.root / "404.html"
        if self.per_language_404 and path.startswith(self.prefix + "en/") and (self.root / "en" / "404.html").exists():
            page = self.root / "en" / "404.html"
        if page.exists():
            return self.send(404, page)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send(self, status: int, file: Path):
        body = file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0]
                         or "application/octet-stream")
        if self.use_gzip and file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def start(root: Path, port: int = 0, use_gzip: bool = False, prefix: str = "/",
          per_language_404: bool = False) -> tuple[ThreadingHTTPServer, str]:
    """Serve `root` under `prefix` on 127.0.0.1 in a background thread; return the server and the site's base URL
    (without its final slash, so that `f"{base}/en/"` is the English home)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("Handler", (SiteHandler,), {"root": Path(root), "prefix": prefix, "use_gzip": use_gzip,
                                               "per_language_404": per_language_404})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
