"""The profile extractor reproduces, from the text alone, what the hand-written manifest of the
five seeds used to say (the manifest no longer carries these fields: they are extracted)."""

import pytest

from assistant.config import ROOT
from assistant.ingest.corpus import load_manifest
from assistant.ingest.profile import extract_profile

CORPUS = ROOT / "corpus"
# What the original hand-written manifest said: doc_id -> (period label, start, end, doc_type).
EXPECTED = {
    "bc-ktxh-6t-2024": ("6 tháng đầu năm 2024", "2024-01-01", "2024-06-30", "báo cáo"),
    "bc-ktxh-2022": ("năm 2022", "2022-01-01", "2022-12-31", "báo cáo"),
    "bcct-daihoi-xx": ("giai đoạn 2020-2025", "2020-01-01", "2025-12-31", "báo cáo chính trị"),
    "nq-hdnd-6tc-2024": ("6 tháng cuối năm 2024", "2024-07-01", "2024-12-31", "nghị quyết"),
    "tb-kl-ubnd-t4-2024": ("tháng 4 năm 2024", "2024-04-01", "2024-04-30", "thông báo kết luận"),
}


@pytest.mark.parametrize("entry", load_manifest(CORPUS), ids=lambda e: e["doc_id"])
def test_seed_profile_matches_the_manifest_it_replaces(entry):
    text = (CORPUS / entry["source_file"]).read_text(encoding="utf-8")
    p = extract_profile(text)
    label, start, end, doc_type = EXPECTED[entry["doc_id"]]
    assert p.period.to_dict() == {"label": label, "start": start, "end": end}
    assert p.doc_type == doc_type
    assert p.place == "Bắc Giang"
    assert "period" not in entry and "doc_type" not in entry  # nothing hand-written is used
