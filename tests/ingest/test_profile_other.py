"""Profiles of ten reports from other provinces (eval/other/, labelled by hand in profiles.jsonl):
place and period come from each report's own text."""

import json

import pytest

from assistant.config import ROOT
from assistant.ingest.profile import extract_profile

FOLDER = ROOT / "eval" / "other"
LABELS = [json.loads(line) for line in (FOLDER / "profiles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("label", LABELS, ids=lambda d: d["file"])
def test_place_and_period_of_a_report_from_another_province(label):
    p = extract_profile((FOLDER / label["file"]).read_text(encoding="utf-8"))
    assert p.place == label["place"]
    assert p.period.to_dict() == label["period"]
