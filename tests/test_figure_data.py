"""The open figures (figures.csv, figures.json): they say what seeds/figures.yml says, and where to find each.

The oracle is seeds/figures.yml read with plain PyYAML (not the site's loader), the seed as
received, and the published addresses of the article pages.
"""
import csv
import json

import pytest
import yaml

from explainer import ROOT
from tests.conftest import SITE, site_url

SOURCE = yaml.safe_load((ROOT / "seeds" / "figures.yml").read_text(encoding="utf-8"))
SEED = (ROOT / "seeds" / "kuaishou-kling-ai-business-unit.zh.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def files():
    table = list(csv.DictReader((SITE / "figures.csv").open(encoding="utf-8")))
    data = json.loads((SITE / "figures.json").read_text(encoding="utf-8"))
    return table, data


def test_one_row_per_figure_in_the_file_s_order(files):
    table, data = files
    assert [row["id"] for row in table] == [entry["id"] for entry in SOURCE] == [f["id"] for f in data["figures"]]


def test_each_row_says_what_the_figures_file_says(files):
    table, data = files
    for row, entry, record in zip(table, SOURCE, data["figures"]):
        assert row["value"] == str(entry["value"]) == str(record["value"])
        for lang in ("zh", "en"):
            assert row[f"label_{lang}"] == entry["label"][lang]
            assert row[f"period_{lang}"] == str((entry.get("period") or {}).get(lang, ""))
            assert row[f"inferred_{lang}"] == (entry.get("inferred") or {}).get(lang, "")
        assert row["words_zh"] == entry["zh"] and row["words_zh"] in SEED
        assert row["words_en"] == entry.get("translation", entry["en"])
        number = int(entry["source"].lstrip("p"))
        assert row["paragraph"] == str(number)
        assert row["address_zh"] == f"{site_url()}article/#{entry['source']}"
        assert row["address_en"] == f"{site_url()}en/article/#{entry['source']}"
        assert {key: str(value) for key, value in record.items()} == row


@pytest.mark.parametrize("figure_id, unit", [("kling-revenue", "CNY"), ("market-value", "HKD"),
                                             ("kling-overseas-share", "fraction"), ("unit-founded", "date")])
def test_units(files, figure_id, unit):
    table, _ = files
    assert next(row for row in table if row["id"] == figure_id)["unit"] == unit


@pytest.mark.parametrize("lang, page", [("zh", "revenue"), ("en", "revenue"), ("zh", "about"), ("en", "about")])
def test_linked_with_their_licence(built, lang, page):
    note = built(lang, page).select_one("p.figure-data")
    links = [a["href"].rsplit("/", 1)[-1] for a in note.select("a[download]")]
    assert links == ["figures.csv", "figures.json"]
    assert "CC BY 4.0" in note.get_text()
