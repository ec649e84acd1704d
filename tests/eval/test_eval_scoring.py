"""Per-item verdicts from a run record."""

from __future__ import annotations

from eval_fakes import make_hit

from assistant.eval.dataset import item_from_dict
from assistant.eval.scoring import citation_verdict, retrieval_verdict, score
from assistant.types import Answer

ITEM = item_from_dict(
    {
        "id": "x",
        "question": "Năng suất lúa?",
        "type": "footnote",
        "doc_id": "d",
        "answer": "60,6 tạ/ha",
        "value": 60.6,
        "unit": "tạ/ha",
        "evidence": "Tổng diện tích gieo cấy đạt 46.302,4 ha; năng suất đạt 60,6 tạ/ha",
        "answerable": True,
    }
)
LIST = item_from_dict(
    {
        "id": "l",
        "question": "Tỉnh nào?",
        "type": "list",
        "doc_id": "d",
        "answer": "2 tỉnh: Hoà Bình, Lạng Sơn",
        "value": 2,
        "unit": "tỉnh",
        "evidence": "Hoà Bình, Lạng Sơn",
        "answerable": True,
        "expected_terms": ["Hoà Bình", "Lạng Sơn"],
    }
)
# the chunker removes the marker, joins the lines and attaches the footnote to the chunk
CHUNK = make_hit(
    "Năng suất các loại cây trồng cơ bản đều tăng.",
    footnotes=(
        "[Chú thích 11] Tổng diện tích gieo cấy đạt 46.302,4\nha; năng suất đạt 60,6 tạ/ha; Diện tích ngô 7.834 ha",
    ),
)


def _record(text: str, citations=(), refused=False, verified=True, hits=None, error=None) -> dict:
    ans = Answer("q", text, list(citations), verified, [], refused, {}).to_dict()
    return {"answer": None if error else ans, "hits": hits, "error": error, "timings": {}}


def test_evidence_is_found_in_the_footnotes_of_a_chunk_across_line_breaks() -> None:
    assert citation_verdict(ITEM.evidence, [CHUNK.to_dict()])
    assert not citation_verdict(ITEM.evidence, [make_hit("năng suất đạt 60,6 tạ/ha").to_dict()])
    rank, recall = retrieval_verdict(
        ITEM.evidence, [make_hit("khác").to_dict(), CHUNK.to_dict()], k=5
    )
    assert (rank, recall) == (2, 1.0)
    assert retrieval_verdict(ITEM.evidence, [make_hit("khác").to_dict(), CHUNK.to_dict()], k=1) == (
        None,
        0.0,
    )


def test_right_figure_right_citation_passes() -> None:
    v = score(ITEM, _record("Năng suất đạt 60,6 tạ/ha [1].", [CHUNK]), 5)
    assert (
        v.numeric
        and v.citation
        and v.passed
        and v.verified
        and v.false_refusal is False
        and v.matched == "60,6"
    )


def test_wrong_rounding_and_refusal_fail() -> None:
    assert not score(ITEM, _record("Khoảng 61 tạ/ha.", [CHUNK]), 5).numeric
    v = score(ITEM, _record("Không có trong tài liệu.", refused=True, verified=False), 5)
    assert (
        v.false_refusal
        and not v.numeric
        and v.citation is None
        and v.verified is None
        and not v.passed
    )


def test_error_record_fails_without_counting_as_refusal() -> None:
    v = score(ITEM, _record("", error="RuntimeError: x"), 5)
    assert not v.passed and not v.refused and v.false_refusal is False and v.numeric is False


def test_list_needs_every_name_up_to_diacritic_placement() -> None:
    assert score(LIST, _record("2 tỉnh: Hòa Bình và Lạng Sơn"), 5).passed
    v = score(LIST, _record("2 tỉnh: Hòa Bình"), 5)
    assert v.numeric and v.terms is False and not v.passed


def test_an_alternative_passage_stating_the_same_fact_counts() -> None:
    alt = item_from_dict(
        {
            "id": "a",
            "question": "PCI 2022?",
            "type": "period",
            "doc_id": "d",
            "answer": "thứ 02/63",
            "value": 2,
            "unit": None,
            "evidence": "năm 2022 tăng 29 bậc so với năm 2021, xếp thứ 02/63",
            "answerable": True,
            "also_in": [
                "Năm 2022 chỉ số năng lực cạnh tranh cấp tỉnh (PCI) Bắc Giang xếp thứ 02/63"
            ],
        }
    )
    other = make_hit(
        "trong đó: Năm 2022 chỉ số năng lực cạnh tranh cấp tỉnh (PCI) Bắc Giang xếp thứ 02/63 tỉnh"
    )
    rec = _record(
        "Năm 2022 PCI xếp thứ 02/63 [1].",
        [other],
        hits=[make_hit("khác").to_dict(), other.to_dict()],
    )
    v = score(alt, rec, 5)
    assert v.citation and v.passed and (v.retrieval_rank, v.retrieval_recall) == (2, 1.0)
    assert not score(alt, _record("xếp thứ 02/63", [make_hit("khác")]), 5).citation


def test_a_chosen_figure_is_judged_on_what_the_answer_states_not_on_its_quote() -> None:
    # the answer states a neighbour's figure; the quoted source sentence holds the right one
    text = ("Diện tích ngô (năm 2024) đạt **7.834 ha** [1].\nNguồn: báo cáo, mục 1: "
            "“Tổng diện tích gieo cấy đạt 46.302,4 ha; năng suất đạt 60,6 tạ/ha; Diện tích ngô **7.834** ha”")
    rec = _record(text, [CHUNK])
    rec["answer"]["mode"] = "facts"
    assert not score(ITEM, rec, 5).numeric
    rec["answer"]["mode"] = "extractive"  # a quoted sentence is the answer itself
    assert score(ITEM, rec, 5).numeric
    right = _record(text.replace("Diện tích ngô (năm 2024) đạt **7.834 ha**", "Năng suất đạt **60,6 tạ/ha**"), [CHUNK])
    right["answer"]["mode"] = "facts"
    assert score(ITEM, right, 5).numeric


def test_a_bare_figure_expected_is_found_whatever_magnitude_the_answer_adds() -> None:
    bare = item_from_dict({"id": "t", "question": "Thép cán tháng 11?", "type": "body", "doc_id": "d",
                           "answer": "104,2", "value": 104.2, "unit": None,
                           "evidence": "| Thép cán | nghìn tấn | 104,2 |", "answerable": True})
    rec = _record("Thép cán (tháng 11) đạt **104,2 nghìn tấn** [1].\nNguồn: bảng: “| Thép cán | nghìn tấn | 104,2 |”")
    rec["answer"]["mode"] = "facts"
    assert score(bare, rec, 5).numeric
    rec = _record("Xi măng (tháng 11) đạt **186,3 nghìn tấn** [1].\nNguồn: bảng: “| Thép cán | nghìn tấn | 104,2 |”")
    rec["answer"]["mode"] = "facts"
    assert not score(bare, rec, 5).numeric
