"""docs/assets/cite.js, run under Node on real pages' JSON-LD: four styles, both languages.

What is known of the original article is its author, 高恒 (Gao Heng; Gao is the family name),
and its language. It has no known title (the page titles are ours), outlet or date. Every
citation below cites the page, section or paragraph of this site: Gao Heng as its author, the
site as its translator and explainer, no date but the access date (2026-12-02), no outlet.

The expected strings are written out by hand from the style guides; each carries the rule it
follows. Judgement calls, and why:

- A target (a section or a paragraph) has its own address, so it is cited as a titled part of
  the page: the page title, then the style's subtitle separator, then the target's label. The
  colon is the title/subtitle mark in all four styles (GB/T's "其他题名信息" mark, APA 6.17 and
  MLA's subtitle colon); a dash is no style's separator. Locators such as APA's "para. 16" or
  MLA's "par. 16" belong to in-text citations, which this formatter does not write.
- GB/T 7714-2015 punctuation: its Chinese examples use the ASCII full stop (and [ ], -, /)
  but Chinese commas and colons; one of its drafters (陈浩元, 编辑学报 2024, 36(2): 139, as the
  gbt7714 BibTeX package's manual reports) answered that every mark but "." is borrowed from
  Chinese. So a Chinese record reads
  "高恒. 题名：其他题名[EB/OL]. 可灵AI事业部解读，译解. [YYYY-MM-DD]. URL." and an English one
  (GB/T 6.1: a resource is described in its own language) uses ASCII marks throughout.
- GB/T role: "译解" (translated and explained) is the Chinese responsibility statement for what
  the site does; it follows the name like the standard's "谢远涛, 译" (4.1.1/4.1.2). The
  English record says "trans. and explained": "trans." is the usual abbreviation, "explained"
  has none. The electronic-resource template (4.6.1) has no other-contributor slot; it goes
  after the title as in the monograph template.
- GB/T name in an English record: 8.1.1, pinyin surname in capitals, given name unabbreviated
  as in its example "LI Jiangning": "GAO Heng".
- APA: "Trans. & Explainer", modelled on APA's "Ed. & Trans.": "Trans." is APA's abbreviation,
  "Explainer" has none. A retrieval date is given (9.16) because the site is revised (its
  translations and glossary are corrected) and no archived version exists.
- APA on a Chinese page: APA 9.38 would have the title romanized with an English translation
  in square brackets. The JSON-LD of a Chinese page carries no translation of its title and
  making one up would be inventing, so the Chinese title is given as it is; the author and
  the APA phrases stay romanized/English (APA 9.8 "Gao, H.").
- MLA: the brief suggested "Gao, Heng", but MLA does not invert a name that already puts the
  surname first (Chinese, Japanese, Korean names: "Gao Heng.", alphabetized under Gao, in-text
  "(Gao)"); inverting with a comma would tell the reader that Heng is the family name. APA,
  by contrast, always writes "Family, I." and BibTeX's "Gao, Heng" is its syntax for family =
  Gao, not a display form.
- MLA capitals: titles (the page's and the website's) in title case; the contributor is a
  name and keeps its own capitals ("Kling AI Business Unit, explained"). The publisher is left
  out because it is the website itself. The URL is given without "https://" (MLA 9 5.95).
- BibTeX: @misc with no year field (no date is known); the access date goes into note, as the
  brief asks (a urldate field as well would print it twice in biblatex); the whole title is
  braced so that no style lowercases "AI"; the Chinese page's entry names 高恒 (the name the
  Chinese page and GB/T 7714 styles use), the English page's "Gao, Heng".
- Names come from the page itself: a Chinese page gives the Chinese site name and title in
  every style, an English page the English ones.
"""
from __future__ import annotations

import datetime
import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.tools  # Java, or Node: not on an editor's machine that only previews
ROOT = Path(__file__).resolve().parents[1]
CITE_JS = ROOT / "docs" / "assets" / "cite.js"
FIXTURES = ROOT / "tests" / "fixtures" / "jsonld"
ACCESSED = "2026-12-02"

RUNNER = """
const cite = require(process.argv[1]);
const calls = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(calls.map(([work, options]) => {
  try { return cite.format(work, options); } catch (error) { return {error: error.message}; }
})));
"""


def work(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def run(calls: list[tuple[dict, dict]]) -> list:
    done = subprocess.run(["node", "-e", RUNNER, str(CITE_JS)], input=json.dumps(calls), capture_output=True,
                          text=True, encoding="utf-8", check=True, timeout=60)
    return json.loads(done.stdout)


def cite(page: str, style: str, lang: str, target: dict | None = None, accessed: str | None = ACCESSED) -> str:
    options = {"style": style, "lang": lang, "target": target}
    if accessed is not None:
        options["accessed"] = accessed
    (result,) = run([(work(page), options)])
    assert isinstance(result, str), result
    return result


ZH_HOME = "site_index.html.json"
ZH_ORG = "site_organization_index.html.json"
ZH_ARTICLE = "site_article_index.html.json"
EN_GLOSSARY = "site_en_glossary_index.html.json"
EN_ORG = "derived_en_organization_index.html.json"
EN_ARTICLE = "site_en_article_index.html.json"

ZH_STRUCTURE = {"fragment": "structure", "label": "事业部的结构"}
EN_STRUCTURE = {"fragment": "structure", "label": "How the unit is built"}
ZH_P16 = {"fragment": "p16", "label": "原文第16段"}
EN_P16 = {"fragment": "p16", "label": "paragraph 16"}

ZH_SITE = "https://example.github.io/kling-explainer/"
EN_SITE = "https://example.github.io/kling-explainer/en/"

# (page, lang, target, style, expected) — written by hand.
CASES = [
    # ---- a Chinese page, no target ----
    # GB/T 7714-2015 4.6.2 (OCLC example): no publication date → only [引用日期]; Chinese marks but "."
    (ZH_HOME, "zh", None, "gbt7714",
     "高恒. 快手为什么成立可灵AI事业部[EB/OL]. 可灵AI事业部解读，译解. [2026-12-02]. https://example.github.io/kling-explainer/."),
    # APA 7 §9.17: no date → (n.d.); §9.39: translator in parentheses after the title; §9.16 retrieval date
    (ZH_HOME, "zh", None, "apa7",
     "Gao, H. (n.d.). 快手为什么成立可灵AI事业部 (可灵AI事业部解读, Trans. & Explainer). 可灵AI事业部解读. "
     "Retrieved December 2, 2026, from https://example.github.io/kling-explainer/"),
    # MLA 9: no date → none given, "Accessed D Mon. YYYY." at the end; surname-first name not inverted; no https:// (5.95)
    (ZH_HOME, "zh", None, "mla9",
     "Gao Heng. “快手为什么成立可灵AI事业部.” Translated and explained by 可灵AI事业部解读. 可灵AI事业部解读, "
     "example.github.io/kling-explainer/. Accessed 2 Dec. 2026."),
    # BibTeX @misc: no year field; access date in note; key from the page's path
    (ZH_HOME, "zh", None, "bibtex",
     "@misc{gao-kling-home,\n"
     "  author = {高恒},\n"
     "  title = {{快手为什么成立可灵AI事业部}},\n"
     "  url = {https://example.github.io/kling-explainer/},\n"
     "  note = {可灵AI事业部解读译解；引用日期：2026-12-02},\n"
     "  language = {chinese}\n"
     "}"),

    # ---- a Chinese section: 组织调整, #structure ----
    # GB/T 7714-2015 7 (著录用符号): "：" before 其他题名信息 (Chinese colon in a Chinese record)
    (ZH_ORG, "zh", ZH_STRUCTURE, "gbt7714",
     "高恒. 组织调整：事业部的结构[EB/OL]. 可灵AI事业部解读，译解. [2026-12-02]. "
     "https://example.github.io/kling-explainer/organization/#structure."),
    # APA 7 §9.38: a Chinese title kept as it is (no invented translation); colon as the subtitle mark
    (ZH_ORG, "zh", ZH_STRUCTURE, "apa7",
     "Gao, H. (n.d.). 组织调整：事业部的结构 (可灵AI事业部解读, Trans. & Explainer). 可灵AI事业部解读. "
     "Retrieved December 2, 2026, from https://example.github.io/kling-explainer/organization/#structure"),
    # MLA 9: title of a part in quotation marks, full stop inside; a title in another language keeps its own marks
    (ZH_ORG, "zh", ZH_STRUCTURE, "mla9",
     "Gao Heng. “组织调整：事业部的结构.” Translated and explained by 可灵AI事业部解读. 可灵AI事业部解读, "
     "example.github.io/kling-explainer/organization/#structure. Accessed 2 Dec. 2026."),
    # BibTeX: the fragment joins the key; the URL field keeps "#" as it is (url is verbatim)
    (ZH_ORG, "zh", ZH_STRUCTURE, "bibtex",
     "@misc{gao-kling-organization-structure,\n"
     "  author = {高恒},\n"
     "  title = {{组织调整：事业部的结构}},\n"
     "  url = {https://example.github.io/kling-explainer/organization/#structure},\n"
     "  note = {可灵AI事业部解读译解；引用日期：2026-12-02},\n"
     "  language = {chinese}\n"
     "}"),

    # ---- paragraph 16 on the Chinese article page ----
    # GB/T 7714-2015 4.6.1 order: 主要责任者. 题名：其他题名信息[EB/OL]. (其他责任者.) [引用日期]. 获取和访问路径.
    (ZH_ARTICLE, "zh", ZH_P16, "gbt7714",
     "高恒. 原文与英译：原文第16段[EB/OL]. 可灵AI事业部解读，译解. [2026-12-02]. "
     "https://example.github.io/kling-explainer/article/#p16."),
    # APA 7 §9.8: "Family, I." (Gao is the family name) even on a Chinese page
    (ZH_ARTICLE, "zh", ZH_P16, "apa7",
     "Gao, H. (n.d.). 原文与英译：原文第16段 (可灵AI事业部解读, Trans. & Explainer). 可灵AI事业部解读. "
     "Retrieved December 2, 2026, from https://example.github.io/kling-explainer/article/#p16"),
    # MLA 9: "Translated and explained by" describes the contributors' role; the website is the container
    (ZH_ARTICLE, "zh", ZH_P16, "mla9",
     "Gao Heng. “原文与英译：原文第16段.” Translated and explained by 可灵AI事业部解读. 可灵AI事业部解读, "
     "example.github.io/kling-explainer/article/#p16. Accessed 2 Dec. 2026."),
    # BibTeX: the brief's stable key gao-kling-article-p16
    (ZH_ARTICLE, "zh", ZH_P16, "bibtex",
     "@misc{gao-kling-article-p16,\n"
     "  author = {高恒},\n"
     "  title = {{原文与英译：原文第16段}},\n"
     "  url = {https://example.github.io/kling-explainer/article/#p16},\n"
     "  note = {可灵AI事业部解读译解；引用日期：2026-12-02},\n"
     "  language = {chinese}\n"
     "}"),

    # ---- an English page, no target ----
    # GB/T 7714-2015 8.1.1: pinyin surname in capitals ("LI Jiangning" → "GAO Heng"); 6.1: an English record, ASCII marks
    (EN_GLOSSARY, "en", None, "gbt7714",
     "GAO Heng. Glossary[EB/OL]. Kling AI Business Unit, explained, trans. and explained. [2026-12-02]. "
     "https://example.github.io/kling-explainer/en/glossary/."),
    # APA 7 §10.16: Author. (n.d.). Title. Site Name. Retrieved Month D, YYYY, from URL — no full stop after the URL (§9.35)
    (EN_GLOSSARY, "en", None, "apa7",
     "Gao, H. (n.d.). Glossary (Kling AI Business Unit, explained, Trans. & Explainer). Kling AI Business Unit, explained. "
     "Retrieved December 2, 2026, from https://example.github.io/kling-explainer/en/glossary/"),
    # MLA 9: website title in title case ("Explained"), the contributor's name as written; publisher omitted (= website)
    (EN_GLOSSARY, "en", None, "mla9",
     "Gao Heng. “Glossary.” Translated and explained by Kling AI Business Unit, explained. Kling AI Business Unit, Explained, "
     "example.github.io/kling-explainer/en/glossary/. Accessed 2 Dec. 2026."),
    # BibTeX: author "Gao, Heng" = family Gao, given Heng; English pages' keys start with en-
    (EN_GLOSSARY, "en", None, "bibtex",
     "@misc{gao-kling-en-glossary,\n"
     "  author = {Gao, Heng},\n"
     "  title = {{Glossary}},\n"
     "  url = {https://example.github.io/kling-explainer/en/glossary/},\n"
     "  note = {Translated and explained by Kling AI Business Unit, explained; accessed 2026-12-02},\n"
     "  language = {english}\n"
     "}"),

    # ---- an English section: The reorganisation, #structure ----
    # GB/T 7714-2015: ": " before other title information in an English record; the label as given
    (EN_ORG, "en", EN_STRUCTURE, "gbt7714",
     "GAO Heng. The reorganisation: How the unit is built[EB/OL]. Kling AI Business Unit, explained, trans. and explained. "
     "[2026-12-02]. https://example.github.io/kling-explainer/en/organization/#structure."),
    # APA 7 §6.17: sentence case, first word after the colon capitalized
    (EN_ORG, "en", EN_STRUCTURE, "apa7",
     "Gao, H. (n.d.). The reorganisation: How the unit is built (Kling AI Business Unit, explained, Trans. & Explainer). "
     "Kling AI Business Unit, explained. Retrieved December 2, 2026, from "
     "https://example.github.io/kling-explainer/en/organization/#structure"),
    # MLA 9 title case: "the" lower case inside, verbs ("Is", "Built") capitalized
    (EN_ORG, "en", EN_STRUCTURE, "mla9",
     "Gao Heng. “The Reorganisation: How the Unit Is Built.” Translated and explained by Kling AI Business Unit, explained. "
     "Kling AI Business Unit, Explained, example.github.io/kling-explainer/en/organization/#structure. Accessed 2 Dec. 2026."),
    # BibTeX: key from path and fragment
    (EN_ORG, "en", EN_STRUCTURE, "bibtex",
     "@misc{gao-kling-en-organization-structure,\n"
     "  author = {Gao, Heng},\n"
     "  title = {{The reorganisation: How the unit is built}},\n"
     "  url = {https://example.github.io/kling-explainer/en/organization/#structure},\n"
     "  note = {Translated and explained by Kling AI Business Unit, explained; accessed 2026-12-02},\n"
     "  language = {english}\n"
     "}"),

    # ---- paragraph 16 on the English article page ----
    # GB/T 7714-2015 4.6.2: English record of a web page without a date: Title[EB/OL]. [access date]. URL.
    (EN_ARTICLE, "en", EN_P16, "gbt7714",
     "GAO Heng. The article, with our translation: paragraph 16[EB/OL]. Kling AI Business Unit, explained, "
     "trans. and explained. [2026-12-02]. https://example.github.io/kling-explainer/en/article/#p16."),
    # APA 7 §6.17: "Paragraph" capitalized after the colon; §9.16: retrieval date for content that changes
    (EN_ARTICLE, "en", EN_P16, "apa7",
     "Gao, H. (n.d.). The article, with our translation: Paragraph 16 (Kling AI Business Unit, explained, "
     "Trans. & Explainer). Kling AI Business Unit, explained. Retrieved December 2, 2026, from "
     "https://example.github.io/kling-explainer/en/article/#p16"),
    # MLA 9 title case: "with" stays lower case, "Our" capitalized; "Dec." is MLA's abbreviation
    (EN_ARTICLE, "en", EN_P16, "mla9",
     "Gao Heng. “The Article, with Our Translation: Paragraph 16.” Translated and explained by Kling AI Business Unit, "
     "explained. Kling AI Business Unit, Explained, example.github.io/kling-explainer/en/article/#p16. Accessed 2 Dec. 2026."),
    # BibTeX: key gao-kling-en-article-p16, distinct from the Chinese page's gao-kling-article-p16
    (EN_ARTICLE, "en", EN_P16, "bibtex",
     "@misc{gao-kling-en-article-p16,\n"
     "  author = {Gao, Heng},\n"
     "  title = {{The article, with our translation: paragraph 16}},\n"
     "  url = {https://example.github.io/kling-explainer/en/article/#p16},\n"
     "  note = {Translated and explained by Kling AI Business Unit, explained; accessed 2026-12-02},\n"
     "  language = {english}\n"
     "}"),
]


def _id(case) -> str:
    page, lang, target, style, _ = case
    return f"{page.split('.')[0]}-{lang}-{target['fragment'] if target else 'page'}-{style}"


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    """All the cases in one Node run."""
    results = run([(work(page), {"style": style, "lang": lang, "target": target, "accessed": ACCESSED})
                   for page, lang, target, style, _ in CASES])
    return {_id(case): result for case, result in zip(CASES, results)}


@pytest.mark.parametrize("case", CASES, ids=[_id(case) for case in CASES])
def test_the_citation_as_the_style_guide_writes_it(case, outputs):
    assert outputs[_id(case)] == case[4]


def test_every_style_on_every_page_in_each_language_is_tested():
    seen = {(page, style) for page, _, _, style, _ in CASES}
    for page in (ZH_HOME, ZH_ORG, ZH_ARTICLE, EN_GLOSSARY, EN_ORG, EN_ARTICLE):
        for style in ("gbt7714", "apa7", "mla9", "bibtex"):
            assert (page, style) in seen


def test_the_styles_the_dialog_offers():
    (styles,) = json.loads(subprocess.run(
        ["node", "-e", "process.stdout.write(JSON.stringify([require(process.argv[1]).styles]))", str(CITE_JS)],
        capture_output=True, text=True, check=True).stdout)
    assert styles == ["gbt7714", "apa7", "mla9", "bibtex"]


# ---- nothing is invented ----

ALL_PAGES = sorted(p.name for p in FIXTURES.glob("*.json"))
TARGETS = [None, {"fragment": "p16", "label": "原文第16段"}, {"fragment": "p16", "label": "paragraph 16"},
           {"fragment": "structure", "label": "How the unit is built"}]


@pytest.fixture(scope="module")
def everything() -> list[tuple[dict, dict, str]]:
    """Every fixture page × both languages × every style × a few targets."""
    calls = [(work(page), {"style": style, "lang": lang, "target": target, "accessed": ACCESSED})
             for page in ALL_PAGES for lang in ("zh", "en") for style in ("gbt7714", "apa7", "mla9", "bibtex")
             for target in TARGETS]
    results = run(calls)
    assert all(isinstance(r, str) for r in results), [r for r in results if not isinstance(r, str)][:1]
    return [(w, o, r) for (w, o), r in zip(calls, results)]


def test_no_year_but_the_access_dates(everything):
    for _, options, text in everything:
        years = re.findall(r"(?<!\d)\d{4}(?!\d)", text)
        assert years and set(years) == {"2026"}, (options, text)
        assert "2025" not in text  # the article was written after 2025-04-30, but that is no publication date


def test_apa_says_no_date(everything):
    for _, options, text in everything:
        if options["style"] == "apa7":
            assert "(n.d.)" in text


def allowed_words(page: dict, options: dict) -> str:
    """Every name or word a citation may contain: the page's own names, the label, the style's phrases."""
    author = page["isBasedOn"]["author"]
    style_words = ("EB/OL trans. and explained 译解 引用日期 Retrieved December from Trans. & Explainer n.d. "
                   "Translated by Accessed Dec. misc author title url note language english chinese accessed "
                   "gao kling en home article glossary organization structure p16 https example github io")
    target = options["target"]
    return " ".join([page["name"], page["creator"]["name"], page["isPartOf"]["name"], author["name"],
                     author["alternateName"], author["alternateName"].upper(), "H", page["url"],
                     target["label"] if target else "", style_words])


def test_no_outlet_or_other_name_appears(everything):
    """No word or Han run that is not the page's own, the target's or the style's: so no outlet, no invented title."""
    for page, options, text in everything:
        allowed = allowed_words(page, options)
        allowed_latin = {w.lower() for w in re.findall(r"[A-Za-z]+", allowed)}
        for word in re.findall(r"[A-Za-z]+", text):
            assert word.lower() in allowed_latin, (word, text)
        rest = text
        for phrase in sorted(allowed.split(" "), key=len, reverse=True):
            rest = rest.replace(phrase, " ") if re.search(r"[\u4e00-\u9fff]", phrase) else rest
        assert not re.search(r"[\u4e00-\u9fff]", rest), (rest, text)
    for _, _, text in everything:
        for outlet in ("36氪", "虎嗅", "钛媒体", "界面", "晚点", "财经", "新浪", "微信", "公众号", "WeChat", "Sina", "Tencent News"):
            assert outlet not in text


def test_gbt_marks_by_the_records_language(everything):
    """Chinese records: Chinese comma and colon, ASCII full stop; English records: ASCII only."""
    for page, options, text in everything:
        if options["style"] != "gbt7714" or page["inLanguage"][:2] != options["lang"]:
            continue
        record = text.split(". https://")[0]
        if options["lang"] == "zh":
            assert "," not in record and ":" not in record and "，译解. [" in record and "。" not in record
        else:
            assert not re.search(r"[\u3000-\u303f\uff00-\uffef]", record)


# ---- the formatter itself ----

def test_bibtex_special_characters_are_escaped():
    page = work(EN_GLOSSARY)
    page["name"] = "R&D: 100% of {costs} #1_a~b^c \\ $5"
    page["creator"]["name"] = "A & B"
    (text,) = run([(page, {"style": "bibtex", "lang": "en", "target": None, "accessed": ACCESSED})])
    assert "  title = {{R\\&D: 100\\% of \\{costs\\} \\#1\\_a\\textasciitilde{}b\\textasciicircum{}c \\textbackslash{} \\$5}},\n" in text
    assert "  note = {Translated and explained by A \\& B; accessed 2026-12-02},\n" in text


def test_mla_title_ending_in_a_question_mark_takes_no_full_stop():
    page = work(EN_GLOSSARY)
    page["name"] = "Why a business unit?"
    (text,) = run([(page, {"style": "mla9", "lang": "en", "target": None, "accessed": ACCESSED})])
    assert text.startswith("Gao Heng. “Why a Business Unit?” Translated and explained by")


def test_mla_months():
    page = work(EN_GLOSSARY)
    months = {"01": "Jan.", "02": "Feb.", "03": "Mar.", "04": "Apr.", "05": "May", "06": "June", "07": "July",
              "08": "Aug.", "09": "Sept.", "10": "Oct.", "11": "Nov.", "12": "Dec."}
    results = run([(page, {"style": "mla9", "lang": "en", "accessed": f"2026-{m}-09"}) for m in months])
    for result, abbreviation in zip(results, months.values()):
        assert result.endswith(f". Accessed 9 {abbreviation} 2026.")


def test_the_language_defaults_to_the_pages():
    for page, lang in ((ZH_ARTICLE, "zh"), (EN_ARTICLE, "en")):
        for style in ("gbt7714", "apa7", "mla9", "bibtex"):
            (without,) = run([(work(page), {"style": style, "target": None, "accessed": ACCESSED})])
            assert without == cite(page, style, lang)


def test_without_an_access_date_today_is_used():
    text = cite(ZH_ARTICLE, "gbt7714", "zh", accessed=None)
    day = re.search(r"\[(\d{4}-\d{2}-\d{2})\]", text).group(1)
    today = datetime.date.today()
    assert day in {str(today - datetime.timedelta(days=1)), str(today), str(today + datetime.timedelta(days=1))}


def test_an_unknown_style_is_an_error():
    (result,) = run([(work(ZH_ARTICLE), {"style": "chicago", "lang": "zh"})])
    assert "error" in result and "chicago" in result["error"]


def test_in_a_browser_it_defines_kling_cite_on_the_global_object():
    script = ("const vm = require('vm'), fs = require('fs'); const g = {};"
              "vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), g);"
              "process.stdout.write(String(typeof g.KlingCite.format) + ' ' + g.KlingCite.styles.length);")
    done = subprocess.run(["node", "-e", script, str(CITE_JS)], capture_output=True, text=True, check=True)
    assert done.stdout == "function 4"


def test_small_plain_and_safe_under_a_strict_csp():
    source = CITE_JS.read_text(encoding="utf-8")
    assert len(gzip.compress(source.encode("utf-8"), 9)) < 2048
    assert not re.search(r"\beval\b|\bnew Function\b|\bimport\b|\brequire\(|\bdocument\b|\bwindow\b|innerHTML", source)
    assert '"use strict"' in source
