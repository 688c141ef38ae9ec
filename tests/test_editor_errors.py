"""Every mistake or attack a pull request can bring, and the exact message the editor gets: file, line, what, fix.

One table. Each row changes one file of the fixture project (tests/fixtures/project: a small
made-up article with the site's real code, strings and assets), the way an editor would,
and gives the message `make check` must print. The lines are the fixture's own, counted by
hand; `{*}` stands for words that come from PyYAML rather than from us.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import pytest

from explainer import ROOT
from explainer.errors import SourceError
from explainer.publish.site import load_site
from tests.conftest import run_explainer

SEED = "seeds/kuaishou-kling-ai-business-unit.zh.txt"
FIX_HTML = "write plain text or Markdown: the site's HTML is made by the build, and nothing an editor writes may run script"
FIX_YAML = ("check the indentation and quoting on this line and the one above; "
            "quote text that contains a colon followed by a space")
FIX_OTHER_SITE = ("link to a page of this site, e.g. [the article](article.md#p16); name an outside source in words: "
                  "the site links and loads nothing from other hosts")
FIX_RESTORE = f"the article is kept as it was received: restore the file (git checkout -- {SEED}); "


@dataclass(frozen=True)
class Case:
    id: str
    path: str
    old: str | bytes | None  # what the editor replaces (its first occurrence); None: the file is new
    new: str | bytes
    message: str  # `file:line: what` and, on the next line, `    fix: …`

    def apply(self, root) -> None:
        file = root / self.path
        if self.old is None:
            file.write_bytes(self.new if isinstance(self.new, bytes) else self.new.encode("utf-8"))
            return
        data = file.read_bytes()
        old = self.old if isinstance(self.old, bytes) else self.old.encode("utf-8")
        new = self.new if isinstance(self.new, bytes) else self.new.encode("utf-8")
        assert old in data, f"{self.old!r} is not in {self.path}"
        file.write_bytes(data.replace(old, new, 1))


def case(id, path, old, new, where, what, fix) -> Case:
    return Case(id, path, old, new, f"{where}: {what}\n    fix: {fix}")


CASES = [
    # -- the file itself ------------------------------------------------------------------------------------
    case("bom", "seeds/glossary.yml", b"# The test", b"\xef\xbb\xbf# The test", "seeds/glossary.yml:1",
         "the file starts with a byte-order mark (BOM)",
         "save it as UTF-8 without BOM (in most editors: the encoding “UTF-8”, not “UTF-8 with BOM”)"),
    case("not-utf8", "docs/zh/products.md", "可灵做视频".encode(), b"\xbf\xc9\xc1\xe9", "docs/zh/products.md:9",
         "byte 0xbf at byte 1 of the line is not UTF-8", "save the file as UTF-8 (it may have been saved as GBK or Latin-1)"),
    case("nul", "seeds/translation.en.md", "By Someone", "By Some\0one", "seeds/translation.en.md:7",
         "the line contains a NUL character", "delete it: sources are plain text"),
    case("control-character", "docs/en/about.md", "This site explains", "This site\x1b explains",
         "docs/en/about.md:12", "the line contains the control character U+001B", "delete it: sources are plain text"),
    case("long-line", "docs/en/about.md", "This site explains", "This site explains " + "a" * 5000,
         "docs/en/about.md:12", "the line is 5050 characters long, more than a source line may be (4000)",
         "break it into shorter lines"),
    case("huge-file", "docs/en/about.md", "This site explains", ("word " * 700 + "\n") * 80 + "This site explains",
         "docs/en/about.md", "the file is 273 KiB, more than a source may be (256 KiB)",
         "split the text, or remove what does not belong in it"),
    case("missing-page", "docs/en/landscape.md", None, "", "docs/en/landscape.md:1",
         "the page has no `description` in its front matter",
         "add `description: …`, one sentence for search engines and link previews"),

    # -- YAML --------------------------------------------------------------------------------------------------
    case("yaml-syntax", "seeds/glossary.yml", "  - id: kling\n", "  - id: kling\n   group x: y\n",
         "seeds/glossary.yml:26", "YAML syntax error: {*}", FIX_YAML),
    case("yaml-comment-cuts-text", "seeds/glossary.yml", "short: A unit inside a company.",
         "short: A unit inside a company (see #bu).", "seeds/glossary.yml:49",
         "the text of `short` goes on after ` #`, which YAML reads as a comment and drops", "put the whole text in double quotes"),
    case("yaml-duplicate-key", "seeds/blocks.yml", "p03: ", "p02: ", "seeds/blocks.yml:3",
         "the key 'p02' is given twice", "keep one of them"),
    case("yaml-escape-script", "seeds/strings.yml", "  en: The article, paragraph {n}",
         '  en: "\\x3cscript>alert(1)\\x3c/script> {n}"', "seeds/strings.yml:8", "raw HTML in Markdown (<script>)", FIX_HTML),
    case("yaml-escape-img", "seeds/glossary.yml", "short: A unit inside a company.",
         'short: "A unit \\u003cimg src=x onerror=alert(1)>"', "seeds/glossary.yml:49",
         "the text contains HTML (<img>)", FIX_HTML),
    case("html-in-translation", "seeds/translation.en.md", "By Someone", "By Someone <iframe src=x></iframe>",
         "seeds/translation.en.md:7", "the text contains HTML (<iframe>)", FIX_HTML),
    case("shortcode-in-definition", "seeds/glossary.yml", "short: A unit inside a company.",
         "short: A unit with {{ revenue }}.", "seeds/glossary.yml:49",
         "'{{ revenue }}' in a text value: shortcodes work in page files only",
         "write the words themselves here (a figure's value, as seeds/figures.yml gives it)"),
    case("ascii-punctuation-in-chinese-yaml", "seeds/glossary.yml", "short: 公司内部的业务单元。",
         "short: 公司内部的业务单元(BU),有自主权。", "seeds/glossary.yml:44",
         "ASCII punctuation in Chinese text: '司内部的业务单元(BU),有自主'",
         "write '司内部的业务单元（BU），有自主': Chinese text uses full-width ，：；？！（）"),

    # -- figures -----------------------------------------------------------------------------------------------
    case("figure-value-not-a-number", "seeds/figures.yml", "value: 100000000", "value: lots", "seeds/figures.yml:1",
         "figure 'revenue': the value 'lots' is not a number",
         "write the number the words state, in digits: `value: 22000000` for 2200万"),
    case("figure-not-in-block", "seeds/figures.yml", "zh: 突破1亿元", "zh: 突破2亿元", "seeds/figures.yml:1",
         "figure 'revenue': '突破2亿元' does not occur in block p04",
         "copy the words exactly from the block, or name the block they come from"),
    case("figure-hedge", "seeds/figures.yml", "en: over 100 million yuan", "en: 100 million yuan", "seeds/figures.yml:1",
         "figure 'revenue': '突破1亿元' and '100 million yuan' hedge differently",
         "超/突破 = over or more than, 约 = about, 近 = nearly; use the same in both"),
    case("figure-kind", "seeds/figures.yml", "kind: money", "kind: cash", "seeds/figures.yml:3",
         "unknown kind of figure 'revenue': 'cash'", "use one of: count, money, share, multiple, rank, date"),

    # -- glossary ----------------------------------------------------------------------------------------------
    case("ignore-is-the-form", "seeds/glossary.yml", "      forms: [事业部]\n", "      forms: [事业部]\n      ignore: [事业部]\n",
         "seeds/glossary.yml:44", "the zh `ignore:` word '事业部' of 'business-unit' is not a longer word around one of its forms",
         "list under `ignore:` only longer words that contain a form (事业部) but are not the term, e.g. 扩大模型 for 大模型"),
    case("ignore-is-another-term", "seeds/glossary.yml", "      forms: [事业部]\n",
         "      forms: [事业部]\n      ignore: [可灵AI事业部]\n", "seeds/glossary.yml:43",
         "the zh `ignore:` word '可灵AI事业部' of 'business-unit' is a form of 'kling-ai-business-unit' (line 56): "
         "it would hide that term everywhere", "remove it from `ignore:`; the longest form already wins where two overlap"),
    case("term-in-one-language", "seeds/glossary.yml",
         "    en:\n      translates: \"7b8ec44d\"\n      forms: [Kuaishou]\n      short: A Chinese short-video company.\n"
         "      article: The article discusses Kuaishou setting up the Kling AI Business Unit.\n"
         "      background: Kuaishou is listed in Hong Kong.\n", "", "seeds/glossary.yml:11",
         "term 'kuaishou' is defined in zh only", "add `en:` with `forms`, `short` and `article` in that language"),
    case("duplicate-term-id", "seeds/glossary.yml", "  - id: kling\n", "  - id: kuaishou\n", "seeds/glossary.yml:25",
         "duplicate term id 'kuaishou' (first at line 11)", "give one of them another id, or merge the two"),
    case("term-id-not-a-slug", "seeds/glossary.yml", "  - id: kling\n", "  - id: Kling AI\n", "seeds/glossary.yml:25",
         "term id 'Kling AI' is not a readable ASCII id",
         "use lowercase letters, digits and hyphens, starting with a letter, e.g. `second-growth-curve`"),
    case("form-of-two-terms", "seeds/glossary.yml", "forms: [Kuaishou]", "forms: [Kuaishou, Kling]", "seeds/glossary.yml:35",
         "the en form 'Kling' belongs to both 'kuaishou' (line 20) and 'kling'",
         "a form may name one term only: remove it from one of them"),
    case("unknown-group", "seeds/glossary.yml", "group: business\n    zh:\n      forms: [事业部]",
         "group: biz\n    zh:\n      forms: [事业部]", "seeds/glossary.yml:41",
         "unknown group of term 'business-unit': 'biz'", "use one of: companies, business"),
    case("empty-definition", "seeds/glossary.yml", "short: A unit inside a company.", "short: ''", "seeds/glossary.yml:49",
         "term 'business-unit' has an empty en `short`", "write the one-sentence tooltip in English"),
    case("glossary-number-not-in-article", "seeds/glossary.yml", "article: 文章讨论快手成立可灵AI事业部。",
         "article: 文章称快手有3亿用户。", "seeds/glossary.yml:16",
         "the zh `article` of 'kuaishou' has the number 3, which is not in the article",
         "every number on the site comes from the article: copy it from the paragraph that gives it, or leave it out"),
    case("glossary-number-not-in-translation", "seeds/glossary.yml", "article: The article discusses Kuaishou",
         "article: The article says 200 million people use Kuaishou", "seeds/glossary.yml:22",
         "the en `article` of 'kuaishou' has the number 200, which is not in the translation (seeds/translation.en.md)",
         "every number on the site comes from the article: copy it from the paragraph that gives it, or leave it out"),
    case("number-in-background", "seeds/glossary.yml", "background: 快手在香港上市。", "background: 快手于2018年在香港上市。",
         "seeds/glossary.yml:17", "the zh `background` of 'kuaishou' has the number 2018",
         "background is ours, not the article's: write it without numbers, or say what the article says in `article:`"),
    case("old-long-key", "seeds/glossary.yml", "      article: 文章报道快手成立了一个事业部。",
         "      long: 文章报道快手成立了一个事业部。", "seeds/glossary.yml:45",
         "term 'business-unit': unknown key `long` under `zh:`",
         "split it into `article:` (how the article uses the term) and `background:` (what we add)"),
    case("quote-not-in-block", "seeds/glossary.yml", "      quote: 视频生成\n", "      quote: 视频剪辑\n",
         "seeds/glossary.yml:32", "the zh quote of 'kling' is not in block p06", "copy the words exactly from the article"),
    case("quote-not-in-translation", "seeds/glossary.yml", "      quote: video generation\n", "      quote: video editing\n",
         "seeds/glossary.yml:38", "the en quote of 'kling' is not in the translation of p06 (seeds/translation.en.md)",
         "copy the words exactly from the translation"),
    case("explained-without-quote", "seeds/glossary.yml", "      quote: 视频生成\n", "", "seeds/glossary.yml:28",
         "term 'kling' says the article explains it (in p06) but gives no zh `quote`",
         "copy the words of the block that explain the term into `quote:`, "
         "or remove `explained_in` if the article only uses the term"),
    case("term-found-nowhere", "seeds/glossary.yml", "forms: [Kuaishou]", "forms: [Kwai]", "seeds/glossary.yml:20",
         "the en forms of term 'kuaishou' occur nowhere on the site",
         "check the spelling of its forms against the text, or remove the term"),

    # -- pictures, outline, notes ----------------------------------------------------------------------------
    case("picture-form-not-a-form", "seeds/pictures.yml", "form: {zh: 可灵, en: Kling}", "form: {zh: 可灵, en: Kling AI video}",
         "seeds/pictures.yml:18", "picture 'scale', row 1: `form` must name one of the term's forms in each language",
         "write e.g. `form: {zh: 可灵, en: Kling}` (forms of 'kling' in seeds/glossary.yml), or leave it out for its name"),
    case("unknown-block-in-outline", "seeds/outline.yml", "blocks: [p02]", "blocks: [p20]", "seeds/outline.yml:4",
         "section organization#structure names 'p20', which is not a block", "use block ids from seeds/blocks.yml"),
    case("unknown-page-in-outline", "seeds/outline.yml", "landscape:", "landscapes:", "seeds/outline.yml:15",
         "'landscapes' is not a page of the site",
         "use one of: index, organization, revenue, products, challenges, landscape, article, glossary, about"),
    case("unknown-picture", "seeds/outline.yml", "picture: scale", "picture: scales", "seeds/outline.yml:8",
         "section revenue#first-results names picture 'scales', which does not exist",
         "use one of: scale (the ids in seeds/pictures.yml), or add the picture there"),
    case("note-with-a-number", "seeds/notes.yml", "{}", "p06:\n  zh: 可灵排名第3。\n  en: Kling ranks third.\n",
         "seeds/notes.yml:2", "the zh note on p06 has the number 3, which is not in the block",
         "a note may repeat the block's own numbers only"),

    # -- the seed and its block ids --------------------------------------------------------------------------
    case("seed-paragraph-deleted", SEED, "营收 ", "", f"{SEED}:1",
         "no block opens with '营收', the words of p03 (seeds/blocks.yml:3)",
         FIX_RESTORE + "if a new edition drops this block, delete line 3 of seeds/blocks.yml and its translation"),
    case("seed-paragraph-added", SEED, "这一次,", "新增的一段。 这一次,", f"{SEED}:1",
         "the block at character 86 that opens '新增的一段。' has no id in seeds/blocks.yml",
         FIX_RESTORE + "if a new edition adds this block, add a line `pNN: 新增的一段。` with an unused id to "
                       "seeds/blocks.yml and translate it"),
    case("seed-second-line", SEED, "跟随。 |", "跟随。\n另一行 |", f"{SEED}:2", "the seed must be one line, as it was received",
         f"restore it as received: git checkout -- {SEED}"),

    # -- the translation -----------------------------------------------------------------------------------------
    case("unknown-block-id", "seeds/translation.en.md", "## p04", "## p40", "seeds/translation.en.md:17",
         "p40 is not a block of the article", "use an id from seeds/blocks.yml, or delete this section"),
    case("translated-twice", "seeds/translation.en.md", "## p04", "## p03", "seeds/translation.en.md:17",
         "p03 is translated twice (first at line 13)", "merge the two sections into one"),
    case("text-before-first-heading", "seeds/translation.en.md", "<!-- The test", "Stray text.\n<!-- The test",
         "seeds/translation.en.md:3", "text before the first `## pNN` heading",
         "put it under the heading of the block it translates"),

    # -- page files: markup -------------------------------------------------------------------------------------
    case("script-in-page", "docs/en/organization.md", "The article says Gai Kun leads it.",
         "The article says Gai Kun leads it.\n\n<script>alert(1)</script>", "docs/en/organization.md:19",
         "raw HTML in Markdown (<script>)", FIX_HTML),
    case("meta-refresh-in-page", "docs/zh/about.md", "本站解读", '<meta http-equiv="refresh" content="0;url=https://e">\n\n本站解读',
         "docs/zh/about.md:9", "raw HTML in Markdown (<meta>)", FIX_HTML),
    case("event-attribute-by-attr-list", "docs/en/about.md", "[the article](article.md#p01).",
         '[the article](article.md#p01){ onclick="alert(1)" }.', "docs/en/about.md:12",
         "an event attribute onclick= is not allowed", FIX_HTML),
    case("style-by-attr-list", "docs/en/about.md", "[the article](article.md#p01).",
         '[the article](article.md#p01){ style="display:none" }.', "docs/en/about.md:12",
         "the attribute style= is not allowed on <a>", "remove it; Markdown and an `{#id}` or `{.class}` are all a page needs"),
    case("javascript-link-with-tab", "docs/en/about.md", "[the article](article.md#p01)", "[the article](java\tscript:alert(1))",
         "docs/en/about.md:12", "a javascript: URL is not allowed", FIX_HTML),
    case("javascript-link-as-reference", "docs/en/about.md", "This site explains [the article](article.md#p01).",
         "This site explains [the article][x].\n\n[x]: javascript:alert(1)", "docs/en/about.md:14",
         "a javascript: URL is not allowed", FIX_HTML),
    case("entity-javascript-in-strings", "seeds/strings.yml", "  en: The article, paragraph {n}",
         "  en: \"[x](jav&#x61;script:alert(1)) {n}\"", "seeds/strings.yml:8", "a javascript: URL is not allowed", FIX_HTML),
    case("data-url-image", "docs/en/about.md", "This site explains", "![logo](data:image/svg+xml;base64,PHN2Zz4=) This site explains",
         "docs/en/about.md:12", "a data: URL is not allowed", FIX_HTML),
    case("link-to-another-host", "docs/en/about.md", "[the article](article.md#p01)", "[the article](https://evil.example/)",
         "docs/en/about.md:12", "a link to another site (https://evil.example/) is not allowed", FIX_OTHER_SITE),
    case("autolink-to-another-host", "docs/en/about.md", "This site explains", "<https://evil.example/> This site explains",
         "docs/en/about.md:12", "a link to another site (https://evil.example/) is not allowed", FIX_OTHER_SITE),
    case("ascii-punctuation-in-chinese-page", "docs/zh/products.md", "可灵做视频，可图做图像。", "可灵做视频,可图做图像。",
         "docs/zh/products.md:9", "ASCII punctuation in Chinese text: '可灵做视频,可图做图像。'",
         "write '可灵做视频，可图做图像。': Chinese text uses full-width ，：；？！（）"),
    case("ascii-punctuation-in-chinese-description", "docs/zh/products.md", "产品页，介绍", "产品页,介绍",
         "docs/zh/products.md:2", "ASCII punctuation in Chinese text: '测试站点的产品页,介绍可灵和可图'",
         "write '测试站点的产品页，介绍可灵和可图': Chinese text uses full-width ，：；？！（）"),
    case("html-in-description", "docs/en/products.md", "description: The products page",
         "description: <b>The</b> products page", "docs/en/products.md:2", "the text contains HTML (<b>)", FIX_HTML),

    # -- page files: structure -----------------------------------------------------------------------------------
    case("unknown-shortcode", "docs/en/index.md", "{{ revenue }}", "{{ profit }}", "docs/en/index.md:12",
         "unknown figure '{{ profit }}' in '{{ profit }}'",
         "write {{ figure-id }} (its value) or {{ figure-id period }} with an id from seeds/figures.yml (add the figure "
         "there if it is missing), or {{ cards id id … }}"),
    case("shortcode-in-code-fence", "docs/en/index.md", "Kuaishou set up", "```\n{{ profit }}\n```\n\nKuaishou set up",
         "docs/en/index.md:13", "'{{ profit }}' inside a code block",
         "shortcodes are not expanded in code: move it out of the ``` block"),
    case("duplicate-heading-id", "docs/en/organization.md", "The article says Gai Kun leads it.",
         "The article says Gai Kun leads it.\n\n### Who {#key-points}\n\nGai Kun.", "docs/en/organization.md:19",
         "the id 'key-points' is given twice on this page (first at line 11)", "give each heading its own id: an id is an address"),
    case("number-typed-by-hand", "docs/en/products.md", "Kling makes video", "Kling makes 25 videos",
         "docs/en/products.md:12", "the number '25' is typed by hand",
         "write the figure as {{ figure-id }} so that it comes from seeds/figures.yml (add it there, with its source "
         "block, if it is missing)"),
    case("image-without-alt", "docs/en/products.md", "Kling makes video", "![](kling.png) Kling makes video",
         "docs/en/products.md:12", "the image 'kling.png' has no alt text",
         "describe the image between the brackets: ![what it shows](file)"),
    case("link-to-no-page", "docs/en/about.md", "(article.md#p01)", "(faq.md)", "docs/en/about.md:12",
         "the link 'faq.md' points to no page",
         "link to one of: index.md, organization.md, revenue.md, products.md, challenges.md, landscape.md, "
         "article.md, glossary.md, about.md"),
    case("link-to-no-paragraph", "docs/en/about.md", "(article.md#p01)", "(article.md#p99)", "docs/en/about.md:12",
         "the link 'article.md#p99' names no paragraph 'p99'", "use a block id from seeds/blocks.yml, p01 to p08"),
    case("link-to-no-term", "docs/en/about.md", "(article.md#p01)", "(glossary.md#kwai)", "docs/en/about.md:12",
         "the link 'glossary.md#kwai' names no glossary term 'kwai'",
         "use a term id from seeds/glossary.yml (the `id:` of its entry)"),
    case("link-to-no-section", "docs/en/about.md", "(article.md#p01)", "(revenue.md#money)", "docs/en/about.md:12",
         "the link 'revenue.md#money' points to #money, which revenue.md does not have",
         "use one of its sections (seeds/outline.yml) or questions: first-results, revenue"),
    case("section-not-declared", "docs/zh/organization.md", "{#structure}", "{#structures}", "docs/zh/organization.md:11",
         "section id 'structures' is not declared for page 'organization'",
         "use one of key-points, structure, or declare it in seeds/outline.yml"),
    case("sections-out-of-order", "docs/zh/organization.md", "## 要点 {#key-points}\n\n- 文章报道，快手成立了事业部。\n\n## 结构 {#structure}\n\n文章说由盖坤负责。",
         "## 结构 {#structure}\n\n文章说由盖坤负责。\n\n## 要点 {#key-points}\n\n- 文章报道，快手成立了事业部。",
         "docs/zh/organization.md:7", "section 'structure' is out of order: seeds/outline.yml puts 'key-points' here",
         "put the sections in the order of seeds/outline.yml: key-points, structure"),
    case("section-added-to-outline", "seeds/outline.yml", "  - id: key-points\n  - id: structure",
         "  - id: key-points\n  - id: history\n  - id: structure", "docs/zh/organization.md:11",
         "section 'history' of seeds/outline.yml is missing before this one", "add a heading `## … {#history}` here"),
    case("section-missing", "docs/zh/organization.md", "\n## 结构 {#structure}\n\n文章说由盖坤负责。", "",
         "docs/zh/organization.md:7", "section 'structure' of seeds/outline.yml is missing",
         "add a heading `## … {#structure}` after this section"),
    case("second-title", "docs/en/products.md", "## The line-up", "# Again\n\n## The line-up", "docs/en/products.md:10",
         "a second `#` title", "a page has one title; use `##` for sections"),
    case("heading-without-id", "docs/en/products.md", "## The line-up {#matrix}", "## The line-up {#matrix}\n\n### More",
         "docs/en/products.md:12", "the heading 'More' has no id",
         "end the line with `{#some-id}`: sections use the ids declared in seeds/outline.yml"),
    case("question-in-one-language", "docs/en/landscape.md", "- Kuaishou has an approach of its own.",
         "- Kuaishou has an approach of its own.\n\n1. {#q-why} Why?", "docs/en/landscape.md:14",
         "question 'q-why' exists in en only",
         "add it to docs/zh/landscape.md too, or remove it here: both languages share question ids"),
    case("question-id-twice", "docs/en/landscape.md", "- Kuaishou has an approach of its own.",
         "- Kuaishou has an approach of its own.\n\n1. {#q-why} Why?\n2. {#q-why} Why not?", "docs/en/landscape.md:15",
         "question id 'q-why' is used twice (first at line 14)", "give each question its own id"),
    case("no-description", "docs/en/products.md", "description: The products page", "summary: The products page",
         "docs/en/products.md:1", "the page has no `description` in its front matter",
         "add `description: …`, one sentence for search engines and link previews"),
    case("front-matter-not-closed", "docs/en/products.md", "---\n\n# Products", "\n# Products", "docs/en/products.md:1",
         "the front matter is not closed", "add a line `---` after it"),

    # -- files under docs/ -------------------------------------------------------------------------------------
    case("html-file-under-docs", "docs/zh/extra.html", None, "<script>alert(1)</script>", "docs/zh/extra.html",
         "a file under docs/ that is neither a page nor one of the site's assets",
         "remove it: MkDocs would publish it unchecked. Pages are docs/<lang>/<page>.md; pictures are drawn from "
         "seeds/pictures.yml; a new asset is added to ASSETS in scripts/explainer/sources/assets.py by a maintainer"),
    case("svg-with-script", "docs/assets/favicon.svg", "<rect", "<script>alert(1)</script><rect",
         "docs/assets/favicon.svg", "the SVG element <script> is not allowed", "keep only shapes and text"),
    case("svg-with-event", "docs/assets/favicon.svg", "<rect", '<rect onload="alert(1)"', "docs/assets/favicon.svg",
         "the SVG attribute onload= is not allowed", "remove it"),
]


def matches(message: str, expected: str) -> bool:
    return re.fullmatch(".*?".join(re.escape(part) for part in expected.split("{*}")), message, re.S) is not None


def error_of(root) -> str:
    with pytest.raises(SourceError) as caught:
        load_site(root)
    return str(caught.value)


def test_the_fixture_project_is_sound(fixture_project):
    """The oracle for every row below: without the editor's change, the fixture loads."""
    site = load_site(fixture_project)
    assert [block.id for block in site.project.blocks] == [f"p0{n}" for n in range(1, 9)]
    assert site.stale == []


@pytest.mark.parametrize("row", CASES, ids=[c.id for c in CASES])
def test_a_mistake_names_file_line_and_fix(fixture_project, row):
    row.apply(fixture_project)
    message = error_of(fixture_project)
    assert matches(message, row.message), f"\n got: {message}\nwant: {row.message}"


def test_numbers_a_note_and_a_background_may_carry(fixture_project):
    """A note repeats its block's numbers as each language writes them; digits in a name (3D, Q3) are no figure."""
    Case("", "seeds/notes.yml", "{}", "p04:\n  zh: 1亿元是累计数。\n  en: The 100 million yuan is cumulative.\n", "") \
        .apply(fixture_project)
    Case("", "seeds/glossary.yml", "background: 快手在香港上市。", "background: 快手在香港上市，也做3D内容。", "") \
        .apply(fixture_project)
    load_site(fixture_project)


def test_html_in_the_seed(fixture_project):
    Case("", SEED, "跟随。", "跟随。<img src=x onerror=alert(1)>", "").apply(fixture_project)
    assert error_of(fixture_project) == f"{SEED}:1: the text contains HTML (<img>)\n    fix: {FIX_HTML}"


def test_a_period_shortcode_needs_a_period(fixture_project):
    Case("", "docs/en/index.md", "{{ revenue }}", "{{ revenue period }}", "").apply(fixture_project)
    load_site(fixture_project)  # the figure has a period: fine
    Case("", "seeds/figures.yml", "  period: {zh: 截至2025年2月, en: as of February 2025}\n", "", "").apply(fixture_project)
    assert error_of(fixture_project) == (
        "docs/en/index.md:12: figure 'revenue' has no period: '{{ revenue period }}' shows nothing\n"
        "    fix: give the figure a `period:` in seeds/figures.yml, or write {{ revenue }}")


# -- through the command line, as an editor runs it ----------------------------------------------------------------

def test_check_exits_1_and_prints_the_message_without_a_traceback(fixture_project):
    CASES[0].apply(fixture_project)
    result = run_explainer(fixture_project, "check")
    assert result.returncode == 1
    assert result.stderr.startswith("✗ seeds/glossary.yml:1: the file starts with a byte-order mark (BOM)\n    fix: ")
    assert "Traceback" not in result.stderr + result.stdout


def test_a_failed_build_leaves_the_last_good_site(fixture_project):
    site = fixture_project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    Case("", "seeds/translation.en.md", "## p04", "## p40", "").apply(fixture_project)
    result = run_explainer(fixture_project, "build")
    assert result.returncode == 1
    assert "seeds/translation.en.md:17: p40 is not a block of the article" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert not (fixture_project / "build" / "site.new").exists()


def test_chinese_site_texts_in_mkdocs_yml_are_checked(fixture_project):
    Case("", "mkdocs.yml", "产品、挑战与竞争格局，中英双语解读", "产品、挑战与竞争格局,中英双语解读", "").apply(fixture_project)
    result = run_explainer(fixture_project, "build")
    assert result.returncode == 1
    assert ("mkdocs.yml:4: ASCII punctuation in Chinese text: '、挑战与竞争格局,中英双语解读。'\n"
            "    fix: write '、挑战与竞争格局，中英双语解读。': Chinese text uses full-width ，：；？！（）") in result.stderr
    assert "Traceback" not in result.stderr


# -- what CONTRIBUTING.md tells editors --------------------------------------------------------------------------

def _program_strings() -> list[str]:
    """The string literals of the generator (f-strings' fixed parts included), not its docstrings or comments."""
    import ast
    strings = []
    for path in (ROOT / "scripts" / "explainer").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
        strings += [node.value for node in ast.walk(tree)
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]
    return strings


def test_every_message_contributing_explains_is_one_the_build_prints():
    """The table of messages in CONTRIBUTING.md quotes messages; each quoted piece must be a message's words."""
    doc = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = doc[doc.index("| Message | What happened |"):]
    rows = table[:table.index("\n\n")].splitlines()[2:]
    said = [c.message for c in CASES] + _program_strings()
    unknown = []
    for row in rows:
        for double, single in re.findall(r"``(.+?)``|`([^`]+)`", row.split(" | ")[0]):
            quoted = re.sub(r"pNN|'[xy]'|#x", "…", double or single)  # the table's placeholders
            unknown += [piece for piece in map(str.strip, quoted.split("…"))
                        if len(piece) > 2 and not any(piece in text for text in said)]
    assert len(rows) > 20 and not unknown
