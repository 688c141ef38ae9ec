"""Open figures: every figure the site shows, as figures.csv and figures.json, for anyone to reuse.

Made from seeds/figures.yml and the article, one row per figure: its value and unit, its
period, its label in both languages, the article's words it comes from (and our
translation's), the paragraph and that paragraph's address on both article pages, and
what, if anything, the site infers. The licence (seeds/strings.yml: figure_data_licence) is
stated in the JSON file and beside the links, which `{{ figure-data }}` puts on a page.
"""
from __future__ import annotations

import csv
import io
import json

from ..languages import LANGS, page_url
from ..sources.figures import Figure
from ..sources.project import Project
from ..sources.seed import paragraph_number

FILES = ("figures.csv", "figures.json")
LICENCE = "CC BY 4.0"
COLUMNS = ("id", "value", "unit", "period_zh", "period_en", "label_zh", "label_en", "words_zh", "words_en",
           "paragraph", "address_zh", "address_en", "inferred_zh", "inferred_en")


def unit(figure: Figure) -> str:
    """What the value counts: CNY or HKD for money, a share as a fraction of one, and so on."""
    if figure.kind == "money":
        return "HKD" if "港元" in figure.text["zh"] else "CNY"
    return {"share": "fraction", "count": "count", "multiple": "times", "rank": "rank", "date": "date"}[figure.kind]


def rows(project: Project, site_url: str) -> list[dict]:
    out = []
    for figure in project.figures.values():
        row = {"id": figure.id, "value": figure.value, "unit": unit(figure),
               "paragraph": paragraph_number(figure.source),
               "words_zh": figure.text["zh"], "words_en": figure.in_translation}
        for lang in LANGS:
            row[f"period_{lang}"] = (figure.period or {}).get(lang, "")
            row[f"label_{lang}"] = figure.label[lang]
            row[f"address_{lang}"] = f"{site_url}{page_url(lang, 'article')}#{figure.source}"
            row[f"inferred_{lang}"] = (figure.inferred or {}).get(lang, "")
        out.append({column: row[column] for column in COLUMNS})
    return out


def figures_csv(project: Project, site_url: str) -> str:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(project, site_url))
    return text.getvalue()


def figures_json(project: Project, site_url: str) -> str:
    licence = {lang: project.strings["figure_data_licence"][lang] for lang in LANGS}
    data = {"licence": LICENCE, "attribution": licence, "columns": list(COLUMNS),
            "figures": rows(project, site_url)}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
