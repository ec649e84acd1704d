"""Comparisons across periods: each figure verified on its own, the arithmetic done in code."""

import json

import pytest

from assistant.config import ROOT
from assistant.generation.answer import Answerer, AnswerOptions
from assistant.generation.arith import parse_comparison
from assistant.generation.generator import ScriptedGenerator
from assistant.ingest.periods import find_periods
from assistant.generation.prompts import Prompts
from assistant.retrieval.build import BuildOptions, build_index
from assistant.retrieval.search import Searcher
from assistant.retrieval.store import load_index

DOCS = {
    "bc-2022": ("năm 2022", "2022-01-01", "2022-12-31",
                "Giá trị xuất khẩu năm 2022 đạt 2.150 triệu USD, tăng 12% so với năm 2021.\n"),
    "bc-6t-2024": ("6 tháng đầu năm 2024", "2024-01-01", "2024-06-30",
                   "Giá trị xuất khẩu 6 tháng đầu năm 2024 đạt 2,6 tỷ USD, tăng 15,2% so cùng kỳ.\n"),
}


@pytest.fixture
def answerer(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    entries = []
    for doc_id, (period, start, end, text) in DOCS.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        entries.append({"doc_id": doc_id, "title": f"Báo cáo {period}", "doc_type": "báo cáo", "period": period,
                        "period_start": start, "period_end": end, "source_file": f"{doc_id}.txt", "sha256": ""})
    (corpus / "manifest.json").write_text(json.dumps({"documents": entries}, ensure_ascii=False), encoding="utf-8")
    build_index(corpus, tmp_path / "idx", embedder, BuildOptions())

    def quote_first_passage(messages):  # a model that copies the sentence it was given
        user = messages[-1]["content"]
        return user.split("[1] ", 1)[1].split(")", 1)[1].split("\n", 1)[0].strip() + " [1]"

    gen = ScriptedGenerator(fn=quote_first_passage)
    return Answerer(Searcher(load_index(tmp_path / "idx"), embedder), gen, Prompts(ROOT / "prompts"), AnswerOptions(k=2, facts=False))


def test_parse_comparison_splits_one_question_per_period():
    q = "Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu so với năm 2022?"
    c = parse_comparison(q, find_periods(q))
    assert c.sub_questions == ["Giá trị xuất khẩu 6 tháng đầu năm 2024 đạt bao nhiêu?",
                               "Giá trị xuất khẩu năm 2022 đạt bao nhiêu?"]
    assert parse_comparison("Giá trị xuất khẩu năm 2022?", find_periods("năm 2022")) is None


def test_difference_is_computed_across_scales_with_both_sources(answerer):
    a = answerer.ask("Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu so với năm 2022?")
    assert a.mode == "computed" and a.verified and not a.refused
    # 2,6 tỷ USD - 2.150 triệu USD = 0,45 tỷ USD; the figures as written, with both citations
    assert "2,6" in a.answer and "2.150" in a.answer and "0,45 tỷ USD" in a.answer
    assert {h.chunk.doc_id for h in a.citations} == {"bc-2022", "bc-6t-2024"}


def test_comparison_with_a_missing_period_refuses(answerer):
    a = answerer.ask("Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu so với năm 2019?")
    assert a.refused and "năm 2019" in a.answer


def test_percentages_are_compared_in_percentage_points(answerer):
    a = answerer.ask("Tốc độ tăng giá trị xuất khẩu 6 tháng đầu năm 2024 so với năm 2022 chênh lệch bao nhiêu %?")
    assert a.mode == "computed", a.answer
    assert "15,2%" in a.answer and "12%" in a.answer and "3,2 điểm phần trăm" in a.answer
