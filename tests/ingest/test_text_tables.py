"""A table typed into a text file, one row a line with cells between bars, is read like a DOCX
or PDF table: one row line per row, each figure with its row label and column header."""

from assistant.ingest.facts import extract_facts
from assistant.ingest.loaders.tables import caption_title, parse_row_line
from assistant.ingest.loaders.text import pipe_tables, read_text
from assistant.ingest.profile import profile_dict
from assistant.types import Chunk

RELEASE = """THỐNG KÊ TỈNH ĐẮK LẮK
TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 10 VÀ 10 THÁNG NĂM 2025

Sản xuất cà phê tiếp tục thuận lợi | giá ổn định.

BẢNG MỘT SỐ CHỈ TIÊU CHỦ YẾU
Chỉ tiêu | Đơn vị tính | Ước tính tháng 10/2025 | Cộng dồn 10 tháng
Kim ngạch xuất khẩu | Triệu USD | 205,3 | 2.114,8
Thu ngân sách nhà nước | Tỷ đồng | 1.032,6 | 9.870,1
"""


def test_bar_rows_become_row_lines_with_their_caption():
    out = pipe_tables(RELEASE)
    rows = [parse_row_line(x) for x in out.splitlines() if parse_row_line(x)]
    assert len(rows) == 2
    title, pairs = rows[0]
    assert title == "BẢNG: Một số chỉ tiêu chủ yếu"
    assert pairs == [("Chỉ tiêu", "Kim ngạch xuất khẩu"), ("Đơn vị tính", "Triệu USD"),
                     ("Ước tính tháng 10/2025", "205,3"), ("Cộng dồn 10 tháng", "2.114,8")]
    assert "BẢNG MỘT SỐ CHỈ TIÊU CHỦ YẾU" not in out  # the caption became the title
    assert "Sản xuất cà phê tiếp tục thuận lợi | giá ổn định." in out  # prose with a bar stays


def test_markdown_table_rule_is_skipped(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("| Chỉ tiêu | Năm 2024 | Năm 2025 |\n|---|---|---|\n| Số doanh nghiệp | 1.204 | 1.310 |\n",
                    encoding="utf-8")
    lines = read_text(path.read_bytes(), path).pages[0].text.splitlines()
    assert lines == ["Bảng 1 — Chỉ tiêu: Số doanh nghiệp | Năm 2024: 1.204 | Năm 2025: 1.310"]


def test_bars_without_figures_stay_text():
    text = "Nơi nhận: | Sở Tài chính | Lưu VT\nThường trực | HĐND | UBND\n"
    assert pipe_tables(text) == text


def test_a_figure_of_a_typed_table_keeps_its_row_and_column():
    text = pipe_tables(RELEASE)
    prof = profile_dict("d", RELEASE, {"source_file": "x.txt"})
    row = next(x for x in text.splitlines() if "Kim ngạch xuất khẩu" in x and parse_row_line(x))
    chunk = Chunk("d:0", "d", "t", "x.txt", "", None, row, ())
    facts = {f.text: f for f in extract_facts([chunk], prof)}
    assert facts["205,3"].indicator.startswith("Kim ngạch xuất khẩu")
    assert facts["205,3"].unit.lower() == "triệu usd"
    assert facts["205,3"].period.get("label") == "tháng 10 năm 2025"
    assert facts["2.114,8"].period.get("label") == "10 tháng đầu năm 2025"
    assert facts["2.114,8"].indicator == "Kim ngạch xuất khẩu"  # "Cộng dồn" is the period's own total


def test_a_caption_word_is_no_table_number():
    assert caption_title(["BẢNG MỘT SỐ CHỈ TIÊU"]) == "BẢNG: Một số chỉ tiêu"
    assert caption_title(["Biểu 02: Thu chi ngân sách"]) == "Biểu 02: Thu chi ngân sách"
    assert caption_title(["Phụ lục II"]) == "Phụ lục II"


def test_heading_of_a_two_column_title_block(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "THỊ XÃ BUÔN HỒ                        Độc lập - Tự do - Hạnh phúc\n"
                    "Số: 40/BC-UBND\nBÁO CÁO\n", encoding="utf-8")
    assert read_text(path.read_bytes(), path).heading == "ỦY BAN NHÂN DÂN THỊ XÃ BUÔN HỒ"
    path.write_text("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSố: 7/BC-UBND\n", encoding="utf-8")
    assert read_text(path.read_bytes(), path).heading == "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG"


PRICES = """THỐNG KÊ TỈNH AN PHÚ
TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 8 VÀ 8 THÁNG NĂM 2024

Giá tiêu dùng tháng 8/2024 theo nhóm hàng (%)

| Nhóm hàng | So với tháng trước | So với tháng 12 năm trước | So với cùng kỳ năm trước | Bình quân 8 tháng so cùng kỳ |
|---|---|---|---|---|
| May mặc, giày dép | -0,21 | 0,75 | 1,80 | 2,05 |
| Bưu chính, viễn thông | 0,10 | -0,40 | -1,12 | -0,93 |
"""


def test_a_caption_naming_the_unit_titles_the_table_and_its_columns_give_the_basis():
    text = pipe_tables(PRICES)
    row = next(x for x in text.splitlines() if "May mặc" in x and parse_row_line(x))
    assert parse_row_line(row)[0] == "Giá tiêu dùng tháng 8/2024 theo nhóm hàng (%)"
    prof = profile_dict("d", PRICES, {"source_file": "x.txt"})
    chunk = Chunk("d:0", "d", "t", "x.txt", "", None, row, ())
    facts = {f.text: f for f in extract_facts([chunk], prof)}
    month = facts["0,21"]
    assert (month.value, month.unit, month.role, month.basis, month.period.get("label")) == (-0.21, "%", "change", "tháng trước",
                                                                                 "tháng 8 năm 2024")
    since_dec = facts["0,75"]  # the basis period is no period of the figure
    assert (since_dec.basis, since_dec.period.get("label")) == ("tháng 12 năm trước", "tháng 8 năm 2024")
    assert (facts["1,80"].role, facts["1,80"].basis) == ("change", "cùng kỳ")
    avg = facts["2,05"]
    assert (avg.role, avg.basis, avg.period.get("label")) == ("change", "cùng kỳ", "8 tháng đầu năm 2024")
    assert "bình quân" in avg.indicator.lower()


def test_a_sentence_or_a_numbered_heading_above_a_table_is_no_caption():
    from assistant.ingest.loaders.tables import unit_caption

    assert unit_caption("Giá tiêu dùng theo nhóm hàng (%)") == "Giá tiêu dùng theo nhóm hàng (%)"
    assert unit_caption("Thu ngân sách theo địa bàn (Đơn vị: tỷ đồng)") is not None
    assert unit_caption("4. Chỉ số giá (%)") is None
    assert unit_caption("Chỉ số giá tăng nhẹ. Giá vàng giảm (%)") is None
    assert unit_caption("Chỉ số giá tiêu dùng tháng này tăng 0,5% so với tháng trước.") is None


def test_a_minus_in_a_cell_is_a_fall():
    text = pipe_tables(PRICES)
    row = next(x for x in text.splitlines() if "Bưu chính" in x and parse_row_line(x))
    prof = profile_dict("d", PRICES, {"source_file": "x.txt"})
    facts = {f.text: f for f in extract_facts([Chunk("d:0", "d", "t", "x.txt", "", None, row, ())], prof)}
    assert facts["1,12"].value == -1.12 and facts["1,12"].role == "change"
    level = extract_facts([Chunk("d:0", "d", "t", "x.txt", "", None,
                                 "Bảng 3 — Chỉ tiêu: Cán cân thương mại | Đơn vị tính: triệu USD | Năm 2024: -12,5", ())], prof)
    assert [(f.text, f.value, f.sentence[f.start : f.end]) for f in level] == [("-12,5", -12.5, "-12,5")]


OUTPUT = """SỞ CÔNG THƯƠNG TỈNH THỬ
BÁO CÁO
Kết quả ngành công thương năm 2024

Bảng 2. Sản phẩm chủ yếu năm 2024
| Sản phẩm | Đơn vị tính | Thực hiện 2023 | Kế hoạch 2024 | Ước thực hiện 2024 | So với KH (%) |
|---|---|---|---|---|---|
| Gạch nung | Triệu viên | 142,6 | 150,0 | 147,3 | 98,2 |
"""


def test_a_columns_bare_year_dates_its_cells():
    text = pipe_tables(OUTPUT)
    row = next(x for x in text.splitlines() if "Gạch nung" in x and parse_row_line(x))
    prof = profile_dict("d", OUTPUT, {"source_file": "x.txt"})
    facts = {f.text: f for f in extract_facts([Chunk("d:0", "d", "t", "x.txt", "", None, row, ())], prof)}
    got = {t: (facts[t].kind, facts[t].period.get("label")) for t in ("142,6", "150,0", "147,3", "98,2")}
    assert got == {"142,6": ("actual", "năm 2023"), "150,0": ("target", "năm 2024"),
                   "147,3": ("estimate", "năm 2024"), "98,2": ("actual", "năm 2024")}
