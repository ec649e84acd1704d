"""Words that look like fact cues inside nouns, a special zone's name, and a rate in a money row
(sentences written for the tests)."""

from test_facts import facts_of, one

from assistant.ingest.profile import profile_dict

MONTHLY = """THỐNG KÊ TỈNH ĐẮK NÔNG
Số: 77/BC-TK
Đắk Nông, ngày 6 tháng 11 năm 2025
BÁO CÁO
Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2025
"""


def test_giao_in_a_noun_is_no_plan_but_an_assigned_estimate_is():
    fs = facts_of("Chỉ số giá nhóm giao thông giảm 0,85% so với tháng trước; tai nạn giao thông xảy ra 41 vụ.")
    assert one(fs, "0,85").kind == "actual"
    assert one(fs, "41").kind == "actual"
    fs = facts_of("Thu ngân sách đạt 812,3 tỷ đồng, bằng 91,4% dự toán được giao.")
    assert one(fs, "91,4").role == "share_plan"
    fs = facts_of("Chỉ tiêu được HĐND tỉnh giao là 950 tỷ đồng.")
    assert one(fs, "950").kind == "target"


def test_a_special_zone_is_the_place_of_its_clause():
    fs = facts_of("Sản lượng khai thác thủy sản đạt 64,2 nghìn tấn, riêng đặc khu Cồn Cỏ đạt 3,1 nghìn tấn.")
    assert one(fs, "3,1").place == "đặc khu Cồn Cỏ"
    assert one(fs, "64,2").place != "đặc khu Cồn Cỏ"


def test_a_rate_in_a_row_whose_unit_is_money_has_no_money_scale():
    row = ("Biểu 02: Thu chi ngân sách — Chỉ tiêu: Thu nội địa | Đơn vị tính: Tỷ đồng | "
           "Thực hiện 9 tháng: 1.204,6 | So cùng kỳ (%): 108,3")
    fs = facts_of(row)
    level, rate = one(fs, "1.204,6"), one(fs, "108,3")
    assert (level.unit, level.scale) == ("tỷ đồng", 1e9)
    assert (rate.unit, rate.scale) == ("%", 1.0)


def test_a_noun_that_folds_like_a_demonstrative_is_no_reference_to_the_figure_before():
    # folded, "tỷ lệ đô thị hóa" starts like "tỷ lệ đó" ("that rate")
    fs = facts_of("Số doanh nghiệp thành lập mới đạt 615 doanh nghiệp. Tỷ lệ đô thị hóa năm 2024 đạt 41,3%.")
    assert one(fs, "41,3").indicator == "Tỷ lệ đô thị hóa"
    fs = facts_of("Tỷ lệ hộ nghèo giảm còn 2,1%. Với tỷ lệ đó, tỉnh đứng thứ 12 cả nước.")
    assert one(fs, "12").indicator == "Tỷ lệ hộ nghèo"


def test_a_change_against_the_month_before_is_the_months_own():
    monthly = profile_dict("m", MONTHLY, {"source_file": "m.txt"})
    fs = facts_of("Bình quân 10 tháng năm 2025, CPI tăng 2,71% so với cùng kỳ. So với tháng trước, nhóm giáo dục "
                  "tăng 0,64%; nhóm bưu chính viễn thông giảm 0,12%.", profile=monthly)
    assert one(fs, "2,71").period["label"] == "10 tháng đầu năm 2025"
    assert one(fs, "0,64").period["label"] == "tháng 10 năm 2025"
    assert one(fs, "0,12").period["label"] == "tháng 10 năm 2025"
    assert (one(fs, "0,64").basis, one(fs, "0,12").value) == ("tháng trước", -0.12)


def test_a_date_before_a_rate_is_no_count_of_a_whole():
    fs = facts_of("Tỷ lệ hộ nghèo đến ngày 31/10/2024 còn 4,6%. Toàn tỉnh có 59/154 xã đạt chuẩn, đạt 38,3%.")
    assert one(fs, "4,6").role == "level"
    assert one(fs, "38,3").role == "share_whole"


def test_foreign_invested_is_part_of_the_noun_not_a_has_verb():
    # "có vốn đầu tư nước ngoài" names the kind of firm: the indicator keeps it whole
    fs = facts_of("Thu nội địa đạt 2.310 tỷ đồng, trong đó thu từ DN có vốn đầu tư nước ngoài 612,5 tỷ đồng, vượt 4,2%.")
    assert one(fs, "612,5").indicator == "thu từ DN có vốn đầu tư nước ngoài"
    fs = facts_of("Số doanh nghiệp có vốn đầu tư trực tiếp nước ngoài đang hoạt động là 318 doanh nghiệp.")
    assert "nước ngoài" in one(fs, "318").indicator
    # a plain "có" (has) still ends the subject
    fs = facts_of("Toàn tỉnh có 37 xã đạt chuẩn nông thôn mới nâng cao.")
    assert one(fs, "37").value == 37


def test_a_score_out_of_a_hundred_is_one_figure_with_its_decimals():
    from assistant.numbers import find_numbers
    assert [(m.text, m.value) for m in find_numbers("đạt 87,45/100 điểm")] == [("87,45/100", 87.45)]
    assert [m.value for m in find_numbers("có 14/63 tỉnh")] == [None]  # a fraction stays a fraction
    fs = facts_of("Chỉ số cải cách hành chính (PAR Index) năm 2023 của tỉnh đạt 87,45/100 điểm, xếp thứ 19/63.")
    score = one(fs, "87,45")
    assert (score.value, score.unit, score.role) == (87.45, "điểm", "level")
    assert score.sentence[score.start : score.end] == "87,45"
    assert one(fs, "19/63").role == "rank"
