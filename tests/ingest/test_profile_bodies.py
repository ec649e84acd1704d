"""Bodies under another body in a title block, a newspaper's masthead, and the document kind the
title block names first (title blocks written for these tests)."""

import pytest

from assistant.ingest.profile import extract_profile

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
FREE = "Độc lập - Tự do - Hạnh phúc"


def block(left: list[str], date_line: str, kind: str, title: str, body: str = "") -> str:
    right = [MOTTO, FREE]
    lines = [f"{a:<45}{right[i] if i < 2 else ''}".rstrip() for i, a in enumerate(left)]
    return "\n".join([*lines, f"Số: 12/BC-XX{'':<30}{date_line}", "", kind, title, "", body]) + "\n"


DEPARTMENT = block(["UBND TỈNH BẮC KẠN", "SỞ CÔNG THƯƠNG"], "Bắc Kạn, ngày 10 tháng 12 năm 2024", "BÁO CÁO",
                   "Kết quả thực hiện nhiệm vụ năm 2024",
                   "Sở Công Thương báo cáo; tại thành phố Bắc Kạn có 3 chợ được nâng cấp, các huyện khác 5 chợ.")
TAX = block(["TỔNG CỤC THUẾ", "CỤC THUẾ TỈNH HÀ NAM"], "Hà Nam, ngày 08 tháng 01 năm 2025", "BÁO CÁO",
            "Kết quả công tác thuế năm 2024")
COUNCIL_BOARD = block(["HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN", "BAN VĂN HÓA - XÃ HỘI"], "Bắc Kạn, ngày 02 tháng 7 năm 2024",
                      "BÁO CÁO", "Thẩm tra tình hình thực hiện nhiệm vụ văn hóa - xã hội 6 tháng đầu năm 2024")
ZONES = block(["UBND TỈNH HÀ NAM", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"], "Hà Nam, ngày 20 tháng 12 năm 2024", "BÁO CÁO",
              "Tình hình hoạt động các khu công nghiệp năm 2024")
CITY_OFFICE = block(["BỘ TÀI CHÍNH", "CỤC THỐNG KÊ", "THỐNG KÊ THÀNH PHỐ CẦN THƠ"], "Cần Thơ, ngày 06 tháng 01 năm 2026",
                    "THÔNG CÁO BÁO CHÍ", "Tình hình kinh tế - xã hội năm 2025")
PLAN_IN_TITLE = block(["ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN"], "Bắc Kạn, ngày 15 tháng 12 năm 2023", "BÁO CÁO",
                      "Kết quả xây dựng nông thôn mới năm 2023; kế hoạch thực hiện năm 2024")
NEWSPAPER = """BÁO HÀ NAM ĐIỆN TỬ
Cơ quan của Đảng bộ tỉnh Hà Nam
Thứ Hai, ngày 07/10/2024

KINH TẾ HÀ NAM 9 THÁNG: CÔNG NGHIỆP DẪN DẮT

Theo Cục Thống kê tỉnh Hà Nam, 9 tháng năm 2024 chỉ số sản xuất công nghiệp của tỉnh Hà Nam tăng 9,1%.
"""


@pytest.mark.parametrize("text, place, issuer", [
    (DEPARTMENT, "Bắc Kạn", "Sở Công Thương tỉnh Bắc Kạn"),  # the province's department, though its city is named
    (TAX, "Hà Nam", "Cục Thuế tỉnh Hà Nam"),
    (COUNCIL_BOARD, "Bắc Kạn", "Ban Văn hóa - Xã hội HĐND tỉnh Bắc Kạn"),
    (ZONES, "Hà Nam", "Ban Quản lý các khu công nghiệp tỉnh Hà Nam"),
    (CITY_OFFICE, "Cần Thơ", "Thống kê thành phố Cần Thơ"),  # the motto beside "CỤC THỐNG KÊ" is no place
    (NEWSPAPER, "Hà Nam", "Báo Hà Nam"),  # the office the article quotes did not issue it
])
def test_the_lowest_body_of_the_title_block_issued_the_document(text, place, issuer):
    p = extract_profile(text)
    assert (p.place, p.issuer) == (place, issuer)


def test_the_first_kind_the_title_block_names_is_the_documents():
    assert extract_profile(PLAN_IN_TITLE).doc_type == "báo cáo"
    assert extract_profile(CITY_OFFICE).doc_type == "thông cáo báo chí"
    assert extract_profile(NEWSPAPER).doc_type == "khác"
