"""What an editor may write that looks like an attack renders as text, and no script injected anywhere runs.

The fixture project gets every edit the policy accepts although it could fool a careless
template (quotes in a description and a title, `&` and entity text, a definition that reads
like an attribute); it is built, and every page is loaded in Chromium. Any dialog, any
navigation, any console error or CSP violation fails the test. What the policy refuses is in
tests/test_editor_errors.py; what the output audit refuses is in tests/test_document.py.
"""
import pytest

from explainer.languages import LANGS, PAGES, page_url
from explainer.tools.static_server import start
from tests.conftest import run_explainer
from tests.test_editor_errors import Case

def accepted(path: str, old: str, new: str) -> Case:
    return Case("", path, old, new, "")


ACCEPTED = [  # each renders as the text it is
    accepted("docs/en/products.md",
             "description: The products page of the test site, on Kling and Kolors and what kind of content each of them generates.",
             "description: 'The \" onmouseover=\"alert(1) products page of the test site, with a \" in it'"),
    accepted("docs/en/products.md", "# Products", '# The "best" products & more'),
    accepted("docs/zh/products.md", "description: 测试站点的产品页，介绍可灵和可图两个方向，以及它们各自负责的生成内容。",
             "description: '测试站点的产品页 \" onfocus=\"alert(1) 介绍可灵和可图两个方向，以及它们各自负责的内容。'"),
    accepted("seeds/translation.en.md", "This time, it cannot just follow.",
         "This time, it cannot just follow &lt;script&gt;alert(1)&lt;/script&gt; \" onclick=alert(2)."),
    accepted("seeds/glossary.yml", "short: A Chinese short-video company.", "short: 'A company \" onmouseover=\"alert(1)'"),
    accepted("seeds/strings.yml", "  en: The article, paragraph {n}", '  en: "The article, \\"paragraph\\" {n} javascript: alert(1)"'),
]


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    from tests.conftest import copy_fixture_project
    root = copy_fixture_project(tmp_path_factory.mktemp("injected") / "project")
    for case in ACCEPTED:
        case.apply(root)
    result = run_explainer(root, "build")
    assert result.returncode == 0, result.stderr[-3000:]
    server, url = start(root / "site")
    yield root, url
    server.shutdown()


def test_the_attempts_render_as_text(injected):
    from bs4 import BeautifulSoup
    root, _ = injected
    page = BeautifulSoup((root / "site" / "en" / "products" / "index.html").read_text(encoding="utf-8"), "html.parser")
    description = 'The " onmouseover="alert(1) products page of the test site, with a " in it'
    assert page.select_one('meta[name="description"]')["content"] == description
    assert page.select_one('meta[property="og:description"]')["content"] == description
    assert page.title.string.startswith('The "best" products & more')
    assert not [tag for tag in page.find_all(True) if any(name.startswith("on") for name in tag.attrs)]


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_opens_a_dialog_or_goes_anywhere(browser, injected, lang):
    _, url = injected
    context = browser.new_context()
    context.add_init_script("""window.__violations = [];
        document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective));""")
    page = context.new_page()
    dialogs, errors, navigations = [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("framenavigated", lambda frame: frame == page.main_frame and navigations.append(frame.url))
    for name in (*PAGES, "no-such-page"):
        address = f"{url}/{page_url(lang, name) if name in PAGES else 'en/no-such-page/' if lang == 'en' else 'no-such-page/'}"
        navigations.clear()
        page.goto(address)
        for element in page.locator("article :is(a.term, .passage-source, h2):visible").all()[:6]:  # what a reader hovers
            page.keyboard.press("Escape")  # an open preview may cover the next link
            element.hover()
        page.wait_for_timeout(200)
        assert navigations == [address], f"{address} went elsewhere: {navigations}"
        assert page.evaluate("window.__violations") == [], address
    assert dialogs == [] and [e for e in errors if "404" not in e] == []
    context.close()
