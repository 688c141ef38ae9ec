"""`make serve` as an editor uses it, in Chromium: an open page reloads itself after an edit, a broken source
keeps the last good pages and says what is wrong (terminal and banner), and fixing it recovers without a restart.

The preview runs as `make serve` runs it (`python -m explainer serve`), on a copy of the fixture
project. How long a reload takes is recorded, not asserted: `make bench` measures it.
"""
import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.test_editor_errors import Case


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def state(url: str) -> dict:
    return json.load(urllib.request.urlopen(f"{url}/.preview/state", timeout=5))


@pytest.fixture
def preview(fixture_project):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "explainer", "serve", "--addr", f"127.0.0.1:{port}"],
                               cwd=fixture_project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={"PYTHONPATH": str(fixture_project / "scripts"), "PATH": "/usr/bin:/bin"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if state(url)["build"] >= 1:
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail(f"make serve did not start: {process.stdout.read()[-2000:]}")
    yield fixture_project, url, process
    process.terminate()
    process.wait(timeout=10)


def test_an_open_page_reloads_after_an_edit_and_survives_a_broken_source(preview, page, record_property):
    root, url, process = preview
    page.goto(f"{url}/en/products/")
    title = "document.querySelector('article h1').firstChild.textContent"
    assert page.evaluate(title) == "Products"
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "'unsafe-inline'" not in csp and "script-src 'self'" in csp, "the published policy, unchanged"

    saved = time.perf_counter()
    Case("", "docs/en/products.md", "# Products", "# Products, edited", "").apply(root)
    page.wait_for_function(f"() => {title}.startsWith('Products, edited')", timeout=60_000)
    record_property("save_to_reload_s", round(time.perf_counter() - saved, 2))

    Case("", "docs/en/products.md", "Kling makes video", "Kling makes 25 videos", "").apply(root)
    banner = page.get_by_role("alert")
    banner.wait_for(timeout=60_000)
    message = "docs/en/products.md:12: the number '25' is typed by hand"
    assert message in banner.inner_text()
    assert page.evaluate(title) == "Products, edited", "the last good page stays"
    for address in ("/en/products/", "/assets/site.css", "/en/"):  # nothing hangs while the source is broken
        assert urllib.request.urlopen(url + address, timeout=5).status == 200

    Case("", "docs/en/products.md", "Kling makes 25 videos", "Kling makes videos", "").apply(root)
    page.wait_for_function("() => document.body.textContent.includes('Kling makes videos')", timeout=60_000)
    assert page.get_by_role("alert").count() == 0
    assert state(url)["error"] == ""
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert message in output and "fix: write the figure as {{ figure-id }}" in output, "the terminal says it too"
    assert "Traceback" not in output
