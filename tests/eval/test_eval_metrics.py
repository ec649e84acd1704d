"""Rates, bootstrap intervals, percentiles and the summary over synthetic results."""

from __future__ import annotations

import pytest

from assistant.eval.metrics import bootstrap_ci, group_metrics, latency, percentile, rate, summarize


def test_percentile_interpolates_like_numpy() -> None:
    vals = [1.0, 2.0, 3.0, 4.0, 10.0]
    assert percentile(vals, 50) == 3.0
    assert percentile(vals, 0) == 1.0 and percentile(vals, 100) == 10.0
    assert percentile(vals, 95) == pytest.approx(8.8)
    assert percentile([5.0], 95) == 5.0
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile(vals, 101)


def test_bootstrap_is_deterministic_and_brackets_the_mean() -> None:
    flags = [1.0] * 30 + [0.0] * 10
    lo, hi = bootstrap_ci(flags)  # type: ignore[misc]
    assert bootstrap_ci(flags) == (lo, hi)
    assert lo < 0.75 < hi
    assert 0.55 < lo and hi < 0.9  # n=40: roughly ±0.14


def test_bootstrap_narrows_with_more_data() -> None:
    small = bootstrap_ci([1.0, 0.0] * 10)
    large = bootstrap_ci([1.0, 0.0] * 200)
    assert small and large and (large[1] - large[0]) < (small[1] - small[0])


def test_bootstrap_edges() -> None:
    assert bootstrap_ci([]) is None
    assert bootstrap_ci([1.0, 1.0, 1.0]) == (1.0, 1.0)
    with pytest.raises(ValueError):
        bootstrap_ci([1.0], n_boot=0)


def test_rate_and_latency() -> None:
    r = rate([True, False, True, True])
    assert r["value"] == 0.75 and r["n"] == 4 and r["ci"][0] <= 0.75 <= r["ci"][1]
    assert rate([]) == {"value": None, "n": 0, "ci": None}
    assert rate([1, 0], ci=False) == {"value": 0.5, "n": 2}
    lat = latency([1.0, None, 3.0, 2.0])
    assert lat == {"n": 3, "p50": 2.0, "p95": pytest.approx(2.9), "mean": 2.0}
    assert latency([None]) == {"n": 0, "p50": None, "p95": None, "mean": None}


def _row(
    type_: str,
    answerable: bool,
    *,
    passed: bool,
    numeric=None,
    citation=None,
    refused=False,
    verified=None,
    rank=None,
    recall=None,
    doc="d1",
    error=None,
    first=1.0,
    total=2.0,
) -> dict:
    return {
        "type": type_,
        "doc_id": doc,
        "error": error,
        "expected": {"answerable": answerable},
        "verdicts": {
            "passed": passed,
            "numeric": numeric,
            "citation": citation,
            "refused": refused,
            "refusal_ok": (refused if not answerable else None),
            "false_refusal": (refused if answerable else None),
            "verified": verified,
            "retrieval_rank": rank,
            "retrieval_recall": recall,
            "terms": None,
        },
        "timings": {"first_token_s": first, "total_s": total},
    }


ROWS = [
    _row(
        "body",
        True,
        passed=True,
        numeric=True,
        citation=True,
        verified=True,
        rank=1,
        recall=1.0,
        first=1.0,
        total=3.0,
    ),
    _row(
        "body",
        True,
        passed=False,
        numeric=False,
        citation=False,
        verified=True,
        rank=3,
        recall=1.0,
        first=2.0,
        total=4.0,
    ),
    _row(
        "body",
        True,
        passed=False,
        numeric=False,
        refused=True,
        rank=None,
        recall=0.0,
        doc="d2",
        first=0.5,
        total=0.5,
    ),
    _row(
        "comparison",
        True,
        passed=True,
        numeric=True,
        citation=True,
        verified=False,
        rank=None,
        recall=0.5,
        doc="d2",
    ),
    _row("unanswerable", False, passed=True, refused=True, doc=None, first=0.2, total=0.2),
    _row("unanswerable", False, passed=False, refused=False, verified=False, doc=None),
    _row("body", True, passed=False, numeric=False, error="RuntimeError: x", first=9.0, total=9.0),
]


def test_group_metrics_counts_each_rate_over_its_own_population() -> None:
    m = group_metrics(ROWS, k=5, ci=False)
    assert m["n"] == 7
    assert m["pass_rate"]["value"] == pytest.approx(3 / 7)
    assert m["numeric_accuracy"] == {"value": 2 / 5, "n": 5}
    assert m["citation_accuracy"] == {"value": 2 / 3, "n": 3}  # answered, answerable, no error
    assert m["refusal_accuracy"] == {"value": 0.5, "n": 2}
    assert m["false_refusal_rate"] == {"value": 1 / 5, "n": 5}
    assert m["verified_rate"] == {"value": 2 / 4, "n": 4}  # answered items with a verified flag
    assert m["verified_precision"] == {"value": 0.5, "n": 2}
    assert m["recall_at_k"] == {"value": pytest.approx(2.5 / 4), "n": 4}
    assert m["hit_at_k"] == {"value": 0.5, "n": 4}
    assert m["mrr"]["value"] == pytest.approx((1 + 1 / 3) / 4)
    assert group_metrics(ROWS, k=2, ci=False)["hit_at_k"]["value"] == 0.25


def test_summarize_has_headline_intervals_latency_and_breakdowns() -> None:
    s = summarize(ROWS, k=5)
    assert s["counts"] == {"items": 7, "answerable": 5, "unanswerable": 2, "errors": 1}
    assert s["overall"]["numeric_accuracy"]["ci"] is not None
    assert set(s["by_type"]) == {"body", "comparison", "unanswerable"}
    assert s["by_type"]["unanswerable"]["refusal_accuracy"]["value"] == 0.5
    assert set(s["by_doc"]) == {"d1", "d2", "(không gắn tài liệu)"}
    assert "ci" not in s["by_doc"]["d1"]["pass_rate"]
    # the failed run (9 s) is left out of latency
    assert s["latency"]["total_s"]["n"] == 6 and s["latency"]["total_s"]["p50"] == 2.0
    assert s["latency"]["first_token_s"]["p95"] < 9.0
