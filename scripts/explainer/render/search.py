"""Search: one index per language, shaped for how the theme's search box matches words.

The search box (lunr.js in Material for MkDocs) turns every word a reader types
into a prefix query, `word*`, and does not stem it; a run of Chinese characters
is first cut into words that exist in the index. So:

- an index holds one language only, and that language's pages load it;
- words are not stemmed (a stemmed `revenu` is never matched by `revenue*`);
  instead each English section carries hidden fields with the other forms of
  its words: the American spelling of British ones (organisational →
  organizational), the inflections the site uses elsewhere (challenge →
  challenges), joined compounds (start-up → startup) and a few synonyms
  (rival → competitors);
- a glossary name made only of short or common words (`To B`, `All in`) is
  also indexed joined (`tob`), in both languages, with a high weight: its words
  alone (`to*`, `b*`) match half the site;
- Chinese text arrives cut into words by jieba, glossary terms whole (see
  `jieba_user_dict`); punctuation separates words in both languages.
  The search box cuts a Chinese query into the longest words the index knows,
  but tries only parts shorter than the whole query: so the index also knows
  each glossary term without its last character (第二增长曲), which keeps a
  query for the term (第二增长曲线) in one piece instead of 第二 + 增长.
  A number stays one word with its unit (4月30日, 1亿元, 2200万): jieba
  splits them, and the search box would then find nothing for `4月` or `1亿`.

The module reads and writes the index JSON only; it does not import the site engine.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ..languages import LANGS, URL_PREFIX as PREFIX
from ..sources.glossary import Glossary

INDEX = "search/search_index.json"

# Where words end, in both languages (the English article page quotes the Chinese
# original): spaces, U+200B (which the index puts between the words jieba finds),
# punctuation, and paragraph labels such as ¶29 that sit right before a word.
SEPARATOR = r"(?:[\s\u200b\u3000\-–—/、。，．？！；：“”‘’「」『』《》〈〉（）【】〔〕…·,;:!?()\[\]\"]|¶\d*)+"
# lunr.js's language filters, and which of them run on indexed words: not the
# stemmer (see above); the trimmer strips what punctuation is left at the ends of
# a word, the stop-word filter drops words such as `the` or `的`.
SEARCH_CONFIG = {lang: {"lang": [lang], "separator": SEPARATOR, "pipeline": ["trimmer", "stopWordFilter"]}
                 for lang in LANGS}
# Hidden fields: the other forms of the words in a section's title and text, a
# tenth of the weight the theme gives title (1000) and text (1), so that a word
# the section contains ranks above a form it does not; joined names; and the
# cut glossary terms, there only for the query cutter, with next to no weight.
VARIANT_SOURCES = {"title_variants": "title", "variants": "text"}
HIDDEN_FIELDS = {"title_variants": {"boost": 100.0}, "variants": {"boost": 0.1}, "joined_names": {"boost": 1e4},
                 "term_stems": {"boost": 1e-3}}
# Words too short or too common to find anything alone (lunr.js's English stop
# words among them), which is why a name made of them is indexed joined.
WEAK_WORDS = {"a", "all", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}

# Pages that rank below the others: the page about the site itself mentions
# terms only as examples (`3D Attention` in its notes on translation).
PAGE_BOOST = {"about": 0.5}

# Words readers may type for a word this site uses (by its base form). A query
# matches the start of a word, so `competitors` also answers `competitor`.
SYNONYMS = {
    "rival": ("competitors",),
}

MARKUP = re.compile(r"<[^>]+>")
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
PARAGRAPH_LABEL = re.compile(r"(¶\d+)(?=[^\s\d<\u200b])")  # ¶13 right before the paragraph's first word
# Where the index cuts a number from its Chinese unit, or a date after 年/月 (both by U+200B).
NUMBER_UNIT = re.compile(r"(?<=\d)\u200b(?=[年月日号时亿万千百元段个倍名次季])|(?<=[年月])\u200b(?=\d)")
ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
VOWELS = "aeiou"
# British spellings → American: the ending after the stem, and its American form.
AMERICAN = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2}[^aeiou])tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{2})ell(ed|ing|er|ers)$"), r"el\1"),
)
# Words spelt -ise in American English too, by the part before -is(e).
SAME_IN_AMERICAN = {"advert", "chast", "compr", "comprom", "conc", "dem", "desp", "dev", "disgu", "enterpr",
                    "exerc", "expert", "franch", "improv", "merchand", "otherw", "prec", "prem", "prom", "pra",
                    "rev", "superv", "surm", "surpr", "telev", "treat", "parad", "cru", "nois", "pois"}


class SearchIndexError(Exception):
    """The built index is not what this module expects (a theme or plugin changed)."""


def american(word: str) -> str:
    """The American spelling of a British one (organisation → organization); other words unchanged."""
    if re.sub(r"is(e|es|ed|ing|er|ers)$", "", word) in SAME_IN_AMERICAN:
        return word
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
    section that says `challenge` answers to `challenges`, and so does the word
    without a prefix re-; American spellings and synonyms always count.
    """
    if len(word) < 4:
        return set()
    bases = _bases(word)
    if re.match(r"re[aeiou]", word) and word[2:] in vocabulary and len(word) >= 7:
        bases |= _bases(word[2:])  # re- before a vowel is the prefix: reorganisation → organisation
    forms = {form for base in bases for form in _inflections(base)} & vocabulary
    forms |= {synonym for base in bases for synonym in SYNONYMS.get(base, ())}
    forms |= {american(form) for form in forms | {word}}
    return forms - {word}


def joined(name: str) -> str:
    """The one-word index form of a name of several words: `To B` → `tob`."""
    return re.sub(r"[\s\-]+", "", name).lower()


def hidden_variants(text: str, vocabulary: set[str]) -> str:
    """A hidden field for an English text: forms of its words that the text itself does not match.

    Each form appears as often as the words it stands for, so that it ranks like
    them. A query matches a word it is a prefix of, so a form is left out when a
    word of the text, or another form, already starts with it.
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


def joined_names(text: str, names: tuple[str, ...]) -> str:
    """A hidden field: the joined form of each name in the text, as often as the name occurs."""
    plain = MARKUP.sub(" ", text)
    return " ".join(joined(name) for name in names
                    for _ in re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", plain, re.IGNORECASE))


def weak_names(glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """Per language, the glossary names of several words that are all short or common (`To B`, `All in`)."""
    return {lang: tuple(sorted({form for term in glossary.terms for form in term.forms[lang]
                                if len(words := re.split(r"[\s\-]+", form.lower())) > 1
                                and all(len(word) <= 2 or word in WEAK_WORDS for word in words)}))
            for lang in LANGS}


def term_stems(tokens: set[str], terms: set[str]) -> str:
    """A hidden field: each Chinese glossary term of three characters or more among the tokens, less its last one."""
    return " ".join(sorted(term[:-1] for term in terms & tokens if len(term) >= 3))


def language_of(location: str) -> str:
    """The language of an index entry, from where its page lives."""
    return max((lang for lang in LANGS if location.startswith(PREFIX[lang])), key=lambda lang: len(PREFIX[lang]))


def split_index(index: dict, glossary: Glossary) -> dict[str, dict]:
    """Per-language indexes from the one index the build writes for all languages.

    Locations stay relative to the site root, where the theme resolves them.
    """
    if not isinstance(index, dict) or not isinstance(index.get("docs"), list) or "config" not in index:
        raise SearchIndexError("the search index has no `config` and `docs`")
    names = weak_names(glossary)
    chinese_terms = chinese_term_words(glossary)
    separator = re.compile(SEPARATOR)
    indexes = {}
    for lang in LANGS:
        config = {**index["config"], **SEARCH_CONFIG[lang]}
        config["fields"] = {**config["fields"], **HIDDEN_FIELDS}
        docs = [{**doc, "title": NUMBER_UNIT.sub("", doc["title"]),
                 "text": NUMBER_UNIT.sub("", PARAGRAPH_LABEL.sub(r"\1 ", doc["text"]))}
                for doc in index["docs"] if language_of(doc["location"]) == lang]
        vocabulary = set().union(*(_words(f"{doc['title']} {doc['text']}").keys() for doc in docs))
        for doc in docs:
            whole = f"{doc['title']} {doc['text']}"
            hidden = {"joined_names": joined_names(whole, names[lang])}
            if lang == "en":  # the Chinese pages' Latin words are names
                hidden |= {field: hidden_variants(doc[source], vocabulary) for field, source in VARIANT_SOURCES.items()}
            else:
                hidden["term_stems"] = term_stems(set(separator.split(MARKUP.sub(" ", whole))), chinese_terms)
            doc.update({field: value for field, value in hidden.items() if value})
            page = doc["location"].removeprefix(PREFIX[lang]).split("/")[0]
            if page in PAGE_BOOST:
                doc["boost"] = PAGE_BOOST[page]
        indexes[lang] = {"config": config, "docs": docs}
    return indexes


def index_path(site_dir: Path, lang: str) -> Path:
    """Where a language's index is served: search/search_index.json below that language's root."""
    return site_dir / PREFIX[lang] / INDEX


def write_language_indexes(site_dir: Path, glossary: Glossary) -> dict[str, Path] | None:
    """Replace the built all-language index with one index per language.

    The build writes the index more than once (once per language, then merged);
    only the merged one, with entries of every language, is split. Returns the
    files written, or None when the index on disk is not the merged one yet.
    """
    source = site_dir / INDEX
    if not source.exists():  # the search plugin is off
        return None
    index = json.loads(source.read_text(encoding="utf-8"))
    if not {language_of(doc["location"]) for doc in index.get("docs", [])} >= set(LANGS):
        return None
    written = {}
    for lang, data in split_index(index, glossary).items():
        path = index_path(site_dir, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[lang] = path
    return written


def jieba_user_dict(glossary: Glossary) -> str:
    """A jieba user dictionary that keeps every glossary term one search word.

    The search index runs jieba on each run of Han characters alone (Latin letters
    split them), so the dictionary lists those runs: 可灵AI事业部 → 可灵, 事业部.
    """
    return "".join(f"{word} 100000 nz\n" for word in sorted(chinese_term_words(glossary)))


def chinese_term_words(glossary: Glossary) -> set[str]:
    """The runs of Han characters in the glossary's Chinese forms: the words search must keep whole."""
    return {run for term in glossary.terms for form in term.forms["zh"] for run in HAN_RUN.findall(form)}
