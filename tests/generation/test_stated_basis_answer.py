"""A growth asked against a date the report states it against ("tăng bao nhiêu % so với
31/12/2023") is answered with that stated growth, even when no level at that date is given
(a report written for this test, figures invented)."""

import pytest

REPORT = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH SƠN LA                             Độc lập - Tự do - Hạnh phúc
Số: 140/BC-UBND                     Sơn La, ngày 25 tháng 6 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội 6 tháng đầu năm 2024
1. Tín dụng
Đến 30/6/2024, dư nợ cho vay đạt 48.310 tỷ đồng, tăng 2.115 tỷ đồng (+4,58%) so với thời điểm 31/12/2023.
"""


@pytest.fixture
def answerer(answerer_on):
    return answerer_on({"son-la-6t.txt": REPORT})


def test_the_stated_growth_answers_though_the_earlier_level_is_not_given(answerer):
    a = answerer.ask("Dư nợ cho vay đến 30/6/2024 tăng bao nhiêu % so với 31/12/2023?")
    assert not a.refused and "**4,58%**" in a.answer
