"""Reading the facts of a report never fails: every report in the repository (the corpus and the
team's eval sets, written to differ from it) reads end to end, and a reading rule that does fail
on some passage costs that passage's figures only — the document is still indexed, searchable
and named in the build report."""

from pathlib import Path

import pytest

import assistant.retrieval.build as build
from assistant.ingest import facts as facts_mod
from assistant.ingest.chunk import chunk_document
from assistant.ingest.clean import clean_document
from assistant.ingest.corpus import entry_for
from assistant.ingest.loaders import load_document
from assistant.ingest.profile import profile_dict
from assistant.retrieval.build import BuildOptions, build_index
from assistant.retrieval.store import load_index

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("eval/*/*.txt"))


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: f"{p.parent.name}/{p.name[:40]}")
def test_every_report_of_the_repository_reads_its_facts(path):
    entry = entry_for(path, set(), "", "")
    doc = load_document(path, entry, 50_000_000)
    chunks = chunk_document(doc, clean_document(doc))
    profile = profile_dict(entry["doc_id"], "\n".join(p.text for p in doc.pages), entry, doc.title)
    found = facts_mod.extract_facts(chunks, profile)
    assert found and all(f.doc_id == entry["doc_id"] for f in found)


REPORT = """ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Số: 12/BC-UBND
Hà Tĩnh, ngày 12 tháng 12 năm 2023
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023
1. Nông nghiệp
Sản lượng lương thực năm 2023 đạt 612.400 tấn, tăng 2,1% so với năm 2022.
2. Công nghiệp
Chỉ số sản xuất công nghiệp năm 2023 tăng 9,8% so với năm 2022.
"""


def test_a_rule_that_fails_on_a_passage_costs_only_that_passages_figures(tmp_path, embedder, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ha-tinh-2023.txt").write_text(REPORT, encoding="utf-8")
    real = build.extract_facts

    def failing(chunks, profile):
        if any("Chỉ số sản xuất" in c.text for c in chunks):
            raise IndexError("a rule's bug")
        return real(chunks, profile)

    monkeypatch.setattr(build, "extract_facts", failing)
    report = build_index(corpus, tmp_path / "idx", embedder, BuildOptions(chunk_size=120, chunk_overlap=0))
    data = load_index(tmp_path / "idx")
    assert report.added and not report.errors
    assert any("Chỉ số sản xuất" in c.text for c in data.chunks)  # still searchable
    assert [f.text for f in data.facts if f.value == 612400.0] == ["612.400"]  # the other passage's figures kept
    assert not any(f.text == "9,8" for f in data.facts)
    assert any(n.startswith("ha-tinh-2023.txt:") and "1 đoạn" in n for n in report.notes), report.notes
