"""Figures that must never be shown for a question (sentences written for these tests, figures
invented): a graded or singled-out indicator for the plain one, a joined sector for one of its
branches, a count for money and money for a count, a figure whose label is another's, what was
added for the total, another event's figure of the same name."""

from assistant.generation import qualifiers
from assistant.generation.factpick import FactIndex, choose, mismatch
from assistant.generation.request import parse_request
from assistant.types import Fact

Y2023 = {"label": "năm 2023", "start": "2023-01-01", "end": "2023-12-31"}


def fact(i, text, unit, role, indicator, sentence, chunk="c1", section="", value=None):
    k = sentence.index(text)
    v = float(text.replace(".", "").replace(",", ".")) if value is None else value
    return Fact(f"f{i}", "d", chunk, v, text, unit, 1.0, role, None, "actual", Y2023, None, indicator,
                sentence, 1, k, k + len(text), section)


def test_a_graded_standard_does_not_answer_the_plain_one():
    s = "Đến cuối năm 2023, toàn tỉnh có 37 xã đạt chuẩn nông thôn mới nâng cao."
    f = fact(1, "37", "xã", "count", "xã đạt chuẩn nông thôn mới nâng cao", s)
    index = FactIndex([f], {"d": None})
    best, _ = choose(index, parse_request("Năm 2023 toàn tỉnh có bao nhiêu xã đạt chuẩn nông thôn mới?"), ["c1"])
    assert best is None
    best, _ = choose(index, parse_request("Năm 2023 có bao nhiêu xã đạt chuẩn nông thôn mới nâng cao?"), ["c1"])
    assert best is not None and best.fact.text == "37"
    s2 = "Năm 2023 có 6 xã được công nhận đạt chuẩn NTM kiểu mẫu."
    g = fact(2, "6", "xã", "count", "xã được công nhận đạt chuẩn NTM", s2, chunk="c2")  # the grade after the figure
    best, _ = choose(FactIndex([g], {"d": None}), parse_request("Năm 2023 có bao nhiêu xã được công nhận đạt chuẩn NTM?"), ["c2"])
    assert best is None
    # the figure's own label names the plain standard, whatever its indicator took from the clause before
    s3 = "Trong năm có thêm 3 xã đạt chuẩn NTM nâng cao; lũy kế toàn tỉnh có 88/120 xã đạt chuẩn NTM."
    h = fact(3, "88", "xã", "count", "xã đạt chuẩn NTM nâng cao", s3, chunk="c3")
    best, _ = choose(FactIndex([h], {"d": None}), parse_request("Năm 2023 có bao nhiêu xã đạt chuẩn NTM?"), ["c3"])
    assert best is not None and best.fact.text == "88"


def test_a_part_singled_out_does_not_answer_the_whole():
    s = "Năm 2023 thu nội địa đạt 4.200 tỷ đồng; riêng thu từ khu vực doanh nghiệp nhà nước đạt 610 tỷ đồng."
    f = fact(1, "610", "tỷ đồng", "level", "thu nội địa", s)  # an indicator read from the whole
    assert "chỉ tiêu" in mismatch(f, parse_request("Năm 2023 thu nội địa đạt bao nhiêu?"), None)
    asked = parse_request("Năm 2023 riêng thu từ khu vực doanh nghiệp nhà nước đạt bao nhiêu?")
    assert "chỉ tiêu" not in mismatch(f, asked, None)
    # a part asked by the first words of its long name is named
    s2 = "Có 20/21 ngành có chỉ số tăng; riêng ngành khai khoáng và khai thác đá, cát, sỏi giảm 4,2%."
    g = fact(2, "4,2", "%", "change", "khai khoáng và khai thác đá, cát, sỏi", s2)
    assert "chỉ tiêu" not in mismatch(g, parse_request("Chỉ số sản xuất ngành khai khoáng năm 2023 tăng hay giảm?"), None)


def test_a_joined_sector_does_not_answer_one_of_its_branches():
    assert qualifiers.whole_for_part("Riêng ngành xây dựng đóng góp bao nhiêu điểm % vào tăng trưởng?",
                                     "khu vực công nghiệp - xây dựng đóng góp")
    assert qualifiers.whole_for_part("Giá trị sản xuất thủy sản năm 2023 đạt bao nhiêu?",
                                     "giá trị sản xuất lâm nghiệp và thủy sản")
    assert not qualifiers.whole_for_part("Khu vực công nghiệp - xây dựng đóng góp bao nhiêu điểm %?",
                                         "khu vực công nghiệp - xây dựng đóng góp")
    assert not qualifiers.whole_for_part("Số dự án trong khu công nghiệp là bao nhiêu?", "dự án khu công nghiệp")
    s = "Năm 2023 khu vực công nghiệp - xây dựng đóng góp 6,1 điểm phần trăm vào mức tăng chung."
    f = fact(1, "6,1", "điểm %", "level", "khu vực công nghiệp - xây dựng đóng góp", s)
    assert "chỉ tiêu" in mismatch(f, parse_request("Năm 2023 ngành xây dựng đóng góp bao nhiêu điểm %?"), None)


def test_a_count_never_answers_money_nor_money_a_count():
    s = "Năm 2023 cấp mới 21 dự án đầu tư với tổng vốn đăng ký 3.410 tỷ đồng."
    count = fact(1, "21", "dự án", "count", "cấp mới dự án đầu tư với tổng vốn đăng ký", s)
    money = fact(2, "3.410", "tỷ đồng", "level", "tổng vốn đăng ký", s)
    q = parse_request("Vốn đăng ký của các dự án cấp mới năm 2023")
    assert "đơn vị" in mismatch(count, q, None) and "đơn vị" not in mismatch(money, q, None)
    for asked in ("Số dự án cấp mới năm 2023 là bao nhiêu?", "so du an cap moi nam 2023 la bao nhieu?"):
        q = parse_request(asked)
        assert "đơn vị" in mismatch(money, q, None) and "đơn vị" not in mismatch(count, q, None), asked
    # an index is no count of things: "chỉ số" asked, a money figure is judged by the other rules
    assert "đơn vị" not in mismatch(money, parse_request("Chỉ số vốn đăng ký năm 2023?"), None)


def test_a_figure_followed_by_another_thing_counted_is_that_thing():
    s = "Năm 2023 toàn tỉnh có 2,4 triệu thuê bao di động, tăng 3%; 905.112 thuê bao băng rộng cố định, tăng 6%."
    mobile = fact(1, "2,4", "triệu", "level", "thuê bao di động", s, value=2.4e6)
    fixed = fact(2, "905.112", "", "level", "thuê bao di động", s)  # its label read from the clause before
    q = parse_request("Năm 2023 toàn tỉnh có bao nhiêu thuê bao di động?")
    assert "đơn vị" not in mismatch(mobile, q, None)
    assert "đơn vị" in mismatch(fixed, q, None)
    best, _ = choose(FactIndex([mobile, fixed], {"d": None}), q, ["c1"])
    assert best is not None and best.fact.text == "2,4"


def test_key_words_written_in_a_later_clause_belong_to_its_figure():
    s = ("Năm 2023 tỷ lệ hộ dân dùng nước so với tổng số hộ đạt 98%, tỷ lệ hộ dân dùng nước sạch "
         "đáp ứng quy chuẩn kỹ thuật đạt 61%.")
    whole = fact(1, "98", "%", "level", "tỷ lệ hộ dân dùng nước so với tổng số hộ", s)
    part = fact(2, "61", "%", "level", "quy chuẩn kỹ thuật", s)
    q = parse_request("Năm 2023 tỷ lệ hộ dân dùng nước sạch đáp ứng quy chuẩn kỹ thuật là bao nhiêu?")
    best, _ = choose(FactIndex([whole, part], {"d": None}), q, ["c1"])
    assert best is None or best.fact.text == "61"
    s2 = "Năm 2023 diện tích cây cao su ước 61.200 ha, sản lượng mủ 80.300 tấn; diện tích cây điều 40.100 ha."
    rubber = fact(3, "61.200", "ha", "level", "diện tích cây cao su", s2, chunk="c2")
    best, _ = choose(FactIndex([rubber], {"d": None}), parse_request("Diện tích cây điều năm 2023 là bao nhiêu ha?"), ["c2"])
    assert best is None


def test_the_total_not_what_was_added_when_no_addition_is_asked():
    s = "Trong năm 2023 có thêm 12 xã đạt chuẩn NTM, nâng tổng số lên 96 xã."
    added = fact(1, "12", "xã", "count", "xã đạt chuẩn NTM", s)
    total = fact(2, "96", "xã", "count", "xã đạt chuẩn NTM", s)
    index = FactIndex([added, total], {"d": None})
    best, _ = choose(index, parse_request("Năm 2023 có bao nhiêu xã đạt chuẩn NTM?"), ["c1"])
    assert best is not None and best.fact.text == "96"
    best, _ = choose(index, parse_request("Năm 2023 có thêm bao nhiêu xã đạt chuẩn NTM?"), ["c1"])
    assert best is not None and best.fact.text == "12"


def test_of_two_figures_named_alike_the_one_whose_clause_names_the_event():
    s = ("Năm 2023 xảy ra 40 vụ tai nạn giao thông, thiệt hại tài sản khoảng 2,1 tỷ đồng; xảy ra 5 vụ cháy, "
         "thiệt hại tài sản khoảng 150 triệu đồng.")
    sec = "An toàn giao thông, phòng chống cháy nổ"
    traffic = fact(1, "2,1", "tỷ đồng", "level", "thiệt hại tài sản", s, section=sec)
    fire = fact(2, "150", "triệu đồng", "level", "thiệt hại tài sản", s, section=sec)
    best, _ = choose(FactIndex([traffic, fire], {"d": None}),
                     parse_request("Năm 2023 thiệt hại tài sản khi cháy là bao nhiêu?"), ["c1"])
    assert best is not None and best.fact.text == "150"


def test_a_share_asked_to_move_asks_its_change():
    assert parse_request("Tỷ trọng công nghiệp chế biến trong GRDP đến 2025 tăng bao nhiêu so năm 2020?").role == "change"
    assert parse_request("Tỷ trọng công nghiệp chế biến trong GRDP năm 2025 chiếm bao nhiêu?").role == "share_whole"
    # two periods named: the two shares are compared (compare.py), not one change looked up
    both = parse_request("Tỷ trọng dịch vụ trong GRDP quý I/2025 tăng bao nhiêu điểm % so với quý I/2024?")
    assert both.role == "share_whole"


def test_a_kind_of_document_counted_is_the_noun_asked():
    assert parse_request("Năm 2023 UBND tỉnh ban hành bao nhiêu chỉ thị?").noun == "chỉ thị"
    assert parse_request("Thu ngân sách năm 2023 tăng bao nhiêu so với cùng kỳ?").noun is None
    assert parse_request("Năm 2023 đạt bao nhiêu chỉ tiêu?").noun is None


def test_a_figure_whose_clause_adds_words_gives_way_to_the_one_named_plainly():
    s = ("Năm 2023 tỷ lệ chất thải rắn được thu gom toàn tỉnh đạt 92,1%; tỷ lệ chất thải rắn thu gom "
         "được tái chế đạt 40,5%.")
    collected = fact(1, "92,1", "%", "level", "tỷ lệ chất thải rắn", s)  # indicators cut short
    recycled = fact(2, "40,5", "%", "level", "tỷ lệ chất thải rắn thu gom", s)
    index = FactIndex([collected, recycled], {"d": None})
    best, _ = choose(index, parse_request("Năm 2023 tỷ lệ chất thải rắn được thu gom là bao nhiêu?"), ["c1"])
    assert best is not None and best.fact.text == "92,1"
    best, _ = choose(index, parse_request("Năm 2023 tỷ lệ chất thải rắn thu gom được tái chế là bao nhiêu?"), ["c1"])
    assert best is not None and best.fact.text == "40,5"
    # a clause that is not the figure's label ("xảy ra 2 vụ …") adds nothing: the figure stays
    s2 = "Trong năm, trên địa bàn xảy ra 3 vụ ngộ độc thực phẩm với 41 người mắc."
    cases = fact(3, "3", "vụ", "count", "vụ ngộ độc thực phẩm với 41 người mắc", s2, chunk="c2")
    people = fact(4, "41", "người", "count", "ngộ độc thực phẩm", s2, chunk="c2")
    best, _ = choose(FactIndex([cases, people], {"d": None}), parse_request("Số vụ ngộ độc thực phẩm năm 2023"), ["c2"])
    assert best is not None and best.fact.text == "3"


def test_the_figure_of_some_of_them_does_not_answer_for_all():
    s = "Một số chủ đầu tư giải ngân vốn đầu tư công do tỉnh quản lý đạt dưới 15%, làm chậm tiến độ chung."
    f = fact(1, "15", "%", "level", "Một số chủ đầu tư giải ngân vốn đầu tư công do tỉnh quản lý", s)
    assert "chỉ tiêu" in mismatch(f, parse_request("Tỷ lệ giải ngân vốn đầu tư công do tỉnh quản lý năm 2023 đạt bao nhiêu?"), None)
    assert "chỉ tiêu" not in mismatch(f, parse_request("Một số chủ đầu tư giải ngân vốn đầu tư công đạt bao nhiêu?"), None)
    # a named place of a list headed "một số huyện …" is that place's own figure
    s2 = "Một số huyện giải ngân thấp: Pác Nặm 28,4%, Ba Bể 30,1%."
    g = Fact("f2", "d", "c2", 28.4, "28,4", "%", 1.0, "level", None, "actual", Y2023, "huyện Pác Nặm",
             "Một số huyện giải ngân", s2, 1, s2.index("28,4"), s2.index("28,4") + 4, "")
    asked = parse_request("Huyện Pác Nặm giải ngân được bao nhiêu % năm 2023?", {"huyện Pác Nặm"})
    assert "chỉ tiêu" not in mismatch(g, asked, "Bắc Kạn")
