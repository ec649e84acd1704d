"""How a comparison question is split into its two sides (pure parsing, no index)."""

from assistant.generation import compare
from assistant.generation.request import parse_request

PLACES = ["Hà Nam", "Ninh Bình", "Nam Định"]


def sides(question: str):
    split = compare.split(parse_request(question, PLACES), PLACES)
    assert split is not None, question
    return [(s.request.periods[0].label(), s.request.place, s.request.kind, s.request.unit) for s in split.sides]


def test_each_side_keeps_its_own_place():
    got = sides("Chi thường xuyên quý II/2024 của Ninh Bình cao hơn quý II/2023 của Nam Định bao nhiêu?")
    assert got[0][:2] == ("quý II năm 2024", "Ninh Bình")
    assert got[1][:2] == ("quý II năm 2023", "Nam Định")


def test_a_plan_is_compared_with_an_actual_figure():
    got = sides("Dự toán chi ngân sách năm 2025 cao hơn số thực chi năm 2024 bao nhiêu tỷ đồng?")
    assert [g[2] for g in got] == ["target", "actual"]
    got = sides("Tốc độ tăng GRDP thực tế năm 2024 thấp hơn kế hoạch 2024 bao nhiêu điểm %?")
    assert [(g[0], g[2]) for g in got] == [("năm 2024", "actual"), ("năm 2024", "target")]


def test_points_between_two_rates_are_asked_of_each_side_as_a_rate():
    got = sides("Tỷ lệ hộ nghèo năm 2024 của Hà Nam thấp hơn năm 2023 bao nhiêu điểm phần trăm?")
    assert [g[3] for g in got] == ["%", "%"]
    assert [g[1] for g in got] == ["Hà Nam", "Hà Nam"]


def test_the_source_of_a_question_is_not_its_place():
    req = parse_request("Theo báo cáo của UBND tỉnh Ninh Bình, GRDP năm 2024 của Hà Nam tăng bao nhiêu?", PLACES)
    assert req.place == "Hà Nam"
    req = parse_request("GRDP năm 2024 trong báo cáo của UBND tỉnh Ninh Bình tăng bao nhiêu?", PLACES)
    assert req.place is None


def test_two_indicators_of_one_period_are_the_two_sides():
    split = compare.split(parse_request("Đến 31/12/2024 tổng huy động vốn lớn hơn dư nợ bao nhiêu?", PLACES), PLACES)
    assert [s.label for s in split.sides] == ["tổng huy động vốn", "dư nợ"]
    assert all(s.request.periods[0].label() == "năm 2024" for s in split.sides)
    ratio = compare.split(parse_request(
        "Doanh thu viễn thông năm 2024 gấp khoảng bao nhiêu lần doanh thu bưu chính?", PLACES), PLACES)
    assert ratio.ratio and [s.label for s in ratio.sides] == ["Doanh thu viễn thông", "doanh thu bưu chính"]


def test_the_basis_of_one_growth_figure_is_not_a_second_indicator():
    req = parse_request("IIP riêng tháng 9/2024 tăng bao nhiêu so với cùng kỳ năm trước?", PLACES)
    split = compare.split(req, PLACES)
    assert split is None or all("cùng kỳ" not in s.label for s in split.sides)


def test_a_difference_is_written_in_the_finer_unit_so_no_digit_is_lost():
    from assistant.types import Fact

    def fact(i, text, value, unit, scale):
        return Fact(f"f{i}", "d", "c", value, text, unit, scale, "level", None, "actual", None, None, "xuất khẩu",
                    f"đạt {text} {unit}", 1, 4, 4 + len(text))
    comp = compare.Comparison([compare.Side("A", parse_request("x"), "x"), compare.Side("B", parse_request("x"), "x")])
    line, computed = compare.compute(comp, [fact(1, "6,12", 6.12, "tỷ USD", 1e9), fact(2, "2.326", 2326.0, "triệu USD", 1e6)])
    assert computed["unit"] == "triệu USD" and abs(computed["value"] - 3794.0) < 1e-6
    assert "3.794 triệu USD" in line


def test_the_compared_indicator_is_everything_before_the_comparison_word():
    split = compare.split(parse_request(
        "Số hợp tác xã đạt chuẩn kiểu mới cuối năm 2024 tăng bao nhiêu hợp tác xã so với cuối năm 2021?", PLACES), PLACES)
    terms = split.sides[0].request.terms
    assert {"hợp", "tác", "chuẩn", "kiểu", "mới"} <= set(terms)
    # the difference of two levels is asked, not the increments each report states
    assert [s.request.role for s in split.sides] == ["level", "level"]


def test_a_compared_growth_keeps_the_growth_role_and_drops_its_word_muc():
    split = compare.split(parse_request(
        "Mức tăng doanh thu du lịch quý III/2024 cao hơn quý II/2024 bao nhiêu điểm phần trăm?", PLACES), PLACES)
    assert [s.request.role for s in split.sides] == ["change", "change"]
    assert "mức" not in split.sides[0].request.terms and "doanh" in split.sides[0].request.terms


def test_a_percentage_change_between_two_dates_asks_each_side_for_a_level_of_any_unit():
    split = compare.split(parse_request(
        "Dư nợ tín dụng 30/6/2024 tăng bao nhiêu % so với 31/12/2021?", PLACES), PLACES)
    assert split.growth and compare.two_periods(split)
    assert [(s.request.role, s.request.unit) for s in split.sides] == [("level", None), ("level", None)]


def test_a_place_is_not_part_of_the_compared_indicator():
    split = compare.split(parse_request(
        "Kim ngạch nhập khẩu 9 tháng 2024 của Hà Nam cao hơn của Nam Định bao nhiêu?", PLACES), PLACES)
    assert [s.request.place for s in split.sides] == ["Hà Nam", "Nam Định"]
    assert all("nam" not in s.request.terms for s in split.sides)


def test_a_modifier_after_the_asked_words_narrows_the_indicator():
    asked = ["xã", "chuẩn", "nông", "thôn", "mới"]
    assert compare.narrowing_tail("xã đạt chuẩn nông thôn mới nâng cao", asked) == ["nâng", "cao"]
    assert compare.narrowing_tail("xã đạt chuẩn nông thôn mới", asked) == []
    assert compare.narrowing_tail("GRDP bình quân đầu người", ["grdp"]) == ["bình", "quân", "đầu", "người"]
    # an abbreviation in parentheses covers the words it abbreviates; a price basis narrows nothing
    assert compare.narrowing_tail("Tăng trưởng kinh tế (GRDP)", ["grdp"]) == []
    assert compare.narrowing_tail("Quy mô GRDP (giá so sánh)", ["grdp"]) == []


def _fact(i, indicator, text, value, unit, role="level", sentence=None, period="năm 2024"):
    from assistant.types import Fact

    sentence = sentence or f"{indicator} đạt {text} {unit}"
    start = sentence.index(text)
    return Fact(f"f{i}", "d", "c", value, text, unit, 1.0, role, None, "actual", {"label": period}, None,
                indicator, sentence, None, start, start + len(text))


class _Scored:
    def __init__(self, fact, score=1.0):
        self.fact, self.score = fact, score


def test_both_sides_must_measure_the_same_thing_in_the_same_unit():
    a = [_Scored(_fact(1, "Tốc độ tăng trưởng GRDP", "8,1", 8.1, "%"))]
    b = [_Scored(_fact(2, "GRDP bình quân đầu người", "95,2", 95.2, "triệu đồng"), 1.2),
         _Scored(_fact(3, "Tốc độ tăng trưởng GRDP", "7,4", 7.4, "%"), 0.9)]
    x, y = compare.choose_pair(a, b)
    assert y.fact.fact_id == "f3"
    # no pair of one measure: nothing is computed
    assert compare.choose_pair(a, b[:1]) is None
    unrelated = [_Scored(_fact(4, "tỷ lệ lấp đầy khu công nghiệp", "61", 61.0, "%"))]
    assert compare.choose_pair(a, unrelated) is None
    # exports against imports share no word, and need not
    assert compare.choose_pair([_Scored(_fact(5, "xuất khẩu", "10", 10.0, "%"))], unrelated, same_indicator=False)


def test_an_increment_is_not_a_level():
    assert compare._increment(_fact(1, "xã đạt chuẩn", "07", 7.0, "xã", "count",
                                    "Trong năm có thêm 07 xã đạt chuẩn, nâng tổng số lên 120 xã"))
    assert not compare._increment(_fact(2, "xã đạt chuẩn", "120", 120.0, "xã", "count",
                                        "Trong năm có thêm 07 xã đạt chuẩn, nâng tổng số lên 120 xã"))


def test_a_narrowed_indicator_loses_to_the_one_asked_and_a_reference_back_is_neutral():
    a = [_Scored(_fact(1, "Tăng trưởng kinh tế (GRDP)", "8,1", 8.1, "%"))]
    b = [_Scored(_fact(2, "GRDP bình quân đầu người", "9,5", 9.5, "%"), 1.1),
         _Scored(_fact(3, "Tổng sản phẩm trên địa bàn", "7,4", 7.4, "%"), 0.9)]
    x, y = compare.choose_pair(a, b, asked=["grdp"])
    assert y.fact.fact_id == "f3"  # "GRDP" written out, not the per-head figure
    back = [_Scored(_fact(4, "Mức tăng này", "6,2", 6.2, "%"))]
    assert compare.choose_pair(a, back) is not None


def test_a_figure_without_unit_or_sharing_one_word_is_not_the_other_side():
    a = [_Scored(_fact(1, "Thu ngân sách nhà nước trên địa bàn", "9.800", 9800.0, "tỷ đồng"))]
    assert compare.choose_pair(a, [_Scored(_fact(2, "nộp ngân sách của doanh nghiệp", "85", 85.0, "tỷ đồng"))]) is None
    assert compare.choose_pair(
        [_Scored(_fact(3, "doanh nghiệp đang hoạt động", "410", 410.0, "doanh nghiệp"))],
        [_Scored(_fact(4, "doanh nghiệp đang hoạt động", "5", 5.0, ""))]) is None
    assert compare.choose_pair(a, [_Scored(_fact(5, "Tổng thu NSNN", "8.700", 8700.0, "tỷ đồng"))]) is not None


def test_times_is_the_ratio_unit_not_a_side_unit():
    got = sides("Kim ngạch xuất khẩu năm 2024 của Hà Nam gấp bao nhiêu lần năm 2021?")
    assert [g[3] for g in got] == [None, None]


def test_how_many_percent_more_of_two_amounts_is_their_relative_difference():
    split = compare.split(parse_request("Vốn đầu tư năm 2024 của Hà Nam cao hơn năm 2023 bao nhiêu %?", PLACES), PLACES)
    assert split.growth and [s.request.unit for s in split.sides] == [None, None]
    # of two rates, the difference stays in points
    split = compare.split(parse_request("Tỷ lệ hộ nghèo năm 2024 của Hà Nam thấp hơn năm 2023 bao nhiêu %?", PLACES), PLACES)
    assert not split.growth


def test_a_growth_is_never_paired_with_an_amount():
    from assistant.types import Fact

    def fact(role, text, indicator):
        return Fact("f" + text, "d", "c", float(text.replace(",", ".")), text, "%", 1.0, role, None, "actual",
                    None, None, indicator, "", 1, 0, 1)

    fall, rate = fact("change", "4", "tỷ lệ hộ nghèo"), fact("level", "21,9", "tỷ lệ hộ nghèo")
    growth_rate = fact("level", "14,5", "tốc độ tăng GRDP")
    assert not compare.comparable(fall, rate)
    assert compare.comparable(fall, growth_rate) and compare.comparable(rate, rate)
    assert not compare.comparable(rate, fact("share_plan", "98", "tỷ lệ hộ nghèo"))


def test_a_place_name_that_folds_to_a_cue_asks_no_comparison():
    from assistant.generation import compare
    from assistant.generation.request import parse_request

    # "Hòn" folds to "hon" like "hơn": written with diacritics, it is a name, not "cao hơn"
    req = parse_request("Cảng Hòn La đón bao nhiêu tấn hàng trong 9 tháng năm 2024?")
    assert compare.split(req, []) is None
    req = parse_request("Sản lượng cảng Hòn La 9 tháng năm 2024 cao hơn cùng kỳ năm 2023 bao nhiêu tấn?")
    assert compare.split(req, []) is not None


def test_the_same_period_of_a_named_year_is_that_span_of_the_year():
    # "cùng kỳ năm 2023" after "quý III/2024" is quý III of 2023, not the whole year 2023
    got = sides("Doanh thu du lịch quý III/2024 của Nam Định cao hơn cùng kỳ năm 2023 bao nhiêu tỷ đồng?")
    assert [g[0] for g in got] == ["quý III năm 2024", "quý III năm 2023"]
    got = sides("Vốn đầu tư 8 tháng năm 2025 thấp hơn cùng kỳ 2024 bao nhiêu?")
    assert [g[0] for g in got] == ["8 tháng đầu năm 2025", "8 tháng đầu năm 2024"]
    # a whole year named on its own stays that year
    got = sides("Doanh thu du lịch quý III/2024 của Nam Định cao hơn năm 2023 bao nhiêu tỷ đồng?")
    assert [g[0] for g in got] == ["quý III năm 2024", "năm 2023"]
