"""Fact rules about the scope of kind and period words (issue 9 agreement work), on sentences
written for these tests: a plan word that is a basis makes no plan, an estimate covers the
figures of its period, ranks of annual indexes and of terms, months inside cumulative reports."""

from assistant.ingest.facts import extract_facts
from assistant.ingest.profile import profile_dict
from assistant.types import Chunk

NINE_MONTHS = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 118/BC-UBND
Hà Nam, ngày 28 tháng 9 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội 9 tháng năm 2024
"""

YEAR = """ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Số: 301/BC-UBND
Ninh Bình, ngày 10 tháng 12 năm 2023
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023
"""

TERM = """BAN CHẤP HÀNH ĐẢNG BỘ TỈNH PHÚ YÊN
BÁO CÁO CHÍNH TRỊ
của Ban Chấp hành Đảng bộ tỉnh khóa XVIII trình Đại hội đại biểu lần thứ XIX, nhiệm kỳ 2025-2030
Tuy Hòa, ngày 15 tháng 3 năm 2025
"""

APRIL = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 55/TB-UBND
Hà Nam, ngày 20 tháng 4 năm 2024
THÔNG BÁO
Kết luận phiên họp UBND tỉnh thường kỳ tháng 4 năm 2024
"""


def facts_of(text: str, head: str = NINE_MONTHS, section: str = "", footnotes=()):
    prof = profile_dict("d", head, {"source_file": "x.txt"})
    chunk = Chunk("d:0", "d", "t", "x.txt", section, None, text, tuple(footnotes))
    return extract_facts([chunk], prof)


def one(facts, text):
    found = [f for f in facts if f.text == text]
    assert len(found) == 1, [(f.text, f.indicator) for f in facts]
    return found[0]


def label(f):
    return f.period["label"] if f.period else None


# -- kind: a plan word as a basis ------------------------------------------------------------

def test_a_rank_after_a_share_of_plan_is_no_plan():
    fs = facts_of("Tổng vốn đầu tư toàn xã hội đạt 45.600 tỷ đồng, vượt 3,2% kế hoạch (đứng thứ 9 cả nước).")
    assert one(fs, "9").kind == "actual"


def test_items_that_met_the_plan_are_counted_as_done():
    fs = facts_of("Trong 9 tháng, có 11 chỉ tiêu đạt kế hoạch và 04 chỉ tiêu vượt kế hoạch.")
    assert one(fs, "04").kind == "actual"


def test_exceeding_an_assigned_target_by_a_figure_is_no_plan():
    fs = facts_of("Tổng thu ngân sách nhà nước trên địa bàn đạt 21.300 tỷ đồng, vượt chỉ tiêu Trung ương giao 8%.")
    assert one(fs, "8").kind == "actual"
    assert one(fs, "21.300").kind == "actual"


def test_the_value_of_a_target_named_after_the_plan_word_stays_a_plan():
    fs = facts_of("Quy mô GRDP 9 tháng ước đạt 98.000 tỷ đồng, đứng thứ 18 cả nước "
                  "(vượt mục tiêu đề ra đứng thứ 20 cả nước).")
    assert one(fs, "20").kind == "target"
    fs = facts_of("Tỷ lệ đô thị hóa đạt 41,5%, vượt 6,5% so với mục tiêu đề ra (35%).")
    assert one(fs, "35").kind == "target"


def test_a_plan_word_before_the_figure_still_makes_a_plan():
    fs = facts_of("Kế hoạch năm 2025, tổng vốn đầu tư toàn xã hội đạt 60.000 tỷ đồng.")
    assert one(fs, "60.000").kind == "target"


# -- kind: the reach of an estimate -----------------------------------------------------------

def test_an_estimate_covers_later_figures_of_its_period_and_place():
    fs = facts_of("Tổng lượng khách du lịch 9 tháng ước đạt 3,2 triệu lượt, tăng 12%; "
                  "doanh thu du lịch đạt 4.150 tỷ đồng, tăng 15%.")
    assert one(fs, "4.150").kind == "estimate" and one(fs, "15").kind == "estimate"


def test_an_estimate_does_not_reach_another_place_or_a_cumulative_written_as_known():
    fs = facts_of("GRDP 9 tháng ước tăng 7,1%, đứng thứ 12 cả nước, sau tỉnh Hải Dương tăng 9,3%.")
    assert one(fs, "9,3").kind == "actual"
    fs = facts_of("Kim ngạch xuất khẩu tháng 9 ước đạt 410 triệu USD; 9 tháng đạt 3,4 tỷ USD.")
    assert one(fs, "3,4").kind == "actual"


# -- period -----------------------------------------------------------------------------------

def test_a_period_after_a_share_of_plan_belongs_to_the_plan():
    fs = facts_of("Vốn FDI thu hút đạt 120 triệu USD, bằng 40,2% kế hoạch thu hút FDI cả năm 2024 "
                  "và đứng thứ 11 cả nước.")
    assert label(one(fs, "11")) == "9 tháng đầu năm 2024"
    assert one(fs, "11").kind == "actual"


def test_a_planned_rank_of_an_annual_index_is_for_the_year():
    fs = facts_of("Phấn đấu chỉ số PCI của tỉnh nằm trong nhóm 20 tỉnh dẫn đầu cả nước.",
                  section="Phần thứ hai: NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024")
    f = one(fs, "20")
    assert (f.kind, label(f)) == ("target", "năm 2024")


def test_a_rank_in_a_term_report_names_no_period_of_its_own():
    fs = facts_of("Tổng đàn bò khoảng 210 nghìn con, đứng thứ 9 toàn quốc.", head=TERM)
    assert label(one(fs, "9")) is None
    fs = facts_of("Năm 2024, tổng đàn bò đứng thứ 9 toàn quốc.", head=TERM)
    assert label(one(fs, "9")) == "năm 2024"


def test_since_the_start_of_a_year_is_a_span_up_to_the_report():
    fs = facts_of("Từ đầu năm 2021 đến nay, toàn tỉnh có 2.310 doanh nghiệp được thành lập.", head=TERM)
    assert label(one(fs, "2.310")) == "giai đoạn 2021-2025"
    fs = facts_of("Doanh thu du lịch duy trì đà tăng từ năm 2023 đến nay, 9 tháng đạt 4.150 tỷ đồng.")
    assert label(one(fs, "4.150")) == "9 tháng đầu năm 2024"


def test_an_average_per_year_is_the_terms_figure():
    fs = facts_of("Chỉ tiêu chủ yếu đến năm 2030: tốc độ tăng trưởng GRDP bình quân hằng năm đạt 10%.",
                  head=TERM, section="Phần thứ ba: PHƯƠNG HƯỚNG NHIỆM KỲ 2025-2030")
    assert label(one(fs, "10")) == "giai đoạn 2025-2030"
    fs = facts_of("Chỉ tiêu chủ yếu đến năm 2030: GRDP bình quân đầu người đạt 9.000 USD.",
                  head=TERM, section="Phần thứ ba: PHƯƠNG HƯỚNG NHIỆM KỲ 2025-2030")
    assert label(one(fs, "9.000")) == "năm 2030"


def test_disbursement_counted_to_the_end_of_january_is_the_years():
    fs = facts_of("Giá trị giải ngân đến 31/01/2024 ước đạt 5.120 tỷ đồng, bằng 93,1% kế hoạch.", head=YEAR)
    assert label(one(fs, "5.120")) == "năm 2023"


def test_a_figure_against_the_month_before_in_a_cumulative_report_is_the_months():
    fs = facts_of("Hoạt động khai khoáng trong tháng giảm 4,2% so với tháng trước.")
    assert label(one(fs, "4,2")) == "tháng 9 năm 2024"
    fs = facts_of("Sản lượng điện thương phẩm tăng 2,3% so với tháng trước.")
    assert label(one(fs, "2,3")) == "tháng 9 năm 2024"
    fs = facts_of("Hoạt động khai khoáng giảm 4,2% so với cùng kỳ.")
    assert label(one(fs, "4,2")) == "9 tháng đầu năm 2024"


# -- role -------------------------------------------------------------------------------------

def test_a_ratio_to_the_month_before_is_read_like_a_share_of_a_basis():
    fs = facts_of("Chỉ số sản xuất công nghiệp tháng 9/2024 ước bằng 97,5% so với tháng trước.")
    f = one(fs, "97,5")
    assert (f.role, f.basis) == ("share_plan", "tháng trước")


# -- indicator --------------------------------------------------------------------------------

def test_a_head_that_names_only_places_takes_the_sections_topic():
    section = "I. KINH TẾ > 3. Thu ngân sách nhà nước"
    fs = facts_of("Có 03 huyện thu trên 500 tỷ đồng, gồm: huyện Kim Bảng đạt 812 tỷ đồng, huyện Thanh Liêm 640 tỷ đồng.",
                  section=section)
    assert one(fs, "812").indicator == "Thu ngân sách nhà nước"
    assert one(fs, "812").place == "huyện Kim Bảng"
    fs = facts_of("Nổi bật các huyện: huyện Lý Nhân vượt 54,2%, huyện Bình Lục vượt 31,5%.", section=section)
    assert one(fs, "54,2").indicator == "Thu ngân sách nhà nước"
    fs = facts_of("Thành phố Phủ Lý thu 1.240 tỷ đồng.", section="a. Thu ngân sách nhà nước tháng 9 ước đạt 410 tỷ đồng")
    assert one(fs, "1.240").indicator == "Thu ngân sách nhà nước"


def test_a_places_share_of_a_whole_measures_the_whole():
    fs = facts_of("Huyện Kim Bảng chiếm 38,5% giá trị sản xuất công nghiệp toàn tỉnh; "
                  "thành phố Phủ Lý đứng thứ hai, chiếm 21,4%.")
    assert one(fs, "38,5").indicator == "giá trị sản xuất công nghiệp"
    assert one(fs, "21,4").indicator == "giá trị sản xuất công nghiệp"
    assert one(fs, "21,4").place == "thành phố Phủ Lý"
    fs = facts_of("Nợ xấu còn 420 tỷ đồng, chiếm 0,61% tổng dư nợ.")
    assert one(fs, "0,61").indicator == "Nợ xấu"  # no place of its own: the share is the subject's


def test_the_noun_after_an_amount_names_it_and_attracting_is_no_shortfall():
    fs = facts_of("Từ đầu năm đến nay, tỉnh thu hút được 215,4 triệu USD vốn đầu tư trực tiếp nước ngoài.")
    f = one(fs, "215,4")
    assert f.role == "level" and "vốn đầu tư trực tiếp nước ngoài" in f.indicator
    fs = facts_of("Ước 9 tháng, toàn tỉnh trồng được 3,1 triệu cây phân tán; 2.400 ha rừng tập trung, tăng 8,2%.")
    assert one(fs, "2.400").indicator == "rừng tập trung"


def test_a_count_is_named_by_its_verb_or_its_place():
    fs = facts_of("Trong 9 tháng, toàn tỉnh đã giải quyết việc làm cho 15.230 lao động.")
    assert one(fs, "15.230").indicator == "giải quyết việc làm cho lao động"
    fs = facts_of("Đến nay, trong các cụm công nghiệp có 215 doanh nghiệp đang hoạt động sản xuất.")
    ind = one(fs, "215").indicator
    assert "doanh nghiệp đang hoạt động sản xuất" in ind and "cụm công nghiệp" in ind


def test_a_rank_is_named_by_what_it_ranks_or_by_the_example_given():
    fs = facts_of("Tính từ đầu năm đến nay, tỉnh Hà Nam đứng thứ 12 cả nước về kết quả thu hút vốn FDI.")
    assert one(fs, "12").indicator == "kết quả thu hút vốn FDI"
    fs = facts_of("Một số chỉ số còn xếp hạng thấp so với mức chung của cả nước như Chỉ số chuyển đổi số (DTI) "
                  "xếp thứ 45/63 tỉnh, thành phố.")
    assert one(fs, "45/63").indicator.startswith("Chỉ số chuyển đổi số")


def test_a_rank_after_the_growth_of_the_sentence_before():
    fs = facts_of("GRDP 9 tháng ước tăng 6,8% so với cùng kỳ. Với mức tăng trên, tỉnh Hà Nam xếp thứ 30/63 tỉnh, thành phố.")
    assert one(fs, "30/63").indicator == "mức tăng GRDP"


def test_a_figure_without_a_subject_takes_the_one_before_in_its_unit():
    fs = facts_of("Diện tích lúa đạt 31.200 ha, sản lượng ước đạt 190,5 nghìn tấn, tăng 1,1%; "
                  "huyện Lý Nhân dẫn đầu với 7.400 ha lúa.")
    assert one(fs, "7.400").indicator == "Diện tích lúa"
    fs = facts_of("Khách du lịch 9 tháng ước đạt 2,1 triệu lượt, gấp 1,8 lần cùng kỳ; doanh thu du lịch đạt "
                  "3.100 tỷ đồng, gấp 2,2 lần cùng kỳ.")
    assert one(fs, "2,2").indicator == "doanh thu du lịch"  # "lần" is a ratio, not an amount


def test_contributions_generic_heads_brackets_and_running_totals_keep_their_subject():
    fs = facts_of("Ngành công nghiệp tăng 9,2%, đóng góp 4,1 điểm phần trăm vào mức tăng trưởng chung.")
    # a contribution names its sector (the statement before it) and what it contributes to
    assert one(fs, "4,1").indicator == "Ngành công nghiệp đóng góp vào mức tăng trưởng chung"
    fs = facts_of("Quy mô GRDP 9 tháng đạt 98.000 tỷ đồng, đứng thứ 18 cả nước, tăng 2 bậc so với cùng kỳ "
                  "(vượt mục tiêu đề ra đứng thứ 20 cả nước).")
    assert one(fs, "20").indicator == one(fs, "18").indicator
    fs = facts_of("Chỉ số sản xuất công nghiệp tháng 9 ước tăng 2,1% so với tháng trước; cộng dồn 9 tháng tăng 8,7% so với cùng kỳ.")
    assert one(fs, "8,7").indicator == "Chỉ số sản xuất công nghiệp"
    fs = facts_of("Quy mô sản xuất công nghiệp ước đạt 420 nghìn tỷ đồng, trong đó tỷ trọng ngành công nghiệp chế biến, "
                  "chế tạo chiếm 96,5% toàn ngành.")
    assert one(fs, "96,5").indicator == "tỷ trọng ngành công nghiệp chế biến, chế tạo"
    fs = facts_of("Có 20/22 ngành có chỉ số tăng; riêng ngành sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước "
                  "và điều hòa không khí giảm 3,1%.")
    assert "phân phối điện" in one(fs, "3,1").indicator
    fs = facts_of("Phấn đấu duy trì thứ hạng chỉ số PCI của tỉnh nằm trong nhóm 15 tỉnh, thành phố dẫn đầu cả nước.")
    assert "chỉ số PCI" in one(fs, "15").indicator


def test_a_count_out_of_a_total_is_a_fact_of_its_count():
    fs = facts_of("Lũy kế đến nay, toàn tỉnh có 89/98 xã đạt chuẩn nông thôn mới.")
    f = one(fs, "89")
    assert (f.value, f.unit, f.role) == (89.0, "xã", "count")
    assert f.sentence[f.start : f.end] == "89"


def test_a_period_written_after_a_figure_stays_in_its_statement():
    fs = facts_of("Huyện Kim Bảng chiếm 61% giá trị sản xuất công nghiệp toàn tỉnh, tăng 1,2% năm 2022; "
                  "thành phố Phủ Lý đứng thứ 2, chiếm 9,4%.", head=YEAR)
    assert label(one(fs, "9,4")) == "năm 2023"


def test_a_planned_rate_of_a_term_is_for_its_last_year():
    fs = facts_of("Tỷ lệ đô thị hóa tăng lên 41,5%, vượt 6,5% so với mục tiêu Đại hội (35%).", head=TERM)
    assert (one(fs, "35").kind, label(one(fs, "35"))) == ("target", "năm 2025")


# -- place ------------------------------------------------------------------------------------

def test_a_region_or_the_nation_is_the_scope_of_a_rank_not_its_place():
    fs = facts_of("GRDP 9 tháng ước tăng 8,1%, đứng đầu vùng Đồng bằng sông Hồng và đứng thứ 5 toàn quốc.")
    assert one(fs, "5").place == "Hà Nam"
    fs = facts_of("Một số chỉ số còn thấp so với trung bình chung của cả nước như Chỉ số DTI xếp thứ 45/63 tỉnh, thành phố.")
    assert one(fs, "45/63").place == "Hà Nam"


def test_a_place_that_opens_a_statement_after_a_semicolon_is_its_figures_place():
    fs = facts_of("Giải ngân vốn đầu tư công đạt 2.140 tỷ đồng, bằng 61,5% kế hoạch; "
                  "huyện Kim Bảng có tỷ lệ giải ngân cao nhất tỉnh, đạt 80,2%.")
    assert one(fs, "80,2").place == "huyện Kim Bảng"
    assert one(fs, "80,2").indicator == "tỷ lệ giải ngân vốn đầu tư công"  # the short form completed
    assert one(fs, "2.140").place == "Hà Nam"


def test_a_topic_naming_two_things_gives_the_one_the_sentence_speaks_of_and_needs_a_named_place():
    section = "I. KINH TẾ > 5. Thu, chi ngân sách nhà nước"
    fs = facts_of("Có 03 địa phương có mức thu trên 800 tỷ đồng, gồm: thành phố Phủ Lý đạt 1.958 tỷ đồng, "
                  "huyện Kim Bảng 1.120 tỷ đồng.", section=section)
    assert one(fs, "1.958").indicator == "Thu ngân sách nhà nước"
    assert one(fs, "1.120").indicator == "Thu ngân sách nhà nước"
    fs = facts_of("Có 6/6 huyện, thành phố thu ước đạt trên 55% dự toán.", section=section)
    assert "ngân sách" not in one(fs, "55").indicator  # no place of its own: not the province's revenue
    fs = facts_of("Nổi bật các huyện: huyện Lý Nhân vượt 54,2%, huyện Bình Lục vượt 31,5%.", section=section)
    assert "chi" not in one(fs, "54,2").indicator.lower().split()  # thu or chi? the sentence does not say


def test_this_sector_is_the_one_named_before():
    fs = facts_of("Khu vực doanh nghiệp FDI ngày càng đóng vai trò dẫn dắt các khu vực sản xuất công nghiệp của tỉnh; "
                  "GTSX khu vực này đạt hơn 210,5 nghìn tỷ đồng, chiếm tỷ trọng 81,2% GTSX công nghiệp toàn tỉnh.")
    assert one(fs, "210,5").indicator == "GTSX Khu vực doanh nghiệp FDI"
    fs = facts_of("GRDP 9 tháng ước tăng 6,8%; khu vực nông nghiệp tăng 2,1%, khu vực dịch vụ tăng 7,4%. "
                  "Với mức tăng trên, tỉnh Hà Nam xếp thứ 30/63 tỉnh, thành phố.")
    assert one(fs, "30/63").indicator == ""  # the sentence before speaks of several: no guess


def test_a_city_named_like_the_province_is_a_place_of_its_own():
    # "thành phố Hà Nam" in a report of tỉnh Hà Nam is the provincial capital: its figure is the
    # city's revenue, never read as the province's
    section = "I. KINH TẾ > 3. Thu ngân sách nhà nước"
    fs = facts_of("Có 02 địa phương thu trên 900 tỷ đồng, gồm: thành phố Hà Nam đạt 1.310 tỷ đồng, "
                  "huyện Kim Bảng 940 tỷ đồng.", section=section)
    assert one(fs, "940").indicator == "Thu ngân sách nhà nước"
    city = one(fs, "1.310")
    assert city.place == "thành phố Hà Nam" and city.indicator == "Thu ngân sách nhà nước"


def test_things_listed_after_one_verb_share_it():
    fs = facts_of("Đến hết ngày 30/9/2024 UBND tỉnh, Chủ tịch UBND tỉnh đã ban hành 05 Chỉ thị, 812 Quyết định, "
                  "96 Kế hoạch và nhiều văn bản chỉ đạo.")
    assert one(fs, "812").indicator == "UBND tỉnh, Chủ tịch UBND tỉnh đã ban hành Quyết định"
    fs = facts_of("Trong 9 tháng, toàn tỉnh có 512 doanh nghiệp thành lập mới, 140 doanh nghiệp giải thể.")
    assert one(fs, "140").indicator == "doanh nghiệp giải thể"


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG
Số: 31/NQ-HĐND
Hà Giang, ngày 9 tháng 12 năm 2022
NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2023
"""


def test_a_resolutions_section_on_the_results_of_the_plan_states_results():
    done = facts_of("Năm 2022 tỷ lệ hộ nghèo còn 24,3%; sản lượng lương thực đạt 410.200 tấn.",
                    RESOLUTION, "Điều 1. Đánh giá kết quả thực hiện kế hoạch năm 2022")
    assert {f.text: f.kind for f in done} == {"24,3": "actual", "410.200": "actual"}
    plan = facts_of("Sản lượng lương thực đạt 415.000 tấn.", RESOLUTION,
                    "Điều 2. Mục tiêu và các chỉ tiêu chủ yếu năm 2023")
    assert [f.kind for f in plan] == ["target"]
    both = facts_of("Sản lượng lương thực đạt 415.000 tấn.", RESOLUTION,
                    "Phần II. Tình hình thực hiện nhiệm vụ năm 2022 và phương hướng, nhiệm vụ năm 2023")
    assert [f.kind for f in both] == ["target"]


def test_a_heading_in_capitals_names_no_commune():
    facts = facts_of("II. VĂN HÓA - XÃ HỘI Trong 9 tháng đã tạo việc làm cho 4.120 lao động.")
    assert [f.place for f in facts] == ["Hà Nam"]


def test_a_place_name_inside_a_company_or_hospital_name_is_not_the_figures_place():
    # "Công ty … Lọc hóa dầu Bình Sơn" pays the province's revenue; it is no district figure
    text = ("Thu ngân sách 9 tháng: huyện Bình Sơn thu 150,2 tỷ đồng. Riêng thu từ Công ty Cổ phần "
            "Lọc hóa dầu Bình Sơn đạt 7.420,5 tỷ đồng, bằng 70,1% dự toán.")
    fs = facts_of(text)
    assert one(fs, "150,2").place == "huyện Bình Sơn"
    assert one(fs, "7.420,5").place != "huyện Bình Sơn"
