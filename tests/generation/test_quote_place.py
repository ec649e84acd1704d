"""The sentence fallback for a question naming a place (a report written for this test, figures
invented): a sentence that only shares the place's name is not quoted as the answer."""

import pytest

REPORT = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH YÊN BÁI                            Độc lập - Tự do - Hạnh phúc
Số: 140/BC-UBND                    Yên Bái, ngày 25 tháng 10 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội 10 tháng năm 2024
1. Du lịch
10 tháng, toàn tỉnh đón 1.240.000 lượt khách du lịch, doanh thu du lịch đạt 2.150 tỷ đồng; riêng thị xã Nghĩa Lộ đón 310.000 lượt khách.
2. Thu ngân sách
Thu ngân sách nhà nước toàn tỉnh 10 tháng ước đạt 3.050 tỷ đồng, bằng 81% dự toán.
"""


@pytest.fixture
def answerer(answerer_on):
    return answerer_on({"yen-bai-10t.txt": REPORT})


def test_a_sentence_sharing_only_the_place_name_is_not_the_answer(answerer):
    a = answerer.ask("Thị xã Nghĩa Lộ thu ngân sách 10 tháng năm 2024 được bao nhiêu?")
    assert a.refused
    assert "310.000" not in a.answer.split("\n")[0] and "1.240.000" not in a.answer.split("\n")[0]


def test_a_sentence_about_the_place_and_the_indicator_is_quoted(answerer):
    a = answerer.ask("Thị xã Nghĩa Lộ đón bao nhiêu lượt khách trong 10 tháng năm 2024?")
    assert not a.refused and "310.000" in a.answer
