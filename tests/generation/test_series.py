"""Indicator series on small reports written for these tests (restated in our own words; the
figures follow the formats of real provincial reports, some invented so that two reports
disagree): matching, intruders kept out, differing figures flagged, order, change, questions."""

import pytest

from assistant.errors import QuestionError
from assistant.generation.factpick import FactIndex
from assistant.generation.series import build_series
from assistant.generation.seriesask import series_answer, series_question
from assistant.generation.seriesout import change_line, rows, series_text
from assistant.ingest.facts import extract_facts
from assistant.types import Chunk

DOCS = {
    "y22": {"doc_id": "y22", "title": "Báo cáo KT-XH năm 2022", "place": "tỉnh Hòa Bình", "doc_type": "báo cáo",
            "date": "2022-12", "period": "năm 2022"},
    "h24": {"doc_id": "h24", "title": "Báo cáo KT-XH 6 tháng đầu năm 2024", "place": "tỉnh Hòa Bình",
            "doc_type": "báo cáo", "date": "2024-06", "period": "6 tháng đầu năm 2024"},
    "y23": {"doc_id": "y23", "title": "Báo cáo KT-XH năm 2023", "place": "tỉnh Hòa Bình", "doc_type": "báo cáo",
            "date": "2023-12", "period": "năm 2023"},
    "other": {"doc_id": "other", "title": "Báo cáo 9 tháng năm 2024 tỉnh Sơn La", "place": "tỉnh Sơn La",
              "doc_type": "báo cáo", "date": "2024-09", "period": "9 tháng năm 2024"},
}
TEXTS = {
    "y22": [("1. Tăng trưởng", ("Tốc độ tăng trưởng kinh tế (GRDP) năm 2022 đạt 8,2%; trong đó dịch vụ tăng 6,4%, "
             "công nghiệp - xây dựng tăng 11,5%. Quy mô GRDP (giá hiện hành) đạt 56.300 tỷ đồng.")),
            ("5. Ngân sách", ("Tổng thu NSNN năm 2022 đạt 5.120 tỷ đồng, vượt 12% dự toán; trong đó thu nội địa "
             "4.300 tỷ đồng. Tổng chi ngân sách địa phương đạt 9.800 tỷ đồng.")),
            ("Phần thứ hai: Chỉ tiêu chủ yếu năm 2023", "Phấn đấu tốc độ tăng GRDP năm 2023 đạt 8,5%.")],
    "y23": [("1. Tăng trưởng", ("Tăng trưởng kinh tế (GRDP) năm 2023 ước đạt 7,9%. Theo số liệu điều chỉnh, tốc độ "
             "tăng trưởng GRDP năm 2022 đạt 8,0%.")),
            ("5. Ngân sách", "Thu ngân sách nhà nước năm 2023 ước đạt 5.600 tỷ đồng."),
            ("6. Doanh nghiệp", "Số doanh nghiệp thành lập mới năm 2023 giảm 5,2% so với năm 2022.")],
    "h24": [("1. Tăng trưởng", ("Tăng trưởng kinh tế (GRDP) 6 tháng đầu năm 2024 đạt 7,1%. Quy mô GRDP đạt "
             "30.100 tỷ đồng.")),
            ("5. Ngân sách", "Tổng thu ngân sách nhà nước 6 tháng đầu năm 2024 đạt 2.950 tỷ đồng.")],
    "other": [("1. Tăng trưởng", "Tăng trưởng kinh tế (GRDP) năm 2023 đạt 5,1%.")],
}


@pytest.fixture(scope="module")
def index():
    facts = []
    for doc_id, parts in TEXTS.items():
        chunks = [Chunk(f"{doc_id}#{i}", doc_id, DOCS[doc_id]["title"], f"{doc_id}.txt", section, i + 1, text)
                  for i, (section, text) in enumerate(parts)]
        facts += extract_facts(chunks, DOCS[doc_id])
    return FactIndex(facts, {d: m["place"] for d, m in DOCS.items()})


def points(series):
    return [(p.period["label"], p.kind, p.text) for p in series.points]


def test_growth_series_in_time_without_sectors_or_levels(index):
    s = build_series(index, DOCS, "tăng trưởng GRDP")
    assert s.growth and s.unit == "%"
    texts = [p.text for p in s.points]
    assert "6,4" not in texts and "11,5" not in texts  # a sector's growth is another indicator
    assert "56.300" not in texts  # the level is another series
    assert ("năm 2023", "target", "8,5") in points(s)  # "tốc độ tăng GRDP" is the same indicator
    ends = [p.period["end"] for p in s.points]
    assert ends == sorted(ends)


def test_two_reports_differing_for_one_period_are_both_shown_and_flagged(index):
    s = build_series(index, DOCS, "tăng trưởng GRDP")
    y22 = [p for p in s.points if p.period["label"] == "năm 2022"]
    assert sorted(p.text for p in y22) == ["8,0", "8,2"] and all(p.differs for p in y22)
    assert {p.sources[0].doc_id for p in y22} == {"y22", "y23"}
    assert not any(p.differs for p in s.points if p.period["label"] != "năm 2022")


def test_same_figure_in_two_chunks_is_one_point_with_two_sources(index):
    doubled = FactIndex(index.facts + [f.__class__(**{**f.to_dict(), "fact_id": f.fact_id + "b", "chunk_id": "copy"})
                                       for f in index.facts if f.text == "7,1"], index.doc_places)
    s = build_series(doubled, DOCS, "tăng trưởng GRDP")
    h1 = [p for p in s.points if p.text == "7,1"]
    assert len(h1) == 1 and len(h1[0].sources) == 2


def test_abbreviation_and_spending_kept_apart_from_revenue(index):
    s = build_series(index, DOCS, "thu NSNN")
    assert points(s) == [("năm 2022", "actual", "5.120"), ("năm 2023", "estimate", "5.600"),
                         ("6 tháng đầu năm 2024", "actual", "2.950")]
    assert all(p.text not in ("4.300", "9.800") for p in s.points)


def test_one_place_per_series_and_a_named_place(index):
    assert "5,1" not in [p.text for p in build_series(index, DOCS, "tăng trưởng GRDP").points]
    other = build_series(index, DOCS, "tăng trưởng GRDP", place="Sơn La")
    assert [p.text for p in other.points] == ["5,1"] and other.place == "Sơn La"


def test_documents_filter(index):
    s = build_series(index, DOCS, "tăng trưởng GRDP", doc_ids=["y23"])
    assert points(s) == [("năm 2022", "actual", "8,0"), ("năm 2023", "estimate", "7,9")]
    assert not any(p.differs for p in s.points)  # the other report is not asked about


def test_years_filter_and_empty_indicator(index):
    s = build_series(index, DOCS, "thu ngân sách nhà nước", year_from=2023, year_to=2023)
    assert [p.text for p in s.points] == ["5.600"]
    with pytest.raises(QuestionError):
        build_series(index, DOCS, "  ")


def test_change_is_computed_between_first_and_last_actual_of_one_span(index):
    s = build_series(index, DOCS, "quy mô GRDP")
    assert change_line(s) is None  # a year is never compared with a half-year
    revenue = build_series(index, DOCS, "thu ngân sách nhà nước")
    line = change_line(revenue)  # 5.120 (2022) -> ước 5.600 (2023): +9,4%
    assert line and "năm 2022" in line and "ước 5.600" in line and "tăng 9,4%" in line
    growth = change_line(build_series(index, DOCS, "tăng trưởng GRDP", place="Hòa Bình")) or ""
    assert "giảm 0,1 điểm phần trăm" in growth  # 8,0% (2022, the first of two figures) -> ước 7,9%
    assert "năm 2022 có số liệu khác nhau" in growth


def test_cli_text_numbers_each_source_chunk_once(index):
    s = build_series(index, DOCS, "thu ngân sách nhà nước")
    assert [r.cites for r in rows(s)] == [[1], [2], [3]]
    text = series_text(s)
    assert "[1] Báo cáo KT-XH năm 2022" in text and "“Tổng thu NSNN năm 2022" in text


@pytest.mark.parametrize("question, indicator, years", [
    ("Tăng trưởng GRDP qua các năm thế nào?", "Tăng trưởng GRDP", (None, None)),
    ("Thu ngân sách từ 2022 đến nay?", "Thu ngân sách", (2022, None)),
    ("Diễn biến xuất khẩu từ năm 2022 đến 2024", "xuất khẩu", (2022, 2024)),
    ("Khach du lich qua cac nam ra sao?", "Khach du lich", (None, None)),
])
def test_questions_over_time_name_the_indicator(question, indicator, years):
    ask = series_question(question)
    assert ask is not None and ask.indicator == indicator and (ask.year_from, ask.year_to) == years


@pytest.mark.parametrize("question", ["Thu ngân sách 6 tháng đầu năm 2024 là bao nhiêu?", "qua các năm?",
                                      "Các nhiệm vụ năm 2024 gồm những gì?",
                                      "Tổng mức bán lẻ 6 tháng đầu năm 2024 của Điện Biên?",  # not "diễn biến"
                                      "So sánh thu ngân sách các năm 2022 và 2024",
                                      "Thu ngân sách các năm 2022 và 2024 chênh lệch bao nhiêu?"])
def test_other_questions_are_not_series(question):
    assert series_question(question) is None


def test_series_answer_cites_every_point(index):
    s = build_series(index, DOCS, "thu ngân sách nhà nước")
    chunks = {f.chunk_id: Chunk(f.chunk_id, f.doc_id, "t", "f", f.section, f.page, f.sentence) for f in index.facts}
    a = series_answer("Thu ngân sách qua các năm?", s, chunks.get)
    assert a.mode == "series" and a.verified and not a.refused
    assert len(a.citations) == 3 and [f["citations"] for f in a.facts] == [[1], [2], [3]]
    assert "5.120 tỷ đồng" in a.answer and "ước thực hiện" in a.answer


def test_an_indicator_given_only_as_a_change_is_read_by_its_signed_growth(index):
    s = build_series(index, DOCS, "doanh nghiệp thành lập mới")
    assert s.growth and [r.text for r in rows(s)] == ["-5,2"]
    assert "mức tăng/giảm (%)" in series_text(s) and "-5,2%" in series_text(s)


def test_no_change_is_stated_across_an_implausible_jump(index):
    from dataclasses import replace

    s = build_series(index, DOCS, "thu ngân sách nhà nước")
    slipped = replace(s, points=[s.points[0], replace(s.points[1], scale=1e12, unit="nghìn tỷ đồng")])
    line = change_line(slipped)
    assert line.startswith("Không tính mức thay đổi") and "%" not in line.split(":")[-1]


def test_answerer_answers_a_question_over_time_with_the_series_and_no_model(facts_answerer, gen):
    a = facts_answerer.ask("Tăng trưởng GRDP qua các kỳ thế nào?")
    assert a.mode == "series" and a.verified and gen.history == []
    got = [(f["period"]["label"], f["text"]) for f in a.facts]
    assert ("quý I năm 2024", "13,96") in got and ("quý II năm 2024", "14,31") in got
    assert ("6 tháng đầu năm 2024", "14,14") in got and "96.058" not in [t for _, t in got]
    assert all(f["citations"] for f in a.facts) and len(a.citations) >= 1
    assert a.request["series"]["unit"] == "%"
