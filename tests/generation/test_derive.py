"""Figures a report implies but does not state, worked out in code from two it states (reports
written for these tests, figures invented)."""

REPORT = """ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG
BÁO CÁO
Tình hình kinh tế - xã hội năm 2024
III. VĂN HÓA - XÃ HỘI
2. Giảm nghèo
Đến cuối năm, tỷ lệ hộ nghèo theo chuẩn đa chiều còn 6,41%, giảm 1,73 điểm phần trăm so với cuối năm 2023. Tốc độ tăng thu nhập bình quân đạt 8,2%, tăng 1,5% so với năm 2023.
"""


def test_the_rate_before_a_change_in_points(answerer_on):
    answerer = answerer_on({"soc-trang-2024.txt": REPORT})
    a = answerer.ask("Tỷ lệ hộ nghèo đa chiều cuối năm 2023 là bao nhiêu?")
    assert a.mode == "computed" and not a.refused, a.answer
    assert "**8,14%**" in a.answer and "6,41" in a.answer and "1,73" in a.answer
    assert a.facts[-1]["op"] == "level_before" and abs(a.facts[-1]["value"] - 8.14) < 1e-6


def test_no_level_is_divided_back_from_a_growth_in_percent(answerer_on):
    answerer = answerer_on({"soc-trang-2024.txt": REPORT})
    a = answerer.ask("Tốc độ tăng thu nhập bình quân năm 2023 là bao nhiêu?")
    assert a.mode != "computed" and "6,7" not in a.answer, a.answer
    # nor is a change asked for answered by a level worked out
    b = answerer.ask("Tỷ lệ hộ nghèo năm 2022 là bao nhiêu?")
    assert b.mode != "computed", b.answer
