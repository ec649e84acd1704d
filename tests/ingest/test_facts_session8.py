"""Fact rules of session 8, tested on sentences written for these tests: a bracket that states a
figure of its own period (its plan words and its period stay inside it), the plan of a growth,
an unmet plan's value, from-to statements after a first one, heads cut inside a bracket or ending
on "trong đó", "bình quân" heads, what caused deaths, a year-end figure followed by an average,
"tính đến ngày … đã giải ngân", table unit nouns and "11 tháng 9,4 nghìn tấn"."""

from assistant.ingest.facts import extract_facts
from assistant.ingest.periods import find_period_spans
from assistant.ingest.profile import profile_dict
from assistant.types import Chunk

from tests.ingest.test_facts_fresh_rules import MONTH, TERM, YEAR, facts_of, one


def test_a_bracket_on_a_period_of_its_own_is_not_the_plan_named_before_it():
    fs = facts_of("GRDP năm 2023 ước tăng 4,15% so với năm 2022, thấp hơn kế hoạch đề ra là 6,5% "
                  "(năm 2022 tăng 7,36%).")
    past = one(fs, "7,36")
    assert past.kind == "actual" and past.period["label"] == "năm 2022" and past.role == "change"


def test_the_plan_a_growth_is_compared_with_is_a_growth():
    fs = facts_of("GRDP năm 2023 ước tăng 4,15% so với năm 2022, thấp hơn kế hoạch đề ra là 6,5%.")
    plan = one(fs, "6,5")
    assert plan.kind == "target" and plan.role == "change" and plan.period["label"] == "năm 2023"
    # a figure beyond a plan ("vượt … so với mục tiêu") has the plan as its basis: the plan stays a level
    fs = facts_of("Tỷ lệ đô thị hóa đạt 41%, vượt 12,3% so với mục tiêu (36,5%).", TERM)
    assert one(fs, "36,5").role == "level"


def test_an_unmet_plan_states_the_plans_value_and_an_aside_keeps_its_period():
    fs = facts_of("Tỷ lệ che phủ rừng năm 2025 ước đạt 38,2% (năm 2020 là 35,9%), chưa đạt mục tiêu 40% "
                  "do Nghị quyết đề ra.", TERM)
    plan = one(fs, "40")
    assert plan.kind == "target" and plan.indicator == "Tỷ lệ che phủ rừng"
    assert plan.period["label"] == "năm 2025"  # not the bracket's 2020
    assert one(fs, "35,9").period["label"] == "năm 2020"


def test_parts_after_an_aside_are_of_the_statements_period():
    fs = facts_of("Tính chung 9 tháng năm 2024, IIP tăng 6,1% so với cùng kỳ (9 tháng năm 2023 tăng 2,2%), "
                  "trong đó ngành khai khoáng tăng 3,4%; ngành chế biến, chế tạo tăng 7,3%.", MONTH)
    assert one(fs, "2,2").period["label"] == "9 tháng đầu năm 2023"
    assert one(fs, "3,4").period["label"] == "9 tháng đầu năm 2024"
    assert one(fs, "7,3").period["label"] == "9 tháng đầu năm 2024"


def test_from_to_statements_after_a_first_one_name_their_own_part_and_its_end_period():
    fs = facts_of("Cơ cấu kinh tế chuyển dịch đúng hướng: tỷ trọng nông nghiệp giảm từ 14,2% năm 2020 xuống còn "
                  "11,6% năm 2025; công nghiệp - xây dựng tăng từ 40,1% lên 43,7%; dịch vụ tăng từ 36,3% lên 37,9%.",
                  TERM)
    ind = one(fs, "43,7")
    assert ind.indicator == "tỷ trọng công nghiệp - xây dựng"
    assert ind.role == "share_whole" and ind.period["label"] == "năm 2025"
    assert one(fs, "37,9").indicator == "tỷ trọng dịch vụ"
    assert all(f.text not in ("40,1", "36,3") for f in fs)  # start values of no period of their own


def test_a_head_starts_after_a_bracket_closed_before_it_and_drops_trong_do():
    fs = facts_of("Toàn huyện có 58 trường công lập (mầm non, tiểu học, trung học cơ sở), trong đó 41 trường "
                  "đạt chuẩn quốc gia, tỷ lệ 70,7%.")
    assert one(fs, "41").indicator == "trường đạt chuẩn quốc gia"
    assert one(fs, "70,7").indicator == "tỷ lệ trường đạt chuẩn quốc gia"


def test_an_average_head_takes_the_indicator_named_before():
    fs = facts_of("Chỉ số giá tiêu dùng (CPI) tháng 7 tăng 0,35% so với tháng trước; bình quân 7 tháng tăng "
                  "3,12% so với cùng kỳ.", MONTH)
    f = one(fs, "3,12")
    assert f.indicator == "Chỉ số giá tiêu dùng (CPI) bình quân" and f.period["label"] == "7 tháng đầu năm 2024"


def test_deaths_name_what_caused_them():
    fs = facts_of("Tai nạn giao thông xảy ra 27 vụ, làm chết 19 người, bị thương 11 người.", MONTH)
    assert one(fs, "19").indicator == "Tai nạn giao thông làm chết"
    assert one(fs, "11").indicator == "Tai nạn giao thông bị thương"


def test_a_year_end_figure_followed_by_an_average_is_of_that_year():
    fs = facts_of("Tỷ lệ hộ nghèo cuối năm 2025 ước còn 1,05%, bình quân mỗi năm giảm 0,62 điểm phần trăm.", TERM)
    assert one(fs, "1,05").period["label"] == "năm 2025"


def test_disbursed_to_a_date_names_the_thing_planned_before():
    fs = facts_of("Vốn đầu tư công năm 2023 kế hoạch giao 3.870,2 tỷ đồng; tính đến ngày 30/11/2023 đã giải "
                  "ngân 2.615,8 tỷ đồng, đạt 67,6% kế hoạch.")
    assert one(fs, "2.615,8").indicator == "giải ngân Vốn đầu tư công"
    assert one(fs, "67,6").indicator == "giải ngân Vốn đầu tư công"


def test_a_month_number_before_a_decimal_figure_is_no_month():
    text = "vùng chè cho sản lượng 11 tháng 9,4 nghìn tấn"
    spans = find_period_spans(text)
    assert [(text[a:b], p.span) for a, b, p in spans] == [("11 tháng", "first11")]
    assert find_period_spans("ngày 11 tháng 9 năm 2023")[0][2].span == "year"  # a date stays a date


def test_a_table_unit_of_a_noun_keeps_the_noun():
    row = ("Biểu — Chỉ tiêu: Sản lượng dứa | Đơn vị tính: triệu quả | Thực hiện quý II: 41,3 | 6 tháng: 80,6 | "
           "So với cùng kỳ (%) quý II: 102,1 | So với cùng kỳ (%) 6 tháng: 101,4")
    prof = profile_dict("d", "THỐNG KÊ TỈNH TIỀN GIANG\nBÁO CÁO\nTình hình kinh tế - xã hội quý II và 6 tháng đầu năm 2025\n",
                        {"source_file": "x.txt"})
    fs = extract_facts([Chunk("d:0", "d", "t", "x.txt", "", None, row, ())], prof)
    half = one(fs, "80,6")
    assert half.unit == "triệu quả" and half.scale == 1e6 and half.period["label"] == "6 tháng đầu năm 2025"
    assert one(fs, "41,3").period["label"] == "quý II năm 2025"
    assert one(fs, "101,4").period["label"] == "6 tháng đầu năm 2025"


def test_a_figure_after_an_aside_with_its_own_plans_is_of_the_statements_period():
    fs = facts_of("Số bác sĩ đạt 8,7 bác sĩ/10.000 dân (chỉ tiêu năm 2024 là 9,2; mục tiêu đến năm 2030 đạt 18 bác "
                  "sĩ/10.000 dân); số dược sĩ đại học đạt 1,9 dược sĩ/10.000 dân (mục tiêu đến năm 2030 là 2,6).", MONTH)
    f = one(fs, "1,9")
    assert f.kind == "actual" and f.period["label"] == "7 tháng đầu năm 2024"
    assert f.indicator == "dược sĩ đại học"  # folded "dược" is no "được"
    assert one(fs, "18").kind == "target" and one(fs, "18").period["label"] == "năm 2030"


def test_a_figure_of_no_unit_after_a_count_and_va_counts_its_own_noun():
    fs = facts_of("Toàn ngành có 5.210 người, trong đó có 1.102 bác sĩ và 240 dược sĩ đại học.", MONTH)
    assert one(fs, "240").indicator == "dược sĩ đại học"
    # a change after such a pair is of the first count, not of the noun after "và"
    fs = facts_of("Trong 7 tháng có 992 doanh nghiệp và 86 chi nhánh thành lập mới, tăng 12,2% so với cùng kỳ.", MONTH)
    assert one(fs, "12,2").indicator == one(fs, "992").indicator


def test_a_short_total_is_the_total_of_the_indicator_named_before():
    fs = facts_of("Thu ngân sách nhà nước trên địa bàn tăng bình quân 13,1%/năm; tổng thu 5 năm ước đạt 87.450 tỷ đồng.",
                  TERM)
    assert one(fs, "87.450").indicator == "tổng thu ngân sách nhà nước trên địa bàn 5 năm"


def test_a_whole_years_figure_under_a_seasons_heading_takes_no_season():
    from tests.ingest.test_facts import facts_of as facts_in_section

    fs = facts_in_section("Tổng sản lượng lương thực có hạt cả năm đạt 281.400 tấn, bằng 101,2% kế hoạch. "
                          "Năng suất lúa đạt 53,4 tạ/ha.", section="3. Vụ Mùa")
    assert one(fs, "281.400").indicator == "Tổng sản lượng lương thực có hạt"
    assert one(fs, "53,4").indicator.endswith("Vụ Mùa")
