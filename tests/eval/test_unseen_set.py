"""The team-written unseen reports (eval/unseen/) and their question set: every item proven
against the reports, and each report's profile read from its text as labelled by hand."""

import json
import shutil
from pathlib import Path

import pytest

from assistant.eval.checker import check_items
from assistant.eval.dataset import load_items
from assistant.ingest.profile import extract_profile

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "eval" / "unseen"
LABELS = [json.loads(x) for x in (FOLDER / "profiles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def test_the_unseen_set_is_proven_against_its_reports(tmp_path):
    corpus = tmp_path / "unseen"
    shutil.copytree(FOLDER, corpus)
    docs = [{"doc_id": p.stem.replace("_", "-"), "source_file": p.name} for p in sorted(corpus.glob("*.txt"))]
    (corpus / "manifest.json").write_text(json.dumps({"documents": docs}), encoding="utf-8")
    items = load_items(ROOT / "eval" / "questions_unseen.jsonl")
    assert len(items) >= 45
    assert check_items(items, corpus) == []


@pytest.mark.parametrize("label", LABELS, ids=lambda d: d["file"])
def test_profile_of_an_unseen_report(label):
    p = extract_profile((FOLDER / label["file"]).read_text(encoding="utf-8"))
    assert (p.place, p.issuer, p.doc_type, p.date) == (label["place"], label["issuer"], label["doc_type"], label["date"])
    assert p.period.to_dict() == label["period"]
