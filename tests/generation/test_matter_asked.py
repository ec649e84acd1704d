"""A question "bao nhiêu <matter>" ("bao nhiêu thép cán") asks an amount of that matter in its
physical unit, and "bao nhiêu triệu chiếc" asks for a count in chiếc (sentences written for these
tests, figures invented)."""

from assistant.generation.factpick import noun_fits
from assistant.generation.request import parse_request
from assistant.ingest.facts import Fact
from assistant.numbers import find_numbers, read_unit


def _fact(sentence: str, figure: str, unit: str, indicator: str) -> Fact:
    start = sentence.index(figure)
    return Fact(fact_id="d:1:0", doc_id="d", chunk_id="d:1", section="", sentence=sentence, start=start,
                end=start + len(figure), text=figure, value=None, scale=1.0, unit=unit, role="level", kind="actual",
                period=None, place=None, indicator=indicator, basis=None, in_footnote=False, page=None)


def test_the_matter_asked_is_measured_in_tonnes():
    req = parse_request("Tháng 10/2024 tỉnh sản xuất được bao nhiêu xi măng?")
    assert req.noun == "xi măng"
    cement = _fact("Xi măng: tháng 10 đạt 92,5 nghìn tấn.", "92,5", "nghìn tấn", "Xi măng")
    assert noun_fits(cement, req.noun)
    # a count noun is not a matter: "bao nhiêu doanh nghiệp" is not answered by tonnes of anything
    firms = _fact("Doanh nghiệp chế biến gỗ xuất 310 nghìn tấn dăm gỗ.", "310", "nghìn tấn", "doanh nghiệp chế biến gỗ xuất dăm gỗ")
    assert not noun_fits(firms, "nhà máy")
    # money is no physical amount
    money = _fact("Vốn đầu tư cho xi măng đạt 120 tỷ đồng.", "120", "tỷ đồng", "vốn đầu tư cho xi măng")
    assert not noun_fits(money, req.noun)


def test_a_count_in_millions_of_pieces():
    text = "Sản xuất 12,4 triệu chiếc linh kiện."
    [n] = [m for m in find_numbers(text) if m.value is not None]
    assert read_unit(text, n.end).unit == "triệu chiếc"
    assert parse_request("Sản lượng linh kiện đạt bao nhiêu triệu chiếc?").unit == "chiếc"


def test_output_asked_is_the_amount_in_tonnes_even_unnamed():
    # "Thép thô đạt 5,12 triệu tấn" is the output of steel; "sản lượng" need not be written
    from assistant.generation.factpick import FactIndex, choose

    steel = _fact("Trong kỳ, thép thô đạt 5,12 triệu tấn, tăng 14,3%.", "5,12", "triệu tấn", "thép thô")
    area = _fact("Diện tích thép thô hóa đạt 12 ha.", "12", "ha", "diện tích thép thô hóa")
    index = FactIndex([steel, area], {"d": None})
    best, _ = choose(index, parse_request("Sản lượng thép thô là bao nhiêu?"), ["d:1"])
    assert best is not None and best.fact is steel
    best, _ = choose(index, parse_request("Sản lượng thép thô là bao nhiêu ha?"), ["d:1"])
    assert best is None or best.fact is not steel


def test_one_member_of_a_joined_pair_is_no_total():
    # "khai thác và nuôi trồng": a figure named by one side only is a part of the total asked
    from assistant.generation.factpick import one_of_joined

    s = "Sản lượng thủy sản khai thác 9 tháng đạt 8.420 tấn; sản lượng nuôi trồng đạt 2.310 tấn."
    caught = _fact(s, "8.420", "tấn", "Sản lượng thủy sản khai thác")
    req = parse_request("Tổng sản lượng thủy sản khai thác và nuôi trồng 9 tháng là bao nhiêu tấn?")
    assert one_of_joined(caught, req)
    whole = _fact("Sản lượng thủy sản khai thác và nuôi trồng đạt 10.730 tấn.", "10.730", "tấn",
                  "Sản lượng thủy sản khai thác và nuôi trồng")
    assert not one_of_joined(whole, req)
    assert not one_of_joined(caught, parse_request("Sản lượng thủy sản khai thác 9 tháng là bao nhiêu tấn?"))


def test_a_thing_counted_in_a_classifier():
    # "bao nhiêu tủ lạnh": the figure counts in "chiếc" the thing its indicator names
    req = parse_request("Năm 2022 tỉnh sản xuất được bao nhiêu tủ lạnh?")
    assert req.noun == "tủ lạnh"
    fridges = _fact("Sản lượng tủ lạnh các loại đạt 2,15 triệu chiếc, tăng 4,1%.", "2,15", "triệu chiếc",
                    "Sản lượng tủ lạnh các loại")
    assert noun_fits(fridges, req.noun)
    # a classifier count of another thing, or the thing's growth, does not answer it
    fans = _fact("Sản lượng quạt điện đạt 3,2 triệu chiếc.", "3,2", "triệu chiếc", "Sản lượng quạt điện")
    assert not noun_fits(fans, req.noun)
    growth = _fact("Sản lượng tủ lạnh các loại đạt 2,15 triệu chiếc, tăng 4,1%.", "4,1", "%", "Sản lượng tủ lạnh các loại")
    assert not noun_fits(growth, req.noun)
    pigs = _fact("Tổng đàn lợn đạt 412 nghìn con.", "412", "nghìn con", "Tổng đàn lợn")
    assert noun_fits(pigs, "lợn")
