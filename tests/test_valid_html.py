"""Every built page is valid HTML, as the W3C Nu HTML Checker (vnu.jar, run with Java) reads it."""
import json
import shutil
import subprocess

import pytest

from explainer import ROOT
from tests.conftest import SITE

pytestmark = pytest.mark.tools  # Java, or Node: not on an editor's machine that only previews
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_the_nu_html_checker_reports_no_error(built):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu.jar or Java is missing: `make test` installs them (npm ci; apt-get install default-jre-headless)")
    pages = sorted(str(p) for p in SITE.rglob("*.html"))
    assert len(pages) >= 20
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
