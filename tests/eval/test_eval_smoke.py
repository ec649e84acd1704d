"""Smoke run on the real models: one question of each type through the real pipeline.

Uses the configured settings (default models, `embeddings/<index>`); builds the index first if
it is missing, so the real path is never skipped. Asserts the run is complete and sane, and that
two runs of the same build give the same answers (temperature 0, fixed seed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.errors import IndexMissingError
from assistant.eval import load_items, run_eval, select_items
from assistant.eval.command import run_meta

EVAL_SET = Path(__file__).resolve().parents[2] / "eval" / "questions.jsonl"


@pytest.fixture(scope="module")
def service():
    from assistant.chat.pipeline import Service

    s = load_settings()
    svc = Service(s)
    try:
        assert svc.searcher is not None
    except IndexMissingError:
        svc.build()
    return svc


@pytest.mark.integration
def test_smoke_slice_on_real_models(service, tmp_path: Path) -> None:
    items = select_items(load_items(EVAL_SET), per_type=1)
    assert len(items) == 7
    search = lambda q, k: service.searcher.search(q, k)
    s = service.settings
    summary = run_eval(
        items, service, search, tmp_path / "a", k=s.k, progress=False, meta=run_meta(s, EVAL_SET)
    )

    report = json.loads((tmp_path / "a" / "report.json").read_text(encoding="utf-8"))
    assert summary["counts"]["errors"] == 0, [r["error"] for r in report["items"] if r["error"]]
    assert all(r["answer"] for r in report["items"])
    assert all(r["timings"]["first_token_s"] <= r["timings"]["total_s"] for r in report["items"])
    assert (
        summary["overall"]["hit_at_k"]["n"] == 6 and summary["overall"]["hit_at_k"]["value"] >= 0.5
    )
    assert summary["overall"]["numeric_accuracy"]["value"] > 0
    assert "<svg" in (tmp_path / "a" / "report.html").read_text(encoding="utf-8")

    again = items[:3]
    run_eval(again, service, search, tmp_path / "b", k=s.k, progress=False)
    second = json.loads((tmp_path / "b" / "report.json").read_text(encoding="utf-8"))
    first = {r["id"]: r["answer"] for r in report["items"]}
    assert {r["id"]: r["answer"] for r in second["items"]} == {i.id: first[i.id] for i in again}
