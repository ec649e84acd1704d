"""An abbreviation asked of a figure written out, an index named with its edition year, and a
time word no report writes (a monthly release and a year report written for these tests)."""

from assistant.generation.request import parse_request, terms_of

MONTHLY = """CỤC THỐNG KÊ TỈNH GIA LAI
BÁO CÁO
Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2025
1. Giá cả
Chỉ số giá tiêu dùng tháng 10/2025 tăng 0,37% so với tháng trước và tăng 2,84% so với cùng kỳ năm trước. Bình quân 10 tháng năm 2025, CPI tăng 3,12% so với cùng kỳ năm 2024.
2. Xã hội
Trong 10 tháng năm 2025, tỷ lệ hộ nghèo toàn tỉnh theo chuẩn đa chiều còn 4,6%.
"""

YEARLY = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
1. Cải cách hành chính
Chỉ số PAPI 2023 của tỉnh xếp thứ 34/63, tăng 5 bậc; chỉ số SIPAS 2023 đạt 80,21%.
"""


def test_a_written_out_indicator_carries_its_abbreviation():
    assert "cpi" in terms_of("Chỉ số giá tiêu dùng")
    assert "grdp" in terms_of("Tổng sản phẩm trên địa bàn")


def test_an_abbreviation_asked_finds_the_figure_written_out(answerer_on):
    answerer = answerer_on({"gia-lai-t10-2025.txt": MONTHLY})
    a = answerer.ask("CPI tháng 10/2025 tăng bao nhiêu so với cùng kỳ năm trước?")
    assert not a.refused and "2,84" in a.answer.split("\n")[0], a.answer


def test_an_index_named_with_its_edition_year_keeps_its_name():
    req = parse_request("Chỉ số PAPI 2023 của tỉnh xếp hạng bao nhiêu?")
    assert "papi" in req.terms
    assert req.to_dict()["periods"] == ["năm 2023"]


def test_a_rank_of_an_index_with_its_edition_year_is_answered(answerer_on):
    answerer = answerer_on({"quang-ngai-2024.txt": YEARLY})
    a = answerer.ask("Chỉ số PAPI 2023 của tỉnh xếp hạng bao nhiêu?")
    assert not a.refused and "34/63" in a.answer.split("\n")[0], a.answer


def test_a_time_word_no_report_writes_is_no_reason_to_refuse(answerer_on):
    answerer = answerer_on({"gia-lai-t10-2025.txt": MONTHLY})
    a = answerer.ask("Tỷ lệ hộ nghèo của tỉnh theo chuẩn đa chiều đến hết 10 tháng 2025 còn bao nhiêu?")
    assert not a.refused and "4,6" in a.answer.split("\n")[0], a.answer
