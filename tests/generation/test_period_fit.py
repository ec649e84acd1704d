"""Whether a figure's period answers the period asked (facts written for the tests)."""

from assistant.generation.factpick import mismatch
from assistant.generation.request import parse_request
from assistant.ingest.periods import Period
from assistant.types import Fact


def fact(value, text, unit, role, period: Period, indicator, sentence, kind="actual"):
    start = sentence.index(text)
    return Fact("f1", "d", "c1", value, text, unit, 1.0, role, None, kind, period.to_dict(), None, indicator,
                sentence, 1, start, start + len(text))


def test_a_rank_at_the_end_of_a_month_is_the_rank_of_the_months_to_date():
    s = "Chỉ số PAPI của tỉnh đứng thứ 12/63 tỉnh, thành phố."
    f = fact(12, "12/63", "rank", "rank", Period("first5", 2024), "Chỉ số PAPI", s)
    assert "kỳ" not in mismatch(f, parse_request("Chỉ số PAPI của tỉnh đứng thứ mấy tháng 5/2024?"), None)
    assert "kỳ" in mismatch(f, parse_request("Chỉ số PAPI của tỉnh đứng thứ mấy tháng 3/2024?"), None)


def test_a_flow_of_the_months_to_date_does_not_answer_the_month():
    s = "Thành phố Lào Cai thu 640,2 tỷ đồng."
    f = fact(640.2, "640,2", "tỷ đồng", "level", Period("first5", 2024), "thu ngân sách", s)
    assert "kỳ" in mismatch(f, parse_request("Thành phố Lào Cai thu ngân sách tháng 5/2024 bao nhiêu?"), None)
    assert "kỳ" not in mismatch(f, parse_request("Thành phố Lào Cai thu ngân sách 5 tháng năm 2024 bao nhiêu?"), None)


def test_a_question_naming_the_report_takes_the_index_edition_it_states():
    s = "Chỉ số SIPAS xếp thứ 21/63 tỉnh, thành phố."
    f = fact(21, "21/63", "rank", "rank", Period("year", 2023), "Chỉ số SIPAS", s)
    report = Period("h1", 2024)
    req = parse_request("Theo báo cáo 6 tháng đầu năm 2024, chỉ số SIPAS của tỉnh xếp thứ mấy?")
    assert req.source_periods == [report]
    assert "kỳ" not in mismatch(f, req, None, report)
    assert "kỳ" in mismatch(f, parse_request("Chỉ số SIPAS 6 tháng đầu năm 2024 xếp thứ mấy?"), None, report)
    other = fact(9, "9,1", "%", "change", Period("year", 2023), "thu ngân sách", "Thu ngân sách tăng 9,1%.")
    assert "kỳ" in mismatch(other, parse_request("Theo báo cáo 6 tháng đầu năm 2024, thu ngân sách tăng bao nhiêu?"),
                            None, report)


def test_a_question_naming_a_monthly_report_takes_its_months_to_date():
    s = "Số doanh nghiệp giải thể tăng 14,3% so cùng kỳ."
    f = fact(14.3, "14,3", "%", "change", Period("first5", 2024), "doanh nghiệp giải thể", s)
    report = Period("m5", 2024)
    req = parse_request("Theo kết luận phiên họp UBND tháng 5/2024, số doanh nghiệp giải thể tăng bao nhiêu %?")
    assert "kỳ" not in mismatch(f, req, None, report)
    assert "kỳ" in mismatch(f, parse_request("Số doanh nghiệp giải thể tháng 5/2024 tăng bao nhiêu %?"), None, report)
    quarter = fact(9.0, "9", "%", "change", Period("q2", 2024), "doanh nghiệp giải thể", "Quý II tăng 9%.")
    half = parse_request("Theo báo cáo 6 tháng đầu năm 2024, số doanh nghiệp giải thể tăng bao nhiêu %?")
    assert "kỳ" in mismatch(quarter, half, None, Period("h1", 2024))


def test_a_crop_season_of_a_year_is_answered_by_a_report_on_part_of_that_year():
    s = "Tính đến giữa tháng 7, toàn tỉnh đã cấy 41.300 ha lúa mùa, giảm 0,8% so với vụ mùa năm trước."
    f = fact(41300, "41.300", "ha", "level", Period("m7", 2025), "diện tích cấy lúa mùa", s)
    assert "kỳ" not in mismatch(f, parse_request("Năm 2025 tỉnh cấy bao nhiêu ha lúa mùa?"), None)
    # another season, another year, or no season asked: the month's figure is not the year's
    assert "kỳ" in mismatch(f, parse_request("Năm 2025 tỉnh cấy bao nhiêu ha lúa Hè Thu?"), None)
    assert "kỳ" in mismatch(f, parse_request("Năm 2024 tỉnh cấy bao nhiêu ha lúa mùa?"), None)
    assert "kỳ" in mismatch(f, parse_request("Năm 2025 tỉnh cấy bao nhiêu ha lúa?"), None)
    two = "Vụ Chiêm gieo trồng 9.120 ha, vụ Mùa gieo trồng 8.700 ha."
    g = fact(8700, "8.700", "ha", "level", Period("first9", 2025), "gieo trồng", two)
    assert "kỳ" not in mismatch(g, parse_request("Vụ Mùa năm 2025 gieo trồng bao nhiêu ha?"), None)
    assert "kỳ" in mismatch(g, parse_request("Vụ Chiêm năm 2025 gieo trồng bao nhiêu ha?"), None)


def test_a_share_of_the_plan_one_body_set_does_not_answer_for_another():
    s = "Thu ngân sách ước đạt 1.204 tỷ đồng, bằng 31,5% dự toán Trung ương giao và bằng 28,0% dự toán HĐND tỉnh giao."
    central = fact(31.5, "31,5", "%", "share_plan", Period("q1", 2025), "Thu ngân sách", s)
    council = fact(28.0, "28,0", "%", "share_plan", Period("q1", 2025), "Thu ngân sách", s)
    req = parse_request("Thu ngân sách quý I/2025 bằng bao nhiêu % dự toán HĐND tỉnh giao?")
    assert "gốc so sánh" in mismatch(central, req, None) and "gốc so sánh" not in mismatch(council, req, None)
    req = parse_request("Thu ngân sách quý I/2025 bằng bao nhiêu % dự toán Trung ương giao?")
    assert "gốc so sánh" not in mismatch(central, req, None) and "gốc so sánh" in mismatch(council, req, None)


def test_a_count_of_what_missed_the_plan_answers_only_a_question_about_those():
    s = "Trong 20 chỉ tiêu chủ yếu, có 16 chỉ tiêu đạt và vượt, 4 chỉ tiêu không đạt kế hoạch."
    whole = fact(20, "20", "chỉ tiêu", "count", Period("year", 2024), "chỉ tiêu chủ yếu", s)
    missed = fact(4, "4", "chỉ tiêu", "count", Period("year", 2024), "chỉ tiêu không đạt kế hoạch", s)
    req = parse_request("Năm 2024 có bao nhiêu chỉ tiêu chủ yếu không đạt kế hoạch?")
    assert "chỉ tiêu" in mismatch(whole, req, None) and "chỉ tiêu" not in mismatch(missed, req, None)
    assert "chỉ tiêu" in mismatch(missed, parse_request("Năm 2024 có bao nhiêu chỉ tiêu chủ yếu?"), None)
