"""Fact rules of session 9 (helper L), tested on sentences written for these tests: a figure
alone in a bracket after a comparison is the level of the figure compared for the basis named
there (a period, a place, the province of a city's report), a plan set by two bodies, the plan
in a bracket after a share of it and the change after that bracket, a reporting body that opens
the sentence, "đất" at the end of an indicator."""

from tests.ingest.test_facts_fresh_rules import YEAR, facts_of, one

CITY = """ỦY BAN NHÂN DÂN THÀNH PHỐ BẢO LỘC
Số: 31/BC-UBND
Bảo Lộc, ngày 25 tháng 6 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội 6 tháng đầu năm 2024
"""


def test_a_bracket_after_lower_than_a_year_is_that_years_level_not_a_fall():
    fs = facts_of("Tốc độ tăng trưởng kinh tế (GRDP) năm 2023 ước đạt 7,35%, chưa đạt kế hoạch (7,8%), "
                  "thấp hơn năm 2022 (8,41%) nhưng cao hơn mức tăng chung của cả nước (5,05%).")
    main, past, nation = one(fs, "7,35"), one(fs, "8,41"), one(fs, "5,05")
    assert past.role == main.role and past.value > 0 and past.indicator == main.indicator
    assert past.period["label"] == "năm 2022" and past.kind == "actual" and past.place == main.place
    assert nation.role == main.role and nation.value > 0 and nation.place == "cả nước"
    assert nation.period["label"] == "năm 2023"


def test_a_bracket_keeps_the_role_of_the_figure_compared():
    fs = facts_of("Đến ngày 30/11/2023 đã giải ngân 1.912,4 tỷ đồng, đạt 71,2% kế hoạch, cao hơn tỷ lệ "
                  "giải ngân bình quân cả nước (64,3%).")
    nation = one(fs, "64,3")
    assert nation.role == "share_plan" and nation.place == "cả nước" and nation.value > 0
    fs = facts_of("Chỉ số sản xuất công nghiệp năm 2023 ước tăng 9,1% so với năm trước, cao hơn mức tăng "
                  "của tỉnh Lâm Đồng (6,4%).")
    other = one(fs, "6,4")
    assert other.role == "change" and other.value == 6.4 and other.place == "Lâm Đồng"


def test_a_bracket_of_the_province_in_a_citys_report_is_the_provinces():
    fs = facts_of("Giá trị sản xuất công nghiệp tăng 5,2% so với cùng kỳ, thấp hơn mức tăng của tỉnh Lâm Đồng "
                  "(6,1%). Vốn đầu tư công đến ngày 15/6/2024 giải ngân được 92,4 tỷ đồng, đạt 31,5% kế hoạch, "
                  "thấp hơn tỷ lệ giải ngân chung của tỉnh (35,8%).", CITY)
    prov = one(fs, "35,8")
    assert prov.place == "Lâm Đồng" and prov.role == "share_plan"
    # no province named anywhere: no figure that would claim the city's own place
    fs = facts_of("Vốn đầu tư công đến ngày 15/6/2024 giải ngân được 92,4 tỷ đồng, đạt 31,5% kế hoạch, "
                  "thấp hơn tỷ lệ giải ngân chung của tỉnh (35,8%).", CITY)
    assert not [f for f in fs if f.text == "35,8"]


def test_compared_places_with_no_figure_of_their_own_take_the_rate_the_statement_opens_with():
    fs = facts_of("Ban Kinh tế - Ngân sách nhận thấy, tỷ lệ thu 6 tháng so với dự toán của tỉnh thấp hơn bình quân "
                  "cả nước nhưng cao hơn tỉnh Hà Giang (41,2%) và tỉnh Lai Châu (43,5%).")
    a, b = one(fs, "41,2"), one(fs, "43,5")
    assert a.place == "Hà Giang" and b.place == "Lai Châu"
    assert a.role == b.role == "share_plan" and a.value > 0
    assert a.indicator.lower().startswith("tỷ lệ thu") and "Ban" not in a.indicator


def test_a_reporting_body_that_opens_the_sentence_names_no_indicator():
    fs = facts_of("Ủy ban nhân dân tỉnh ước tổng chi ngân sách địa phương năm 2023 đạt 14.206,8 tỷ đồng, "
                  "bằng 104,2% dự toán.")
    assert one(fs, "14.206,8").indicator == "tổng chi ngân sách địa phương"


def test_a_plan_set_by_two_bodies_keeps_the_plan_and_who_set_it():
    fs = facts_of("Dự toán chi đầu tư phát triển năm 2023 Trung ương giao 3.120 tỷ đồng, Hội đồng nhân dân tỉnh "
                  "giao 3.480 tỷ đồng.")
    a, b = one(fs, "3.120"), one(fs, "3.480")
    assert a.indicator.endswith("Trung ương giao") and b.indicator.endswith("Hội đồng nhân dân tỉnh giao")
    assert a.indicator[: -len("Trung ương giao")] == b.indicator[: -len("Hội đồng nhân dân tỉnh giao")]


def test_the_plan_in_a_bracket_and_the_change_after_it():
    fs = facts_of("Tổng chi ngân sách địa phương ước đạt 9.514,2 tỷ đồng, bằng 92,1% dự toán Hội đồng nhân dân "
                  "tỉnh giao (10.330 tỷ đồng), tăng 4,6% so với năm 2022.")
    plan, change = one(fs, "10.330"), one(fs, "4,6")
    assert plan.kind == "target" and "Hội đồng nhân dân tỉnh giao" in plan.indicator
    assert "chi ngân sách địa phương" in plan.indicator
    assert change.indicator == "Tổng chi ngân sách địa phương" and change.role == "change"


def test_land_is_not_reached():
    fs = facts_of("Thu tiền sử dụng đất đạt 1.204,5 tỷ đồng, bằng 60,2% dự toán.")
    assert one(fs, "1.204,5").indicator == "Thu tiền sử dụng đất"


def test_a_list_of_places_under_a_heading_names_each_place_and_the_headings_measure():
    fs = facts_of("Thu ngân sách năm 2023 của một số xã: Tân Phú 12,4 tỷ đồng, Hòa Lợi 9,8 tỷ đồng, Bình An 7,1 tỷ đồng.")
    f = one(fs, "9,8")
    assert f.place == "xã Hòa Lợi" and f.indicator == "Thu ngân sách"
    fs = facts_of("Chương trình A giải ngân 44,6%; một số huyện giải ngân chậm: Đông Hải 21,5%, Tây Sơn 26,8%.")
    f = one(fs, "26,8")
    assert f.place == "huyện Tây Sơn" and f.indicator == "giải ngân"


def test_a_list_cut_at_its_semicolons_goes_on_in_the_next_sentences():
    from assistant.ingest.facts import SentenceReader, document_context
    from assistant.ingest.profile import profile_dict
    ctx = document_context("d", profile_dict("d", YEAR, {"source_file": "x.txt"}))
    r = SentenceReader(ctx, None, False)
    r.read("Thu ngân sách của một số phường: Hưng Lộc 31,2 tỷ đồng;")
    f = r.read("Bến Thủy 27,5 tỷ đồng;")[0]
    assert f["place"] == "phường Bến Thủy" and f["indicator"] == "Thu ngân sách"
    f = r.read("Đội Cung 11 tỷ đồng.")[0]
    assert f["place"] == "phường Đội Cung"
    assert not r.read("Bến Thủy 27,5 tỷ đồng.")[0]["place"].startswith("phường")  # the list has ended


def test_items_of_a_heading_with_a_measure_after_have():
    fs = facts_of("Một số chủ đầu tư có tỷ lệ giải ngân dưới 50% kế hoạch là: Ủy ban nhân dân huyện Đông Hải (31,4%), "
                  "Ủy ban nhân dân huyện Tây Sơn (42,7%).")
    f = one(fs, "42,7")
    assert f.place == "huyện Tây Sơn" and f.indicator == "tỷ lệ giải ngân"


def test_labels_of_parts_under_a_heading_keep_the_headings_measure():
    fs = facts_of("Tỷ lệ trường đạt chuẩn quốc gia theo cấp học: mầm non 55,1%; tiểu học 63,4%; trung học cơ sở 47,2%.")
    assert one(fs, "63,4").indicator == "Tỷ lệ trường đạt chuẩn quốc gia: tiểu học"
    assert one(fs, "47,2").indicator == "Tỷ lệ trường đạt chuẩn quốc gia: trung học cơ sở"
    # a statement, not a list of labels, keeps its own words
    fs = facts_of("Cơ cấu kinh tế: công nghiệp chiếm 41,2%; dịch vụ chiếm 38,5%.")
    assert "chiếm" not in one(fs, "38,5").indicator


def test_a_rate_named_after_its_figure_names_the_places_after_it():
    fs = facts_of("Huyện Đông Hải còn 38,4% hộ nghèo; huyện Tây Sơn 29,1%.")
    assert one(fs, "38,4").indicator == "tỷ lệ hộ nghèo" and one(fs, "29,1").indicator == "tỷ lệ hộ nghèo"
    assert one(fs, "29,1").place == "huyện Tây Sơn"
    fs = facts_of("100% xã, phường triển khai dịch vụ công trực tuyến.")
    assert one(fs, "100").indicator != "tỷ lệ xã"


def test_a_footnote_breaks_down_the_sentence_that_references_it():
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.profile import profile_dict
    from assistant.types import Chunk
    prof = profile_dict("d", YEAR, {"source_file": "x.txt"})
    chunk = Chunk("d:0", "d", "t", "x.txt", "", None,
                  "Diện tích rừng được cấp chứng chỉ FSC đạt 21.300 ha.",
                  ("[Chú thích 1] Trong đó huyện Đông Hải 8.120 ha, huyện Tây Sơn 6.450 ha.",),
                  ("Diện tích rừng được cấp chứng chỉ FSC đạt 21.300 ha",))
    fs = extract_facts([chunk], prof)
    f = one(fs, "6.450")
    assert f.place == "huyện Tây Sơn" and f.indicator.startswith("Diện tích rừng")


def test_a_cubic_metre_is_no_footnote_marker():
    from assistant.ingest.clean import mark_footnotes
    text, ids = mark_footnotes("sản lượng gỗ khai thác đạt 1,1 triệu m3, tăng 3%.", {"3"})
    assert ids == [] and "m3" in text


def test_a_persons_office_beside_the_name_is_no_part_of_the_indicator():
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.profile import profile_dict
    from assistant.types import Chunk
    s = ("Theo bà Trần Thị Mai, Giám đốc Sở Nông nghiệp, sản lượng lúa cả năm ước đạt 812,5 nghìn tấn, "
         "tăng 1,4% so với năm trước.")
    head = "UBND TỈNH HÀ NAM\nBÁO CÁO\nTình hình sản xuất nông nghiệp năm 2024\n"
    facts = extract_facts([Chunk("d:0", "d", "t", "x.txt", "", None, s, ())], profile_dict("d", head, {"source_file": "x.txt"}))
    assert {f.indicator for f in facts if f.text in ("812,5", "1,4")} == {"sản lượng lúa"}
