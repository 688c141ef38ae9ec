"""Fonts by language, measured in Chromium: English quotes are narrow on Chinese pages, Chinese ones full-width on English.

Chinese fonts draw ’ “ ” a full em wide (`Kuaishou’ s`); English set in a Latin font draws
them under half an em. The measure is the glyph's own box, through a DOM Range.
"""
import pytest

WIDTH = """([selector, mark]) => {
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(mark);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect().width / parseFloat(getComputedStyle(node.parentElement).fontSize);
    }
  }
  return null;
}"""


@pytest.mark.parametrize("page_path, selector, mark, check", [
    ("/article/", '.parallel [lang="en"]', "’", lambda em: em < 0.5),  # English on a Chinese page
    ("/article/", '.parallel [lang="en"]', "“", lambda em: em < 0.5),
    ("/en/article/", '.parallel [lang="zh"]', "“", lambda em: em >= 0.7),  # Chinese on an English page
    ("/en/article/", '.parallel [lang="zh"]', "，", lambda em: em >= 0.7),
    ("/en/article/", '.parallel [lang="en"]', "’", lambda em: em < 0.5),
    ("/article/", '.parallel [lang="zh"]', "“", lambda em: em >= 0.7),
])
def test_quote_marks_take_their_language_s_width(page, base_url, page_path, selector, mark, check):
    page.goto(base_url + page_path)
    em = page.evaluate(WIDTH, [selector, mark])
    assert em is not None, f"no {mark} in {selector} on {page_path}"
    assert check(em), f"{mark} in {selector} on {page_path} is {em:.2f} em wide"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_english_sentence_on_a_chinese_page_says_it_is_english(built, lang):
    """Text of three or more Latin words and no Han, on a Chinese page, must stand in an element with lang="en"."""
    import re
    page = built("zh", "article" if lang == "zh" else "glossary")
    sentence = re.compile(r"[A-Za-z’'-]+(?:\s+[A-Za-z’'-]+){2,}")
    unmarked = []
    for text in page.select_one("article").find_all(string=sentence):
        if re.search(r"[\u3400-\u9fff]", text) or text.parent.name in ("code", "script", "style"):
            continue
        marked = any(p.get("lang", "").startswith("en") for p in text.parents if p.name != "html")
        if not marked:
            unmarked.append(text.strip()[:60])
    assert unmarked == []
