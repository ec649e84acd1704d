"""A growth asked "so với tháng trước" (a report written for this test, figures invented): the
basis names which growth figure is meant, it is not the second side of a comparison."""

import pytest

REPORT = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ NAM                             Độc lập - Tự do - Hạnh phúc
Số: 88/BC-UBND                     Hà Nam, ngày 28 tháng 5 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội tháng 5 năm 2024
1. Sản xuất công nghiệp
Chỉ số sản xuất công nghiệp (IIP) tháng 5 tăng 3,2% so với tháng trước và tăng 9,4% so với cùng kỳ năm trước.
2. Thương mại
Tổng mức bán lẻ hàng hóa tháng 5 ước đạt 4.120 tỷ đồng.
"""


@pytest.fixture
def answerer(answerer_on):
    return answerer_on({"ha-nam-t5.txt": REPORT})


def test_growth_over_the_month_before_is_one_figure(answerer):
    a = answerer.ask("Chỉ số IIP tháng 5/2024 tăng bao nhiêu so với tháng trước?")
    assert not a.refused and "**3,2%**" in a.answer and "**9,4" not in a.answer


def test_growth_over_the_same_period_is_the_other_figure(answerer):
    a = answerer.ask("Chỉ số IIP tháng 5/2024 tăng bao nhiêu so với cùng kỳ năm trước?")
    assert not a.refused and "**9,4%**" in a.answer and "**3,2" not in a.answer
