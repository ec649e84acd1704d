"""A sentence that opens on a period alone ("Lũy kế 9 tháng ước đạt …", "Tính chung 11 tháng, …")
carries on the one indicator of the sentence before (sentences written for these tests)."""

from tests.ingest.test_facts_scope import facts_of


def _by_text(text: str) -> dict:
    return {f.text: f for f in facts_of(text)}


def test_a_running_total_takes_the_indicator_of_the_sentence_before():
    f = _by_text("Doanh thu du lịch lữ hành tháng 9 ước đạt 96,5 tỷ đồng, tăng 4,2%. "
                 "Lũy kế 9 tháng ước đạt 812,3 tỷ đồng, tăng 9,8% so với cùng kỳ, bằng 77,4% kế hoạch năm.")
    for figure in ("812,3", "9,8", "77,4"):
        assert f[figure].indicator == "Doanh thu du lịch lữ hành", figure
    assert f["812,3"].period["label"] == "9 tháng đầu năm 2024"


def test_a_period_alone_after_two_indicators_names_none():
    f = _by_text("Thu ngân sách đạt 300 tỷ đồng, chi ngân sách đạt 280 tỷ đồng. Tính chung 9 tháng đạt 900 tỷ đồng.")
    assert f["900"].indicator == ""


def test_a_sentence_naming_its_own_indicator_keeps_it():
    f = _by_text("Doanh thu du lịch tháng 9 đạt 96,5 tỷ đồng. 9 tháng, vốn đầu tư công giải ngân 1.020 tỷ đồng.")
    assert "vốn đầu tư công" in f["1.020"].indicator


def test_an_age_bound_is_part_of_the_name_not_a_figure():
    f = _by_text("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 96,1%, tăng 0,8 điểm phần trăm.")
    assert "1" not in f
    assert f["96,1"].indicator.startswith("Tỷ lệ trẻ em dưới 1 tuổi")
    assert f["0,8"].indicator.startswith("Tỷ lệ trẻ em dưới 1 tuổi")


def test_the_denominator_of_a_rate_in_its_name_is_no_figure():
    f = _by_text("Tỷ lệ bao phủ bảo hiểm y tế đạt 93,1%; số bác sĩ trên 10.000 dân đạt 11,4 bác sĩ.")
    assert "10.000" not in f and f["11,4"].indicator == "bác sĩ trên 10.000 dân"
    g = _by_text("Toàn huyện có trên 10.000 dân được hỗ trợ gạo cứu đói.")
    assert "10.000" in g  # "có trên 10.000 dân": a count, not a denominator


def test_a_count_of_years_is_no_figure_but_a_rank_before_a_year_is():
    f = _by_text("Thu ngân sách tăng bình quân 14,2%/năm; tổng thu 5 năm ước đạt 96.310 tỷ đồng.")
    assert "5" not in f and "96.310" in f
    g = _by_text("Chỉ số PCI năm 2023 của tỉnh xếp thứ 7 năm 2023, tăng 3 bậc.")
    assert "7" in g
