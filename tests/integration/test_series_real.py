"""Indicator series on the real seed index: the labelled series set meets its bar, the CLI
prints the series as JSON, and a question over time in the chat answers with it. Expected
figures are the ones the seed documents write (labelled in eval/series.jsonl)."""

import json
import subprocess
import sys

import pytest

from assistant.config import ROOT
from assistant.eval.series import load, run
from assistant.generation.series import build_series
from assistant.generation.seriesout import series_index

pytestmark = pytest.mark.integration


def test_series_set_on_the_seeds_meets_the_bar(service, settings):
    index, docs = series_index(settings.index_dir)
    result = run(load(ROOT / "eval" / "series.jsonl"), lambda ind, place: build_series(index, docs, ind, place))
    s = result["summary"]
    assert s["items"] >= 10 and s["recall"] >= 0.9, result["items"]
    assert s["intruders"] == 0, [r["intruders"] for r in result["items"]]


def test_cli_series_json_for_an_abbreviated_indicator(service):
    p = subprocess.run([sys.executable, "-m", "assistant.cli", "series", "thu", "NSNN", "--from", "2022", "--to", "2024",
                        "--json"], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    s = json.loads(p.stdout)
    got = [(pt["period"]["label"], pt["kind"], pt["text"]) for pt in s["points"]]
    assert got == [("năm 2022", "actual", "18.525,5"), ("năm 2023", "target", "15.043"),
                   ("6 tháng đầu năm 2024", "actual", "10.111,7")]
    src = s["points"][0]["sources"][0]
    assert src["doc_id"] == "bc-ktxh-2022" and "18.525,5" in src["sentence"] and src["section"]


def test_chat_question_over_time_answers_with_the_series(service):
    a = service.ask("Tăng trưởng GRDP qua các năm thế nào?")
    assert a.mode == "series" and a.verified and not a.refused
    texts = [f["text"] for f in a.facts]
    assert {"8,52", "14,99", "13,85", "13,96", "14,31", "14,14"} <= set(texts)
    assert "6,42" not in texts and "18,11" not in texts  # sectors' growth is not the economy's
    y2022 = [f for f in a.facts if f["period"]["label"] == "năm 2022"]
    assert len(y2022) == 1 and {s["doc_id"] for s in y2022[0]["sources"]} == {"bc-ktxh-2022", "bcct-daihoi-xx"}
    assert "điểm phần trăm" in a.answer  # the change, computed
