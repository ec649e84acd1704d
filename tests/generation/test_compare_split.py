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
