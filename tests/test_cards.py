"""Share cards: size and format, byte-identical redraws, the cache, glyph coverage and line breaking.

The oracles: the PNG's own header and chunk list; a second drawing, in this process
and in a fresh one; a count of the draws the cache lets through; hand-written line
breaks for short titles; and the Chinese rules (no line starts with closing punctuation,
none ends with opening punctuation) checked on every breaking at every width.
"""
import io
import struct
import subprocess
import sys

import pytest
from PIL import Image

from explainer import ROOT
from explainer.render import cards
from explainer.render.cards import FONTS, draw_card, missing_glyphs, missing_glyphs_message, wrap, write_cards
from explainer.tools.card_font import card_texts, site_names

SITE = {"zh": "可灵AI事业部解读", "en": "Kling AI Business Unit, explained"}
LOOKED_AT = [("zh", "快手为什么成立可灵AI事业部"), ("zh", "组织调整"), ("zh", "原文与英译"),
             ("en", "Why Kuaishou created a Kling AI Business Unit"), ("en", "The reorganisation"),
             ("en", "The article, with our translation")]


def chunks(png: bytes) -> list[bytes]:
    """The chunk types of a PNG, in order."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    out, at = [], 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        out.append(kind)
        at += 12 + length
    return out


@pytest.mark.parametrize("lang, title", LOOKED_AT)
def test_a_card_is_a_1200_by_630_png_without_metadata(lang, title):
    png = draw_card(title, SITE[lang], lang, FONTS)
    image = Image.open(io.BytesIO(png))
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "RGB")
    assert set(chunks(png)) == {b"IHDR", b"IDAT", b"IEND"}  # no tIME, tEXt, iTXt, pHYs


def test_drawing_twice_gives_the_same_bytes_here_and_in_a_fresh_process():
    title, lang = LOOKED_AT[0][1], "zh"
    first = draw_card(title, SITE[lang], lang, FONTS)
    assert draw_card(title, SITE[lang], lang, FONTS) == first
    script = ("import sys, hashlib; from explainer.render.cards import draw_card; "
              f"sys.stdout.write(hashlib.sha256(draw_card({title!r}, {SITE[lang]!r}, 'zh')).hexdigest())")
    fresh = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={"PYTHONPATH": str(ROOT / "scripts")}).stdout
    import hashlib
    assert fresh == hashlib.sha256(first).hexdigest()


def test_a_card_shows_ink_in_each_part():
    """The mark (indigo), the title (dark ink) and the footer are all there, inside the margins."""
    image = Image.open(io.BytesIO(draw_card("组织调整", SITE["zh"], "zh", FONTS)))
    assert image.getpixel((cards.MARGIN + 30, cards.TOP + 5)) == cards.INDIGO  # the mark, above its triangle
    title_band = image.crop((0, cards.TITLE_TOP, 1200, cards.TITLE_BOTTOM + 20))
    dark = [x for x in range(1200) for y in range(0, title_band.height, 4) if sum(title_band.getpixel((x, y))) < 150]
    assert dark and min(dark) >= cards.MARGIN - 2 and max(dark) <= 1200 - cards.MARGIN
    assert image.getpixel((600, 625)) == cards.INDIGO  # the band along the bottom


@pytest.fixture
def counted(monkeypatch):
    """draw_card, counting its calls."""
    calls = []
    real = cards.draw_card

    def draw(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)
    monkeypatch.setattr(cards, "draw_card", draw)
    return calls


def test_write_cards_draws_each_card_once_then_copies_it_from_the_cache(tmp_path, counted):
    cache, site = tmp_path / "build" / "cards", tmp_path / "site"
    wanted = [("组织调整", SITE["zh"], "zh", site / "organization" / "card.png"),
              ("The reorganisation", SITE["en"], "en", site / "en" / "organization" / "card.png")]
    assert write_cards(wanted, cache) == [w[3] for w in wanted]
    assert counted == ["组织调整", "The reorganisation"]
    first = [w[3].read_bytes() for w in wanted]
    assert first[0] == draw_card(*wanted[0][:3], FONTS)

    for w in wanted:
        w[3].unlink()
    write_cards(wanted, cache)
    assert counted == ["组织调整", "The reorganisation"]  # nothing drawn again
    assert [w[3].read_bytes() for w in wanted] == first

    changed = [("组织调整与汇报", SITE["zh"], "zh", wanted[0][3]), wanted[1]]
    write_cards(changed, cache)
    assert counted[2:] == ["组织调整与汇报"]  # only the changed title
    assert wanted[0][3].read_bytes() != first[0]
    assert len(list(cache.glob("*.png"))) == 3 and not list(cache.glob("*.tmp"))


def test_the_cache_key_changes_with_every_input():
    key = cards.card_key("组织调整", SITE["zh"], "zh")
    assert cards.card_key("组织调整", SITE["zh"], "zh") == key
    assert len({key, cards.card_key("组织调整 ", SITE["zh"], "zh"), cards.card_key("组织调整", "可灵", "zh"),
                cards.card_key("组织调整", SITE["zh"], "en")}) == 4


def test_missing_glyphs_names_a_character_outside_the_subsets():
    missing = missing_glyphs({"zh": ["组织调整龘"], "en": ["The reorganisation", "Kuaishou 龘"]})
    assert missing == {"zh": {"龘"}, "en": {"龘"}}
    message = missing_glyphs_message(missing)
    assert "龘" in message and "U+9F98" in message and "make card-font" in message


def test_every_real_card_text_has_its_glyphs():
    texts = card_texts()
    assert "组织调整" in texts["zh"] and "The reorganisation" in texts["en"]
    assert len(texts["zh"]) == len(texts["en"]) == len(list((ROOT / "docs" / "zh").glob("*.md"))) + 2
    assert missing_glyphs(texts) == {}
    assert missing_glyphs({lang: [sample] for lang, sample in cards.CAP_SAMPLE.items()}) == {}


def test_site_names_are_read_from_mkdocs_yml():
    assert site_names() == SITE


def test_text_colours_pass_wcag_aa_on_the_card():
    def luminance(colour):
        channels = [c / 255 for c in colour]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    for what, colour in cards.TEXT_COLOURS.items():
        ratio = (luminance(cards.PAPER) + 0.05) / (luminance(colour) + 0.05)
        assert ratio >= 4.5, f"the {what} has contrast {ratio:.2f}:1"


# --- line breaking ---

@pytest.mark.parametrize("text, width, lines", [
    # balanced, and at jieba's word boundary rather than greedy (快手为什么成立可灵AI事 / 业部)
    ("快手为什么成立可灵AI事业部", 8, ["快手为什么成立", "可灵AI事业部"]),
    ("快手为什么成立可灵AI事业部", 14, ["快手为什么成立可灵AI事业部"]),
    # a comma never starts a line: not 产品 / ，营 / 收
    ("产品，营收", 2, ["产", "品，", "营收"]),
    # an opening bracket never ends a line, a closing one never starts one, Latin stays whole
    ("可灵（Kling）", 7, ["可灵", "（Kling）"]),
    ("我们看到，可灵AI正在“出海”", 9, ["我们看到，可灵", "AI正在“出海”"]),
    ("原文与英译", 5, ["原文与英译"]),
    ("原文与英译", 3, ["原文", "与英译"]),
])
def test_chinese_lines_break_by_hand_written_expectations(text, width, lines):
    assert wrap(text, "zh", width, len) == lines


@pytest.mark.parametrize("text, width, lines", [
    ("The article, with our translation", 20, ["The article,", "with our translation"]),  # after the comma
    ("Why Kuaishou created a Kling AI Business Unit", 25,
     ["Why Kuaishou created", "a Kling AI Business Unit"]),  # not ending a line on "a"
    ("The reorganisation", 18, ["The reorganisation"]),
])
def test_english_lines_break_at_spaces(text, width, lines):
    assert wrap(text, "en", width, len) == lines


CLOSING = set("，。：；？！）”》、")
OPENING = set("（“《")
PUNCTUATED = ["快手为什么成立可灵AI事业部", "可灵AI，不只是快手的技术实验室", "不再满足于“工具整合”，而是（在内部）重组",
              "《快手》：为什么？因为！第一；第二。", "他说：“可灵”（Kling）、“可图”（Kolors）……"]


@pytest.mark.parametrize("text", PUNCTUATED)
def test_no_chinese_line_starts_with_closing_or_ends_with_opening_punctuation(text):
    tried = 0
    for width in range(len(text) // 5 + 1, len(text) + 1):
        lines = wrap(text, "zh", width, len, max_lines=5)
        if lines is None:  # an unbreakable run (（Kolors）……) wider than the line
            continue
        tried += 1
        assert "".join(lines) == text
        for line in lines:
            assert line[0] not in CLOSING, (width, lines)
            assert line[-1] not in OPENING, (width, lines)
            assert len(line) <= width
    assert tried >= len(text) // 2


def test_too_narrow_for_three_lines_is_none():
    assert wrap("快手为什么成立可灵AI事业部", "zh", 3, len) is None


@pytest.mark.parametrize("lang, title, lines", [
    ("zh", "快手为什么成立可灵AI事业部", ["快手为什么成立", "可灵AI事业部"]),
    ("zh", "组织调整", ["组织调整"]),
    ("en", "Why Kuaishou created a Kling AI Business Unit", ["Why Kuaishou created", "a Kling AI Business Unit"]),
    ("en", "The article, with our translation", ["The article,", "with our translation"]),
])
def test_the_cards_titles_are_set_as_looked_at(lang, title, lines):
    face, got = cards._fit_title(title, lang, FONTS)
    assert got == lines and face.size == cards.TYPE[lang].sizes[0]


def test_every_real_title_fits_in_three_lines_inside_the_margins():
    for lang, texts in card_texts().items():
        for title in texts[:-2]:
            face, lines = cards._fit_title(title, lang, FONTS)
            assert 1 <= len(lines) <= 3 and not lines[-1].endswith("…"), (lang, title)
            assert max(face.width(line) for line in lines) <= cards.WIDTH - 2 * cards.MARGIN


def test_a_title_too_long_for_three_lines_shrinks_then_ends_in_an_ellipsis():
    title = " ".join(["Kuaishou"] * 40)
    face, lines = cards._fit_title(title, "en", FONTS)
    assert face.size == cards.TYPE["en"].sizes[-1] and len(lines) == 3 and lines[-1].endswith("…")
    assert max(face.width(line) for line in lines) <= cards.WIDTH - 2 * cards.MARGIN
