"""XLSX (openpyxl), XLS (xlrd) and ODS (its content.xml) sheets as table rows, values only.

Each sheet becomes one page (number None: a sheet has no printed page) whose lines are the
sheet's table in the row format of `tables`. A cell is written as Excel displays it, in
Vietnamese notation ("1.234,5", "12,3%"), with the decimals of its number format; a formula
is never written: its cached value is, and a formula saved without one (a file written by a
script and never opened in Excel) says so in the cell instead of guessing.

Sheets are streamed (openpyxl read-only), so memory stays bounded; a workbook with more than
MAX_ROWS non-empty rows is refused rather than turned into that many chunks.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from assistant.errors import DocumentError
from assistant.ingest.document import Page
from assistant.ingest.loaders.base import Extracted
from assistant.ingest.loaders.legacy import check_ole
from assistant.ingest.loaders.tables import Grid, table_lines

log = logging.getLogger(__name__)

CORRUPT = "bảng tính hỏng hoặc không đọc được"
NO_CACHED_VALUE = "(công thức chưa có giá trị tính sẵn)"
MAX_ROWS = 20_000
MAX_COLS = 200
_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"')


def excel_number(value: float, fmt: str | None) -> str:
    """`value` as a number format displays it, in Vietnamese notation."""
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", (fmt or "General").split(";")[0])
    percent = "%" in section
    shown = value * 100 if percent else value
    if section.strip().lower() in ("general", "") or not re.search(r"[0#?]", section):
        text = f"{shown:.10g}" if "e" not in f"{shown:.10g}" else f"{shown:.10f}".rstrip("0").rstrip(".")
        text = text.replace(".", ",")
    else:
        integer, _, decimals = section.partition(".")
        places = len(re.findall(r"[0#?]", decimals))
        grouped = "," in integer
        text = f"{abs(shown):,.{places}f}" if grouped else f"{abs(shown):.{places}f}"
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        if shown < 0 and text.strip("0,.") != "":
            text = "-" + text
    return text + ("%" if percent else "")


def display(value, fmt: str | None) -> str:
    """A cell value as text: numbers by their format, dates as dd/mm/yyyy, text as is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M" if value.time() != dt.time() else "%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        return excel_number(float(value), fmt)
    return str(value).strip()


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters.decode():
        n = n * 26 + ord(ch) - 64
    return n - 1


def _split_ref(ref: bytes) -> tuple[int, int]:
    m = re.match(rb"([A-Z]+)(\d+)", ref)
    assert m is not None
    return int(m.group(2)) - 1, _col_index(m.group(1))


def _merges(archive: zipfile.ZipFile, sheet_path: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges (r1, c1, r2, c2), 0-based, read from the sheet's XML (streamed: openpyxl's
    read-only mode, needed for bounded memory, does not read them)."""
    found, tail = [], b""
    with archive.open(sheet_path) as f:
        while block := f.read(1 << 20):
            data = tail + block
            found += _MERGE_RE.findall(data)
            tail = data[-200:]
            found = list(dict.fromkeys(found))  # a match inside the overlap is seen twice
    return [(*_split_ref(a), *_split_ref(b)) for a, b in found]


def _apply_merges(rows: list[list[str]], merges, offset: int) -> set[tuple[int, int]]:
    """Fill merged ranges with their anchor's text; return the horizontally covered cells."""
    covered = set()
    for r1, c1, r2, c2 in merges:
        r1, r2 = r1 - offset, r2 - offset
        if r1 < 0 or r1 >= len(rows):
            continue
        anchor = rows[r1][c1] if c1 < len(rows[r1]) else ""
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            row = rows[r]
            row.extend([""] * (c2 + 1 - len(row)))
            for c in range(c1, c2 + 1):
                row[c] = anchor
                if c > c1:
                    covered.add((r, c))
    return covered


def _xlsx_sheet_rows(ws_values, ws_formulas, source: str, counter: list[int]) -> Iterator[list[str]]:
    for values, formulas in zip(
        ws_values.iter_rows(max_col=MAX_COLS), ws_formulas.iter_rows(max_col=MAX_COLS, values_only=True), strict=False
    ):
        row = []
        for cell, formula in zip(values, formulas, strict=False):
            value = getattr(cell, "value", None)
            if value is None and isinstance(formula, str) and formula.startswith("="):
                row.append(NO_CACHED_VALUE)
            else:
                row.append(display(value, getattr(cell, "number_format", None)))
        if any(row):
            counter[0] += 1
            if counter[0] > MAX_ROWS:
                raise DocumentError(source, f"bảng tính quá lớn: hơn {MAX_ROWS:,} dòng có dữ liệu; hãy tách thành tệp nhỏ hơn".replace(",", "."))
            if counter[0] % 5000 == 0:
                log.info("%s: %d rows read", source, counter[0])
        yield row


def _sheet_pages(data: bytes, source: str) -> list[Page]:
    import openpyxl  # imported here: only spreadsheets need it

    try:
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        archive = zipfile.ZipFile(io.BytesIO(data))
    except DocumentError:
        raise
    except Exception as err:  # zipfile, lxml and openpyxl each raise their own types
        raise DocumentError(source, CORRUPT) from err
    pages, counter = [], [0]
    try:
        for ws_v, ws_f in zip(values.worksheets, formulas.worksheets, strict=True):
            if not hasattr(ws_v, "iter_rows"):  # a chart sheet
                continue
            rows = list(_xlsx_sheet_rows(ws_v, ws_f, source, counter))
            # read-only iter_rows starts at A1, so list index = sheet row - 1
            covered = _apply_merges(rows, _merges(archive, ws_v._worksheet_path.lstrip("/")), 0)
            lines = table_lines(Grid(rows, covered), None, ws_v.title)
            if lines:
                pages.append(Page(number=None, text="\n".join(lines)))
    except DocumentError:
        raise
    except Exception as err:
        raise DocumentError(source, CORRUPT) from err
    finally:
        values.close()
        formulas.close()
    return pages


def read_xlsx(data: bytes, path: Path) -> Extracted:
    source = str(path)
    check_ole(data, source, "XLSX")
    pages = _sheet_pages(data, source)
    if not pages:
        raise DocumentError(source, "tệp rỗng (bảng tính không có dữ liệu)")
    return Extracted(pages=pages, heading=_heading(pages))


def _heading(pages: list[Page]) -> str | None:
    from assistant.ingest.loaders.tables import parse_row_line

    lines = [line.strip() for page in pages for line in page.text.splitlines() if line.strip()]
    titles = (parsed[0] for parsed in map(parse_row_line, lines) if parsed)
    return next(titles, lines[0] if lines else None)


def read_xls(data: bytes, path: Path) -> Extracted:
    """Excel 97-2003 through xlrd, with number formats and merged cells."""
    import xlrd  # imported here: only .xls needs it

    source = str(path)
    if data.startswith(b"PK"):  # an .xlsx renamed .xls
        return read_xlsx(data, path)
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.XLRDError as err:
        if "encrypt" in str(err).lower():
            raise DocumentError(source, "tệp XLS được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nạp lại") from err
        raise DocumentError(source, CORRUPT) from err
    except Exception as err:
        raise DocumentError(source, CORRUPT) from err
    pages, count = [], 0
    for sheet in book.sheets():
        count += sheet.nrows
        if count > MAX_ROWS:
            raise DocumentError(source, f"bảng tính quá lớn: hơn {MAX_ROWS:,} dòng; hãy tách thành tệp nhỏ hơn".replace(",", "."))
        rows = [[_xls_cell(book, sheet.cell(r, c)) for c in range(min(sheet.ncols, MAX_COLS))] for r in range(sheet.nrows)]
        merges = [(r1, c1, r2 - 1, c2 - 1) for r1, r2, c1, c2 in sheet.merged_cells]
        lines = table_lines(Grid(rows, _apply_merges(rows, merges, 0)), None, sheet.name)
        if lines:
            pages.append(Page(number=None, text="\n".join(lines)))
    if not pages:
        raise DocumentError(source, "tệp rỗng (bảng tính không có dữ liệu)")
    return Extracted(pages=pages, heading=_heading(pages))


def _xls_cell(book, cell) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        return display(xlrd.xldate_as_datetime(cell.value, book.datemode), None)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key)
        return excel_number(cell.value, fmt.format_str if fmt else None)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value).strip()
    return ""


_ODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_ODS[prefix]}}}{name}"


def _ods_value(cell) -> str:
    """Numbers in Vietnamese notation with the decimals the sheet shows; text as shown."""
    shown = " ".join("".join(p.itertext()) for p in cell.iter(_q("text", "p"))).strip()
    kind = cell.get(_q("office", "value-type"))
    if kind in ("float", "percentage", "currency") and cell.get(_q("office", "value")) is not None:
        value = float(cell.get(_q("office", "value")))
        digits = re.sub(r"\D", "", shown)
        places = next((d for d in range(0, 11) if re.sub(r"\D", "", f"{abs(value * (100 if kind == 'percentage' else 1)):.{d}f}").lstrip("0") == digits.lstrip("0")), None)
        if places is not None:
            fmt = ("#,##0" if shown.count(".") + shown.count(",") > (1 if places else 0) else "0") + ("." + "0" * places if places else "")
            return excel_number(value, fmt + ("%" if kind == "percentage" else ""))
    return shown


def read_ods(data: bytes, path: Path) -> Extracted:
    """OpenDocument spreadsheet: content.xml read directly (no extra dependency)."""
    from lxml import etree

    source = str(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "encryption-data" in archive.read("META-INF/manifest.xml").decode("utf-8", "replace"):
                raise DocumentError(source, "tệp ODS được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nạp lại")
            root = etree.fromstring(archive.read("content.xml"), etree.XMLParser(huge_tree=False))
    except DocumentError:
        raise
    except Exception as err:
        raise DocumentError(source, CORRUPT) from err
    pages, count = [], 0
    for table in root.iter(_q("table", "table")):
        rows, merges = [], []
        for tr in table.iter(_q("table", "table-row")):
            row: list[str] = []
            for cell in tr:
                repeat = min(int(cell.get(_q("table", "number-columns-repeated"), "1")), MAX_COLS)
                value = _ods_value(cell) if cell.tag == _q("table", "table-cell") else ""
                span_c = int(cell.get(_q("table", "number-columns-spanned"), "1"))
                span_r = int(cell.get(_q("table", "number-rows-spanned"), "1"))
                if span_c > 1 or span_r > 1:
                    merges.append((len(rows), len(row), len(rows) + span_r - 1, len(row) + span_c - 1))
                row += [value] * repeat
            repeat_rows = int(tr.get(_q("table", "number-rows-repeated"), "1"))
            rows += [list(row) for _ in range(min(repeat_rows, 1 if not any(row) else repeat_rows))]
            count += 1 if any(row) else 0
            if count > MAX_ROWS:
                raise DocumentError(source, f"bảng tính quá lớn: hơn {MAX_ROWS:,} dòng; hãy tách thành tệp nhỏ hơn".replace(",", "."))
        rows = [r[:MAX_COLS] for r in rows]
        covered = _apply_merges(rows, merges, 0)
        lines = table_lines(Grid(rows, covered), None, table.get(_q("table", "name"), "Trang tính"))
        if lines:
            pages.append(Page(number=None, text="\n".join(lines)))
    if not pages:
        raise DocumentError(source, "tệp rỗng (bảng tính không có dữ liệu)")
    return Extracted(pages=pages, heading=_heading(pages))
