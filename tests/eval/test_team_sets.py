"""The reports written by the team (eval/unseen/ in session 5, eval/fresh/ in session 6) and their
question sets: every item proven against the reports, and each report's profile read from its
text as labelled by hand."""

import json
import shutil
from pathlib import Path

import pytest

from assistant.eval.checker import check_items
from assistant.eval.dataset import load_items
from assistant.ingest.corpus import entry_for
from assistant.ingest.profile import extract_profile

ROOT = Path(__file__).resolve().parents[2]
SETS = [("unseen", "questions_unseen.jsonl", 45), ("fresh", "questions_fresh.jsonl", 170), ("blind", "questions_blind.jsonl", 105),
        ("blind2", "questions_blind2.jsonl", 110),
        ("blind3", "questions_blind3.jsonl", 104),
        ("blind4", "questions_blind4.jsonl", 94),
        ("blind5", "questions_blind5.jsonl", 94),
        ("blind6", "questions_blind6.jsonl", 94),
        ("blind7", "questions_blind7.jsonl", 94),
        ("blind8", "questions_blind8.jsonl", 80),
        ("blind9", "questions_blind9.jsonl", 80),
        ("blind10", "questions_blind10.jsonl", 80),
        ("blind11", "questions_blind11.jsonl", 80),
        ("blind12", "questions_blind12.jsonl", 80),
        ("blind13", "questions_blind13.jsonl", 80)]
LABELS = [(folder, json.loads(x)) for folder, _, _ in SETS
          for x in (ROOT / "eval" / folder / "profiles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("folder, questions, at_least", SETS, ids=[s[0] for s in SETS])
def test_a_team_set_is_proven_against_its_reports(tmp_path, folder, questions, at_least):
    corpus = tmp_path / folder
    shutil.copytree(ROOT / "eval" / folder, corpus)
    docs, ids = [], set()
    for p in sorted(corpus.glob("*.txt")):  # doc ids as ingestion makes them (cut at 60 characters)
        docs.append(entry_for(p, ids, "", ""))
        ids.add(docs[-1]["doc_id"])
    (corpus / "manifest.json").write_text(json.dumps({"documents": docs}), encoding="utf-8")
    items = load_items(ROOT / "eval" / questions)
    assert len(items) >= at_least
    assert check_items(items, corpus) == []


@pytest.mark.parametrize("folder, label", LABELS, ids=lambda v: v if isinstance(v, str) else v["file"])
def test_profile_of_a_team_written_report(folder, label):
    p = extract_profile((ROOT / "eval" / folder / label["file"]).read_text(encoding="utf-8"))
    assert (p.place, p.issuer, p.doc_type, p.date) == (label["place"], label["issuer"], label["doc_type"], label["date"])
    assert p.period.to_dict() == label["period"]
