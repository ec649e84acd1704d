"""Periods of figures in reports on a month or a quarter, which report the month and the months
to date: a figure naming no period of its own (sentences written for the tests)."""

from assistant.ingest.facts import extract_facts
from assistant.ingest.profile import profile_dict
from assistant.types import Chunk

MONTHLY = """ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
Số: 301/BC-UBND
Yên Bái, ngày 27 tháng 8 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội tháng 8 năm 2024
"""


def facts_of(text: str, section: str = ""):
    prof = profile_dict("m", MONTHLY, {"source_file": "m.txt"})
    return extract_facts([Chunk("m:0", "m", "t", "m.txt", section, None, text, ())], prof)


def label(facts, text):
    found = [f for f in facts if f.text == text]
    assert len(found) == 1, [(f.text, f.indicator) for f in facts]
    return found[0].period["label"]


def test_a_breakdown_after_the_running_total_is_of_the_months_to_date():
    fs = facts_of("Thu ngân sách tháng 8 ước đạt 210,5 tỷ đồng; lũy kế 8 tháng đạt 1.645,2 tỷ đồng, "
                  "bằng 70,1% dự toán. Thành phố Yên Bái thu 602,8 tỷ đồng, chiếm 36,6% tổng thu.")
    assert label(fs, "210,5") == "tháng 8 năm 2024"
    assert label(fs, "1.645,2") == "8 tháng đầu năm 2024"
    assert label(fs, "602,8") == "8 tháng đầu năm 2024"


def test_a_new_paragraph_does_not_continue_the_period_before():
    fs = facts_of("Lũy kế 8 tháng thu ngân sách đạt 1.645,2 tỷ đồng.\nThu hút 12 dự án đầu tư mới.")
    assert label(fs, "12") == "tháng 8 năm 2024"


def test_a_quarter_inside_a_half_year_paragraph_does_not_carry_on():
    half = profile_dict("h", MONTHLY.replace("tháng 8 năm 2024", "6 tháng đầu năm 2024"), {"source_file": "h.txt"})
    text = ("Chỉ số sản xuất công nghiệp 6 tháng tăng 7,2%; quý II tăng 8,1%. "
            "Riêng ngành sản xuất điện giảm 3,4%.")
    fs = extract_facts([Chunk("h:0", "h", "t", "h.txt", "", None, text, ())], half)
    assert label(fs, "3,4") == "6 tháng đầu năm 2024"


def test_a_heading_naming_the_month_and_the_months_to_date_reports_the_latter():
    section = "1. Đánh giá tình hình kinh tế - xã hội tháng 8 và 8 tháng đầu năm; nhiệm vụ tháng 9 năm 2024"
    fs = facts_of("Số doanh nghiệp giải thể tăng 6,3% so cùng kỳ.", section)
    assert label(fs, "6,3") == "8 tháng đầu năm 2024"


def test_a_heading_with_a_goal_for_the_year_keeps_its_quarter():
    section = "B. NHIỆM VỤ QUÝ IV > 2. Tạo việc làm cho 450 lao động trong quý IV để cả năm đạt 5.200 lao động"
    fs = facts_of("Hỗ trợ 450 lao động trong quý IV.", section)
    assert label(fs, "450") == "quý IV năm 2024"


ANNUAL = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Số: 410/BC-UBND
Hòa Bình, ngày 5 tháng 12 năm 2023
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023
"""


def test_an_annual_index_stated_without_its_year_is_the_edition_before_the_report():
    prof = profile_dict("a", ANNUAL, {"source_file": "a.txt"})
    text = "Chỉ số SIPAS đạt 84,2%, đứng thứ 15/63 tỉnh, thành phố. Tổng thu ngân sách đạt 5.210 tỷ đồng."
    fs = extract_facts([Chunk("a:0", "a", "t", "a.txt", "", None, text, ())], prof)
    assert label(fs, "84,2") == "năm 2022" and label(fs, "15/63") == "năm 2022"
    assert label(fs, "5.210") == "năm 2023"
    named = extract_facts([Chunk("a:0", "a", "t", "a.txt", "", None, "Chỉ số PCI năm 2023 đạt 66,5 điểm.", ())], prof)
    assert label(named, "66,5") == "năm 2023"
