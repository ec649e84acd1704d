"""Tables (DOCX, PDF, XLSX, ODS) as lines of page text: one line per row, headers and title kept.

Every table row that carries a figure becomes ONE line of the page text, in this format:

    <table title> — <header 1>: <cell 1> | <header 2>: <cell 2> | ...

- the table title is the caption found above the table ("Biểu 01: Một số chỉ tiêu kinh tế - xã
  hội chủ yếu"; a caption in capitals is written in sentence case), else "Bảng N" (the N-th
  table of the document) or, for a spreadsheet without a title row, the sheet name;
- a header is the text of the column's header cells from top to bottom, merged cells resolved,
  joined by " / " ("Năm 2024 / Kế hoạch"); a column without a header is "Cột N" (1-based);
- empty cells are omitted; a cell covered by a horizontally merged cell is omitted, a cell
  covered by a vertically merged one repeats its text (so every row keeps its row label);
- cell values are written exactly as displayed in the source (spreadsheet numbers in Vietnamese
  notation: "1.234,5"), never as formulas.

So that a line can always be split back, " — " never occurs in a title, ": " never in a header
and " | " never in a header or a cell (each is replaced by a plain dash, space or slash).
Rows of a table without any figure (layout tables: the letterhead of an official document)
stay as before: their cells joined by " | ". `parse_row_line` reads a row line back; the
cleaner keeps each row line as its own paragraph and the chunker puts the title in the section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

TITLE_SEP = " — "
CELL_SEP = " | "
HEADER_SEP = ": "
HEADER_JOIN = " / "
MAX_HEADER_ROWS = 5

# A cell that is only a figure: "13,96", "1.234", "-2,5", "107,4%", "2024".
_FIGURE_CELL = re.compile(r"^[-+−]?\d[\d.,]*\s*%?$")
# A column-numbering row under the header: "(1) | (2) | (3)" or "A | B | 1 | 2 = 1x2".
_NUMBERING_CELL = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?(\s*[=*x+/-]\s*\(?\d{1,2}\)?)*$")
# The label's number is a number, a Roman numeral or one letter ("Biểu 01", "Phụ lục II", "Bảng
# 2.1", "Mẫu A"): in "BẢNG MỘT SỐ CHỈ TIÊU" the next word starts the title.
_CAPTION = re.compile(
    r"^(Biểu|Bảng|Phụ lục|Phụ biểu|Mẫu)(\s+(số\s+)?(?:\d[\w.-]*|[IVXLC]+\b[\w.-]*|[A-Za-z]\b[\w.-]*))?\s*[:.]?",
    re.IGNORECASE,
)
_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_ACRONYMS = {"UBND", "HĐND", "GRDP", "GDP", "FDI", "ODA", "CPI", "KT-XH", "KTXH", "ĐVT", "USD"}


@dataclass
class Grid:
    """A table as read from its source: texts by row and grid column.

    A merged cell's text is repeated in every position it covers; `covered` lists the
    positions (row, column) covered by a horizontal merge, other than its first column.
    """

    rows: list[list[str]]
    covered: set[tuple[int, int]] = field(default_factory=set)


def is_figure(text: str) -> bool:
    return bool(_FIGURE_CELL.match(text.strip()))


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sentence_case(text: str) -> str:
    """ "MỘT SỐ CHỈ TIÊU KINH TẾ CHỦ YẾU" -> "Một số chỉ tiêu kinh tế chủ yếu"; acronyms kept."""
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    words = []
    for word in text.split(" "):
        bare = word.strip("(),.:;")
        keep = bare in _ACRONYMS or (bare.isalpha() and not (set(bare.lower()) & _VOWELS))
        words.append(word if keep else word.lower())
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def caption_title(lines: Sequence[str]) -> str | None:
    """A table title from caption lines ("Biểu 01", "MỘT SỐ CHỈ TIÊU…"), or None.

    A caption is a line starting with Biểu / Bảng / Phụ lục, or a short line in capitals; a bare
    label ("Biểu 01") is joined with the line in capitals that follows it.
    """
    lines = [_clean(x) for x in lines if _clean(x)]
    for i, line in enumerate(lines):
        m = _CAPTION.match(line)
        if m:
            label, rest = line[: m.end()].rstrip(" :."), line[m.end() :].strip()
            if not rest and i + 1 < len(lines) and _is_upper(lines[i + 1]):
                rest = lines[i + 1]
            return _title_text(f"{label}: {sentence_case(rest)}" if rest else label)
        if _is_upper(line) and len(line) <= 200:
            return _title_text(sentence_case(line))
    return None


# A caption in plain sentence case that names the table's unit in a closing bracket: "Chỉ số giá
# tiêu dùng tháng 5 năm 2025 theo nhóm hàng (%)", "Thu ngân sách theo địa bàn (Đơn vị: tỷ đồng)".
_UNIT_CAPTION = re.compile(r"^[^\W\d_][^.;!?]{8,180}\(\s*(?:(?:đơn vị(?: tính)?|đvt)\s*:?\s*)?[^()\d]{1,25}\)$",
                           re.IGNORECASE)
_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)]\s")


def unit_caption(line: str) -> str | None:
    """The line right above a table as its title when it is a caption naming the table's unit in
    a closing bracket (no sentence, no numbered heading); None otherwise."""
    text = _clean(line)
    if not _UNIT_CAPTION.match(text) or _NUMBERED.match(text) or text.endswith(("(.)", "(…)")):
        return None
    return _title_text(text)


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _title_text(title: str) -> str:
    return _clean(title).replace(TITLE_SEP.strip(), "-")


def _header_text(text: str) -> str:
    return _clean(text).replace("|", "/").replace(HEADER_SEP, " ").rstrip(":").strip()


def _cell_text(text: str) -> str:
    return _clean(text).replace(CELL_SEP, " / ")


def format_row(title: str, pairs: Sequence[tuple[str, str]]) -> str:
    """One row line; see the module docstring."""
    cells = CELL_SEP.join(f"{_header_text(h)}{HEADER_SEP}{_cell_text(v)}" for h, v in pairs)
    return f"{_title_text(title)}{TITLE_SEP}{cells}"


def parse_row_line(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(title, [(header, cell), ...]) of a row line, or None for ordinary text."""
    title, sep, rest = line.strip().partition(TITLE_SEP)
    if not sep or not title or not rest:
        return None
    pairs = []
    for part in rest.split(CELL_SEP):
        header, sep, cell = part.partition(HEADER_SEP)
        if not sep or not header.strip() or not cell.strip():
            return None
        pairs.append((header.strip(), cell.strip()))
    return title.strip(), pairs


def is_data_table(grid: Grid) -> bool:
    """Does any cell hold a figure alone? Layout tables (letterheads, signatures) do not."""
    return any(is_figure(c) for row in grid.rows[1:] for c in row if c)


def _is_data_row(row: list[str]) -> bool:
    return any(is_figure(c) for c in row if c) and any(_has_letters(c) for c in row if c)


def _is_numbering_row(row: list[str]) -> bool:
    cells = [c for c in row if c.strip()]
    return len(cells) >= 3 and all(_NUMBERING_CELL.match(c.strip()) for c in cells)


def _single_value(row: list[str]) -> str | None:
    values = list(dict.fromkeys(c for c in row if c.strip()))
    return values[0] if len(values) == 1 else None


def _headers(header_rows: list[list[str]], width: int) -> list[str]:
    headers = []
    for col in range(width):
        parts: list[str] = []
        for row in header_rows:
            text = _header_text(row[col]) if col < len(row) else ""
            if text and (not parts or parts[-1] != text):  # a vertical merge repeats its text
                parts.append(text)
        headers.append(HEADER_JOIN.join(parts) or f"Cột {col + 1}")
    return headers


def table_lines(grid: Grid, title: str | None, fallback_title: str) -> list[str]:
    """Lines of one table: caption/notes rows above the header as plain lines, then row lines.

    `title` is the caption found outside the table (None when there is none); rows inside the
    table made of one value above the header (a spreadsheet's "Biểu 01: …", "Đơn vị tính: …")
    can supply it.
    """
    rows = [[c or "" for c in r] for r in grid.rows]
    if not is_data_table(grid):
        return [CELL_SEP.join(dict.fromkeys(c.strip() for c in r if c.strip())) for r in rows if any(c.strip() for c in r)]
    start, preamble = 0, []
    while start < len(rows) and (_single_value(rows[start]) is not None or not any(c.strip() for c in rows[start])):
        value = _single_value(rows[start])
        if value is not None and (is_figure(value) or _is_data_row(rows[start])):
            break
        if value is not None:
            preamble.append(_clean(value))
        start += 1
    captions = [p for p in preamble if _CAPTION.match(p) or _is_upper(p)]
    if title is None and captions:
        title = caption_title(captions)
        preamble = [p for p in preamble if p not in captions]
    title = title or fallback_title
    first_data = next((i for i in range(start, len(rows)) if _is_data_row(rows[i])), None)
    if first_data is None or first_data - start > MAX_HEADER_ROWS:
        first_data = min(start + 1, len(rows))
    header_rows = [r for r in rows[start:first_data] if not _is_numbering_row(r)]
    width = max((len(r) for r in rows), default=0)
    headers = _headers(header_rows, width)
    lines = list(preamble)
    for r in range(first_data, len(rows)):
        row = rows[r]
        if _is_numbering_row(row) and r == first_data:
            continue
        pairs = [
            (headers[c], row[c])
            for c in range(len(row))
            if row[c].strip() and (r, c) not in grid.covered
        ]
        if not pairs:
            continue
        if len(pairs) == 1 and not is_figure(pairs[0][1]):
            lines.append(_clean(pairs[0][1]))  # a note under the table, not a row of figures
        else:
            lines.append(format_row(title, pairs))
    return lines
