"""A change asked against a named basis (a report written for this test, figures invented):
"so với quý IV/2024", "so với tháng 12 năm trước", "so với cùng kỳ năm 2023", "so với cuối năm
2024" name which stated change is meant; a change stated against another basis is never shown."""

import pytest

REPORT = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NINH THUẬN                          Độc lập - Tự do - Hạnh phúc
Số: 41/BC-UBND                     Ninh Thuận, ngày 30 tháng 3 năm 2025
BÁO CÁO
Tình hình kinh tế - xã hội quý I năm 2025
1. Sản xuất nông nghiệp
Sản lượng muối quý I đạt 52.300 tấn, tăng 7,1% so cùng kỳ nhưng giảm 21,4% so với quý IV/2024 do mưa trái mùa.
Sản lượng nho tươi quý I ước đạt 8.150 tấn, tăng 3,3% so với cùng kỳ năm trước.
2. Sản xuất công nghiệp
Chỉ số sản xuất công nghiệp (IIP) quý I năm 2025 ước tăng 6,25% so với quý I năm 2024 và giảm 2,8% so với quý IV/2024.
3. Giá cả
Chỉ số giá tiêu dùng (CPI) tháng 3/2025 tăng 0,15% so với tháng trước, tăng 1,72% so với tháng 12 năm trước và tăng 3,41% so với cùng kỳ năm 2024.
4. Ngân sách
Tổng chi ngân sách địa phương quý I ước đạt 2.450 tỷ đồng, bằng 21,3% dự toán năm, bằng 104,2% so cùng kỳ.
Tỷ trọng khu vực dịch vụ trong GRDP quý I năm 2025 là 41,7%. Tỷ trọng khu vực dịch vụ trong GRDP quý I năm 2024 là 39,2%. Tỷ trọng khu vực công nghiệp - xây dựng tăng 0,8 điểm phần trăm so với cùng kỳ.
5. Xã hội
Tỷ lệ hộ nghèo đến cuối quý I còn 7,25%, giảm 0,93 điểm phần trăm so với cuối năm 2024.
Tổng sản phẩm trên địa bàn (GRDP) quý I năm 2025 ước tăng 8,4% (cùng kỳ năm trước tăng 6,9%).
"""


@pytest.fixture
def answerer(answerer_on):
    return answerer_on({"ninh-thuan-q1.txt": REPORT})


def test_change_against_the_quarter_before(answerer):
    a = answerer.ask("Sản lượng muối quý I/2025 của Ninh Thuận tăng hay giảm so với quý IV/2024, bao nhiêu %?")
    assert not a.refused and "**21,4%**" in a.answer and "giảm" in a.answer and "**7,1" not in a.answer


def test_change_against_the_quarter_before_asked_how_it_changed(answerer):
    a = answerer.ask("Chỉ số sản xuất công nghiệp quý I/2025 của Ninh Thuận so với quý IV/2024 thay đổi thế nào?")
    assert not a.refused and "**2,8%**" in a.answer and "**6,25" not in a.answer


def test_change_against_december_of_the_year_before(answerer):
    a = answerer.ask("CPI tháng 3/2025 của Ninh Thuận tăng bao nhiêu so với tháng 12 năm trước?")
    assert not a.refused and "**1,72%**" in a.answer
    b = answerer.ask("CPI tháng 3/2025 của Ninh Thuận tăng bao nhiêu so với tháng 12/2024?")
    assert not b.refused and "**1,72%**" in b.answer


def test_change_against_the_same_period_named_by_its_year(answerer):
    a = answerer.ask("Chỉ số giá tiêu dùng tháng 3 năm 2025 của Ninh Thuận so với cùng kỳ năm 2024 tăng bao nhiêu?")
    assert not a.refused and "**3,41%**" in a.answer


def test_points_against_the_end_of_the_year_before(answerer):
    a = answerer.ask("Tỷ lệ hộ nghèo quý I/2025 của Ninh Thuận giảm bao nhiêu điểm phần trăm so với cuối năm 2024?")
    assert not a.refused and "**0,93" in a.answer


def test_a_change_stated_against_another_basis_is_not_shown(answerer):
    # only the growth over the same period is stated: the quarter before is not
    a = answerer.ask("Sản lượng nho tươi quý I/2025 của Ninh Thuận tăng bao nhiêu % so với quý IV/2024?")
    assert a.refused and "3,3" not in a.answer.split("\n")[0]


def test_growth_rate_higher_than_the_same_period_of_the_year_before(answerer):
    a = answerer.ask("Tăng trưởng GRDP quý I/2025 của Ninh Thuận cao hơn cùng kỳ năm trước bao nhiêu điểm phần trăm?")
    assert not a.refused and "1,5" in a.answer


def test_ratio_to_the_same_period_is_not_the_share_of_the_plan(answerer):
    a = answerer.ask("Tổng chi ngân sách địa phương quý I/2025 của Ninh Thuận bằng bao nhiêu % so với cùng kỳ?")
    assert not a.refused and "**104,2%**" in a.answer and "**21,3" not in a.answer


def test_a_share_against_a_named_period_is_computed_not_quoted(answerer):
    a = answerer.ask("Tỷ trọng khu vực dịch vụ trong GRDP quý I/2025 của Ninh Thuận tăng bao nhiêu điểm % so với quý I/2024?")
    assert not a.refused and "2,5" in a.answer


def test_rise_or_fall_asks_the_change_not_the_level(answerer):
    a = answerer.ask("Sản lượng nho tươi quý I/2025 của Ninh Thuận tăng hay giảm so với cùng kỳ?")
    assert not a.refused and "**3,3%**" in a.answer and "8.150" not in a.answer.split("\n")[0]


def test_points_so_voi_cung_ky_is_the_stated_change_not_a_second_side(answerer):
    a = answerer.ask("Tỷ trọng khu vực công nghiệp - xây dựng quý I/2025 của Ninh Thuận tăng bao nhiêu điểm phần trăm so với cùng kỳ?")
    assert not a.refused and "0,8" in a.answer
