"""The six reports written by the team in session 6 (eval/fresh/) and their question set: every item proven
against the reports, and each report's profile read from its text as labelled by hand."""

import json
import shutil
from pathlib import Path

import pytest

from assistant.eval.checker import check_items
from assistant.ingest.corpus import entry_for
from assistant.eval.dataset import load_items
from assistant.ingest.profile import extract_profile

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "eval" / "fresh"
LABELS = [json.loads(x) for x in (FOLDER / "profiles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def test_the_fresh_set_is_proven_against_its_reports(tmp_path):
    corpus = tmp_path / "fresh"
    shutil.copytree(FOLDER, corpus)
    docs, ids = [], set()
    for p in sorted(corpus.glob("*.txt")):  # doc ids as ingestion makes them (cut at 60 characters)
        docs.append(entry_for(p, ids, "", ""))
        ids.add(docs[-1]["doc_id"])
    (corpus / "manifest.json").write_text(json.dumps({"documents": docs}), encoding="utf-8")
    items = load_items(ROOT / "eval" / "questions_fresh.jsonl")
    assert len(items) >= 170
    assert check_items(items, corpus) == []


@pytest.mark.parametrize("label", LABELS, ids=lambda d: d["file"])
def test_profile_of_an_fresh_report(label):
    p = extract_profile((FOLDER / label["file"]).read_text(encoding="utf-8"))
    assert (p.place, p.issuer, p.doc_type, p.date) == (label["place"], label["issuer"], label["doc_type"], label["date"])
    assert p.period.to_dict() == label["period"]
