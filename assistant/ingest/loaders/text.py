"""Plain text and Markdown: decode the bytes, keep the text as one page of unknown number.

A table typed as text, one row a line with cells between "|" ("Chỉ tiêu | ĐVT | Tháng 11 |
11 tháng", Markdown's "| a | b |" too) or between tabs (a spreadsheet pasted as text), or with its columns aligned by spaces (as a PDF's text
export lays it out), becomes row lines like a DOCX or PDF table's (`tables.table_lines`): each
figure keeps its row label and column header.

Only UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted. Guessing a legacy code
page (Windows-1258, TCVN3, Latin-1) silently garbles Vietnamese diacritics, and a garbled
figure's context is worse than a clear refusal, so anything else is rejected.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from assistant.errors import DocumentError
from assistant.ingest.document import Page
from assistant.ingest.loaders.base import Extracted, first_line
from assistant.ingest.loaders.tables import (
    Grid,
    caption_title,
    is_figure,
    parse_row_line,
    table_lines,
    unit_caption,
)
from assistant.ingest.profile import title_column

NOT_UTF8 = "không đọc được: tệp văn bản không phải UTF-8 (hãy lưu lại dạng UTF-8)"


def decode_text(data: bytes, source: str) -> str:
    """Decode by BOM (UTF-8 or UTF-16) or as strict UTF-8; line endings become "\\n"."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")  # the codec reads and drops the BOM
        else:
            text = data.decode("utf-8-sig")  # strict; drops a UTF-8 BOM if present
    except UnicodeDecodeError as err:
        raise DocumentError(source, NOT_UTF8) from err
    # NUL never occurs in real text: this is UTF-16 without a BOM, or a binary file.
    if "\x00" in text:
        raise DocumentError(source, NOT_UTF8)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, path: Path) -> Extracted:
    """One page with `number=None`: a text file carries no page numbers, and none are invented."""
    text = decode_text(data, str(path))
    heading = title_block_heading(text)
    text = space_tables(tab_tables(pipe_tables(text)))
    if heading is not None and path.suffix.lower() == ".md":
        heading = heading.lstrip("#").strip() or None
    return Extracted(pages=[Page(number=None, text=text)], heading=heading)


_BARE_BODY = re.compile(r"(?i)^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|hđnd)$")


def title_block_heading(text: str) -> str | None:
    """The file's first line as its heading, without the state motto of a two-column title
    block; a bare "ỦY BAN NHÂN DÂN" is joined with the line naming its place under it."""
    first = first_line(text)
    if first is None:
        return None
    column = title_column(text, 2).split("\n")
    if not column or not column[0]:
        return first
    if _BARE_BODY.match(column[0]) and len(column) > 1 and not column[1].lower().startswith("số"):
        return f"{column[0]} {column[1]}"
    return column[0] if column[0] != first else first


_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
MIN_CELLS = 3  # "a | b" is prose with a bar; a table has a label and at least two columns


def _cells(line: str) -> list[str] | None:
    """The cells of a line typed as a table row, or None."""
    if "|" not in line or parse_row_line(line) is not None:
        return None
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    cells = [c.strip() for c in body.split("|")]
    return cells if len(cells) >= MIN_CELLS else None


def _tab_cells(line: str) -> list[str] | None:
    """The cells of a line typed with tabs between its cells (a spreadsheet pasted as text), or None."""
    if line.count("\t") < MIN_CELLS - 1 or parse_row_line(line) is not None:
        return None
    return [c.strip() for c in line.strip("\n").split("\t")]


def tab_tables(text: str) -> str:
    """Blocks of two or more lines with the same number of tab-separated cells (the first the
    header), written as table row lines like a "|" table's."""
    return pipe_tables(text, _tab_cells)


def pipe_tables(text: str, cells_of=None) -> str:
    """Blocks of two or more lines with the same number of "|"-separated cells (the first the
    header) written as table row lines; the line above a block, when it is a caption, titles it."""
    _cells = cells_of or globals()["_cells"]
    lines = text.split("\n")
    out: list[str] = []
    i, number = 0, 0
    while i < len(lines):
        first = _cells(lines[i])
        if first is None:
            out.append(lines[i])
            i += 1
            continue
        rows, j = [first], i + 1
        while j < len(lines):
            if _MD_RULE.match(lines[j]) and "|" in lines[j]:
                j += 1
                continue
            cells = _cells(lines[j])
            if cells is None or len(cells) != len(first):
                break
            rows.append(cells)
            j += 1
        grid = Grid(rows)
        converted = table_lines(grid, None, "Bảng") if len(rows) >= 2 else []
        if not any(parse_row_line(x) for x in converted):
            out.extend(lines[i:j])  # no figures under a header: text that happens to hold bars
            i = j
            continue
        number += 1
        _emit_table(out, grid, number)
        i = j
    return "\n".join(out)


def _emit_table(out: list[str], grid: Grid, number: int) -> None:
    """Append a table's row lines; the line right above it, when it is a caption, titles it."""
    above = next((x for x in reversed(out[-2:]) if x.strip()), None)
    title = (caption_title([above]) or unit_caption(above)) if above else None
    if title and above is not None and above in out[-2:]:  # (a blank line may stand between them)
        del out[len(out) - 1 - out[::-1].index(above)]
    out.extend(table_lines(grid, title, f"Bảng {number}"))


_GAP = re.compile(r"\S(\s{2,})(?=\S)")  # two or more spaces between two cells of a laid-out row
MIN_FIGURE_ROWS = 2  # rows with two or more figure cells: fewer is prose or a title block


def _laid_out(line: str) -> bool:
    """Could the line be a row of a table aligned by spaces: two or more wide gaps, or a header
    line pushed right by its empty first column, and no sentence punctuation inside a cell."""
    if "|" in line or not line.strip():
        return False
    gaps = len(_GAP.findall(line))
    indented = len(line) - len(line.lstrip(" ")) >= 8 and gaps >= 1
    return gaps >= 2 or indented


def _figure_cells(cells: list[str]) -> int:
    return sum(1 for c in cells if is_figure(c) or c.strip() in ("-", "–", "…"))


def _columns(block: list[str]) -> list[tuple[int, int]]:
    """Character ranges of the columns: runs of positions not blank in every line, cut where two
    or more positions are blank in all of them."""
    width = max(len(x) for x in block)
    used = [any(i < len(x) and x[i] != " " for x in block) for i in range(width)]
    cols, start, blank = [], None, 0
    for i, u in enumerate(used + [False, False]):
        if u:
            if start is None:
                start = i
            blank = 0
            continue
        blank += 1
        if start is not None and blank == 2:
            cols.append((start, i - 1))
            start = None
    return cols


def _space_grid(block: list[str]) -> Grid | None:
    cols = _columns(block)
    if len(cols) < MIN_CELLS:
        return None
    rows = [[x[a:b].strip() if a < len(x) else "" for a, b in cols] for x in block]
    data = [i for i, r in enumerate(rows) if _figure_cells(r[1:]) >= 2 and any(c.isalpha() for c in r[0])]
    if len(data) < MIN_FIGURE_ROWS:
        return None
    first = data[0]
    if any(len(r[0].split()) > 12 for r in rows):  # a cell of prose: columns of a newspaper, not a table
        return None
    # header lines above the first data row are one header, wrapped: join each column's words
    header = [" ".join(r[c] for r in rows[:first] if r[c]).strip() for c in range(len(cols))]
    if not header[0]:
        header[0] = "Chỉ tiêu"
    body = [r for r in rows[first:] if any(r)]
    return Grid([header] + body) if first else Grid(body)


def space_tables(text: str) -> str:
    """Blocks of three or more consecutive lines laid out in columns by spaces, with at least two
    rows of figures, written as table row lines; a caption line above titles it."""
    lines = text.split("\n")
    out: list[str] = []
    i, number = 0, 0
    while i < len(lines):
        j = i
        while j < len(lines) and _laid_out(lines[j]):
            j += 1
        if j - i < 3:
            out.extend(lines[i : max(j, i + 1)])
            i = max(j, i + 1)
            continue
        block = [x.rstrip() for x in lines[i:j]]
        grid = _space_grid(block)
        converted = table_lines(grid, None, "Bảng") if grid else []
        if not any(parse_row_line(x) for x in converted):
            out.extend(lines[i:j])
            i = j
            continue
        number += 1
        _emit_table(out, grid, number)
        i = j
    return "\n".join(out)
