"""End to end on the real models and corpus. Expected figures are written from the reports."""

import pytest

from assistant.errors import QuestionError

pytestmark = pytest.mark.integration


def test_search_finds_the_industrial_output_passage(searcher):
    hits = searcher.search("Giá trị sản xuất công nghiệp theo giá hiện hành 6 tháng đầu năm 2024", k=5)
    assert any("315.145" in h.chunk.text for h in hits)
    assert hits[0].chunk.doc_id in {"bc-ktxh-6t-2024", "nq-hdnd-6tc-2024"}


def test_search_without_diacritics(searcher):
    hits = searcher.search("gia tri san xuat cong nghiep 6 thang dau nam 2024", k=5)
    assert any("315.145" in h.chunk.text for h in hits)


def test_search_reaches_a_footnote_figure(searcher):
    # Footnote 8 of the 6-month report: "công nghiệp chế biến, chế tạo đạt 311.986,8 tỷ đồng"
    hits = searcher.search("ngành công nghiệp chế biến, chế tạo 6 tháng đầu năm 2024 đạt bao nhiêu tỷ đồng", k=5)
    assert any("311.986,8" in f for h in hits for f in h.chunk.footnotes)


def test_answer_gives_the_figure_with_its_source(service):
    a = service.ask("Giá trị sản xuất công nghiệp (theo giá hiện hành) 6 tháng đầu năm 2024 đạt bao nhiêu?")
    assert not a.refused and a.verified
    assert "315.145" in a.answer
    assert any("315.145" in h.chunk.text for h in a.citations)
    assert a.timings["total_s"] > 0


def test_question_the_reports_do_not_answer_is_refused(service):
    a = service.ask("Tỷ lệ thất nghiệp ở khu vực thành thị của tỉnh quý III năm 2023 là bao nhiêu?")
    assert a.refused and a.answer.startswith("Các báo cáo hiện có không nêu")


def test_every_number_shown_is_verified(service):
    a = service.ask("Tổng thu ngân sách nhà nước trên địa bàn năm 2022 đạt bao nhiêu?")
    assert a.verified and not a.unverified_numbers


def test_follow_up_carries_the_indicator(service):
    first = "Giá trị sản xuất công nghiệp (theo giá hiện hành) 6 tháng đầu năm 2024 đạt bao nhiêu?"
    a = service.ask("còn năm 2022 thì sao?", history=[(first, "315.145 tỷ đồng")])
    assert "năm 2022" in a.standalone_question and "sản xuất công nghiệp" in a.standalone_question


def test_overlong_question_is_refused_clearly(service):
    with pytest.raises(QuestionError, match="quá dài"):
        service.ask("GRDP " * 2500)
