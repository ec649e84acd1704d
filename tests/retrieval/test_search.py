"""Search behaviour on the fake embedder: BM25 tokens, fusion, filters, bad questions."""

import pytest

from assistant.errors import QuestionError
from assistant.retrieval.build import BuildOptions, build_index
from assistant.retrieval.fusion import rrf
from assistant.retrieval.lexical import LexicalIndex, tokenize
from assistant.retrieval.search import Filters, Searcher
from assistant.retrieval.store import load_index


@pytest.fixture
def searcher(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions(chunk_size=250, chunk_overlap=0))
    return Searcher(load_index(root), embedder)


def test_tokens_keep_figures_and_add_folded_forms():
    toks = tokenize("Giá trị đạt 315.145 tỷ đồng, tăng 13,96%")
    assert "315.145" in toks and "13,96" in toks
    assert "tăng" in toks and "tang" in toks and "gia_tri~" in toks


def test_bm25_finds_text_without_diacritics():
    idx = LexicalIndex.build(["Tăng trưởng kinh tế đạt 14,14%", "Thu ngân sách nhà nước"])
    assert idx.search("tang truong kinh te", 2)[0][0] == 0
    assert idx.search("thu ngan sach", 2)[0][0] == 1
    assert idx.search("315.145", 2) == []


def test_rrf_rewards_agreement():
    fused = rrf([[(1, 0.9), (2, 0.8)], [(2, 5.0), (3, 4.0)]], [1.0, 1.0])
    assert fused[0][0] == 2
    with pytest.raises(ValueError):
        rrf([[(1, 1.0)]], [1.0, 1.0])


@pytest.mark.parametrize("mode", ["fused", "dense", "bm25"])
def test_search_finds_the_figure_passage(searcher, mode):
    hits = searcher.search("giá trị sản xuất công nghiệp theo giá hiện hành 315.145", k=3, mode=mode)
    assert any("315.145" in h.chunk.text for h in hits)


def test_figure_written_as_in_source_is_matched(searcher):
    hits = searcher.search("10.560 tỷ đồng", k=1, mode="bm25")
    assert "10.560" in hits[0].chunk.text


def test_filters_by_document_type_and_year(searcher):
    hits = searcher.search("tăng trưởng", k=10, filters=Filters(doc_ids=["nq"]))
    assert hits and {h.chunk.doc_id for h in hits} == {"nq"}
    hits = searcher.search("tăng trưởng", k=10, filters=Filters(doc_types=["báo cáo chính trị"]))
    assert {h.chunk.doc_id for h in hits} == {"bcct"}
    hits = searcher.search("tăng trưởng", k=10, filters=Filters(years=[2021]))
    assert {h.chunk.doc_id for h in hits} == {"bcct"}


@pytest.mark.parametrize("q", ["", "   ", "\n"])
def test_empty_question_is_refused(searcher, q):
    with pytest.raises(QuestionError, match="trống"):
        searcher.search(q)


def test_overlong_question_is_refused_with_its_length(searcher):
    with pytest.raises(QuestionError, match="10000 ký tự"):
        searcher.search("a" * 10_000)


def test_english_question_still_returns_hits(searcher):
    assert searcher.search("industrial production value GRDP growth", k=3)


def test_bad_k_is_a_value_error(searcher):
    with pytest.raises(ValueError):
        searcher.search("GRDP", k=0)
