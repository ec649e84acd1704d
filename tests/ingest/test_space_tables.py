"""A table laid out by spaces (as a PDF's text export writes it) is read like a table typed with
bars: one row line per row, each figure with its row label and its wrapped column header.
Prose in two newspaper columns and a two-column title block are left as they are. Text written
for these tests, figures invented."""

from assistant.ingest.loaders.tables import parse_row_line
from assistant.ingest.loaders.text import space_tables

RELEASE = """THỐNG KÊ TỈNH KIÊN GIANG
TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 5 NĂM 2025

BIỂU 1. MỘT SỐ CHỈ TIÊU CHỦ YẾU
                              Đơn vị      Ước tính      Cộng dồn     5 tháng so với
                              tính        tháng 5       5 tháng      cùng kỳ (%)
Sản lượng lúa                 nghìn tấn   412,6         2.305,8      102,4
Khách du lịch                 nghìn lượt  815,3         3.902,1      111,7
Kim ngạch xuất khẩu           triệu USD   98,4          486,2        97,8

Sản xuất nông nghiệp ổn định.
"""


def rows(text):
    return [parse_row_line(x) for x in space_tables(text).splitlines() if parse_row_line(x)]


def test_columns_aligned_by_spaces_become_row_lines_with_wrapped_headers():
    got = rows(RELEASE)
    assert len(got) == 3
    title, pairs = got[1]
    assert "chỉ tiêu chủ yếu" in title.lower()
    assert pairs == [("Chỉ tiêu", "Khách du lịch"), ("Đơn vị tính", "nghìn lượt"), ("Ước tính tháng 5", "815,3"),
                     ("Cộng dồn 5 tháng", "3.902,1"), ("5 tháng so với cùng kỳ (%)", "111,7")]
    assert "Sản xuất nông nghiệp ổn định." in space_tables(RELEASE)


def test_prose_in_two_columns_and_a_title_block_are_not_tables():
    columns = ("Năm 2024 toàn tỉnh có 1.204 doanh nghiệp      cả năm đạt 16,5 nghìn tỷ đồng, tăng 8,2%\n"
               "thành lập mới, tăng 12,1% so với năm trước     so với năm trước; chi ngân sách đạt 14,3\n"
               "với tổng vốn đăng ký 9.870 tỷ đồng; thu ngân   nghìn tỷ đồng, bằng 96,4% dự toán năm.\n"
               "sách nhà nước trên địa bàn tỉnh                 Các chính sách an sinh được bảo đảm.\n")
    assert space_tables(columns) == columns
    block = ("ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "TỈNH KIÊN GIANG              Độc lập - Tự do - Hạnh phúc\n"
             "Số: 88/BC-UBND               Kiên Giang, ngày 30 tháng 5 năm 2025\n")
    assert space_tables(block) == block
