"""Plain text and Markdown: decode the bytes, keep the text as one page of unknown number.

A table typed as text, one row a line with cells between "|" ("Chỉ tiêu | ĐVT | Tháng 11 |
11 tháng", Markdown's "| a | b |" too), becomes row lines like a DOCX or PDF table's
(`tables.table_lines`): each figure keeps its row label and column header.

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
from assistant.ingest.loaders.tables import Grid, caption_title, parse_row_line, table_lines
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
    text = pipe_tables(text)
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


def pipe_tables(text: str) -> str:
    """Blocks of two or more lines with the same number of "|"-separated cells (the first the
    header) written as table row lines; the line above a block, when it is a caption, titles it."""
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
        above = next((x for x in reversed(out[-2:]) if x.strip()), None)
        title = caption_title([above]) if above else None
        if title and above is not None:
            out.remove(above) if out and out[-1] == above else None
        out.extend(table_lines(grid, title, f"Bảng {number}"))
        i = j
    return "\n".join(out)
