"""Share cards: the 1200×630 PNG each page names as its og:image, drawn at build time.

A card shows the site's mark and name, the page's title in its own language, and a
footer line. Everything is drawn with Pillow from the font subsets committed in fonts/
(see fonts/README.md; `python -m explainer card-font` remakes them), so no font package
is needed and a card is the same on every machine:

- Text is laid out by this module, glyph by glyph, with Pillow's basic layout and the
  font's own kerning pairs (its `kern` table), never by Raqm, which a Pillow wheel only
  offers where libfribidi happens to be installed.
- The PNG carries no time or text chunks and is written at one fixed compression level;
  the same inputs give the same bytes.
- `write_cards` keeps every card it draws in build/cards/ under the hash of what went
  into it (its text, language, the font files, Pillow's version and `VERSION`), so a card
  is drawn again only when one of those changes.

Titles wrap to at most three lines, balanced rather than greedy. Chinese may break
between any two Han characters, never before closing punctuation nor after opening
punctuation, and prefers word boundaries (jieba's); English breaks at spaces. When
three lines at the largest size are not enough, the type shrinks.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Callable, Iterable, Mapping

import PIL
from PIL import Image, ImageDraw, ImageFont

from .. import ROOT

VERSION = 1  # raise it whenever a change here changes how cards look: every cached card is drawn again
WIDTH, HEIGHT = 1200, 630
FONT_DIR = ROOT / "fonts"

# The footer line of each language's cards (no address: a card must not go stale when the site moves).
# Chinese sets its 间隔号 · without spaces: the CJK font's · is full-width, its own space included.
TAGLINES = {"zh": "高恒原文·中英双语解读", "en": "Gao Heng’s article, in Chinese and English"}

# Material's indigo and the colours drawn on white; each text colour passes WCAG AA (≥ 4.5:1) on PAPER.
PAPER = (255, 255, 255)
INDIGO = (63, 81, 181)  # #3f51b5, the mark and the site's name: 6.9:1
INK = (26, 29, 51)  # #1a1d33, the title: 16.6:1
MUTED = (84, 89, 110)  # #54596e, the footer line: 6.9:1
RULE = (221, 224, 236)  # #dde0ec, the hairline above the footer (not text)
TEXT_COLOURS = {"site name": INDIGO, "title": INK, "footer": MUTED}

MARGIN = 80  # left and right
TOP = 64  # the mark's distance from the top
MARK = 60  # the mark's side
BAND = 14  # the indigo band along the bottom edge
FOOTER_RULE_Y = 508  # the hairline; the footer line sits between it and the band
TITLE_TOP, TITLE_BOTTOM = 164, 468  # the title is centred (cap height to last baseline) in this band
MAX_LINES = 3
# What each language's cap height is measured on, to centre lines optically (fonts/ must have them).
CAP_SAMPLE = {"zh": "国", "en": "H"}


@dataclass(frozen=True)
class Type:
    """How one language sets its title: sizes tried from the largest down, and the line height."""
    sizes: tuple[int, ...]
    leading: float  # baseline to baseline, in ems
    tracking: float  # added between the title's letters, in ems (display type set a little tighter)
    site_size: int
    footer_size: int


TYPE = {
    "zh": Type(sizes=tuple(range(84, 51, -4)), leading=1.32, tracking=0, site_size=30, footer_size=25),
    "en": Type(sizes=tuple(range(72, 43, -4)), leading=1.2, tracking=-0.015, site_size=28, footer_size=24),
}


@dataclass(frozen=True)
class Fonts:
    """The font files of each language's cards: a bold one for the title, a regular one for the rest."""
    title: Mapping[str, Path]
    text: Mapping[str, Path]

    def files(self, lang: str | None = None) -> list[Path]:
        """The distinct files, of one language or of all, in a fixed order."""
        langs = [lang] if lang else sorted(self.title)
        return sorted({path for lang in langs for path in (self.title[lang], self.text[lang])})


# The committed subsets (fonts/README.md): Noto Sans CJK SC for Chinese, DejaVu Sans for English,
# whose ’ “ ” are proportional where a CJK font sets them full-width.
FONTS = Fonts(
    title={"zh": FONT_DIR / "NotoSansCJKsc-Bold.subset.otf", "en": FONT_DIR / "DejaVuSans-Bold.subset.ttf"},
    text={"zh": FONT_DIR / "NotoSansCJKsc-Regular.subset.otf", "en": FONT_DIR / "DejaVuSans.subset.ttf"},
)


# --- glyph coverage -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _cmap(path: Path, stamp: tuple) -> frozenset[int]:
    from fontTools.ttLib import TTFont
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def characters(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for."""
    stat = path.stat()
    return _cmap(path, (stat.st_mtime_ns, stat.st_size))


def missing_glyphs(texts_by_lang: Mapping[str, Iterable[str]], fonts: Fonts = FONTS) -> dict[str, set[str]]:
    """For each language, the characters of its texts that its card fonts lack; languages lacking none are left out."""
    missing = {}
    for lang, texts in texts_by_lang.items():
        wanted = {char for text in texts for char in text if char not in "\n\r\t"}
        have = frozenset.intersection(*(characters(path) for path in fonts.files(lang)))
        if lacking := {char for char in wanted if ord(char) not in have}:
            missing[lang] = lacking
    return missing


def missing_glyphs_message(missing: Mapping[str, set[str]]) -> str:
    """What the build says when a card would need a glyph the committed fonts lack, and how to fix it."""
    parts = [f"{lang}: {' '.join(sorted(chars))} ({', '.join(f'U+{ord(c):04X}' for c in sorted(chars))})"
             for lang, chars in sorted(missing.items())]
    return ("the share cards' fonts in fonts/ lack " + "; ".join(parts) +
            ". fix: run `make card-font` (it reads every card's text and remakes the subsets from the "
            "system's Noto Sans CJK and DejaVu Sans), then commit fonts/")


# --- line breaking --------------------------------------------------------------------------

HAN = re.compile(r"[\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Chinese line-breaking rules (禁则): no line starts with a closing mark, none ends with an opening one.
NO_LINE_START = set("，。、：；？！）］｝〕〉》」』】〗〙”’…—·%‰℃,.:;?!)]}")
NO_LINE_END = set("（［｛〔〈《「『【〖〘“‘([{")
WIDE = set("，。、：；？！（）［］｛｝〔〕〈〉《》「」『』【】〖〗〘〙“”‘’…—·\u3000")
# Words an English line should not end on: the reader's eye expects the word they introduce.
CLAUSE_ENDS = set(",;:，；：、—")  # a line ending on one of these ends where the reader pauses anyway
FUNCTION_WORDS = {"a", "an", "the", "of", "to", "and", "or", "in", "on", "at", "by", "for", "with", "from", "as"}


@dataclass(frozen=True)
class Atom:
    """An unbreakable piece of a title; `space` is whether a space stood before it (dropped at a line's start)."""
    text: str
    space: bool
    start: int  # its offset in the title, to compare with word boundaries


def _wide(char: str) -> bool:
    return bool(HAN.match(char)) or char in WIDE


def may_break(before: str, after: str) -> bool:
    """Whether a Chinese line may end after `before` and the next start with `after` (no space between)."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before == after and before in "…—":  # …… and —— are one mark
        return False
    return _wide(before) or _wide(after)  # never inside a run of Latin letters and digits (AI, 2200, Q3)


def atoms(text: str, lang: str) -> list[Atom]:
    """The title cut where a line may end: at spaces, and in Chinese also where `may_break` allows."""
    out: list[Atom] = []
    current, start, space = "", 0, False
    for index, char in enumerate(text):
        if char == " ":
            if current:
                out.append(Atom(current, space, start))
            current, space = "", True
            continue
        if current and lang == "zh" and may_break(current[-1], char):
            out.append(Atom(current, space, start))
            current, space = "", False
        if not current:
            start = index
        current += char
    if current:
        out.append(Atom(current, space, start))
    return out


def _join(pieces: list[Atom]) -> str:
    return "".join((" " if atom.space and i else "") + atom.text for i, atom in enumerate(pieces))


def _jieba_cache_folder() -> Path:
    """build/, not the shared /tmp/jieba.cache, which another user's build may own (then jieba cannot write it)."""
    folder = ROOT / "build"
    folder.mkdir(exist_ok=True)
    return folder


@lru_cache(maxsize=1)
def _tokenizer():
    """A jieba tokenizer of its own: the build's search index loads a user dictionary into jieba's global one."""
    import logging

    import jieba
    level = jieba.default_logger.level
    jieba.default_logger.setLevel(logging.WARNING)  # not "Building prefix dict…" on every build
    try:
        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = str(_jieba_cache_folder())
        tokenizer.initialize()
    finally:
        jieba.default_logger.setLevel(level)
    return tokenizer


def word_boundaries(text: str, lang: str) -> set[int]:
    """Offsets in `text` between two words: jieba's words in Chinese, spaces in English."""
    if lang != "zh":
        return {i for i, char in enumerate(text) if char == " "} | {i + 1 for i, char in enumerate(text) if char == " "}
    offsets, position = set(), 0
    for word in _tokenizer().lcut(text, HMM=False):
        position += len(word)
        offsets.add(position)
    return offsets


def wrap(text: str, lang: str, width: float, measure: Callable[[str], float],
         max_lines: int = MAX_LINES) -> list[str] | None:
    """The title in the fewest lines (at most `max_lines`) no wider than `width`, or None if it cannot fit.

    Among the breakings with that many lines it takes the most balanced one (the widest line
    as narrow as it can be), nudged towards breaking after a comma and away from breaking
    inside a Chinese word or ending an English line on "a", "the", "of" and the like.
    """
    pieces = atoms(text.strip(), lang)
    if not pieces:
        return [""]
    widths: dict[tuple[int, int], float] = {}

    def line_width(i: int, j: int) -> float:
        if (i, j) not in widths:
            widths[i, j] = measure(_join(pieces[i:j]))
        return widths[i, j]

    if line_width(0, len(pieces)) <= width:
        return [_join(pieces)]
    if line_width(0, len(pieces)) > 1.1 * max_lines * width:  # 1.1: the spaces dropped at breaks
        return None  # no breaking can fit, and trying them all would take long
    boundaries = None
    for lines in range(2, max_lines + 1):
        best, best_score = None, None
        for cuts in combinations(range(1, len(pieces)), lines - 1):
            bounds = (0, *cuts, len(pieces))
            spans = list(zip(bounds, bounds[1:]))
            line_widths = []
            for i, j in spans:  # stop at the first line too wide
                line_widths.append(line_width(i, j))
                if line_widths[-1] > width:
                    break
            if line_widths[-1] > width:
                continue
            if boundaries is None:
                boundaries = word_boundaries(text.strip(), lang)
            score = max(line_widths) / width + 0.01 * sum((max(line_widths) - w) / width for w in line_widths)
            for cut in cuts:
                if lang == "zh" and pieces[cut].start not in boundaries:
                    score += 0.12  # inside a word: 可灵AI事 / 业部
                if lang == "en" and pieces[cut - 1].text.lower() in FUNCTION_WORDS:
                    score += 0.12  # "… created a / Kling …"
                if pieces[cut - 1].text[-1] in CLAUSE_ENDS:
                    score -= 0.08  # "The article, / with our translation"
            if best_score is None or score < best_score:
                best, best_score = spans, score
        if best:
            return [_join(pieces[i:j]) for i, j in best]
    return None


# --- drawing --------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=None)
def _kerning(path: Path) -> tuple[dict[tuple[int, int], int], int]:
    """The font's kerning pairs by code point (from its `kern` table) and its units per em."""
    from fontTools.ttLib import TTFont
    with TTFont(path) as font:
        upem = font["head"].unitsPerEm
        if "kern" not in font:
            return {}, upem
        by_name: dict[str, list[int]] = {}
        for code, name in font.getBestCmap().items():
            by_name.setdefault(name, []).append(code)
        pairs = {}
        for table in font["kern"].kernTables:
            for (left, right), value in table.kernTable.items():
                for a in by_name.get(left, ()):
                    for b in by_name.get(right, ()):
                        pairs[a, b] = value
        return pairs, upem


# Full-width marks whose glyph fills one half of its em, the other half blank (in a Simplified
# Chinese font): where two meet, or an opening one starts a line, half an em is taken out (标点挤压).
CLOSING_HALF = set("，。、）］｝〕〉》」』】〗〙”’")
OPENING_HALF = set("（［｛〔〈《「『【〖〘“‘")


class Face:
    """One font at one size, laid out glyph by glyph: Pillow's advances plus the font's kerning.

    With `cjk`, adjacent full-width punctuation is set as Chinese typesetting sets it: `”）`
    and `）（` lose the blank half between them, and a line starting with `（` or `“` starts
    at its mark, not half an em to the right of the margin.
    """

    def __init__(self, path: Path, size: int, tracking: float = 0, cjk: bool = False):
        self.font, self.size, self.tracking, self.cjk = _font(path, size), size, tracking * size, cjk
        pairs, upem = _kerning(path)
        self.pairs, self.scale = pairs, size / upem
        self.advances: dict[str, float] = {}

    def positions(self, text: str) -> tuple[list[float], float]:
        """The x of each character and the width of the whole text."""
        xs, x, previous = [], 0.0, None
        half = self.size / 2
        for char in text:
            if previous is None:
                if self.cjk and char in OPENING_HALF:
                    x -= half
            else:
                x += self.pairs.get((ord(previous), ord(char)), 0) * self.scale + self.tracking
                if self.cjk and previous in CLOSING_HALF and char in CLOSING_HALF | OPENING_HALF:
                    x -= half  # ”） and ）（: the first's blank half goes
                elif self.cjk and previous in OPENING_HALF and char in OPENING_HALF:
                    x -= half  # （“: the second's blank half goes
            xs.append(x)
            if char not in self.advances:
                self.advances[char] = self.font.getlength(char)
            x += self.advances[char]
            previous = char
        return xs, x

    def width(self, text: str) -> float:
        return self.positions(text)[1]

    def top(self, sample: str) -> float:
        """How far above the baseline the ink of `sample` reaches (its cap height, for H or 国)."""
        return -self.font.getbbox(sample, anchor="ls")[1]

    def draw(self, draw: ImageDraw.ImageDraw, x: float, baseline: float, text: str, fill) -> None:
        xs, _ = self.positions(text)
        for char, dx in zip(text, xs):
            if char != " ":
                draw.text((x + dx, baseline), char, font=self.font, fill=fill, anchor="ls")


def _mark(side: int) -> Image.Image:
    """docs/assets/favicon.svg with Pillow shapes: an indigo rounded square, a white play triangle.

    Drawn at 8× and reduced, for smooth edges (Pillow's shapes are not anti-aliased).
    """
    scale = 8
    unit = side * scale / 32  # the SVG's viewBox is 32 × 32
    big = Image.new("RGB", (side * scale, side * scale), PAPER)
    shapes = ImageDraw.Draw(big)
    shapes.rounded_rectangle((0, 0, side * scale - 1, side * scale - 1), radius=round(7 * unit), fill=INDIGO)
    shapes.polygon([(12 * unit, 9.5 * unit), (12 * unit, 22.5 * unit), (23 * unit, 16 * unit)], fill=PAPER)
    return big.resize((side, side), Image.Resampling.BOX)


def _fit_title(title: str, lang: str, fonts: Fonts) -> tuple[Face, list[str]]:
    """The largest size at which the title fits in three lines, and its lines."""
    width = WIDTH - 2 * MARGIN
    kind = TYPE[lang]
    for size in kind.sizes:
        face = Face(fonts.title[lang], size, kind.tracking, cjk=lang == "zh")
        lines = wrap(title, lang, width, face.width)
        if lines is not None:
            return face, lines
    face = Face(fonts.title[lang], kind.sizes[-1], kind.tracking, cjk=lang == "zh")
    return face, _truncate(title, lang, width, face)


def _truncate(title: str, lang: str, width: float, face: Face) -> list[str]:
    """A title too long even at the smallest size: greedy lines, the third cut short with an ellipsis."""
    lines, line = [], ""
    for atom in atoms(title, lang):
        candidate = line + (" " if atom.space and line else "") + atom.text
        if line and face.width(candidate) > width:
            lines.append(line)
            line = atom.text
        else:
            line = candidate
    lines.append(line)
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        last = lines[-1]
        while last and face.width(last + "…") > width:
            last = last[:-1].rstrip()
        words = last.split(" ")
        if len(words) > 1 and words[-1].lower() in FUNCTION_WORDS:  # not "… calls a…"
            last = " ".join(words[:-1])
        lines[-1] = last.rstrip(" ,;:，；：、") + "…"
    return lines


def draw_card(title: str, site_name: str, lang: str, fonts: Fonts = FONTS) -> bytes:
    """The card of one page as PNG bytes: the mark and site name, the title, the footer line."""
    kind = TYPE[lang]
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    cap = CAP_SAMPLE[lang]

    # The mark, and the site's name beside it, centred on the mark's middle by cap height.
    image.paste(_mark(MARK), (MARGIN, TOP))
    site = Face(fonts.text[lang], kind.site_size)
    middle = TOP + MARK / 2
    site.draw(draw, MARGIN + MARK + 22, middle + site.top(cap) / 2, site_name, INDIGO)

    # The title, its block centred optically (first line's cap height to last baseline).
    face, lines = _fit_title(title, lang, fonts)
    leading = face.size * kind.leading
    block = face.top(cap) + leading * (len(lines) - 1)
    baseline = (TITLE_TOP + TITLE_BOTTOM) / 2 - block / 2 + face.top(cap)
    for line in lines:
        face.draw(draw, MARGIN, round(baseline), line, INK)
        baseline += leading

    # The footer: a hairline, the tagline, and the indigo band along the bottom edge.
    draw.rectangle((MARGIN, FOOTER_RULE_Y, WIDTH - MARGIN - 1, FOOTER_RULE_Y + 1), fill=RULE)
    footer = Face(fonts.text[lang], kind.footer_size)
    footer_middle = (FOOTER_RULE_Y + 2 + HEIGHT - BAND) / 2
    footer.draw(draw, MARGIN, round(footer_middle + footer.top(cap) / 2), TAGLINES[lang], MUTED)
    draw.rectangle((0, HEIGHT - BAND, WIDTH - 1, HEIGHT - 1), fill=INDIGO)

    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=9)  # Pillow writes no tIME or text chunks unless asked
    return out.getvalue()


# --- the cache ------------------------------------------------------------------------------

def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def card_key(title: str, site_name: str, lang: str, fonts: Fonts = FONTS,
             font_hashes: Mapping[Path, str] | None = None) -> str:
    """The hash of everything a card is drawn from: its name in the cache."""
    hashes = font_hashes or {path: _file_hash(path) for path in fonts.files(lang)}
    recipe = {"version": VERSION, "pillow": PIL.__version__, "title": title, "site": site_name, "lang": lang,
              "tagline": TAGLINES[lang], "fonts": [hashes[path] for path in fonts.files(lang)]}
    return hashlib.sha256(json.dumps(recipe, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def write_cards(cards: list[tuple[str, str, str, Path]], cache: Path, fonts: Fonts = FONTS) -> list[Path]:
    """Each (title, site name, lang, destination) as a PNG at its destination, drawn only if `cache` lacks it.

    Returns the destinations, in order.
    """
    cache.mkdir(parents=True, exist_ok=True)
    hashes = {path: _file_hash(path) for path in fonts.files()}
    written = []
    for title, site_name, lang, destination in cards:
        cached = cache / f"{card_key(title, site_name, lang, fonts, hashes)}.png"
        if not cached.exists():
            partial = cached.with_name(f"{cached.stem}.{os.getpid()}.tmp")
            partial.write_bytes(draw_card(title, site_name, lang, fonts))
            partial.replace(cached)  # whole or not at all, even with two builds at once
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, destination)
        written.append(destination)
    return written
