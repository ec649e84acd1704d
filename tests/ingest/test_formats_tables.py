"""Annex tables in DOCX, XLSX, XLS-less ODS and text-layer PDF become row lines (tables.py format),
kept one per chunk with the table title in the section; and the row-line parser itself."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from fpdf import FPDF

from assistant.errors import DocumentError
from assistant.ingest.chunk import chunk_document
from assistant.ingest.clean import clean_document
from assistant.ingest.loaders import load_document
from assistant.ingest.loaders.spreadsheet import NO_CACHED_VALUE, excel_number
from assistant.ingest.loaders.tables import Grid, format_row, parse_row_line, table_lines
from assistant.ingest.pipeline import document_chunks

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
TITLE = "Biểu 01: Một số chỉ tiêu kinh tế - xã hội chủ yếu"
CAPTION = "Biểu 01: MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU"
HEADER_TOP = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2024", None, "So với KH (%)"]
HEADER_LOW = ["Kế hoạch năm 2024", "Ước thực hiện 6 tháng"]
ROWS = [
    ["1", "Tốc độ tăng trưởng GRDP", "%", "13,0", "13,96", "107,4"],
    ["2", "Thu ngân sách nhà nước", "Tỷ đồng", "12.500", "7.345,2", "58,8"],
    ["3", "Doanh nghiệp thành lập mới", "Doanh nghiệp", "1.800", "", ""],
]
GRDP_LINE = (
    f"{TITLE} — STT: 1 | Chỉ tiêu: Tốc độ tăng trưởng GRDP | Đơn vị tính: % | "
    "Năm 2024 / Kế hoạch năm 2024: 13,0 | Năm 2024 / Ước thực hiện 6 tháng: 13,96 | "
    "So với KH (%): 107,4"
)
NEW_FIRMS_LINE = (
    f"{TITLE} — STT: 3 | Chỉ tiêu: Doanh nghiệp thành lập mới | Đơn vị tính: Doanh nghiệp | "
    "Năm 2024 / Kế hoạch năm 2024: 1.800"
)


# --- the row format -----------------------------------------------------------------------------


def test_parse_row_line_reads_back_what_format_row_writes():
    pairs = [("Chỉ tiêu", "Thu ngân sách"), ("Năm 2024 / Kế hoạch", "12.500")]
    line = format_row(TITLE, pairs)
    assert line == f"{TITLE} — Chỉ tiêu: Thu ngân sách | Năm 2024 / Kế hoạch: 12.500"
    assert parse_row_line(line) == (TITLE, pairs)


@pytest.mark.parametrize(
    "text",
    [
        "Tăng trưởng kinh tế đạt 13,96%, đứng thứ hai cả nước.",
        "Kết quả — nhiều chỉ tiêu vượt kế hoạch",
        "Bảng 1 — Chỉ tiêu: GRDP | 13,96",  # one part without a header
        "",
    ],
)
def test_parse_row_line_is_none_for_ordinary_text(text):
    assert parse_row_line(text) is None


def test_separators_inside_cells_and_headers_cannot_break_a_line():
    line = format_row("Bảng — 2", [("Ghi chú: nguồn", "a | b"), ("Giá trị", "Đạt: 5")])
    assert parse_row_line(line) == ("Bảng - 2", [("Ghi chú nguồn", "a / b"), ("Giá trị", "Đạt: 5")])


def test_table_lines_merged_headers_numbering_row_and_empty_cells():
    top = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2024", "Năm 2024", "So với KH (%)"]
    low = ["STT", "Chỉ tiêu", "Đơn vị tính", *HEADER_LOW, "So với KH (%)"]
    numbering = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)"]
    grid = Grid([top, low, numbering, *ROWS], covered={(0, 4)})
    lines = table_lines(grid, None, "Bảng 1")
    assert lines[0] == GRDP_LINE.replace(TITLE, "Bảng 1")
    assert lines[2] == NEW_FIRMS_LINE.replace(TITLE, "Bảng 1")
    assert len(lines) == 3


def test_layout_table_without_figures_keeps_plain_cells():
    grid = Grid([["UBND TỈNH BẮC GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                 ["Số: 125/BC-UBND", "Bắc Giang, ngày 12 tháng 6 năm 2024"]])
    assert table_lines(grid, None, "Bảng 1") == [
        "UBND TỈNH BẮC GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 125/BC-UBND | Bắc Giang, ngày 12 tháng 6 năm 2024",
    ]


@pytest.mark.parametrize(
    "value, fmt, shown",
    [
        (12500, "#,##0", "12.500"),
        (7345.2, "#,##0.0", "7.345,2"),
        (13, "0.0", "13,0"),
        (0.588, "0.0%", "58,8%"),
        (2024, "General", "2024"),
        (13.96, "General", "13,96"),
        (-2.5, "0.00", "-2,50"),
        (1234567.891, '#,##0.00" tỷ"', "1.234.567,89"),
        (0.5, "0%", "50%"),
    ],
)
def test_excel_numbers_in_vietnamese_notation(value, fmt, shown):
    assert excel_number(value, fmt) == shown


# --- DOCX --------------------------------------------------------------------------------------


def make_annex_docx(path: Path) -> Path:
    """A report with an annex table: caption above, a two-row header with merged cells."""
    document = docx.Document()
    document.add_paragraph("Tình hình thực hiện các chỉ tiêu chủ yếu như sau:")
    document.add_paragraph(CAPTION)
    table = document.add_table(rows=2 + len(ROWS), cols=6)
    for c, text in enumerate(HEADER_TOP):
        if text:
            table.cell(0, c).text = text
    for c in (0, 1, 2, 5):  # vertical merges over the two header rows
        table.cell(0, c).merge(table.cell(1, c))
    merged = table.cell(0, 3).merge(table.cell(0, 4))  # "Năm 2024" over two columns
    merged.text = "Năm 2024"
    table.cell(1, 3).text, table.cell(1, 4).text = HEADER_LOW
    for r, row in enumerate(ROWS, start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("Nhìn chung, các chỉ tiêu đều đạt khá so với kế hoạch.")
    document.save(str(path))
    return path


def test_docx_annex_rows_keep_title_headers_and_merged_cells(tmp_path):
    doc = load_document(make_annex_docx(tmp_path / "phu-luc.docx"))
    lines = doc.pages[0].text.split("\n")
    assert GRDP_LINE in lines
    assert NEW_FIRMS_LINE in lines  # empty cells omitted
    assert f"{TITLE} — STT: 2 | Chỉ tiêu: Thu ngân sách nhà nước" in doc.pages[0].text


def test_docx_rows_become_their_own_chunks_with_the_title_in_the_section(tmp_path):
    path = make_annex_docx(tmp_path / "phu-luc.docx")
    chunks = document_chunks(path, None)
    rows = [c for c in chunks if parse_row_line(c.text)]
    assert [c.text for c in rows][0] == GRDP_LINE
    assert len(rows) == 3 and all(c.section.endswith(TITLE) for c in rows)
    prose = [c.text for c in chunks if not parse_row_line(c.text)]
    assert any("các chỉ tiêu đều đạt khá" in t for t in prose)
    assert not any("—" in t and "Nhìn chung" in t for t in prose)  # never joined to a row


# --- XLSX --------------------------------------------------------------------------------------


def make_annex_xlsx(path: Path, formula_without_value: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bieu01"
    ws["A1"] = CAPTION
    ws.merge_cells("A1:F1")
    ws["A2"] = "(Kèm theo Báo cáo số 125/BC-UBND ngày 12/6/2024 của UBND tỉnh)"
    ws.merge_cells("A2:F2")
    for c, text in enumerate(HEADER_TOP, start=1):
        if text:
            ws.cell(4, c, text)
    for col in "ABCF":
        ws.merge_cells(f"{col}4:{col}5")
    ws.merge_cells("D4:E4")
    ws["D5"], ws["E5"] = HEADER_LOW
    data = [
        (1, "Tốc độ tăng trưởng GRDP", "%", 13, 13.96, 1.074),
        (2, "Thu ngân sách nhà nước", "Tỷ đồng", 12500, 7345.2, 0.588),
        (3, "Doanh nghiệp thành lập mới", "Doanh nghiệp", 1800, None, None),
    ]
    formats = ["0", "@", "@", "#,##0.0", "#,##0.00", "0.0%"]
    for r, row in enumerate(data, start=6):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value).number_format = formats[c - 1]
    ws["D7"].number_format = "#,##0"
    ws["E7"].number_format = "#,##0.0"
    ws["A10"] = "Ngày cập nhật"
    ws["B10"] = dt.date(2024, 6, 12)
    ws["B10"].number_format = "dd/mm/yyyy"
    if formula_without_value:
        ws["E8"] = "=E6+E7"  # openpyxl stores no cached value, as a script-written file has
    wb.save(str(path))
    return path


def test_xlsx_rows_values_in_vietnamese_notation_and_merged_headers(tmp_path):
    doc = load_document(make_annex_xlsx(tmp_path / "bieu-01.xlsx"))
    lines = doc.pages[0].text.split("\n")
    assert "(Kèm theo Báo cáo số 125/BC-UBND ngày 12/6/2024 của UBND tỉnh)" in lines
    grdp = parse_row_line(lines[1])
    assert grdp == (
        TITLE,
        [
            ("STT", "1"),
            ("Chỉ tiêu", "Tốc độ tăng trưởng GRDP"),
            ("Đơn vị tính", "%"),
            ("Năm 2024 / Kế hoạch năm 2024", "13,0"),
            ("Năm 2024 / Ước thực hiện 6 tháng", "13,96"),
            ("So với KH (%)", "107,4%"),
        ],
    )
    assert (
        f"{TITLE} — STT: 2 | Chỉ tiêu: Thu ngân sách nhà nước | Đơn vị tính: Tỷ đồng | "
        "Năm 2024 / Kế hoạch năm 2024: 12.500 | Năm 2024 / Ước thực hiện 6 tháng: 7.345,2 | "
        "So với KH (%): 58,8%"
    ) in lines
    assert f"{TITLE} — STT: Ngày cập nhật | Chỉ tiêu: 12/06/2024" in lines
    assert doc.title == TITLE


def test_xlsx_formula_without_cached_value_says_so(tmp_path):
    doc = load_document(make_annex_xlsx(tmp_path / "cong-thuc.xlsx", formula_without_value=True))
    assert f"Năm 2024 / Ước thực hiện 6 tháng: {NO_CACHED_VALUE}" in doc.pages[0].text
    assert "=E6" not in doc.pages[0].text


def test_xlsx_without_title_row_uses_the_sheet_name(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Thu chi ngân sách"
    ws.append(["Chỉ tiêu", "Dự toán", "Ước thực hiện"])
    ws.append(["Thu nội địa", 9000, 5120.5])
    wb.save(tmp_path / "ngan-sach.xlsx")
    doc = load_document(tmp_path / "ngan-sach.xlsx")
    assert doc.pages[0].text == (
        "Thu chi ngân sách — Chỉ tiêu: Thu nội địa | Dự toán: 9000 | Ước thực hiện: 5120,5"
    )


def test_xlsx_chunks_carry_title_in_section(tmp_path):
    path = make_annex_xlsx(tmp_path / "bieu-01.xlsx")
    doc = load_document(path)
    chunks = chunk_document(doc, clean_document(doc))
    rows = [c for c in chunks if parse_row_line(c.text)]
    assert len(rows) == 4 and all(c.section.endswith(TITLE) for c in rows)
    assert any("7.345,2" in c.text for c in rows)


def _encrypt(data: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("mat-khau", out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_password_protected_office_files_are_named(tmp_path, kind):
    src = make_annex_xlsx(tmp_path / "a.xlsx") if kind == "xlsx" else make_annex_docx(tmp_path / "a.docx")
    locked = tmp_path / f"khoa.{kind}"
    locked.write_bytes(_encrypt(src.read_bytes()))
    with pytest.raises(DocumentError) as excinfo:
        load_document(locked)
    assert "\n" not in str(excinfo.value) and str(locked) in str(excinfo.value)
    assert excinfo.value.reason == f"tệp {kind.upper()} được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nạp lại"


def test_xlsx_of_100000_rows_is_refused_in_bounded_memory(tmp_path):
    import tracemalloc

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Du lieu")
    ws.append(["Xã", "Số hộ"])
    for i in range(100_000):
        ws.append([f"Thôn {i}", i])
    wb.save(tmp_path / "lon.xlsx")
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as excinfo:
            load_document(tmp_path / "lon.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert excinfo.value.reason.startswith("bảng tính quá lớn: hơn 20.000 dòng")
    assert peak < 200 * 2**20


def test_corrupt_xlsx_is_refused(tmp_path):
    (tmp_path / "hong.xlsx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(DocumentError) as excinfo:
        load_document(tmp_path / "hong.xlsx")
    assert excinfo.value.reason == "bảng tính hỏng hoặc không đọc được"


# --- ODS ---------------------------------------------------------------------------------------


def _ods(path: Path) -> Path:
    t = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    o = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    x = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    def cell(text, value=None, kind="string", span=1):
        attrs = f' table:number-columns-spanned="{span}"' if span > 1 else ""
        if value is not None:
            attrs += f' office:value-type="{kind}" office:value="{value}"'
        return f"<table:table-cell{attrs}><text:p>{text}</text:p></table:table-cell>"

    rows = [
        cell("Chỉ tiêu") + cell("Năm 2024", span=2) + "<table:covered-table-cell/>",
        cell("") + cell("Kế hoạch") + cell("Ước thực hiện"),
        cell("Thu ngân sách") + cell("12.500", 12500, "float") + cell("7.345,2", 7345.2, "float"),
    ]
    body = "".join(f"<table:table-row>{r}</table:table-row>" for r in rows)
    content = (
        f'<office:document-content xmlns:office="{o}" xmlns:table="{t}" xmlns:text="{x}">'
        f'<office:body><office:spreadsheet><table:table table:name="Bieu 02">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", "<manifest/>")
        z.writestr("content.xml", content)
    return path


def test_ods_rows(tmp_path):
    doc = load_document(_ods(tmp_path / "bieu-02.ods"))
    assert doc.pages[0].text == (
        "Bieu 02 — Chỉ tiêu: Thu ngân sách | Năm 2024 / Kế hoạch: 12.500 | "
        "Năm 2024 / Ước thực hiện: 7.345,2"
    )


# --- PDF with a ruled table ----------------------------------------------------------------------


def make_table_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Kết quả thực hiện một số chỉ tiêu chủ yếu 6 tháng đầu năm 2024.", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, CAPTION, new_x="LMARGIN", new_y="NEXT")
    widths = [12, 58, 24, 30, 36, 30]
    with pdf.table(col_widths=widths, text_align="LEFT", first_row_as_headings=False) as table:
        top = table.row()
        for c, text in enumerate(HEADER_TOP):
            if c == 3:
                top.cell(text, colspan=2)
            elif text is not None:
                top.cell(text, rowspan=2 if c in (0, 1, 2, 5) else 1)
        low = table.row()
        for text in HEADER_LOW:
            low.cell(text)
        for row in ROWS:
            r = table.row()
            for text in row:
                r.cell(text)
    pdf.multi_cell(0, 6, "Các chỉ tiêu còn lại được nêu trong phần thuyết minh.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_pdf_ruled_table_becomes_rows_with_merged_headers(tmp_path):
    doc = load_document(make_table_pdf(tmp_path / "bieu.pdf"))
    text = doc.pages[0].text
    lines = text.split("\n")
    assert GRDP_LINE in lines, text
    assert NEW_FIRMS_LINE in lines
    assert lines[0].startswith("Kết quả thực hiện một số chỉ tiêu")
    assert lines[-1] == "Các chỉ tiêu còn lại được nêu trong phần thuyết minh."


def test_docx_caption_naming_the_unit_titles_its_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("Giá cả thị trường tương đối ổn định.")
    document.add_paragraph("Chỉ số giá tiêu dùng tháng 3/2024 theo nhóm hàng (%)")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Nhóm hàng", "So với tháng trước", "So với cùng kỳ"),
                             ("Đồ uống", "0,12", "2,30"), ("Giáo dục", "0,00", "5,10")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "gia.docx"
    document.save(str(path))
    lines = load_document(path).pages[0].text.split("\n")
    assert ("Chỉ số giá tiêu dùng tháng 3/2024 theo nhóm hàng (%) — Nhóm hàng: Đồ uống | "
            "So với tháng trước: 0,12 | So với cùng kỳ: 2,30") in lines
