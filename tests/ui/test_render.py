"""Rendering of answers and sources: figures marked, badges, escaping, copy text."""

from __future__ import annotations

import pytest

from assistant.types import Answer, Chunk, Hit
from assistant.ui import render
from assistant.ui.figures import answer_figures, highlight_html, strip_citations

PASSAGE = (
    "giá trị sản xuất công nghiệp (theo giá hiện hành) \n\n đạt 315.145 tỷ đồng, bằng 47,3% kế hoạch, "
    "tăng 28% so cùng kỳ. Phân theo địa bàn, 10/10 huyện đều tăng."
)
CHUNK = Chunk(
    "c1",
    "bc-ktxh-6t-2024",
    "Báo cáo 6 tháng 2024",
    "bc.txt",
    "2.1. Công nghiệp",
    5,
    PASSAGE,
    ("8 Trong đó công nghiệp chế biến tăng 28,7%.",),
)
OTHER = Chunk(
    "c2", "bc-ktxh-6t-2024", "Báo cáo 6 tháng 2024", "bc.txt", "", None, "GRDP đạt 96.058 tỷ đồng."
)
QUESTION = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 đạt bao nhiêu?"


def answer(**kw) -> Answer:
    base = {
        "question": QUESTION,
        "answer": "Đạt 315.145 tỷ đồng [1].",
        "citations": [Hit(CHUNK, 0.9)],
        "verified": True,
    }
    base.update(kw)
    return Answer(**base)


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        ("Đạt 315.145 tỷ đồng [1].", "", {"315145"}),
        (
            "6 tháng đầu năm 2024 đạt 315.145 tỷ đồng",
            QUESTION,
            {"315145"},
        ),  # period and year are not figures
        ("bằng 47,3% kế hoạch [1, 2]", "", {"47.3"}),
        ("Các báo cáo không nêu thông tin này.", "", set()),
    ],
)
def test_answer_figures(text, question, expected):
    assert answer_figures(text, question) == expected


def test_strip_citations_keeps_offsets():
    text = "đạt 5 [1] và [2; 3]"
    assert len(strip_citations(text)) == len(text)
    assert "[" not in strip_citations(text)


def test_highlight_marks_only_the_answer_figure_and_escapes():
    html = highlight_html("<b>x</b> đạt 315.145 tỷ, tăng 28%", frozenset({"315145"}))
    assert '<mark class="bc-fig">315.145</mark>' in html
    assert "28%" in html and '<mark class="bc-fig">28' not in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_numbered_is_the_position_in_the_list():
    # the pipeline renumbers a final answer's [n] to positions in Answer.citations
    assert [n for n, _ in render.numbered([Hit(OTHER, 1.0), Hit(CHUNK, 0.9)])] == [1, 2]


def test_source_html_has_title_section_page_passage_and_mark():
    html = render.source_html(2, Hit(CHUNK, 0.9), frozenset({"315145"}))
    assert html.startswith("<details")
    for part in (
        "[2]",
        "Báo cáo 6 tháng 2024",
        "mục 2.1. Công nghiệp",
        "trang 5",
        "Tệp: bc.txt",
        "chế biến tăng 28,7%",
    ):
        assert part in html
    assert '<mark class="bc-fig">315.145</mark>' in html
    assert "\n" not in html.split("bc-passage")[1]  # PDF line breaks collapsed


def test_source_label_leaves_out_unknown_parts():
    assert render.source_label(OTHER) == "Báo cáo 6 tháng 2024"


def test_final_message_verified():
    html = render.final_message(answer(), [Hit(OTHER, 1.0), Hit(CHUNK, 0.9)])
    assert "bc-ok" in html and "Nguồn trích dẫn (1)" in html
    assert '<mark class="bc-fig">315.145</mark>' in html
    assert '<span class="bc-num">[1]</span> Báo cáo 6 tháng 2024 · mục 2.1' in html
    assert "96.058" not in html  # evidence that was not cited is not listed


def test_final_message_unverified_lists_numbers():
    html = render.final_message(answer(verified=False, unverified_numbers=["650.000"]), [])
    assert "bc-unverified" in html and "Chưa kiểm chứng" in html and "650.000" in html


def test_final_message_refused_shows_passages_looked_at():
    refused = answer(answer="Các báo cáo không nêu thông tin này.", refused=True, citations=[])
    html = render.final_message(refused, [Hit(OTHER, 0.2)])
    assert "bc-refused" in html and "Không có trong tài liệu" in html
    assert "Các đoạn văn đã xem xét" in html and "bc-fig" not in html


def test_final_message_shows_standalone_question_only_when_rewritten():
    same = render.final_message(answer(standalone_question=QUESTION), [])
    other = render.final_message(
        answer(question="Còn năm 2022?", standalone_question="Thu năm 2022?"), []
    )
    assert "Câu hỏi được hiểu là" not in same
    assert "Câu hỏi được hiểu là: Thu năm 2022?" in other


def test_streaming_message_stages():
    assert render.SEARCHING in render.streaming_message(QUESTION, "", None)
    evidence = [Hit(CHUNK, 0.9)]
    writing = render.streaming_message(QUESTION, "", evidence)
    assert render.WRITING in writing and "Đoạn văn tìm được (1)" in writing and "trang 5" in writing
    partial = render.streaming_message(QUESTION, "Đạt 315.145", evidence)
    assert "▌" in partial and '<mark class="bc-fig">315.145</mark>' in partial


def test_answer_text_is_escaped():
    html = render.final_message(answer(answer="<script>alert(1)</script> 315.145"), [])
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_copy_text_has_answer_sources_and_status():
    text = render.copy_text(answer(verified=False, unverified_numbers=["650.000"]))
    lines = text.splitlines()
    assert lines[0] == f"Câu hỏi: {QUESTION}"
    assert lines[1] == "Trả lời: Đạt 315.145 tỷ đồng [1]."
    assert "Chưa kiểm chứng được các số: 650.000" in text
    assert "[1] Báo cáo 6 tháng 2024 · mục 2.1. Công nghiệp · trang 5 (tệp: bc.txt)" in text
    assert "«giá trị sản xuất công nghiệp (theo giá hiện hành) đạt 315.145" in text
    assert "<" not in text


def test_timings_html_in_vietnamese_notation():
    assert render.timings_html({"retrieve_s": 0.42, "total_s": 12.34}) == (
        '<div class="bc-timing">tìm kiếm 0,4 giây · tổng 12,3 giây</div>'
    )


def test_copy_text_of_a_refusal_has_no_verification_note():
    refused = answer(
        answer="Các báo cáo không nêu thông tin này.", refused=True, citations=[], verified=False
    )
    assert render.copy_text(refused).splitlines() == [
        f"Câu hỏi: {QUESTION}",
        "Trả lời: Các báo cáo không nêu thông tin này.",
    ]
