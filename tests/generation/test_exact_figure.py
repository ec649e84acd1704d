"""A rough figure in a report's lead ("đạt hơn 620 triệu USD") and the exact one in its body: the
exact one answers, unless the question asks a rough figure (sentences written for these tests,
figures invented)."""

from assistant.generation.factpick import FactIndex, choose
from assistant.generation.request import parse_request
from assistant.numbers import hedge_holds
from assistant.types import Fact

Q3 = {"label": "9 tháng đầu năm 2024", "start": "2024-01-01", "end": "2024-09-30"}
LEAD = "Chín tháng năm 2024, kim ngạch xuất khẩu của tỉnh đạt hơn 620 triệu USD, du lịch tăng mạnh."
BODY = "Chín tháng năm 2024, kim ngạch xuất khẩu của tỉnh ước đạt 627,5 triệu USD, tăng 3,1% so với cùng kỳ."


def fact(i, text, kind, sentence, chunk):
    k = sentence.index(text)
    v = float(text.replace(".", "").replace(",", "."))
    return Fact(f"f{i}", "d", chunk, v, text, "triệu USD", 1.0, "level", None, kind, Q3, "Hà Nam",
                "kim ngạch xuất khẩu", sentence, 1, k, k + len(text), "")


def test_the_exact_figure_answers_over_the_rough_one_of_the_lead():
    rough, exact = fact(1, "620", "actual", LEAD, "c1"), fact(2, "627,5", "estimate", BODY, "c2")
    index = FactIndex([rough, exact], {"d": "Hà Nam"})
    best, _ = choose(index, parse_request("Kim ngạch xuất khẩu 9 tháng 2024 của Hà Nam đạt bao nhiêu?", {"Hà Nam"}), ["c1", "c2"])
    assert best is not None and best.fact.text == "627,5"
    best, _ = choose(index, parse_request("Kim ngạch xuất khẩu 9 tháng 2024 của Hà Nam khoảng bao nhiêu?", {"Hà Nam"}), ["c1", "c2"])
    assert best is not None and best.fact.text == "620"


def test_an_exact_figure_the_rough_one_does_not_hold_for_is_not_taken():
    far = BODY.replace("627,5", "598,2")  # "hơn 620" cannot be 598,2: another figure, not the same one
    rough, other = fact(1, "620", "actual", LEAD, "c1"), fact(2, "598,2", "estimate", far, "c2")
    best, _ = choose(FactIndex([rough, other], {"d": "Hà Nam"}),
                     parse_request("Kim ngạch xuất khẩu 9 tháng 2024 của Hà Nam đạt bao nhiêu?", {"Hà Nam"}), ["c1", "c2"])
    assert best is not None and best.fact.text == "620"


def test_what_a_hedge_holds():
    assert hedge_holds("hơn", 850, 856.4) and not hedge_holds("hơn", 850, 842)
    assert hedge_holds("gần", 1200, 1186) and not hedge_holds("gần", 1200, 1210)
    assert hedge_holds("khoảng", 92, 91.6) and not hedge_holds("khoảng", 92, 80)


def test_a_part_after_trong_do_gives_way_to_the_whole_it_fits_no_better_than():
    s = ("Tổng chi ngân sách xã năm 2024 ước thực hiện 9.412,6 triệu đồng, trong đó chi đầu tư phát triển "
         "2.105,3 triệu đồng, chi thường xuyên 7.307,3 triệu đồng.")
    y = {"label": "năm 2024", "start": "2024-01-01", "end": "2024-12-31"}

    def f(i, text, indicator):
        k = s.index(text)
        return Fact(f"f{i}", "d", "c1", float(text.replace(".", "").replace(",", ".")), text, "triệu đồng", 1e6,
                    "level", None, "estimate", y, "xã Tân Lập", indicator, s, 1, k, k + len(text), "")
    whole, part = f(1, "9.412,6", "Tổng chi ngân sách xã"), f(2, "7.307,3", "chi thường xuyên")
    index = FactIndex([part, whole], {"d": "xã Tân Lập"})
    best, _ = choose(index, parse_request("Năm 2024 xã Tân Lập chi bao nhiêu?", {"xã Tân Lập"}), ["c1"])
    assert best is not None and best.fact.text == "9.412,6"
    best, _ = choose(index, parse_request("Chi thường xuyên năm 2024 của xã Tân Lập là bao nhiêu?", {"xã Tân Lập"}), ["c1"])
    assert best is not None and best.fact.text == "7.307,3"
