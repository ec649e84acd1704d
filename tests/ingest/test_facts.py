"""Fact extraction on small reports written for the tests (not the seeds): every figure tied to
its indicator, role, basis, kind, period and place; non-quantities get no fact."""

import pytest

from assistant.ingest.facts import extract_facts, parse_row
from assistant.ingest.profile import extract_profile, profile_dict
from assistant.types import Chunk

REPORT = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 118/BC-UBND
Hà Nam, ngày 28 tháng 9 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2024
"""


def facts_of(text: str, section: str = "", profile: dict | None = None, footnotes=()):
    prof = profile or profile_dict("d", REPORT, {"source_file": "x.txt"})
    chunk = Chunk("d:0", "d", "t", "x.txt", section, None, text, tuple(footnotes))
    return extract_facts([chunk], prof)


def one(facts, text):
    found = [f for f in facts if f.text == text]
    assert len(found) == 1, [(f.text, f.indicator) for f in facts]
    return found[0]


def test_profile_of_a_new_province_report():
    p = extract_profile(REPORT)
    assert p.place == "Hà Nam"
    assert p.period.label() == "9 tháng đầu năm 2024"
    assert p.period.to_dict() == {"label": "9 tháng đầu năm 2024", "start": "2024-01-01", "end": "2024-09-30"}
    assert p.date == "2024-09-28"
    assert p.doc_type == "báo cáo"
    assert p.issuer == "UBND tỉnh Hà Nam"


def test_profile_without_place_or_period_says_so():
    p = extract_profile("Ghi chép rời rạc về một cuộc họp.\nKhông có tiêu đề, không có kỳ.")
    assert p.place is None and p.period is None
    assert len(p.notes) == 2


def test_value_growth_and_share_of_plan_share_one_indicator():
    fs = facts_of("Tổng thu NSNN 9 tháng ước đạt 10.111,7 tỷ đồng, tăng 32% so cùng kỳ, bằng 62,9% dự toán.")
    level, change, share = one(fs, "10.111,7"), one(fs, "32"), one(fs, "62,9")
    assert {f.indicator for f in (level, change, share)} == {"Tổng thu NSNN"}
    assert (level.role, level.unit, level.scale, level.value) == ("level", "tỷ đồng", 1e9, 10111.7)
    assert (change.role, change.basis, change.value, change.unit) == ("change", "cùng kỳ", 32.0, "%")
    assert (share.role, share.basis) == ("share_plan", "dự toán")
    assert all(f.kind == "estimate" for f in (level, change, share))
    assert all(f.period["label"] == "9 tháng đầu năm 2024" for f in (level, change, share))
    assert all(f.place == "Hà Nam" for f in (level, change, share))


def test_same_period_of_last_year_is_a_basis_not_the_period():
    f = one(facts_of("Chỉ số sản xuất công nghiệp giảm 12,2% so với cùng kỳ năm 2023."), "12,2")
    assert (f.role, f.value, f.basis) == ("change", -12.2, "cùng kỳ")
    assert f.period["label"] == "9 tháng đầu năm 2024"


def test_month_and_cumulative_figures_get_their_own_periods():
    fs = facts_of("Kim ngạch xuất khẩu tháng 9 ước đạt 512,4 triệu USD; tính chung 9 tháng đạt 4,1 tỷ USD.")
    assert one(fs, "512,4").period["label"] == "tháng 9 năm 2024"
    assert one(fs, "512,4").unit == "triệu USD"
    assert one(fs, "4,1").period["label"] == "9 tháng đầu năm 2024"
    assert one(fs, "4,1").scale == 1e9


def test_respectively_maps_periods_in_order():
    fs = facts_of("Tăng trưởng GRDP quý I và quý II năm 2024 đạt lần lượt 6,1% và 7,3%.")
    assert one(fs, "6,1").period["label"] == "quý I năm 2024"
    assert one(fs, "7,3").period["label"] == "quý II năm 2024"


def test_a_district_is_the_place_of_its_clause_only():
    fs = facts_of("Huyện Kim Bảng có 45 doanh nghiệp thành lập mới; toàn tỉnh có 512 doanh nghiệp thành lập mới.")
    assert one(fs, "45").place == "huyện Kim Bảng"
    assert one(fs, "45").role == "count" and one(fs, "45").unit == "doanh nghiệp"
    assert one(fs, "512").place == "Hà Nam"


def test_heading_of_a_plan_makes_targets_for_the_next_period():
    fs = facts_of("Tổng vốn đầu tư toàn xã hội đạt 60.000 tỷ đồng.", section="KẾ HOẠCH NĂM 2025")
    f = one(fs, "60.000")
    assert f.kind == "target" and f.period["label"] == "năm 2025"


def test_plan_words_and_ranks():
    fs = facts_of("Phấn đấu tốc độ tăng trưởng GRDP năm 2025 đạt 9,5%. Chỉ số PCI xếp thứ 12/63 tỉnh, thành phố.")
    assert one(fs, "9,5").kind == "target"
    rank = one(fs, "12/63")
    assert (rank.role, rank.value, rank.unit) == ("rank", 12.0, "rank")


def test_non_quantities_get_no_fact():
    text = ("Thực hiện Nghị quyết số 15-NQ/TU ngày 12/3/2024 và Điều 3 của Quyết định 27, (4) giao Sở Tài chính "
            "rà soát theo Công văn số 70/STC; Quốc lộ 38 được mở rộng trong năm 2024.")
    assert facts_of(text) == []


def test_footnote_figures_are_facts():
    fs = facts_of("Thu hút đầu tư tiếp tục khởi sắc.", footnotes=("[Chú thích 3] Cấp mới 38 dự án FDI, vốn đăng ký 581,49 triệu USD.",))
    f = one(fs, "581,49")
    assert f.in_footnote and f.unit == "triệu USD" and "vốn đăng ký" in f.indicator


def test_table_row_facts_take_period_and_kind_from_headers():
    row = ("Biểu 01: Một số chỉ tiêu chủ yếu — Chỉ tiêu: Tổng thu NSNN | Đơn vị tính: tỷ đồng | "
           "Kế hoạch năm 2024: 14.000 | Ước thực hiện 9 tháng: 9.870,5 | So với KH (%): 70,5")
    assert parse_row(row)[0] == "Biểu 01: Một số chỉ tiêu chủ yếu"
    fs = facts_of(row)
    plan, est, share = one(fs, "14.000"), one(fs, "9.870,5"), one(fs, "70,5")
    assert (plan.kind, plan.period["label"], plan.unit, plan.indicator) == ("target", "năm 2024", "tỷ đồng", "Tổng thu NSNN")
    assert (est.kind, est.period["label"]) == ("estimate", "9 tháng đầu năm 2024")
    assert (share.role, share.unit) == ("share_plan", "%")


@pytest.mark.parametrize("text, n", [("", 0), ("Không có số liệu nào.", 0)])
def test_empty_text(text, n):
    assert len(facts_of(text or " ")) == n


def test_a_district_named_once_is_recognised_when_written_bare():
    text = ("Thu ngân sách của huyện Kim Bảng đạt 610 tỷ đồng. Một số huyện thu vượt dự toán: "
            "Kim Bảng 112,4%, Thanh Liêm 105,2%.")
    f = one(facts_of(text), "112,4")
    assert f.place == "huyện Kim Bảng"
    # never named with its level word, but listed under "Một số huyện": a district
    assert one(facts_of(text), "105,2").place == "huyện Thanh Liêm"


def test_another_province_written_bare_is_its_own_place():
    text = "GRDP 9 tháng tăng 7,1%, xếp sau Ninh Bình (tăng 9,3%) và Hải Dương (tăng 8,8%)."
    facts = facts_of(text)
    assert one(facts, "7,1").place == "Hà Nam"
    assert one(facts, "9,3").place == "Ninh Bình"
    assert one(facts, "8,8").place == "Hải Dương"


def test_a_comma_inside_the_noun_phrase_keeps_the_whole_indicator():
    f = one(facts_of("Doanh thu bán lẻ hàng hóa, dịch vụ tiêu dùng 9 tháng đạt 41.250 tỷ đồng."), "41.250")
    assert "hàng hóa" in f.indicator and "dịch vụ" in f.indicator


def test_a_clause_that_opens_with_its_predicate_takes_the_sentence_subject():
    text = ("Tổng vốn đầu tư toàn xã hội 9 tháng ước đạt 23.500 tỷ đồng, "
            "là mức cao nhất từ trước tới nay, dự kiến cả năm đạt 33.000 tỷ đồng.")
    facts = facts_of(text)
    assert "vốn đầu tư" in one(facts, "33.000").indicator.lower()


def test_the_period_written_after_a_from_figure_is_its_own():
    f = facts_of("Tỷ lệ đô thị hóa tăng từ 24,5% năm 2020 lên 31,2% năm 2024.")
    assert one(f, "24,5").period["label"] == "năm 2020"
    assert one(f, "31,2").period["label"] == "năm 2024"


def test_a_stock_at_a_month_end_covers_the_months_before_it():
    f = one(facts_of("Đến ngày 31/8/2024, dư nợ tín dụng đạt 52.310 tỷ đồng."), "52.310")
    assert f.period["label"] == "8 tháng đầu năm 2024"
    g = one(facts_of("Đến ngày 20/8/2024, dư nợ tín dụng đạt 52.310 tỷ đồng."), "52.310")
    assert g.period["label"] == "9 tháng đầu năm 2024"  # mid-month: the document's period


def test_an_index_named_with_its_edition_year():
    f = one(facts_of("Theo kết quả PAPI 2023, tỉnh đạt 43,2 điểm."), "43,2")
    assert f.period["label"] == "năm 2023"


def test_a_yearless_period_takes_the_year_named_before_it():
    f = facts_of("Chỉ số IIP 9 tháng tăng 6,4% so với cùng kỳ (9 tháng năm 2023 tăng 3,1%).")
    assert one(f, "6,4").period["label"] == "9 tháng đầu năm 2024"


def test_from_and_to_figures_are_levels_and_a_share_after_a_fraction():
    f = facts_of("Tỷ lệ đô thị hóa tăng từ 24,5% năm 2020 lên 31,2% năm 2024.")
    assert one(f, "24,5").role == "level" and one(f, "31,2").role == "level"
    g = facts_of("Đến nay toàn tỉnh có 48/98 xã đạt chuẩn nông thôn mới nâng cao, đạt 49%.")
    assert one(g, "49").role == "share_whole"


def test_an_estimate_runs_on_in_its_clauses_until_a_new_period_is_stated():
    f = facts_of("Doanh thu du lịch tháng 9 ước đạt 640 tỷ đồng, tăng 5,1% so với tháng trước; "
                 "9 tháng đạt 5.210 tỷ đồng, tăng 12,3% so với cùng kỳ.")
    assert one(f, "640").kind == "estimate" and one(f, "5,1").kind == "estimate"
    assert one(f, "5.210").kind == "actual"
    g = facts_of("Thu nội địa ước đạt 7.420 tỷ đồng, bằng 61,2% dự toán, tăng 9,8%.")
    assert one(g, "9,8").kind == "estimate"  # "dự toán" there is a basis, not a plan


def test_a_bracketed_figure_after_a_basis_period_is_that_periods_figure():
    f = facts_of("GRDP 9 tháng ước tăng 7,4%, cao hơn mức tăng của cùng kỳ năm 2023 (5,12%).")
    assert one(f, "7,4").period["label"] == "9 tháng đầu năm 2024"
    assert one(f, "5,12").period["label"] == "9 tháng đầu năm 2023"
    g = facts_of("Mức tăng này cao hơn 6 tháng đầu năm 2023 (6T/2023 tăng 3,05%).")
    assert one(g, "3,05").period["label"] == "6 tháng đầu năm 2023"


def test_the_end_of_a_from_to_keeps_the_indicator_and_a_bare_measure_noun_takes_the_subject():
    f = facts_of("Tỷ trọng chi đầu tư phát triển tăng từ 27,5% đầu nhiệm kỳ lên 30,8% năm 2024.")
    assert "đầu tư phát triển" in one(f, "30,8").indicator
    g = facts_of("Tổng mức bán lẻ hàng hóa có mức tăng khá; giá trị cả năm đạt 38.200 tỷ đồng.")
    assert "bán lẻ" in one(g, "38.200").indicator


def test_a_statement_after_a_semicolon_with_its_own_subject_inherits_nothing():
    f = facts_of("Toàn tỉnh có 40/98 xã đạt chuẩn nông thôn mới nâng cao, đạt 40,8%; "
                 "số xã đạt chuẩn nông thôn mới kiểu mẫu là 9/98 xã, đạt 9,2%.")
    assert "kiểu mẫu" in one(f, "9,2").indicator
    g = facts_of("Tổng thu ngân sách 9 tháng đạt 9.120 tỷ đồng; tăng 11,4% so với cùng kỳ.")
    assert "thu ngân sách" in one(g, "11,4").indicator.lower()


def test_a_capitalised_count_noun_is_still_the_unit():
    f = one(facts_of("Đoàn thể thao của tỉnh giành 57 Huy chương các loại."), "57")
    assert f.unit == "huy chương" and f.role == "count"
    g = one(facts_of("Năm 2024 ghi nhận 1.204 trường hợp mắc sốt xuất huyết."), "1.204")
    assert g.unit == "trường hợp"


def test_shares_name_their_part_and_whole():
    fs = facts_of("Về cơ cấu, khu vực nông nghiệp chiếm 18,2% GRDP; khu vực dịch vụ chiếm 40,5%; "
                  "thuế sản phẩm chiếm 5,1%.")
    assert one(fs, "18,2").indicator == "tỷ trọng khu vực nông nghiệp trong GRDP"
    assert one(fs, "40,5").indicator == "tỷ trọng khu vực dịch vụ trong GRDP"  # the whole named once
    assert one(fs, "5,1").indicator == "tỷ trọng thuế sản phẩm trong GRDP"


def test_shares_take_their_whole_from_an_opening_structure_and_keep_it_for_the_change():
    fs = facts_of("Cơ cấu kinh tế tiếp tục chuyển dịch tích cực: công nghiệp chiếm 51,6%, tăng 1,2%; "
                  "dịch vụ chiếm 30,1%, giảm 0,8%.")
    assert one(fs, "30,1").indicator == "tỷ trọng dịch vụ trong cơ cấu kinh tế"
    assert one(fs, "0,8").indicator == "tỷ trọng dịch vụ trong cơ cấu kinh tế"
    assert one(fs, "0,8").role == "change"
    # a share already named as one, and a figure after "chiếm" with a basis, are left alone
    fs = facts_of("Tỷ trọng vốn FDI chiếm 33,4% so với cùng kỳ.")
    assert one(fs, "33,4").indicator == "Tỷ trọng vốn FDI"


def test_a_figure_named_by_reference_takes_the_indicator_before_it():
    fs = facts_of("Tốc độ tăng trưởng GRDP 6 tháng ước đạt 7,4%; với kết quả này, tỉnh đứng thứ 12 cả nước.")
    assert one(fs, "12").indicator == "Tốc độ tăng trưởng GRDP"
    fs = facts_of("Kim ngạch xuất khẩu 6 tháng ước đạt 812 triệu USD. Mức tăng này cao hơn cùng kỳ năm trước (tăng 5,3%).")
    assert one(fs, "5,3").indicator == "Kim ngạch xuất khẩu"


def test_a_fragment_ending_in_and_inherits_the_figure_before():
    fs = facts_of("Thu ngân sách cả năm đạt 9.870 tỷ đồng, cao nhất từ trước tới nay và đứng thứ 9 cả nước.")
    assert one(fs, "9").indicator == "Thu ngân sách"


def test_a_percentage_of_a_structure_is_a_share_of_the_whole():
    fs = facts_of("Cơ cấu kinh tế: Nông nghiệp 12,7%; Tỷ trọng chi thường xuyên giảm từ 61,5% năm 2021 xuống 55,2% năm 2024.")
    assert one(fs, "12,7").role == "share_whole"
    assert one(fs, "55,2").role == "share_whole"
    fs = facts_of("Tỷ lệ hộ nghèo giảm còn 2,1%.")
    assert one(fs, "2,1").role == "level"  # a rate is no share of a whole


def test_an_estimate_sentence_states_past_periods_as_known():
    fs = facts_of("Chỉ số sản xuất công nghiệp 9 tháng ước tăng 7,6% so với cùng kỳ (9 tháng năm 2023 tăng 3,15%).")
    assert one(fs, "7,6").kind == "estimate"
    assert one(fs, "3,15").kind == "actual"


def test_figures_given_respectively_take_the_items_of_the_sentence_before():
    fs = facts_of("Về cơ cấu, nông nghiệp chiếm 21,5% GRDP; công nghiệp chiếm 33,0%; dịch vụ chiếm 45,5%. "
                  "Cơ cấu tương ứng của cùng kỳ năm trước lần lượt là 23,1%; 31,2% và 45,7%.")
    assert one(fs, "23,1").indicator == "tỷ trọng nông nghiệp trong GRDP"
    assert one(fs, "45,7").indicator == "tỷ trọng dịch vụ trong GRDP"
    assert one(fs, "45,7").role == "share_whole"
    # a different number of figures than items: nothing is paired
    fs = facts_of("Về cơ cấu, nông nghiệp chiếm 21,5% GRDP; công nghiệp chiếm 33,0%; dịch vụ chiếm 45,5%. "
                  "Cơ cấu tương ứng của cùng kỳ năm trước lần lượt là 23,1% và 31,2%.")
    assert one(fs, "23,1").indicator != "tỷ trọng nông nghiệp trong GRDP"


def test_a_rate_per_ten_thousand_is_not_read_as_its_integer_part():
    fs = facts_of("Số bác sĩ đạt 12,8/10.000 dân; số giường bệnh đạt 41 giường.")
    assert not [f for f in fs if f.text == "12"], [(f.text, f.indicator) for f in fs]
    assert one(fs, "41").unit == "giường"


def test_the_start_of_a_change_without_its_own_period_is_no_fact():
    fs = facts_of("Tuổi thọ trung bình tăng từ 72,1 lên 73,9 tuổi; số bác sĩ/10.000 dân tăng từ 9,5 lên 11,8.")
    assert not [f for f in fs if f.text in ("72,1", "9,5")], [(f.text, f.indicator) for f in fs]
    assert one(fs, "73,9") and one(fs, "11,8")
    fs = facts_of("Tỷ lệ đô thị hóa tăng từ 24,5% năm 2020 lên 31,2%.")
    assert one(fs, "24,5").period["label"] == "năm 2020"


def test_the_start_period_of_a_rise_is_not_the_period_of_what_follows():
    fs = facts_of("Tỷ lệ đô thị hóa tăng từ 18,5% năm 2019 lên 41,2%, vượt 6,2% so với mục tiêu.")
    assert one(fs, "18,5").period["label"] == "năm 2019"
    assert one(fs, "41,2").period["label"] == "9 tháng đầu năm 2024"  # the report's own period
    assert one(fs, "6,2").period["label"] == "9 tháng đầu năm 2024"


@pytest.mark.parametrize("sentence, want", [
    ("Chỉ số sản xuất công nghiệp 9 tháng năm 2024 ước tăng 7,15% so với cùng kỳ năm trước "
     "(cùng kỳ năm 2023 tăng 4,02%), trong đó ngành chế biến, chế tạo tăng 8,3%.", "9 tháng đầu năm 2023"),
    ("Tổng thu ngân sách 9 tháng năm 2024 ước đạt 3.560 tỷ đồng (năm 2023: 3.105 tỷ đồng).", "năm 2023"),
])
def test_a_bracketed_figure_of_an_earlier_period_takes_that_period(sentence, want):
    facts = facts_of(sentence)
    inner = one(facts, "4,02" if "4,02" in sentence else "3.105")
    assert inner.period is not None and inner.period["label"] == want
    outer = one(facts, "7,15" if "7,15" in sentence else "3.560")
    assert outer.period["label"] == "9 tháng đầu năm 2024"


def test_a_plan_value_in_brackets_after_a_share_of_that_plan_is_the_plan():
    # invented: the bracket after "mục tiêu Nghị quyết" states the plan's own value; a later year
    # named after the bracket ("thấp hơn năm 2023") is not the bracket's period
    facts = facts_of("Tổng thu ngân sách năm 2024 ước đạt 4.120 tỷ đồng, bằng 96% mục tiêu Nghị quyết "
                     "(4.300 tỷ đồng), thấp hơn năm 2023 do thu tiền sử dụng đất giảm.")
    plan = one(facts, "4.300")
    assert plan.kind == "target" and plan.period["label"] == "năm 2024"
    assert one(facts, "4.120").kind == "estimate"


def test_a_bracket_of_counts_after_a_share_of_plan_states_no_plan():
    facts = facts_of("Có 7/9 huyện thu ước đạt trên 50% dự toán (02 địa phương chưa đạt là huyện Mèo Vạc 41,2% "
                     "và huyện Đồng Văn 38,7% dự toán).")
    assert one(facts, "02").kind != "target"


def test_a_bracketed_earlier_period_stays_inside_its_bracket():
    # the figure after a "(cùng kỳ năm 2023 tăng …)" bracket is of the report's own period
    facts = facts_of("Tính chung 9 tháng năm 2024, sản lượng điện tăng 7,2% (cùng kỳ năm 2023 tăng 1,1%), "
                     "đóng góp 0,9 điểm phần trăm vào mức tăng chung; riêng ngành khai khoáng giảm 4,3%.")
    assert one(facts, "1,1").period["label"] == "9 tháng đầu năm 2023"
    assert one(facts, "0,9").period["label"] == "9 tháng đầu năm 2024"
    assert one(facts, "4,3").period["label"] == "9 tháng đầu năm 2024"


def test_khai_khoang_is_mining_not_the_word_about():
    facts = facts_of("Ngành khai khoáng giảm 4,3%; xuất khẩu khoáng sản đạt 12,5 triệu USD; doanh thu đạt khoảng 310 tỷ đồng.")
    assert one(facts, "4,3").indicator.lower().endswith("khai khoáng")
    assert one(facts, "12,5").indicator.lower().endswith("khoáng sản")
    assert one(facts, "310").indicator.lower() == "doanh thu"


def test_von_dau_tu_thuc_hien_is_one_indicator_name():
    # "vốn đầu tư thực hiện" (capital actually invested) is a name, "thực hiện" no verb that ends it
    facts = facts_of("Tính chung 9 tháng, vốn đầu tư thực hiện từ nguồn ngân sách nhà nước ước đạt 2.417,3 tỷ đồng, "
                     "bằng 68,2% kế hoạch năm.")
    assert one(facts, "68,2").indicator == "vốn đầu tư thực hiện từ nguồn ngân sách nhà nước"


def test_table_row_of_indices_near_100_stays_a_ratio_to_the_basis():
    row = ("Bảng 2 — Sản phẩm: Gạch xây | Đơn vị tính: triệu viên | Tháng 9/2024: 42,1 | "
           "So với cùng kỳ (%): 103,6")
    fs = {f.text: f for f in facts_of(row)}
    assert (fs["103,6"].role, fs["103,6"].basis) == ("share_plan", "cùng kỳ")
