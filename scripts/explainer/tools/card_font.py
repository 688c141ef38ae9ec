"""Remake the share cards' font subsets in fonts/ from the system's fonts (`python -m explainer card-font`).

The cards (render/cards.py) are drawn from fonts committed to the repository, so that a
build needs no font package and draws the same card everywhere. They hold only the
glyphs the cards use: every page title (the first `# ` line of docs/<lang>/*.md), each
language's site name (mkdocs.yml), the footer lines, printable ASCII, the common
punctuation of each script, and the letter each language's cap height is measured
on. When a title gains a character they lack, the build says so and names this
command; run it and commit fonts/.

Sources (Debian's packages; fonts/README.md says more):
- Chinese: Noto Sans CJK SC Bold and Regular, from fonts-noto-cjk's .ttc files (SIL OFL 1.1).
- English: DejaVu Sans Bold and Book, from fonts-dejavu-core (Bitstream Vera licence;
  DejaVu changes public domain). A CJK font sets ’ “ ” full-width; DejaVu's are proportional.

The subsets keep the fonts' names (neither reserves a name that a subset would have to
drop), their licence and copyright records, the `kern` table that the cards' layout
reads, and the original timestamps, so that the same input gives the same files.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from .. import ROOT
from ..languages import LANGS
from ..render.cards import CAP_SAMPLE, FONTS, TAGLINES, missing_glyphs
from ..sources.markdown import heading, lines
from ..typography import CHINESE_MARKS

PRINTABLE_ASCII = "".join(chr(code) for code in range(0x20, 0x7F))
LATIN_PUNCTUATION = "‘’“”–—…·•×€£°"
EXTRA = {"zh": PRINTABLE_ASCII + "".join(sorted(CHINESE_MARKS)) + "《》「」〈〉【】、。·—…",
         "en": PRINTABLE_ASCII + LATIN_PUNCTUATION}

# (family and style that fc-list knows, the usual Debian file) for each committed subset.
SYSTEM_FONTS = {
    FONTS.title["zh"]: ("Noto Sans CJK SC", "Bold", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    FONTS.text["zh"]: ("Noto Sans CJK SC", "Regular", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    FONTS.title["en"]: ("DejaVu Sans", "Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    FONTS.text["en"]: ("DejaVu Sans", "Book", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
}
PACKAGES = {"Noto Sans CJK SC": "fonts-noto-cjk", "DejaVu Sans": "fonts-dejavu-core"}


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !!python/name:) read as nothing: only plain strings are wanted here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_names(root: Path = ROOT) -> dict[str, str]:
    """Each language's site name: mkdocs.yml's site_name, or the i18n plugin's for that language."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names = {lang: config["site_name"] for lang in LANGS}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"].get("languages", []):
                if language.get("locale") in names and language.get("site_name"):
                    names[language["locale"]] = language["site_name"]
    return names


def page_title(path: Path) -> str | None:
    """The page's `# ` title: its first level-1 heading after the front matter and outside code blocks."""
    text_lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if text_lines and text_lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(text_lines)) if text_lines[i].strip() == "---"), 0)
    for _, line, code in lines(text_lines[start:]):
        if not code and (parts := heading(line)) and parts[0] == 1:
            return parts[1]
    return None


def card_texts(root: Path = ROOT) -> dict[str, list[str]]:
    """Every text a card shows, by language: the page titles, the site's name, the footer line."""
    names = site_names(root)
    texts = {}
    for lang in LANGS:
        titles = [title for page in sorted((root / "docs" / lang).glob("*.md")) if (title := page_title(page))]
        texts[lang] = [*titles, names[lang], TAGLINES[lang]]
    return texts


def system_font(family: str, style: str, usual: str) -> tuple[Path, int]:
    """The system's file of a font (fc-list first, then Debian's usual place) and its index in a collection."""
    candidates = []
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n", f"{family}:style={style}"],
                                capture_output=True, text=True, check=False).stdout.split()
        candidates += listed
    except OSError:
        pass
    candidates.append(usual)
    for file in candidates:
        path = Path(file)
        if path.exists() and (index := _face_index(path, family, style)) is not None:
            return path, index
    package = PACKAGES[family]
    raise SystemExit(f"✗ {family} {style} is not installed: `sudo apt-get install {package}`, then run this again")


def _face_index(path: Path, family: str, style: str) -> int | None:
    """Which font of a file (a .ttc holds several) is `family` in `style`."""
    from fontTools.ttLib import TTCollection, TTFont
    fonts = TTCollection(path, lazy=True).fonts if path.suffix.lower() == ".ttc" else [TTFont(path, lazy=True)]
    for index, font in enumerate(fonts):
        name = font["name"]
        if name.getDebugName(1) == family and name.getDebugName(2) in (style, "Regular" if style == "Book" else style):
            return index
    return None


def subset(source: Path, index: int, characters: str, out: Path) -> None:
    """Write the glyphs of `characters` from font `index` of `source` to `out`, for Pillow's basic layout."""
    from fontTools import subset as fontsubset
    from fontTools.ttLib import TTFont
    options = fontsubset.Options()
    options.layout_features = []  # the cards use no OpenType shaping; kerning comes from the `kern` table
    options.legacy_kern = True
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG", "FFTM"]
    options.hinting = False  # titles are drawn at 24–84 px, where outlines need no hints
    options.name_IDs = ["*"]  # keep the copyright, licence and designer records
    options.name_languages = ["*"]
    options.glyph_names = False
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(source, fontNumber=index, recalcTimestamp=False, lazy=False)
    subsetter = fontsubset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(char) for char in characters}))
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(out)


def make(root: Path = ROOT) -> list[tuple[Path, int, int]]:
    """Remake every subset; returns (file, characters, bytes) for each."""
    texts = card_texts(root)
    wanted = {lang: "".join(sorted(set("".join(texts[lang]) + EXTRA[lang] + CAP_SAMPLE[lang]) - set("\n\r\t")))
              for lang in LANGS}
    made = []
    for lang in LANGS:
        for out in FONTS.files(lang):
            family, style, usual = SYSTEM_FONTS[out]
            source, index = system_font(family, style, usual)
            subset(source, index, wanted[lang], out)
            made.append((out, len(wanted[lang]), out.stat().st_size))
    if missing := missing_glyphs(texts):
        raise SystemExit(f"✗ the system's fonts lack {missing}: the cards cannot show these characters")
    return made
