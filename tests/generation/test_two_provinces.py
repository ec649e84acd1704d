"""Two provinces in one corpus (reports written for this test, figures invented): a figure of
one is never given for the other, by the fact path or by the sentence fallback."""

import pytest

from assistant.generation.generator import ScriptedGenerator

REPORT_X = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐIỆN BIÊN                          Độc lập - Tự do - Hạnh phúc
Số: 201/BC-UBND                    Điện Biên, ngày 28 tháng 6 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội 6 tháng đầu năm 2024
1. Thương mại
Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng ước đạt 9.581,2 tỷ đồng, tăng 11,4% so với cùng kỳ.
Toàn tỉnh Điện Biên có 312 doanh nghiệp thành lập mới.
"""
REPORT_Y = """ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAI CHÂU                           Độc lập - Tự do - Hạnh phúc
Số: 377/BC-UBND                    Lai Châu, ngày 27 tháng 9 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2024
1. Thương mại
Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng ước đạt 7.204,5 tỷ đồng, tăng 9,8% so với cùng kỳ.
Toàn tỉnh Lai Châu có 198 doanh nghiệp thành lập mới.
"""


@pytest.fixture
def answerer(answerer_on):
    gen = ScriptedGenerator()
    # the sentence fallback, asked, would copy the other province's verified figure
    for _ in range(3):
        gen.enqueue("Tổng mức bán lẻ đạt 9.581,2 tỷ đồng [1].")
    return answerer_on({"dien-bien-6t.txt": REPORT_X, "lai-chau-9t.txt": REPORT_Y}, gen)


def test_each_province_gets_its_own_figure(answerer):
    x = answerer.ask("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng đầu năm 2024 của Điện Biên?")
    y = answerer.ask("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng năm 2024 của tỉnh Lai Châu đạt bao nhiêu?")
    assert x.facts[0]["text"] == "9.581,2" and x.facts[0]["place"] == "Điện Biên"
    assert y.facts[0]["text"] == "7.204,5" and y.facts[0]["place"] == "Lai Châu"


def test_a_period_one_province_reports_is_refused_for_the_other(answerer):
    a = answerer.ask("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 6 tháng đầu năm 2024 của Lai Châu là bao nhiêu?")
    assert a.refused
    assert "9.581,2" not in a.answer.split("\n")[0]
    assert all(f["place"] == "Lai Châu" or "nơi" in f["mismatch"] for f in a.facts)


def test_counts_are_kept_apart_by_place(answerer):
    a = answerer.ask("Lai Châu có bao nhiêu doanh nghiệp thành lập mới trong 9 tháng năm 2024?")
    assert a.facts and a.facts[0]["text"] == "198"


def test_sentence_fallback_is_kept_only_for_the_place_asked(answerer):
    from assistant.types import Answer

    chunks = {c.doc_id: c for c in answerer.searcher.data.chunks}
    from_x = Answer("q", "…", [answerer._hit_for(chunks["dien-bien-6t"].chunk_id, [])])
    from_y = Answer("q", "…", [answerer._hit_for(chunks["lai-chau-9t"].chunk_id, [])])
    assert not answerer._about_place(from_x, {"place": "Lai Châu"})  # the other province's sentence
    assert answerer._about_place(from_y, {"place": "tỉnh Lai Châu"})
    assert answerer._about_place(from_x, {"place": None})
    assert not answerer._about_place(Answer("q", "…", []), {"place": "Lai Châu"})
