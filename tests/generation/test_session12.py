"""Rules of session 12, on reports written for these tests (figures invented): a table typed
with tabs, a title set on two lines, the items of a list opened by ":", a trade balance only from
values, a body cited at the start of a question, two members joined by "và" told apart."""

from assistant.ingest.loaders.text import read_text
from assistant.ingest.profile import extract_profile

CUSTOMS = """TỔNG CỤC HẢI QUAN
CỤC HẢI QUAN TỈNH QUẢNG NINH

Số: 1402/BC-HQQN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Ninh, ngày 04 tháng 11 năm 2024

BÁO CÁO
Tình hình xuất khẩu, nhập khẩu hàng hóa qua các cửa khẩu trên địa bàn tỉnh Quảng Ninh
tháng 10 và 10 tháng năm 2024

I. KẾT QUẢ
1. Kim ngạch
Trong tháng 10/2024, kim ngạch xuất nhập khẩu đạt 702,5 triệu USD.
Lũy kế 10 tháng năm 2024, tổng kim ngạch xuất nhập khẩu qua địa bàn đạt 6.410,8 triệu USD, tăng 11,2% so với cùng kỳ. Trong đó:
* Xuất khẩu đạt 2.905,1 triệu USD, tăng 9,4% so với cùng kỳ;
* Nhập khẩu đạt 3.505,7 triệu USD, tăng 12,8% so với cùng kỳ.
2. Thủ tục
Trong 10 tháng, cơ quan hải quan tiếp nhận 61.240 tờ khai xuất khẩu và 48.115 tờ khai nhập khẩu.

Bảng. Kim ngạch theo cửa khẩu (đơn vị: triệu USD)

Cửa khẩu\tXK 10 tháng\tNK 10 tháng\tTổng 10 tháng
Cửa khẩu Móng Cái\t1.702,4\t2.011,6\t3.714,0
Cửa khẩu Hoành Mô\t402,3\t288,9\t691,2
Tổng cộng\t2.905,1\t3.505,7\t6.410,8
"""

POVERTY = """UBND TỈNH CAO BẰNG
BAN DÂN TỘC
Số: 77/BC-BDT
Cao Bằng, ngày 20 tháng 1 năm 2025
BÁO CÁO
Kết quả giảm nghèo vùng đồng bào dân tộc thiểu số năm 2024
1. Kết quả
Tỷ lệ hộ nghèo dân tộc thiểu số của tỉnh cuối năm 2024 còn 19,42%, cao hơn bình quân cả nước (cả nước cuối năm 2024 khoảng 11,80%).
2. Giấy phép
Năm 2024 cấp mới 3.150 giấy phép lái xe (GPLX) và cấp đổi 1.920 GPLX.
"""


def test_a_table_typed_with_tabs_keeps_row_labels_column_headers_and_unit(tmp_path):
    p = tmp_path / "qn.txt"
    p.write_text(CUSTOMS, encoding="utf-8")
    text = read_text(p.read_bytes(), p).pages[0].text
    row = next(x for x in text.split("\n") if "Hoành Mô" in x)
    assert "(đơn vị: triệu USD)" in row and "XK 10 tháng: 402,3" in row and "NK 10 tháng: 288,9" in row
    assert text.count("Bảng. Kim ngạch theo cửa khẩu") == 0  # the caption titles the rows, not a line of its own


def test_a_title_set_on_two_lines_names_the_period():
    assert extract_profile(CUSTOMS).period.to_dict() == {
        "label": "10 tháng đầu năm 2024", "start": "2024-01-01", "end": "2024-10-31"}


def test_a_trade_balance_is_worked_out_from_values_not_declarations(answerer_on):
    a = answerer_on({"quang-ninh-hai-quan-10-thang-2024.txt": CUSTOMS}).ask(
        "10 tháng 2024 qua Quảng Ninh nhập siêu bao nhiêu triệu USD?")
    assert not a.refused and "nhập siêu 600,6 triệu USD" in a.answer, a.answer
    assert "13.125" not in a.answer, a.answer  # 61.240 − 48.115 declarations


def test_the_items_of_a_list_opened_by_a_colon_are_of_the_months_to_date(answerer_on):
    a = answerer_on({"quang-ninh-hai-quan-10-thang-2024.txt": CUSTOMS}).ask(
        "Kim ngạch xuất khẩu 10 tháng năm 2024 của Quảng Ninh đạt bao nhiêu?")
    assert "**2.905,1 triệu USD**" in a.answer, a.answer
    assert "10 tháng" in a.answer.split("\n")[0] and not a.answer.startswith("*"), a.answer


def test_list_items_after_a_colon_keep_the_period_of_their_paragraph_in_a_year_report():
    from tests.ingest.test_facts_fresh_rules import YEAR, facts_of, one

    facts = facts_of("Lũy kế 10 tháng năm 2023, kim ngạch xuất nhập khẩu đạt 6.410,8 triệu USD. Trong đó:\n"
                     "- Xuất khẩu đạt 2.905,1 triệu USD;\n- Nhập khẩu đạt 3.505,7 triệu USD.\n"
                     "Xuất khẩu cả năm ước đạt 3.480,0 triệu USD.", YEAR)
    assert one(facts, "2.905,1").period["label"] == "10 tháng đầu năm 2023"
    assert one(facts, "3.505,7").period["label"] == "10 tháng đầu năm 2023"
    assert one(facts, "3.480,0").period["label"] == "năm 2023"  # a new paragraph: the report's year


def test_a_body_cited_first_is_the_source_and_the_place_named_after_it_is_asked(answerer_on):
    ans = answerer_on({"cao-bang-ban-dan-toc-2024.txt": POVERTY})
    a = ans.ask("Theo Ban Dân tộc Cao Bằng, tỷ lệ hộ nghèo DTTS của cả nước cuối năm 2024 khoảng bao nhiêu?")
    assert "**11,80%**" in a.answer and "**19,42" not in a.answer, a.answer
    b = ans.ask("Theo Ban Dân tộc Cao Bằng, tỷ lệ hộ nghèo DTTS cuối năm 2024 là bao nhiêu?")
    assert "**19,42%**" in b.answer, b.answer
    c = ans.ask("Báo cáo năm 2024 của Cao Bằng nêu tỷ lệ hộ nghèo DTTS của cả nước là bao nhiêu?")
    assert "**11,80%**" in c.answer and "**19,42" not in c.answer, c.answer


def test_two_members_joined_are_not_answered_by_one_of_them(answerer_on):
    ans = answerer_on({"cao-bang-ban-dan-toc-2024.txt": POVERTY})
    a = ans.ask("Tổng số GPLX được cấp mới và cấp đổi ở Cao Bằng năm 2024?")
    first = a.answer.split("\n")[0]
    assert "**1.920" not in first and "**3.150" not in first, a.answer
    b = ans.ask("Năm 2024 Cao Bằng cấp đổi bao nhiêu GPLX?")
    assert "**1.920" in b.answer, b.answer


MONTHLY = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
Số: 310/BC-UBND
Phú Yên, ngày 28 tháng 9 năm 2025
BÁO CÁO
Tình hình kinh tế - xã hội tháng 9 và 9 tháng năm 2025
1. Tăng trưởng
Quy mô GRDP 9 tháng theo giá hiện hành ước đạt 58.210,4 tỷ đồng, trong đó khu vực ven biển đạt 21.402,6 tỷ đồng, chiếm 36,8%.
2. Nông nghiệp
Sản lượng muối khu vực ven biển 9 tháng đạt 112,4 nghìn tấn, giảm 6,2% do mưa trái mùa.
3. Du lịch
Tháng 9 các cơ sở lưu trú phục vụ 402.300 lượt khách, giảm 3,9% so với tháng trước.
4. Hải quan
Tháng 9 tiếp nhận, xử lý 4.215 tờ khai (xuất khẩu 2.604 tờ khai, nhập khẩu 1.611 tờ khai).
"""


def test_a_growth_asked_is_not_answered_by_another_things_growth_nor_a_level(answerer_on):
    a = answerer_on({"phu-yen-thang-9-2025.txt": MONTHLY}).ask(
        "Khu vực ven biển có tốc độ tăng GRDP 9 tháng là bao nhiêu?")
    assert a.refused, a.answer
    assert "6,2" not in a.answer.split("\n")[0] and "36,8" not in a.answer.split("\n")[0], a.answer


def test_the_level_is_answered_when_no_change_is_asked_and_the_unit_as_written_names_it(answerer_on):
    ans = answerer_on({"phu-yen-thang-9-2025.txt": MONTHLY})
    a = ans.ask("khach luu tru phu yen thang 9 2025")
    assert "**402.300 lượt**" in a.answer, a.answer
    b = ans.ask("Khách lưu trú Phú Yên tháng 9/2025 giảm bao nhiêu so với tháng trước?")
    assert "**3,9%**" in b.answer, b.answer
    c = ans.ask("so to khai hai quan phu yen xu ly trong thang 9 2025")
    assert "**4.215**" in c.answer, c.answer


LAND = """UBND TỈNH HƯNG YÊN
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
Số: 512/BC-STNMT
Hưng Yên, ngày 14 tháng 12 năm 2024
BÁO CÁO
Kết quả công tác tài nguyên và môi trường năm 2024
1. Đất đai
Năm 2024, cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân theo địa bàn: huyện Ân Thi 402 giấy; huyện Kim Động 377 giấy; huyện Phù Cừ 215 giấy; các địa phương còn lại 990 giấy.
"""


def test_a_breakdown_none_of_whose_items_is_asked_is_no_answer_for_the_whole(answerer_on):
    ans = answerer_on({"hung-yen-tnmt-2024.txt": LAND})
    a = ans.ask("Hưng Yên cấp bao nhiêu giấy chứng nhận lần đầu cho hộ gia đình, cá nhân năm 2024?")
    assert a.refused, a.answer
    b = ans.ask("Huyện Kim Động cấp bao nhiêu giấy chứng nhận lần đầu năm 2024?")
    first = b.answer.split("\n")[0]
    assert b.refused or "377" in first, b.answer
    assert not any(f"**{x}" in first for x in ("402", "215", "990", "4 ")), b.answer


FDI = """UBND TỈNH SÓC TRĂNG
SỞ KẾ HOẠCH VÀ ĐẦU TƯ
Số: 41/BC-SKHĐT
Sóc Trăng, ngày 10 tháng 1 năm 2025
BÁO CÁO
Kết quả thu hút đầu tư năm 2024
2. Đầu tư trực tiếp nước ngoài
Năm 2024, tỉnh cấp mới cho 4 dự án FDI với tổng vốn đăng ký 120,5 triệu USD và điều chỉnh tăng vốn cho 2 lượt dự án với số vốn tăng thêm 18,2 triệu USD.
"""


def test_an_amount_added_is_not_a_change_against_the_basis_asked(answerer_on):
    a = answerer_on({"soc-trang-fdi-2024.txt": FDI}).ask(
        "So với năm 2023, tổng vốn FDI đăng ký của Sóc Trăng năm 2024 tăng thêm bao nhiêu triệu USD?")
    assert "**18,2" not in a.answer.split("\n")[0], a.answer


HEALTH = """UBND TỈNH QUẢNG NGÃI
SỞ Y TẾ
Số: 88/BC-SYT
Quảng Ngãi, ngày 08 tháng 7 năm 2024
BÁO CÁO
Kết quả công tác y tế 6 tháng đầu năm 2024
1. Bảo hiểm y tế
Tỷ lệ dân số tham gia bảo hiểm y tế đến 30/6/2024 đạt 91,7%, tăng 0,4 điểm phần trăm so với cuối năm 2023.
2. Dân số
Mạng lưới trạm y tế bao phủ khắp các xã, phường. Sản lượng thuốc sản xuất trong tỉnh đạt 12,4 triệu viên.
"""


def test_a_missing_key_word_bars_a_figure_only_when_the_reports_name_figures_by_it():
    from assistant.generation.factpick import FactIndex
    from assistant.generation.request import parse_request
    from tests.ingest.test_facts_fresh_rules import facts_of

    head, body = HEALTH.split("1. Bảo hiểm y tế\n")
    facts = facts_of(body, head)
    index = FactIndex(facts, {"d": "Quảng Ngãi"}, {})
    i = next(k for k, f in enumerate(facts) if f.text == "91,7")
    req = parse_request("Tỷ lệ bao phủ bảo hiểm y tế của Quảng Ngãi đến 30/6/2024 đạt bao nhiêu?", index.places)
    assert index.missing_key(i, req) == ["phủ"] and not index.keys_name_figures(i, req)
    named = facts_of(body + "Phấn đấu đến 31/12/2024 tỷ lệ bao phủ bảo hiểm y tế đạt 93,0%.", head)
    index = FactIndex(named, {"d": "Quảng Ngãi"}, {})
    i = next(k for k, f in enumerate(named) if f.text == "91,7")
    assert index.keys_name_figures(i, req)


SCHOOLS = """UBND TỈNH NINH BÌNH
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 702/BC-SGDĐT
Ninh Bình, ngày 12 tháng 8 năm 2024
BÁO CÁO
Tổng kết năm học 2023 - 2024
1. Đội ngũ
Toàn ngành có 9.812 giáo viên, gồm: giáo viên mầm non 2.410 người, tiểu học 3.105 người, trung học cơ sở 2.877 người, trung học phổ thông 1.420 người.
Cơ cấu thiếu giáo viên: mầm non 96 người; tiểu học 71 người; trung học cơ sở 33 người.
2. Hoạt động khác
Sở đã tổ chức 4 hội chợ sách, trong đó có Hội chợ sách thiếu nhi tỉnh Ninh Bình năm 2024 với 120 gian hàng; hỗ trợ 36 lượt trường tham gia.
Lượt khách tham quan bảo tàng giáo dục theo điểm: Tràng An 12.400 lượt; Hoa Lư 8.300 lượt; Tam Cốc 5.100 lượt.
"""


def test_a_shortfall_is_not_the_number_asked_and_money_asked_is_not_a_count(answerer_on):
    ans = answerer_on({"ninh-binh-nam-hoc-2023-2024.txt": SCHOOLS})
    a = ans.ask("Số giáo viên tiểu học của Ninh Bình năm học 2023 - 2024 là bao nhiêu?")
    assert "**71" not in a.answer.split("\n")[0], a.answer
    assert "3.105" in a.answer, a.answer
    b = ans.ask("Doanh thu thương mại điện tử của Ninh Bình năm 2024 là bao nhiêu?")
    assert b.refused, b.answer
    c = ans.ask("Điểm Hoa Lư đón bao nhiêu lượt khách tham quan bảo tàng giáo dục?")
    assert not c.refused and "8.300" in c.answer and "Báo cáo nêu 3" not in c.answer, c.answer


def _profile(body: str, title: str):
    return extract_profile(f"{body}\nSố: 45/BC\nGia Lai, ngày 20 tháng 12 năm 2024\nBÁO CÁO\n{title}\n")


def test_a_title_that_looks_ahead_reports_on_its_first_period():
    p = _profile("UBND TỈNH GIA LAI\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG",
                 "Kết quả thực hiện chuyển đổi số năm 2024 và phương hướng, nhiệm vụ năm 2025")
    assert p.period.to_dict()["label"] == "năm 2024"  # "số năm 2024" is no "so (với) năm 2024"
    p = _profile("UBND TỈNH GIA LAI", "Tình hình kinh tế - xã hội 9 tháng năm 2024 và kế hoạch năm 2025")
    assert p.period.to_dict()["label"] == "9 tháng đầu năm 2024"
    p = _profile("HỘI ĐỒNG NHÂN DÂN\nTỈNH GIA LAI", "Về kế hoạch phát triển kinh tế - xã hội năm 2025")
    assert p.period.to_dict()["label"] == "năm 2025"  # a plan document names only its own year


def test_bodies_under_a_peoples_committee_or_a_national_bank():
    assert _profile("UBND TỈNH GIA LAI\nTHANH TRA TỈNH", "Công tác thanh tra năm 2024").issuer == "Thanh tra tỉnh Gia Lai"
    assert _profile("UBND HUYỆN ĐỨC CƠ\nBAN CHỈ ĐẠO GIẢM NGHÈO", "Kết quả rà soát hộ nghèo năm 2024").issuer \
        == "Ban Chỉ đạo giảm nghèo huyện Đức Cơ"
    assert _profile("NGÂN HÀNG CHÍNH SÁCH XÃ HỘI\nCHI NHÁNH TỈNH GIA LAI", "Kết quả hoạt động năm 2024").issuer \
        == "Ngân hàng Chính sách xã hội chi nhánh tỉnh Gia Lai"
