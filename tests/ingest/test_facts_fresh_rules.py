"""Fact rules found on reports written for a fresh evaluation (session 6), tested on sentences
written for these tests: a plan's value in brackets, "Trong tháng, …" in a monthly release,
"với <noun> X", a district that opens a statement after "Riêng", crop seasons, a cause clause,
"năng suất" (not the verb "nâng"), "giáo dục" (not the plan word "giao")."""

from assistant.ingest.facts import extract_facts
from assistant.ingest.profile import profile_dict
from assistant.types import Chunk

YEAR = """ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Số: 402/BC-UBND
Hà Tĩnh, ngày 12 tháng 12 năm 2023
BÁO CÁO
Tình hình kinh tế - xã hội năm 2023
"""

MONTH = """CỤC THỐNG KÊ TỈNH NAM ĐỊNH
Số: 77/BC-CTK
Nam Định, ngày 29 tháng 7 năm 2024
BÁO CÁO
Tình hình kinh tế - xã hội tháng 7 và 7 tháng năm 2024
"""

TERM = """ỦY BAN NHÂN DÂN TỈNH TÂY NINH
Số: 90/BC-UBND
Tây Ninh, ngày 20 tháng 4 năm 2025
BÁO CÁO
Đánh giá kết quả thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2021-2025
"""


def facts_of(text: str, head: str = YEAR):
    prof = profile_dict("d", head, {"source_file": "x.txt"})
    chunk = Chunk("d:0", "d", "t", "x.txt", "", None, text, ())
    return extract_facts([chunk], prof)


def one(facts, text):
    return next(f for f in facts if f.text == text)


def test_a_bracketed_figure_after_a_plan_word_is_the_plan_for_the_same_period():
    fs = facts_of("Chi thường xuyên năm 2025 ước đạt 7.020 tỷ đồng, bằng 97,5% mục tiêu (7.200 tỷ đồng), "
                  "cao hơn năm 2024 do tăng lương cơ sở.", TERM)
    plan = one(fs, "7.200")
    assert plan.kind == "target" and plan.period["label"] == "năm 2025"
    fs = facts_of("Tuổi thọ bình quân năm 2025 ước đạt 74,1 tuổi, bằng 99,9% mục tiêu (74,2 tuổi).", TERM)
    assert one(fs, "74,2").kind == "target"


def test_in_the_month_opening_a_statement_is_the_report_month():
    fs = facts_of("Bình quân 7 tháng, CPI tăng 3,2%. Trong tháng, nhóm giáo dục tăng 2,05% do học phí mới.", MONTH)
    f = one(fs, "2,05")
    assert f.period["label"] == "tháng 7 năm 2024"
    assert f.kind == "actual"  # "giáo dục" is no plan word ("giao")


def test_the_noun_after_voi_names_the_figure():
    fs = facts_of("Huyện Can Lộc gieo cấy 7.150 ha với năng suất 61,2 tạ/ha.")
    assert one(fs, "61,2").indicator == "năng suất"
    fs = facts_of("Năm 2023 thành lập 45 hợp tác xã mới với vốn điều lệ 86,4 tỷ đồng.")
    assert "vốn điều lệ" in one(fs, "86,4").indicator


def test_nang_suat_is_a_noun_not_the_verb_nang():
    fs = facts_of("Diện tích ngô cả năm đạt 4.300 ha, năng suất bình quân 46,2 tạ/ha.")
    assert one(fs, "46,2").indicator.startswith("năng suất")


def test_a_district_after_rieng_holds_for_the_rest_of_its_statement():
    fs = facts_of("Riêng huyện Hương Khê trồng 1.420 ha rừng, sản lượng gỗ 96.500 m3.")
    assert one(fs, "96.500").place == "huyện Hương Khê"


def test_a_crop_season_qualifies_the_figures_of_its_statement():
    fs = facts_of("b) Vụ Hè Thu: gieo cấy 19.800 ha lúa, năng suất 49,1 tạ/ha, sản lượng 97.218 tấn.")
    assert "Hè Thu" in one(fs, "49,1").indicator
    assert "Hè Thu" in one(fs, "97.218").indicator


def test_a_cause_clause_names_no_figure():
    fs = facts_of("Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021-2025 ước đạt 6,9%/năm; năm 2021 do dịch "
                  "COVID-19 chỉ tăng 3,1%.", TERM)
    assert "GRDP" in one(fs, "3,1").indicator
    fs = facts_of("Vụ Mùa gieo cấy 2.900 ha; do mưa lũ kéo dài nên năng suất chỉ đạt 31,5 tạ/ha.")
    assert one(fs, "31,5").indicator.startswith("năng suất")


def test_tang_after_toc_do_is_part_of_the_name():
    fs = facts_of("Tốc độ tăng GRDP từng năm: năm 2022 tăng 7,1%; năm 2023 tăng 6,4%.", TERM)
    assert "GRDP" in one(fs, "6,4").indicator


def test_the_season_of_the_section_qualifies_district_figures():
    prof = profile_dict("d", YEAR, {"source_file": "x.txt"})
    text = ("b) Vụ Hè Thu: gieo cấy 18.900 ha lúa. Huyện Thạch Hà gieo cấy 3.120 ha, năng suất 50,2 tạ/ha.")
    chunk = Chunk("d:0", "d", "t", "x.txt", "I. Kết quả > 1. Trồng trọt > b. Vụ Hè Thu", None, text, ())
    f = one(extract_facts([chunk], prof), "50,2")
    assert f.place == "huyện Thạch Hà" and "Hè Thu" in f.indicator


def test_an_area_after_a_sowing_verb_is_the_sown_area_of_its_crop():
    fs = facts_of("c) Vụ Mùa: gieo cấy 2.740 ha lúa, chủ yếu ở vùng núi.")
    assert one(fs, "2.740").indicator.startswith("Vụ Mùa: diện tích gieo cấy lúa")
    fs = facts_of("Huyện Đức Thọ gieo cấy 5.010 ha, năng suất 58,3 tạ/ha.")
    assert one(fs, "5.010").indicator == "diện tích gieo cấy"
    fs = facts_of("Cây lạc gieo trồng 3.400 ha.")  # the crop is the subject: kept as written
    assert one(fs, "3.400").indicator == "Cây lạc gieo trồng"


def test_a_shortened_indicator_takes_the_rest_of_the_one_in_the_sentence_before():
    fs = facts_of("Kim ngạch nhập khẩu hàng hóa tháng 7 ước đạt 512,6 triệu USD. "
                  "Lũy kế 7 tháng, kim ngạch nhập khẩu đạt 3.406,8 triệu USD, tăng 9,2%.", MONTH)
    assert one(fs, "3.406,8").indicator == "kim ngạch nhập khẩu hàng hóa"


def test_a_footnote_is_about_the_crop_season_of_the_sentence_that_references_it():
    from assistant.ingest.chunk import chunk_document
    from assistant.ingest.clean import clean_document
    from assistant.ingest.document import Document, Page

    text = ("BÁO CÁO\nTình hình kinh tế - xã hội 7 tháng năm 2025\n1. Nông nghiệp\n"
            "Vụ lúa Hè Thu năm nay toàn tỉnh xuống giống 95.400 ha; đến giữa tháng 7 đã thu hoạch 61.250 ha, "
            "năng suất ước 5,8 tấn/ha1. Giá lúa ổn định.\n"
            "                                                    \n"
            "1 Huyện Châu Thành thu hoạch 9.300 ha, huyện Phú Tân 8.120 ha.\n")
    doc = Document("d", "Báo cáo thử", "x.txt", "", [Page(None, text)], {})
    chunks = chunk_document(doc, clean_document(doc), 900, 100)
    holder = next(c for c in chunks if c.footnotes)
    assert holder.anchors == ("Vụ lúa Hè Thu năm nay toàn tỉnh xuống giống 95.400 ha; đến giữa tháng 7 "
                              "đã thu hoạch 61.250 ha, năng suất ước 5,8 tấn/ha",)
    fs = extract_facts(chunks, profile_dict("d", MONTH, {"source_file": "x.txt"}))
    f = one(fs, "8.120")
    assert f.in_footnote and f.place == "huyện Phú Tân" and "Hè Thu" in f.indicator


def test_a_district_part_of_a_sown_area_is_of_the_crop_the_sentence_named():
    fs = facts_of("Toàn tỉnh gieo cấy 41.300 ha lúa mùa, giảm 0,8%; trong đó huyện Gia Viễn cấy 6.050 ha, "
                  "huyện Nho Quan cấy 7.400 ha.", MONTH)
    assert one(fs, "6.050").indicator == "diện tích cấy lúa mùa"
    assert one(fs, "7.400").indicator == "diện tích cấy lúa mùa"
    fs = facts_of("Huyện Đức Thọ gieo cấy 5.010 ha, năng suất 58,3 tạ/ha.")  # no crop named anywhere
    assert one(fs, "5.010").indicator == "diện tích gieo cấy"


def test_the_season_a_statement_opens_with_qualifies_its_parts_after_a_semicolon():
    fs = facts_of("Vụ lúa Hè Thu toàn tỉnh xuống giống 88.100 ha; đến giữa tháng 7 đã thu hoạch 40.300 ha, "
                  "năng suất ước 5,6 tấn/ha. Diện tích nuôi cá tra 1.900 ha.", MONTH)
    assert "Hè Thu" in one(fs, "40.300").indicator and "Hè Thu" in one(fs, "5,6").indicator
    assert "Hè Thu" not in one(fs, "1.900").indicator  # a new statement
    fs = facts_of("Sản lượng lúa Hè Thu ước đạt 120,5 nghìn tấn.", MONTH)
    assert one(fs, "120,5").indicator.count("Hè Thu") == 1


def test_a_name_in_capitals_after_a_counted_noun_is_what_is_counted():
    fs = facts_of("Năm 2023 điều chỉnh 12 dự án FDI, tăng vốn 85 triệu USD.")
    assert one(fs, "12").indicator == "điều chỉnh dự án FDI"


def test_what_is_raised_to_a_figure_names_it():
    fs = facts_of("Trong năm có 14 xã được công nhận đạt chuẩn, nâng tổng số xã đạt chuẩn nông thôn mới toàn tỉnh "
                  "lên 96 xã.")
    assert one(fs, "96").indicator.startswith("tổng số xã")


def test_parts_counted_after_a_whole_that_opens_the_sentence_are_of_that_whole():
    fs = facts_of("Trong 18 chỉ tiêu kinh tế, có 15 chỉ tiêu đạt và vượt, 3 chỉ tiêu chưa đạt kế hoạch.")
    assert one(fs, "3").indicator == "chỉ tiêu kinh tế chưa đạt kế hoạch"
    assert one(fs, "15").indicator == "chỉ tiêu kinh tế đạt và vượt"
    # a period that opens the sentence is no whole
    fs = facts_of("Trong 6 tháng, xảy ra 14 vụ tai nạn giao thông, 5 vụ cháy.", MONTH)
    assert "giao thông" not in one(fs, "5").indicator
