"""Serve the built site/ as a static host would: 404 pages per language, optional gzip.

Browser tests and the benchmark use it; it knows nothing about how the site is made.
"""
from __future__ import annotations

import gzip
import threading
from functools import partial
from io import BytesIO
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class SiteHandler(SimpleHTTPRequestHandler):
    gzip_enabled = False

    def log_message(self, *args):  # quiet: tests read the browser's own logs
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        prefix = "en/" if self.path.startswith("/en/") else ""
        page = root / prefix / "404.html"
        body = page.read_bytes() if page.exists() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):
        if not self.gzip_enabled or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash URL
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def start(root: Path, port: int = 0, use_gzip: bool = False) -> tuple[ThreadingHTTPServer, str]:
    """Start serving `root` on 127.0.0.1 in a background thread; return the server and its base URL."""
    handler = type("Handler", (SiteHandler,), {"gzip_enabled": use_gzip})
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
