"""Fact rules of session 10, on table rows written for these tests (figures invented): a table
whose columns are indicators and whose rows are places or bodies."""

from tests.ingest.test_facts_fresh_rules import YEAR, facts_of, one

ROWS = "\n".join([
    "Bảng 2: Một số chỉ tiêu y tế theo địa phương — Đơn vị: Huyện Kỳ Anh | Số xã: 21 | Trạm y tế có bác sĩ: 19 | Tỷ lệ bao phủ BHYT (%): 93,4",
    "Bảng 2: Một số chỉ tiêu y tế theo địa phương — Đơn vị: Thị xã Hồng Lĩnh | Số xã: 6 | Trạm y tế có bác sĩ: 6 | Tỷ lệ bao phủ BHYT (%): 96,1",
    "Bảng 2: Một số chỉ tiêu y tế theo địa phương — Đơn vị: Toàn tỉnh | Số xã: 27 | Trạm y tế có bác sĩ: 25 | Tỷ lệ bao phủ BHYT (%): 94,0",
])
ZONES = "\n".join([
    "Bảng 3: Các khu công nghiệp đến cuối năm — Khu công nghiệp: Vũng Áng | Diện tích (ha): 412,5 | Tỷ lệ lấp đầy (%): 71,2 | Lao động (người): 9.850",
    "Bảng 3: Các khu công nghiệp đến cuối năm — Khu công nghiệp: Hồng Lĩnh | Diện tích (ha): 88,0 | Tỷ lệ lấp đầy (%): 35,6 | Lao động (người): 1.204",
])


def test_rows_of_places_give_each_place_the_column_indicator():
    fs = facts_of(ROWS, YEAR)
    f = one(fs, "93,4")
    assert f.place == "huyện Kỳ Anh" and f.unit == "%" and f.indicator.startswith("Tỷ lệ bao phủ BHYT")
    g = one(fs, "19")
    assert g.place == "huyện Kỳ Anh" and g.unit != "huyện" and g.indicator.startswith("Trạm y tế có bác sĩ")
    assert one(fs, "96,1").place == "thị xã Hồng Lĩnh"
    total = one(fs, "94,0")
    assert total.place == "Hà Tĩnh"  # "Toàn tỉnh": the report's own place


def test_rows_of_zones_name_the_zone_in_the_indicator_not_the_town_it_is_named_after():
    fs = facts_of("Thị xã Hồng Lĩnh có 6 xã, phường.\n" + ZONES, YEAR)
    f = one(fs, "35,6")
    assert f.place == "Hà Tĩnh" and f.unit == "%" and "Khu công nghiệp Hồng Lĩnh" in f.indicator
    assert f.indicator.startswith("Tỷ lệ lấp đầy")
    assert one(fs, "412,5").unit == "ha" and one(fs, "9.850").unit == "người"


def test_a_table_of_periods_keeps_its_rows_as_indicators():
    row = ("Bảng 1: Chỉ tiêu chủ yếu — Chỉ tiêu: Thu NSNN | Đơn vị tính: Tỷ đồng | Năm 2023: 9.120 | "
           "Năm 2024: 10.050 | So với năm 2023 (%): 110,2")
    fs = facts_of(row, YEAR)
    assert one(fs, "10.050").indicator == "Thu NSNN" and one(fs, "10.050").unit == "tỷ đồng"


def test_a_heading_ending_on_a_level_word_does_not_name_the_next_line_a_place():
    from assistant.ingest.facts import PLACE_RE

    assert [m.group(0) for m in PLACE_RE.finditer("2. Kết quả cấp huyện\nĐến cuối năm có 9 xã")] == []
    assert [m.group(0) for m in PLACE_RE.finditer("của huyện\nKỳ Anh tăng")] == ["huyện\nKỳ Anh"]  # a wrapped column


def test_the_whole_area_heading_a_count_is_where_not_what():
    fs = facts_of("Theo kết quả rà soát cuối năm, toàn huyện còn 4.120 hộ nghèo, chiếm 3,15% tổng số hộ.", YEAR)
    assert one(fs, "4.120").indicator == "hộ nghèo"
    assert "hộ nghèo" in one(fs, "3,15").indicator


def test_bare_names_with_a_bracketed_figure_in_a_sentence_about_communes():
    fs = facts_of("Các xã có tỷ lệ hộ nghèo cao là Sơn Kim (21,4%) và Hương Quang (18,9%).", YEAR)
    assert one(fs, "21,4").place == "xã Sơn Kim" and one(fs, "18,9").place == "xã Hương Quang"


def test_a_place_opening_the_statement_after_a_semicolon_is_its_figure_place():
    fs = facts_of("Xã Kỳ Tân có thu nhập bình quân cao nhất, đạt 61,2 triệu đồng/người/năm; "
                  "xã Kỳ Thượng thấp nhất, đạt 33,8 triệu đồng/người/năm.", YEAR)
    assert one(fs, "61,2").place == "xã Kỳ Tân" and one(fs, "33,8").place == "xã Kỳ Thượng"
    assert "cao nhất" not in one(fs, "33,8").indicator  # the first place's superlative is not the second's
    # a scope after a rank in the same statement is no place of the figure after it
    fs = facts_of("Quy mô GRDP đạt 98.500 tỷ đồng, đứng thứ 30 cả nước, tăng 2 bậc so với năm 2022.", YEAR)
    assert one(fs, "2").place == "Hà Tĩnh"


def test_a_numbered_target_line_read_as_a_heading_keeps_the_plan_period():
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.profile import profile_dict
    from assistant.types import Chunk

    line = "2. Tổng giá trị sản xuất đạt 6.100 tỷ đồng (năm 2024 ước đạt 5.540,2 tỷ đồng)"
    section = f"Phần thứ hai: NHIỆM VỤ NĂM 2025 > II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025 > {line}"
    chunk = Chunk("d:0", "d", "t", "x.txt", section, None, line + ".", ())
    fs = extract_facts([chunk], profile_dict("d", YEAR.replace("2023", "2024"), {"source_file": "x.txt"}))
    plan = one(fs, "6.100")
    assert plan.kind == "target" and plan.period["label"] == "năm 2025"
    assert one(fs, "5.540,2").period["label"] == "năm 2024"


def test_a_count_column_counts_the_noun_its_header_opens_with():
    fs = facts_of(ROWS, YEAR)
    assert one(fs, "21").unit == "xã" and one(fs, "19").unit == "trạm y tế"


def test_a_bare_magnitude_counts_the_noun_after_it():
    fs = facts_of("Năm 2023, hệ thống đã tiếp nhận và xử lý 31,4 triệu hóa đơn điện tử, tăng 9,8% so với năm 2022.", YEAR)
    assert "hóa đơn điện tử" in one(fs, "31,4").indicator


def test_star_grades_are_part_of_the_name_not_figures():
    fs = facts_of("Toàn tỉnh có 120 sản phẩm OCOP, trong đó 2 sản phẩm 5 sao, 31 sản phẩm 4 sao và 87 sản phẩm 3 sao.", YEAR)
    assert not [f for f in fs if f.text in ("5", "4", "3")]
    assert one(fs, "31").indicator == "sản phẩm 4 sao"


def test_a_comma_inside_a_naming_bracket_does_not_cut_the_indicator():
    fs = facts_of("Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP, giá so sánh 2010) khoảng 9,5%.", YEAR)
    assert one(fs, "9,5").indicator.startswith("Tốc độ tăng tổng sản phẩm")


def test_a_table_column_compared_with_a_year_holds_an_index_of_it():
    row = ("Bảng 1 — Chỉ tiêu: Chỉ số sản xuất công nghiệp (IIP) | Đơn vị tính: % | Năm 2023: - | "
           "So với năm 2022 (%): 108,4")
    f = one(facts_of(row, YEAR), "108,4")
    assert f.role == "share_plan" and f.basis == "năm 2022"


def test_poverty_counts_at_the_start_and_end_of_the_year_keep_their_indicator():
    fs = facts_of("Theo kết quả rà soát, số hộ nghèo đầu năm 2023 là 912 hộ, chiếm 12,4%; cuối năm 2023 còn 730 hộ, "
                  "chiếm 9,9%, giảm 182 hộ, tương ứng giảm 2,5 điểm phần trăm, vượt kế hoạch đề ra (giảm 2 điểm phần trăm).", YEAR)
    assert one(fs, "912").indicator == "hộ nghèo" and one(fs, "730").indicator == "hộ nghèo"
    change = one(fs, "2,5")
    assert change.indicator == "hộ nghèo" and change.basis is None  # "vượt kế hoạch" is the next clause's


def test_a_bracketed_growth_has_no_basis_read_past_its_bracket():
    fs = facts_of("GRDP năm 2023 ước tăng 7,2% so với năm 2022, cao hơn mức tăng của năm 2022 (tăng 6,1%) "
                  "nhưng chưa đạt mục tiêu đề ra (tăng 8%).", YEAR)
    past = one(fs, "6,1")
    assert past.basis is None and past.period["label"] == "năm 2022" and past.kind == "actual"
