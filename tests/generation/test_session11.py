"""Rules of session 11, on reports written for these tests (figures invented): a school year and a
crop season as periods, a stock asked at a month's end, an item of a breakdown is not its whole,
output is not yield, a council's term is not the period of its speech."""

from assistant.ingest.periods import Period, basis_period, compatible, find_periods, question_period_spans
from assistant.ingest.profile import extract_profile

BANK = """NGÂN HÀNG NHÀ NƯỚC VIỆT NAM
CHI NHÁNH TỈNH NINH BÌNH
Số: 301/BC-NBI
Ninh Bình, ngày 07 tháng 10 năm 2024
BÁO CÁO
Hoạt động ngân hàng trên địa bàn 9 tháng đầu năm 2024
3. Chất lượng tín dụng
Đến ngày 30/9/2024, nợ xấu nội bảng của các tổ chức tín dụng trên địa bàn là 1.204 tỷ đồng, chiếm 1,62% tổng dư nợ.
Tỷ lệ nợ xấu theo khối: ngân hàng thương mại nhà nước 1,10%; ngân hàng thương mại cổ phần 2,05%; quỹ tín dụng nhân dân 0,71%.
"""

SCHOOL = """UBND TỈNH PHÚ THỌ
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 900/BC-SGDĐT
Phú Thọ, ngày 15 tháng 8 năm 2024
BÁO CÁO
Tổng kết năm học 2023 - 2024 và phương hướng, nhiệm vụ năm học 2024 - 2025
I. QUY MÔ
Toàn tỉnh có 612 trường mầm non và phổ thông; tổng số học sinh là 301.450 em, tăng 2.310 em so với năm học trước.
Tỷ lệ học sinh bỏ học cấp trung học phổ thông là 0,74%, giảm so với năm học trước.
"""

CROP = """UBND TỈNH LONG AN
SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
Số: 210/BC-SNN
Long An, ngày 12 tháng 4 năm 2025
BÁO CÁO
Tổng kết sản xuất vụ Đông Xuân 2024 - 2025
1. Trồng trọt
Toàn tỉnh xuống giống 41.200 ha lúa Đông Xuân, năng suất bình quân đạt 62,5 tạ/ha, giảm 0,8 tạ/ha so với vụ trước.
Tổng sản lượng lúa thu hoạch từ đầu năm 2025 đến nay (vụ Đông Xuân và vụ lúa Xuân Hè sớm ở các huyện phía bắc) đạt 300.100 tấn, bằng 31,2% kế hoạch sản lượng lúa cả năm 2025 (961.900 tấn).
"""

SPEECH = """HỘI ĐỒNG NHÂN DÂN
TỈNH HÀ GIANG
KHÓA XVIII, KỲ HỌP THỨ MƯỜI LĂM

Hà Giang, ngày 10 tháng 12 năm 2024

DIỄN VĂN BẾ MẠC
Kỳ họp thứ mười lăm, Hội đồng nhân dân tỉnh Hà Giang khóa XVIII, nhiệm kỳ 2021 - 2026

Kính thưa các vị đại biểu!
Năm 2024, tốc độ tăng trưởng kinh tế của tỉnh đạt 6,4%, thu ngân sách trên địa bàn đạt 3.120 tỷ đồng. Năm 2024 cũng là năm tỉnh hoàn thành sớm mục tiêu xóa nhà tạm.
Năm 2025, tỉnh phấn đấu tốc độ tăng trưởng kinh tế đạt 7% trở lên.
"""


def test_a_school_year_is_a_period_of_its_own():
    p = find_periods("Tổng kết năm học 2023 - 2024")[0]
    assert p == Period("school", 2023, 2024) and p.to_dict() == {
        "label": "năm học 2023-2024", "start": "2023-09-01", "end": "2024-05-31"}
    assert [x for _, _, x in question_period_spans("ty le bo hoc nam hoc 2023 2024")] == [p]
    assert not compatible(p, Period("year", 2024)) and not compatible(Period("school", 2022, 2023), p)
    assert basis_period("năm học trước", p) == Period("school", 2022, 2023)
    assert extract_profile(SCHOOL).period == p  # not the months to the date it was written


def test_a_stock_asked_at_a_month_end_is_the_month_the_quarter_or_the_months_to_date():
    asked = [p for _, _, p in question_period_spans("Tỷ lệ nợ xấu cuối tháng 9/2024?")]
    assert len(asked) == 1 and asked[0].at_end
    for have in (Period("m9", 2024), Period("q3", 2024), Period("first9", 2024)):
        assert compatible(asked[0], have)
    assert not compatible(asked[0], Period("first9", 2023)) and not compatible(asked[0], Period("h1", 2024))
    day = [p for _, _, p in question_period_spans("Dư nợ ngày 30/9/2024?")]
    assert day == [Period("first9", 2024)] and day[0].at_end
    assert question_period_spans("Dư nợ ngày 15/9/2024?") == []  # a day inside the month names no period


def test_half_of_a_year_in_words():
    assert [p for _, _, p in question_period_spans("khách quốc tế nửa đầu năm 2025")] == [Period("h1", 2025)]
    assert [p for _, _, p in question_period_spans("nua cuoi nam 2024")] == [Period("h2", 2024)]


def test_a_crop_season_with_its_years_is_the_year_it_is_harvested_and_keeps_its_name():
    q = "Sản lượng lúa Đông Xuân 2024 - 2025 của tỉnh Long An?"
    spans = question_period_spans(q)
    assert [p for _, _, p in spans] == [Period("year", 2025)]
    assert q[spans[0][0] : spans[0][1]] == "2024 - 2025"  # "lúa Đông Xuân" stays a word of the indicator
    assert [p for _, _, p in question_period_spans("vụ Hè Thu 2024 đạt")] == [Period("year", 2024)]


def test_a_councils_term_in_the_title_is_not_the_period_its_speech_reports_on():
    p = extract_profile(SPEECH)
    assert p.doc_type == "diễn văn" and p.period == Period("year", 2024)


def test_an_item_of_a_breakdown_does_not_answer_its_whole(answerer_on):
    ans = answerer_on({"ninh-binh-ngan-hang-9-thang-2024.txt": BANK})
    a = ans.ask("Tỷ lệ nợ xấu trên địa bàn tỉnh Ninh Bình cuối tháng 9/2024 là bao nhiêu?")
    for item in ("1,10", "2,05", "0,71"):
        assert f"**{item}" not in a.answer.split("\n")[0], a.answer
    assert "**1,62%**" in a.answer, a.answer
    b = ans.ask("Tỷ lệ nợ xấu của quỹ tín dụng nhân dân ở Ninh Bình?")
    assert "**0,71%**" in b.answer, b.answer


def test_an_abbreviation_the_report_writes_in_full_and_a_stock_on_a_day(answerer_on):
    a = answerer_on({"ninh-binh-ngan-hang-9-thang-2024.txt": BANK}).ask(
        "Nợ xấu nội bảng của các TCTD trên địa bàn Ninh Bình ngày 30/9/2024 là bao nhiêu?")
    assert not a.refused and "**1.204 tỷ đồng**" in a.answer, a.answer


def test_words_that_point_at_the_report_are_no_unknown_indicator(answerer_on):
    a = answerer_on({"ninh-binh-ngan-hang-9-thang-2024.txt": BANK}).ask(
        "Tỷ lệ nợ xấu của khối ngân hàng thương mại nhà nước được nêu trong báo cáo là bao nhiêu?")
    assert "nhắc tới: nêu" not in a.answer and "**1,10%**" in a.answer, a.answer


def test_a_school_year_question_is_answered_from_a_school_year_report(answerer_on):
    ans = answerer_on({"phu-tho-tong-ket-nam-hoc-2023-2024.txt": SCHOOL})
    a = ans.ask("ty le hoc sinh bo hoc cap thpt phu tho nam hoc 2023 2024")
    assert "**0,74%**" in a.answer, a.answer
    b = ans.ask("Tổng số học sinh của Phú Thọ năm học 2022 - 2023 là bao nhiêu?")
    assert b.refused and "**301.450" not in b.answer.split("\n")[0], b.answer


def test_output_is_not_yield_and_a_total_of_two_seasons_is_not_one(answerer_on):
    ans = answerer_on({"long-an-dong-xuan-2024-2025.txt": CROP})
    a = ans.ask("Sản lượng lúa Đông Xuân 2024 - 2025 của Long An là bao nhiêu?")
    assert a.refused, a.answer  # the season's own output is not written
    for wrong in ("0,8", "62,5", "300.100", "961.900"):
        assert f"**{wrong}" not in a.answer.split("\n")[0], a.answer
    b = ans.ask("Kế hoạch sản lượng lúa cả năm 2025 của Long An là bao nhiêu?")
    assert "**961.900 tấn**" in b.answer, b.answer
    c = ans.ask("Năng suất lúa Đông Xuân 2024 - 2025 của Long An?")
    assert "**62,5 tạ/ha**" in c.answer, c.answer


def test_another_places_change_in_a_bracket_or_after_of_keeps_the_basis_and_not_its_place_leaks():
    from tests.ingest.test_facts_fresh_rules import YEAR, facts_of, one
    fs = facts_of("Chỉ số giá tiêu dùng (CPI) tháng 12/2023 giảm 0,18% so với tháng trước (cả nước giảm 0,17%), "
                  "tăng 2,94% so với tháng 12/2022.", YEAR)
    nation = one(fs, "0,17")
    assert nation.place == "cả nước" and nation.basis == "tháng trước"
    assert one(fs, "2,94").place == "Hà Tĩnh"  # the bracket's place stays in the bracket
    fs = facts_of("Tính chung năm 2023, IIP ước tăng 9,87% so với cùng kỳ năm trước (cùng kỳ năm 2022 tăng 7,35%), "
                  "thấp hơn mức tăng 10,6% của cả nước.", YEAR)
    f = one(fs, "10,6")
    assert f.place == "cả nước" and f.basis == one(fs, "9,87").basis and f.indicator == "IIP"
    assert one(fs, "9,87").place == "Hà Tĩnh"


LABOUR = """UBND TỈNH QUẢNG NAM
SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 77/BC-SLĐTBXH
Quảng Nam, ngày 18 tháng 12 năm 2024
BÁO CÁO
Kết quả công tác lao động, người có công và xã hội năm 2024

Kính gửi: Ủy ban nhân dân tỉnh Quảng Nam.

1. Bảo hiểm xã hội
Số người tham gia bảo hiểm thất nghiệp là 121.400 người, chiếm 14,2% lực lượng lao động trong độ tuổi.
2. Công tác quỹ
Tổng thu tiền mặt qua quỹ của Ngân hàng Nhà nước chi nhánh tỉnh năm 2024 đạt 9.870 tỷ đồng.
"""


def test_words_asked_that_a_figure_has_only_inside_another_name(answerer_on):
    ans = answerer_on({"quang-nam-ldtbxh-2024.txt": LABOUR})
    a = ans.ask("Tỷ lệ thất nghiệp của tỉnh Quảng Nam năm 2024 là bao nhiêu?")
    assert "**14,2" not in a.answer.split("\n")[0] and "14,2%" not in a.answer.split("\n")[0], a.answer
    b = ans.ask("Tổng thu ngân sách nhà nước năm 2024 của Quảng Nam?")
    assert "9.870" not in b.answer.split("\n")[0], b.answer
    c = ans.ask("Tỷ lệ người tham gia bảo hiểm thất nghiệp của Quảng Nam năm 2024?")
    assert "**14,2%**" in c.answer, c.answer


def test_the_addressee_line_is_never_quoted_as_an_answer(answerer_on):
    a = answerer_on({"quang-nam-ldtbxh-2024.txt": LABOUR}).ask("Dư nợ cho vay bất động sản của Quảng Nam năm 2024?")
    assert "Kính gửi" not in a.answer, a.answer


TOURISM = """UBND TỈNH NINH THUẬN
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 140/BC-SVHTTDL
Ninh Thuận, ngày 24 tháng 6 năm 2025
BÁO CÁO
Kết quả hoạt động du lịch 6 tháng đầu năm 2025
1. Kết quả chủ yếu
| Chỉ tiêu | Đơn vị | 6 tháng 2024 | 6 tháng 2025 | So cùng kỳ (%) | Kế hoạch 2025 | % kế hoạch |
|---|---|---|---|---|---|---|
| Tổng thu từ khách du lịch | tỷ đồng | 3.120,4 | 3.702,5 | 118,7 | 7.400 | 50,0 |
Thu nhập bình quân của lao động du lịch đạt 7,9 triệu đồng/tháng, tăng 6,1% so với cùng kỳ; thu nhập bình quân mới bằng khoảng 81% mức bình quân của lao động khu vực dịch vụ.
"""


def test_a_share_of_the_plan_asked_is_not_the_column_against_the_same_period(answerer_on):
    a = answerer_on({"ninh-thuan-du-lich-6-thang-2025.txt": TOURISM}).ask(
        "Tổng thu từ khách du lịch 6 tháng 2025 của Ninh Thuận bằng bao nhiêu phần trăm kế hoạch năm?")
    assert "**50,0%**" in a.answer and "**118,7" not in a.answer, a.answer


def test_an_amount_asked_by_name_is_not_a_percentage_nor_a_change_beside_it(answerer_on):
    ans = answerer_on({"ninh-thuan-du-lich-6-thang-2025.txt": TOURISM})
    a = ans.ask("Thu nhập bình quân của lao động du lịch Ninh Thuận 6 tháng 2025 là bao nhiêu?")
    assert "**81" not in a.answer.split("\n")[0] and "**7,9 triệu đồng" in a.answer, a.answer
    b = answerer_on({"long-an-dong-xuan-2024-2025.txt": CROP}).ask(
        "Vụ Đông Xuân 2024-2025 Long An xuống giống được bao nhiêu ha lúa?")
    assert "**41.200 ha**" in b.answer, b.answer
    c = answerer_on({"long-an-dong-xuan-2024-2025.txt": CROP}).ask("Năng suất lúa Đông Xuân của Long An giảm bao nhiêu?")
    assert "**0,8 tạ/ha**" in c.answer, c.answer  # a change asked is still answered by the change


def test_a_model_answer_that_leaves_the_figure_blank_is_a_refusal(answerer_on):
    from assistant.generation.generator import ScriptedGenerator
    text = BANK + "4. Phối hợp thu ngân sách\nCông tác phối hợp thu ngân sách nhà nước qua các ngân hàng trên địa bàn Ninh Bình 9 tháng năm 2024 được thực hiện thông suốt, an toàn.\n"
    ans = answerer_on({"ninh-binh-ngan-hang-9-thang-2024.txt": text},
                      gen=ScriptedGenerator(fn=lambda m: "Tổng thu ngân sách nhà nước 9 tháng năm 2024 của Ninh Bình là  tỷ đồng."))
    a = ans.ask("Tổng thu ngân sách nhà nước 9 tháng năm 2024 của Ninh Bình?")
    assert a.refused and "là  tỷ đồng" not in a.answer, a.answer


def test_parts_each_with_their_own_count_are_not_counted_as_the_things_asked():
    from assistant.generation.listing import items_line
    s = "Cơ cấu thiếu giáo viên: mầm non 124 người; tiểu học 98 người; trung học cơ sở 46 người; trung học phổ thông 18 người."
    assert items_line(s, "những giáo viên nào", "nganh giao duc con thieu bao nhieu giao vien") is None
    listed = items_line("Có 3 huyện chưa đạt: Mường Tè, Nậm Nhùn, Sìn Hồ.", "những huyện nào", "Những huyện nào chưa đạt?")
    assert listed is not None and listed.startswith("Báo cáo nêu 3 huyện"), listed


STATS = """THỐNG KÊ TỈNH GIA LAI
Số: 61/BC-TK
Gia Lai, ngày 06 tháng 6 năm 2025
BÁO CÁO
Tình hình kinh tế - xã hội tháng 5 và 5 tháng đầu năm 2025
II. SẢN XUẤT CÔNG NGHIỆP
Tính chung 5 tháng đầu năm 2025, IIP ước tăng 8,12% so với cùng kỳ năm trước (cùng kỳ năm 2024 tăng 6,40%), thấp hơn mức tăng 10,6% của cả nước.
"""


def test_a_growth_compared_with_the_countrys_growth(answerer_on):
    a = answerer_on({"gia-lai-thang-5-2025.txt": STATS}).ask(
        "IIP 5 tháng 2025 của Gia Lai thấp hơn mức tăng của cả nước bao nhiêu điểm phần trăm?")
    assert not a.refused and "2,48 điểm phần trăm" in a.answer, a.answer


def test_the_start_of_a_year_is_the_end_of_the_year_before():
    assert [p for _, _, p in question_period_spans("Đầu năm 2024 tỷ lệ hộ nghèo là bao nhiêu?")] == [Period("year", 2023)]
    assert [p for _, _, p in question_period_spans("6 tháng đầu năm 2024")] == [Period("h1", 2024)]
    assert Period("year", 2023) not in [p for _, _, p in question_period_spans("từ đầu năm 2024 đến nay")]
    from tests.ingest.test_facts_fresh_rules import YEAR, facts_of, one
    fs = facts_of("Đến cuối năm 2023 toàn tỉnh còn 12.946 hộ nghèo, chiếm 9,02% tổng số hộ "
                  "(đầu năm 2023 có 15.862 hộ nghèo, chiếm 11,18%).", YEAR)
    assert one(fs, "11,18").period["label"] == "năm 2022" and one(fs, "9,02").period["label"] == "năm 2023"


def test_rooms_are_counted_and_a_count_stops_at_its_figure():
    from tests.ingest.test_facts_fresh_rules import YEAR, facts_of, one
    fs = facts_of("Đến ngày 15/12/2023, toàn tỉnh có 412 cơ sở lưu trú du lịch với 8.946 buồng, tăng 27 cơ sở "
                  "so với cuối năm 2022 (385 cơ sở với 8.262 buồng).", YEAR)
    assert one(fs, "412").indicator == "cơ sở lưu trú du lịch" and one(fs, "8.946").unit == "buồng"
    old = one(fs, "385")
    assert old.indicator == "cơ sở lưu trú du lịch" and old.period["label"] == "năm 2022"


def test_an_amount_added_over_the_same_period_is_worked_out_from_the_two_levels(answerer_on):
    a = answerer_on({"ninh-thuan-du-lich-6-thang-2025.txt": TOURISM}).ask(
        "So với cùng kỳ, tổng thu từ khách du lịch của Ninh Thuận 6 tháng 2025 tăng thêm bao nhiêu tỷ đồng?")
    assert not a.refused and "582,1 tỷ đồng" in a.answer, a.answer  # 3.702,5 − 3.120,4


def test_the_result_of_an_indicator_is_the_indicator():
    from assistant.generation.request import parse_request
    r = parse_request("Kết quả giải quyết việc làm năm 2024 đạt bao nhiêu phần trăm kế hoạch?", [])
    assert "kết" not in r.terms and {"giải", "quyết", "việc", "làm"} <= set(r.terms)


def test_a_branch_under_a_national_body_is_the_issuer():
    assert extract_profile(BANK).issuer == "Ngân hàng Nhà nước chi nhánh tỉnh Ninh Bình"


def test_the_issuer_named_in_a_question_is_whose_report_not_what_is_asked(answerer_on):
    text = BANK + "II. NHIỆM VỤ QUÝ IV NĂM 2024\n- Kiểm soát tỷ lệ nợ xấu dưới 2% tổng dư nợ;\n"
    a = answerer_on({"ninh-binh-ngan-hang-9-thang-2024.txt": text}).ask(
        "Mục tiêu kiểm soát nợ xấu quý IV/2024 của NHNN chi nhánh Ninh Bình?")
    assert not a.refused and "**2%**" in a.answer, a.answer


def test_an_abbreviation_that_completes_the_words_asked_narrows_nothing():
    from assistant.generation.compare import narrowing_tail
    assert narrowing_tail("Tổng thu NSNN", ["thu", "ngân", "sách"]) == []
    assert narrowing_tail("thu ngân sách nhà nước trên địa bàn", ["thu", "ngân", "sách"]) == []
    assert narrowing_tail("GRDP bình quân đầu người", ["grdp"]) != []


BUDGET = """UBND TỈNH QUẢNG TRỊ
SỞ TÀI CHÍNH
Số: 310/BC-STC
Quảng Trị, ngày 10 tháng 11 năm 2023
BÁO CÁO
Tình hình thực hiện dự toán ngân sách 10 tháng năm 2023
1. Thu ngân sách
Thu tiền sử dụng đất 10 tháng: thành phố Đông Hà 218,6 tỷ đồng; huyện Gio Linh 42,8 tỷ đồng; thị xã Quảng Trị 36,4 tỷ đồng.
"""


def test_a_passage_sharing_only_the_months_and_the_place_is_not_quoted(answerer_on):
    a = answerer_on({"quang-tri-ngan-sach-10-thang-2023.txt": BUDGET}).ask(
        "chi su nghiep y te 10 thang nam 2023 tinh quang tri")
    assert a.refused and "218,6" not in a.answer.split("\n")[0], a.answer


def test_striving_for_a_year_is_that_year():
    assert [p for _, _, p in question_period_spans("Số giường bệnh trên vạn dân phấn đấu năm 2025?")] == [Period("year", 2025)]


def test_oil_is_not_the_start_of_a_year():
    assert [p for _, _, p in question_period_spans("Thu từ lọc hóa dầu năm 2023 ước đạt bao nhiêu?")] == [Period("year", 2023)]
    assert [p for _, _, p in question_period_spans("dau nam 2024 ty le ho ngheo")] == [Period("year", 2023)]


def test_visitors_asked_by_noun_are_counted_in_visits(answerer_on):
    text = TOURISM + "Khách quốc tế 6 tháng đầu năm 2025 ước đạt 41.250 lượt, tăng 12,4% so với cùng kỳ.\n"
    ans = answerer_on({"ninh-thuan-du-lich-6-thang-2025.txt": text})
    a = ans.ask("Ninh Thuận đón bao nhiêu khách quốc tế trong 6 tháng đầu năm 2025?")
    assert "**41.250 lượt**" in a.answer, a.answer
    b = ans.ask("Ninh Thuận đón bao nhiêu lượt khách Nhật Bản trong 6 tháng đầu năm 2025?")
    assert b.refused and "41.250" not in b.answer.split("\n")[0], b.answer


def test_added_capital_is_a_level_and_an_abbreviation_is_no_rare_word_to_require():
    from assistant.generation.request import parse_request
    assert parse_request("Tổng vốn FDI mới và tăng thêm năm 2024 là bao nhiêu triệu USD?", []).role != "change"
    assert parse_request("Doanh thu tăng bao nhiêu tỷ đồng?", []).role == "change"



def test_a_part_asked_within_its_whole_is_the_part(answerer_on):
    text = TOURISM + "Tổng kim ngạch xuất nhập khẩu 6 tháng đạt 2,9 tỷ USD, tăng 11,3%, trong đó xuất khẩu đạt 1,6 tỷ USD, tăng 12,5%.\n"
    a = answerer_on({"ninh-thuan-6-thang-2025.txt": text}).ask(
        "Trong tổng kim ngạch xuất nhập khẩu, xuất khẩu 6 tháng đầu năm 2025 của Ninh Thuận bao nhiêu?")
    assert "**1,6 tỷ USD**" in a.answer and "**2,9" not in a.answer, a.answer
