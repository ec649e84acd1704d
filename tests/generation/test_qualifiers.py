"""Closed sets of qualifiers (crop season, quarter, sector, town/country, exports/imports,
domestic/foreign capital): a figure next to another member than the question names does not
answer it, nor does a bare breakdown answer a question about the whole, nor a zone ("trong các
KCN") the whole province. Sentences written for these tests."""

from assistant.generation import qualifiers
from assistant.generation.answer import _figures, qualified
from assistant.generation.factpick import mismatch, other_member
from assistant.generation.request import parse_request
from assistant.types import Fact


def _ok(question: str, sentence: str) -> bool:
    return qualified(sentence, question, parse_request(question))


def _fact(value, text, indicator, sentence, unit="%", role="level"):
    start = sentence.index(text)
    return Fact("1", "d1", "c1", value, text, unit, 1.0, role, None, "actual", None, None,
                indicator, sentence, None, start, start + len(text))


def test_another_crop_season_does_not_answer():
    q = "Vụ Hè Thu năm nay huyện gieo trồng bao nhiêu ha lúa?"
    assert not _ok(q, "Vụ Đông Xuân toàn huyện gieo trồng 5.120 ha lúa, năng suất 61,2 tạ/ha.")
    assert _ok(q, "Vụ Hè Thu toàn huyện gieo trồng 4.870 ha lúa, giảm 2%.")
    # both seasons written: the asked one is there to be read
    assert _ok(q, "Vụ Đông Xuân gieo trồng 5.120 ha; vụ Hè Thu gieo trồng 4.870 ha lúa.")
    # no season asked: nothing to clash with
    assert _ok("Năm nay huyện gieo trồng bao nhiêu ha lúa?", "Vụ Đông Xuân toàn huyện gieo trồng 5.120 ha lúa.")


def test_vu_dong_xuan_is_not_vu_xuan():
    assert qualifiers.asked("Diện tích vụ Đông Xuân là bao nhiêu?") == {"season": {"dong xuan"}}
    assert qualifiers.asked("Vụ Đông gieo trồng bao nhiêu ha ngô?") == {"season": {"dong"}}


def test_the_figure_of_the_other_capital_origin_does_not_answer():
    q = "Vốn FDI thu hút năm nay đạt bao nhiêu % kế hoạch?"
    s = ("Tỉnh thu hút 2 tỷ USD vốn đầu tư: vốn đầu tư trong nước đạt 0,8 tỷ USD, vượt 12,4% kế hoạch; "
         "vốn FDI đạt 1,2 tỷ USD, gấp 2,2 lần kế hoạch năm.")
    assert not _ok(q, s)
    assert _ok(q, "Vốn đầu tư trong nước đạt 0,8 tỷ USD; vốn FDI đạt 1,2 tỷ USD, bằng 86,4% kế hoạch.")


def test_a_breakdown_by_sector_is_no_total():
    q = "Năm 2023 có bao nhiêu hợp tác xã thành lập mới?"
    s = ("Theo khu vực kinh tế, có 12 HTX thành lập mới thuộc khu vực nông, lâm nghiệp và thủy sản, chiếm 40%; "
         "9 HTX thuộc khu vực công nghiệp và xây dựng, chiếm 30%, 9 HTX thuộc khu vực dịch vụ chiếm 30%.")
    assert not _ok(q, s)
    # the total written before the breakdown answers it
    assert _ok(q, "Có 30 HTX thành lập mới; trong đó 12 HTX thuộc khu vực nông, lâm nghiệp và thủy sản, "
                  "9 HTX thuộc khu vực công nghiệp và xây dựng, 9 HTX thuộc khu vực dịch vụ.")
    # a part asked by name
    assert _ok("Năm 2023 có bao nhiêu HTX thành lập mới thuộc khu vực dịch vụ?", s)


def test_quarters_then_the_half_year_total():
    s = "Tăng trưởng quý I, quý II đạt lần lượt 7,1% và 8,3%; tính chung 6 tháng đạt 7,7%."
    assert _ok("Tăng trưởng 6 tháng đạt bao nhiêu %?", s)
    assert not _ok("Tăng trưởng quý III đạt bao nhiêu %?", s)
    assert _ok("Tăng trưởng quý II đạt bao nhiêu %?", s)


def test_exports_asked_imports_written():
    q = "Kim ngạch xuất khẩu năm nay đạt bao nhiêu triệu USD?"
    assert not _ok(q, "Kim ngạch nhập khẩu đạt 820 triệu USD, tăng 4%.")
    assert _ok(q, "Kim ngạch xuất khẩu đạt 1.150 triệu USD, tăng 9%.")
    # "nông thôn mới" is a programme, not the countryside
    assert qualifiers.asked("Số xã đạt chuẩn nông thôn mới") == {}


def test_a_zone_does_not_answer_for_the_whole_province():
    q = "Đến nay toàn tỉnh có bao nhiêu dự án FDI còn hiệu lực?"
    s = "Lũy kế trong các KCN có 420 dự án còn hiệu lực (gồm 300 dự án FDI và 120 dự án DDI)."
    assert not _ok(q, s)
    assert _ok(q, "Lũy kế toàn tỉnh có 650 dự án FDI còn hiệu lực; trong các KCN có 300 dự án FDI.")
    assert _ok("Trong các KCN có bao nhiêu dự án FDI còn hiệu lực?", s)
    # the whole and a zone are not a breakdown: a sentence giving both still answers the whole
    assert _ok("Có bao nhiêu dự án FDI còn hiệu lực?", "Toàn tỉnh có 650 dự án FDI; trong các KCN có 300 dự án FDI.")


def test_a_fact_of_another_season():
    req = parse_request("Vụ Mùa năm nay năng suất lúa đạt bao nhiêu tạ/ha?")
    s = "Vụ Xuân năng suất lúa đạt 65,2 tạ/ha, tăng 0,8 tạ/ha."
    f = _fact(65.2, "65,2", "vụ Xuân năng suất lúa", s, unit="tạ/ha")
    assert other_member(f, req) and "chỉ tiêu" in mismatch(f, req, None)
    assert not other_member(f, parse_request("Vụ Xuân năm nay năng suất lúa đạt bao nhiêu tạ/ha?"))


def test_labels_do_not_cut_inside_a_member():
    s = "có 5 DN thuộc khu vực nông, lâm nghiệp và thủy sản, chiếm 2%"
    figs = _figures(s)
    assert qualifiers.labels(s, figs)[0] == {"sector": {"agri"}}
    assert qualifiers.is_share(s, figs[1])


def test_school_levels_visitors_and_gender():
    q = "Tỷ lệ trường tiểu học đạt chuẩn quốc gia là bao nhiêu %?"
    assert not _ok(q, "Tỷ lệ trường mầm non đạt chuẩn quốc gia đạt 91,5%.")
    assert _ok(q, "Tỷ lệ trường mầm non đạt chuẩn 91,5%, tiểu học 97,2%.")
    # the whole asked, only the levels written: no total
    assert not _ok("Tỷ lệ trường đạt chuẩn quốc gia là bao nhiêu %?",
                   "Trường đạt chuẩn quốc gia: mầm non 91,5%; tiểu học 97,2%; THCS 94,0%.")
    assert not _ok("Năm nay đón bao nhiêu lượt khách nội địa?", "Khách quốc tế đạt 42.000 lượt, tăng 12%.")
    assert not _ok("Có bao nhiêu lao động nữ được đào tạo nghề?", "Đào tạo nghề cho 3.200 lao động nam.")


def test_a_growth_figure_is_not_the_rate_asked():
    q = "Nghị quyết đặt mục tiêu tỷ lệ hộ dùng nước sạch bao nhiêu?"
    assert not _ok(q, "Năm tới là năm then chốt; việc đặt mục tiêu tăng trưởng 9,5% đòi hỏi nỗ lực lớn.")
    assert _ok(q, "Mục tiêu tỷ lệ hộ dùng nước sạch đạt 98,5%, tăng 1,2% so với năm trước.")
    # a change asked: the change answers
    assert _ok("Tỷ lệ hộ nghèo giảm bao nhiêu %?", "Tỷ lệ hộ nghèo giảm 0,8% so với năm trước.")


def test_a_figure_of_what_is_left_when_the_asked_thing_is_left_out_does_not_answer():
    from assistant.generation.answer import excluded_only
    rest = "Thu ngân sách trừ thu tiền sử dụng đất đạt 3.120 tỷ đồng, tăng 11,4%, bằng 61,2% dự toán."
    assert excluded_only(rest, "Thu tiền sử dụng đất quý III tăng bao nhiêu % so cùng kỳ?")
    # the question asks for the rest itself, or the sentence also states the asked figure
    assert not excluded_only(rest, "Thu ngân sách trừ tiền sử dụng đất quý III tăng bao nhiêu?")
    both = "Thu tiền sử dụng đất đạt 940 tỷ đồng, tăng 35%; thu ngân sách trừ thu tiền sử dụng đất đạt 3.120 tỷ đồng."
    assert not excluded_only(both, "Thu tiền sử dụng đất quý III tăng bao nhiêu % so cùng kỳ?")
    # "phòng trừ sâu bệnh" leaves nothing out
    assert not excluded_only("Diện tích phòng trừ sâu bệnh đạt 12.400 ha.", "Diện tích phòng trừ sâu bệnh là bao nhiêu?")


def test_levels_of_government_split_a_budget():
    s = ("Vốn đầu tư công 9 tháng ước đạt 3.210,4 tỷ đồng; trong đó vốn cấp tỉnh quản lý 2.005,1 tỷ đồng, "
         "vốn cấp huyện 1.205,3 tỷ đồng.")
    assert qualifiers.asked("Vốn đầu tư công cấp huyện 9 tháng là bao nhiêu?") == {"level": {"district"}}
    q = "Vốn đầu tư công cấp huyện 9 tháng là bao nhiêu?"
    figures = _figures(s)
    labels = dict(zip((m.start for m in figures), qualifiers.labels(s, figures)))
    by_text = {s[m.start:m.end]: m for m in figures}
    province = by_text["2.005,1"]
    district = by_text["1.205,3"]
    assert qualifiers.figure_clashes(q, s, province, labels[province.start])
    assert not qualifiers.figure_clashes(q, s, district, labels[district.start])
    # a breakdown by levels alone is no total
    assert qualifiers.parts_only("Vốn đầu tư công 9 tháng là bao nhiêu?",
                                 "Vốn cấp tỉnh đạt 2.005,1 tỷ đồng, vốn cấp huyện đạt 1.205,3 tỷ đồng.",
                                 _figures("Vốn cấp tỉnh đạt 2.005,1 tỷ đồng, vốn cấp huyện đạt 1.205,3 tỷ đồng."))


def test_a_part_the_question_does_not_name_does_not_answer_the_whole():
    # written for this test: the whole asked, a part's figure offered
    assert qualifiers.unasked_part("Năm 2024 tỉnh đón bao nhiêu lượt khách du lịch?", "Khách quốc tế")
    assert qualifiers.unasked_part("Tổng vốn đầu tư công 9 tháng là bao nhiêu?", "vốn cấp huyện")
    assert qualifiers.unasked_part("GRDP quý II tăng bao nhiêu?", "khu vực nông, lâm nghiệp và thủy sản")
    # the part named, even without its introducing noun, is asked
    assert not qualifiers.unasked_part("Khách quốc tế năm 2024 là bao nhiêu lượt?", "Khách quốc tế")
    assert not qualifiers.unasked_part("Sản lượng lúa Đông Xuân là bao nhiêu?", "Sản lượng lúa vụ Đông Xuân")
    assert not qualifiers.unasked_part("Tăng trưởng dịch vụ quý II là bao nhiêu?", "khu vực dịch vụ")
    # a zone is no part of a set of parts here (handled by its own check)
    assert not qualifiers.unasked_part("Có bao nhiêu dự án mới?", "dự án trong các KCN")


def test_an_abbreviated_part_is_asked_and_a_name_is_no_part():
    from assistant.generation.request import expand_abbreviations

    # "XK" is "xuất khẩu": the part is asked, only written short
    assert not qualifiers.unasked_part(expand_abbreviations("XK quý I tăng bao nhiêu?"), "Kim ngạch xuất khẩu")
    # "năng lực cạnh tranh cấp tỉnh" is the PCI's name, not the provincial level of a budget
    assert not qualifiers.unasked_part("Chỉ số PCI năm 2023 xếp thứ mấy?", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)")


def test_the_whole_beside_its_labelled_part_does_not_answer_the_part():
    s = ("Vốn đầu tư công 9 tháng ước đạt 3.210,4 tỷ đồng, bằng 62,5% kế hoạch; trong đó vốn cấp tỉnh "
         "2.005,1 tỷ đồng, vốn cấp huyện 1.205,3 tỷ đồng.")
    figures = [m for m in _figures(s)]
    by_text = {s[m.start:m.end]: m for m in figures}
    q = "Vốn đầu tư công cấp tỉnh 9 tháng là bao nhiêu?"
    assert qualifiers.whole_beside_part(q, s, figures, by_text["3.210,4"], "Vốn đầu tư công")
    assert not qualifiers.whole_beside_part(q, s, figures, by_text["2.005,1"], "vốn cấp tỉnh")
    # the whole asked: the whole answers
    assert not qualifiers.whole_beside_part("Vốn đầu tư công 9 tháng là bao nhiêu?", s, figures,
                                            by_text["3.210,4"], "Vốn đầu tư công")


def test_a_part_asked_is_not_answered_by_the_whole_or_by_some_communes():
    # written for this test
    assert qualifiers.whole_for_asked_part("Lượt khách quốc tế năm 2024 là bao nhiêu?", "Khách du lịch", {})
    assert not qualifiers.whole_for_asked_part("Lượt khách quốc tế năm 2024 là bao nhiêu?", "Khách quốc tế", {})
    assert qualifiers.whole_for_asked_part("Tỷ lệ thất nghiệp khu vực thành thị là bao nhiêu?", "Tỷ lệ thất nghiệp", {})
    assert not qualifiers.whole_for_asked_part("Lượt khách du lịch năm 2024 là bao nhiêu?", "Khách du lịch", {})
    # the whole district asked, a figure of some communes offered
    assert qualifiers.clashes("Tỷ lệ hộ nghèo toàn huyện là bao nhiêu?", "Tỷ lệ hộ nghèo ở một số xã vùng cao")


def test_one_branchs_production_value_is_not_the_total():
    assert qualifiers.branch_value("Tổng giá trị sản xuất 6 tháng của huyện đạt bao nhiêu?",
                                   "Giá trị sản xuất công nghiệp (giá so sánh 2010)")
    assert not qualifiers.branch_value("Giá trị sản xuất công nghiệp 6 tháng đạt bao nhiêu?",
                                       "Giá trị sản xuất công nghiệp (giá so sánh 2010)")
    assert not qualifiers.branch_value("Tổng giá trị sản xuất 6 tháng đạt bao nhiêu?", "Tổng giá trị sản xuất")
    # the part named right before the figure, after a colon, labels it
    assert not qualifiers.whole_for_asked_part("Đón bao nhiêu lượt khách quốc tế?", "Tổng số khách du lịch khách quốc tế đạt:", {})


def test_a_stock_at_the_start_of_the_year_does_not_answer_for_its_end():
    s = "Theo rà soát, số hộ nghèo đầu năm 2024 của xã là 415 hộ, chiếm 12,4%; cuối năm 2024 còn 327 hộ, chiếm 9,8%."
    start = _fact(415, "415", "hộ nghèo", s, unit="hộ", role="count")
    end = _fact(327, "327", "hộ nghèo", s, unit="hộ", role="count")
    at_end = parse_request("Số hộ nghèo cuối năm 2024 của xã là bao nhiêu?")
    assert other_member(start, at_end) and not other_member(end, at_end)
    assert not other_member(start, parse_request("Số hộ nghèo đầu năm 2024 của xã là bao nhiêu?"))
    # the spans "6 tháng đầu năm", "từ đầu năm" are periods, not the start of the year
    assert not qualifiers.asked("Thu ngân sách 6 tháng đầu năm 2024 đạt bao nhiêu?")
    assert not qualifiers.asked("Từ đầu năm đến nay có bao nhiêu doanh nghiệp thành lập mới?")
    assert not qualifiers.asked("Kế hoạch 6 tháng cuối năm 2024 là gì?")
