"""Search: one index per language, shaped for how the theme's search box matches words.

The search box (lunr.js in Material for MkDocs) turns every word a reader types
into a prefix query, `word*`, and does not stem it; Chinese runs are first cut
into words that exist in the index. So:

- an index holds one language only, and its pages ask for their own index;
- an English index is not stemmed (a stemmed `revenu` is never matched by
  `revenue*`); instead each section carries a hidden `variants` field with the
  other forms of its words: the American spelling of British ones
  (organisational → organizational), regular inflections (challenge →
  challenges, create → created), joined compounds (start-up → startup), and
  a few synonyms readers type for words this site uses (rival → competitor);
- Chinese text arrives cut into words by jieba, glossary terms whole (see
  `glossary.jieba_user_dict`); punctuation separates words in both languages.

The module reads and writes the index JSON only; it does not import the site engine.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from .project import LANGS

INDEX = "search/search_index.json"
PREFIX = {lang: "" if lang == LANGS[0] else f"{lang}/" for lang in LANGS}  # where each language's pages live

# Where words end. U+200B is what the index puts between the words jieba finds.
SEPARATOR = {
    "zh": r"[\s\u200b\u3000\-–—、。，．？！；：“”‘’「」『』《》〈〉（）【】〔〕…·,;:!?()\[\]\"/]+",
    "en": r"[\s\-–—/()\[\]“”\"]+",
}
# Language of lunr.js's filters, and which filters run on indexed words
# (not the stemmer: see above). The trimmer strips punctuation still left at
# the ends of a word, the stop-word filter drops words such as `the` or `的`.
SEARCH_CONFIG = {lang: {"lang": [lang], "separator": SEPARATOR[lang], "pipeline": ["trimmer", "stopWordFilter"]}
                 for lang in LANGS}
# Hidden fields with the other forms of the words in a section's title and text,
# weighted as the theme weights title and text.
VARIANT_SOURCES = {"title_variants": "title", "variants": "text"}
VARIANT_FIELDS = {"title_variants": {"boost": 1e3}, "variants": {"boost": 1.0}}

# Words readers may type for a word this site uses (by its base form). A query
# matches the start of a word, so `competitors` also answers `competitor`.
SYNONYMS = {
    "rival": ("competitors",),
}

MARKUP = re.compile(r"<[^>]+>")
ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
VOWELS = "aeiou"
# British spellings → American: the suffix after the stem, and its American form.
AMERICAN = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2}[^aeiou])tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=[aeiou][a-z])ll(ed|ing|er|ers)$"), r"l\1"),
)


class SearchIndexError(Exception):
    """The built index is not what this module expects (a theme or plugin changed)."""


def american(word: str) -> str:
    """The American spelling of a British one (organisation → organization); other words unchanged."""
    for pattern, replacement in AMERICAN:
        word = pattern.sub(replacement, word)
    return word


def _bases(word: str) -> set[str]:
    """The word and what it could be an inflection of: challenges → challenge, challeng."""
    bases = {word}
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""),
                                ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            base = word[: -len(suffix)] + replacement
            bases.add(base)
            if suffix in ("ed", "ing") and base[-1] == base[-2] and base[-1] not in VOWELS + "ls":
                bases.add(base[:-1])  # planned → plan
    return bases


def _inflections(base: str) -> set[str]:
    """Regular plural, past and -ing forms of a base, and -ional of an -ion noun."""
    forms = {base}
    if base.endswith("y") and base[-2:-1] not in VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {base + "es", base + "ed", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    if base.endswith("ion"):
        forms |= {base + "al", base + "ally"}
    return forms


def _words(text: str) -> Counter[str]:
    """The lower-case words of a text without its markup, counted; a hyphenated compound also joined (start-up → startup)."""
    words: Counter[str] = Counter()
    for compound in ENGLISH_WORD.findall(MARKUP.sub(" ", text)):
        parts = compound.lower().split("-")
        words.update(parts)
        if len(parts) > 1:
            words["".join(parts)] += 1
    return words


def word_variants(word: str, vocabulary: set[str]) -> set[str]:
    """Other forms of a lower-case English word that a reader may type for it.

    Inflections count when the site uses them somewhere (the vocabulary), so a
    section that says `challenge` answers to `challenges`; American spellings and
    synonyms always count.
    """
    if len(word) < 4:
        return set()
    bases = _bases(word)
    forms = {form for base in bases for form in _inflections(base)} & vocabulary
    forms |= {synonym for base in bases for synonym in SYNONYMS.get(base, ())}
    forms |= {american(form) for form in forms | {word}}
    return forms - {word}


def english_variants(text: str, vocabulary: set[str]) -> str:
    """A hidden field for a text: the forms of its words that the text itself does not match.

    Each form appears as often as the words it stands for, so that it ranks
    like them. A query matches a word it is a prefix of, so a form is left out
    when a word of the text, or another form, already starts with it.
    """
    words = _words(text)
    counts: Counter[str] = Counter()
    for word, count in words.items():
        for form in word_variants(word, vocabulary) - words.keys():
            counts[form] += count
    ordered = sorted(counts.keys() | words.keys())
    # Sorted, a word that is a prefix of others comes right before one of them.
    covered = {a for a, b in zip(ordered, ordered[1:]) if b.startswith(a)}
    return " ".join(form for form in sorted(counts.keys() - covered) for _ in range(counts[form]))


def language_of(location: str) -> str:
    """The language of an index entry, from where its page lives."""
    return max((lang for lang in LANGS if location.startswith(PREFIX[lang])), key=lambda lang: len(PREFIX[lang]))


def split_index(index: dict) -> dict[str, dict]:
    """Per-language indexes from the one index the build writes for all languages.

    Locations stay relative to the site root, where the theme resolves them.
    """
    if not isinstance(index, dict) or not isinstance(index.get("docs"), list) or "config" not in index:
        raise SearchIndexError("the search index has no `config` and `docs`")
    indexes = {}
    for lang in LANGS:
        config = {**index["config"], **SEARCH_CONFIG[lang]}
        docs = [dict(doc) for doc in index["docs"] if language_of(doc["location"]) == lang]
        if lang == "en":
            config["fields"] = {**config["fields"], **VARIANT_FIELDS}
            vocabulary = set().union(*(_words(f"{doc['title']} {doc['text']}").keys() for doc in docs))
            for doc in docs:
                for field, source in VARIANT_SOURCES.items():
                    variants = english_variants(doc[source], vocabulary)
                    if variants:
                        doc[field] = variants
        indexes[lang] = {"config": config, "docs": docs}
    return indexes


def index_path(site_dir: Path, lang: str) -> Path:
    """Where a language's index is served: search/search_index.json below that language's root."""
    return site_dir / PREFIX[lang] / INDEX


def write_language_indexes(site_dir: Path) -> dict[str, Path] | None:
    """Replace the built all-language index with one index per language.

    The build writes the index more than once (once per language, then merged);
    only the merged one, with entries of every language, is split. Returns the
    files written, or None when the index on disk is not the merged one yet.
    """
    source = site_dir / INDEX
    index = json.loads(source.read_text(encoding="utf-8"))
    if not {language_of(doc["location"]) for doc in index.get("docs", [])} >= set(LANGS):
        return None
    written = {}
    for lang, data in split_index(index).items():
        path = index_path(site_dir, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[lang] = path
    return written
