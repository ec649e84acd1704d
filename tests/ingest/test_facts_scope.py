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
