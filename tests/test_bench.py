"""make bench's verdicts on its budgets, from Lighthouse results written by hand (no Lighthouse run)."""
from explainer.tools.bench import median_run, misses, render


def run(performance: int, shift: float | None) -> dict:
    return {"scores": {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": 100},
            "layout_shift": shift}


def page(lighthouse: dict) -> dict:
    return {"name": "organization", "path": "/organization/", "html_bytes": 40000, "html_gzip": 10000,
            "first_load_gzip": 90000, "first_load": {}, "lighthouse": lighthouse}


def test_the_median_run_is_shown_with_the_largest_shift_of_any_run():
    chosen = median_run([run(100, 0.0), run(97, 0.0), run(99, 0.0012)])
    assert chosen["scores"]["performance"] == 99
    assert chosen["layout_shift"] == 0.0012
    assert [r["performance"] for r in chosen["all_runs"]] == [100, 97, 99]


def test_performance_below_98_and_any_layout_shift_are_misses():
    assert misses(page(run(98, 0.0))) == {"html_gzip": False, "first_load_gzip": False, "performance": False,
                                          "accessibility": False, "best-practices": False, "seo": False,
                                          "layout_shift": False}
    missed = misses(page(run(97, 0.00004)))
    assert missed["performance"] and missed["layout_shift"]


def test_the_report_marks_a_shift_however_small():
    data = {"when": "2026-12-02", "load_average": "0 0 0", "cores": 2, "chromium": "1", "lighthouse_version": "12.2.3",
            "search_indexes": [], "method": [], "pages": [page(median_run([run(100, 0.0), run(100, 0.00004), run(100, 0.0)]))]}
    row = next(line for line in render(data).splitlines() if line.startswith("| `/organization/`"))
    assert row.endswith("| 100 | 100 | 100 | 100 | **0.00004 ✗** |")
