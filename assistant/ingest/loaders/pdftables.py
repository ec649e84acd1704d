"""Ruled tables in text-layer PDFs through pdfplumber, as rows in the format of `tables`.

pdfplumber is slow (it parses every glyph), so it only looks at pages whose content stream
draws enough rectangles or line segments to be a ruled table; a 500-page report of prose
never reaches it. Borderless tables stay as the text layer gives them.
"""

from __future__ import annotations

import io
import logging
import re

from assistant.ingest.loaders.tables import Grid, caption_title, table_lines, unit_caption

log = logging.getLogger(__name__)

_RULE_OPS = re.compile(rb"\s(re|l)\s")
MIN_RULES = 8


def ruled_pages(reader, numbers: list[int]) -> list[int]:
    """The pages (1-based) among `numbers` whose drawing has enough rules to hold a table."""
    found = []
    for number in numbers:
        try:
            contents = reader.pages[number - 1].get_contents()
            data = contents.get_data() if contents is not None else b""
        except Exception:  # an unreadable content stream: keep the text layer as it is
            continue
        if len(_RULE_OPS.findall(data)) >= MIN_RULES:
            found.append(number)
    return found


def _grid(table) -> Grid:
    """pdfplumber's cells on the table grid; a missing cell is covered by a merge: from the left
    when a cell of its row reaches over its column, else from above."""
    texts = table.extract()
    boxes = [row.cells for row in table.rows]
    width = max((len(r) for r in boxes), default=0)
    lefts = [
        next((r[c][0] for r in boxes if c < len(r) and r[c] is not None), None) for c in range(width)
    ]
    rows: list[list[str]] = []
    covered: set[tuple[int, int]] = set()
    for r, cells in enumerate(boxes):
        row: list[str] = []
        for c, box in enumerate(cells):
            if box is not None:
                row.append((texts[r][c] or "").strip())
                continue
            left = next((k for k in range(c - 1, -1, -1) if cells[k] is not None), None)
            if left is not None and lefts[c] is not None and cells[left][2] > lefts[c] + 1:
                row.append(row[left])
                covered.add((r, c))
            else:
                row.append(rows[-1][c] if rows and c < len(rows[-1]) else "")
        rows.append(row)
    return Grid(rows, covered)


def _text(page, top: float, bottom: float) -> str:
    if bottom - top < 1:
        return ""
    return page.crop((0, top, page.width, bottom)).extract_text() or ""


def _rebuild(page, tables, counter: list[int]) -> str:
    parts, top = [], 0.0
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        above = _text(page, top, table.bbox[1])
        parts.append(above)
        counter[0] += 1
        caption = (caption_title(above.splitlines()[-2:]) or unit_caption(above.splitlines()[-1])) if above.strip() else None
        parts += table_lines(_grid(table), caption, f"Bảng {counter[0]}")
        top = table.bbox[3]
    parts.append(_text(page, top, page.height))
    return "\n".join(p for p in parts if p.strip())


def tables_by_page(data: bytes, numbers: list[int], source: str) -> dict[int, str]:
    """{page number: page text with its tables as row lines} for the pages that hold tables."""
    if not numbers:
        return {}
    import pdfplumber  # imported here: only PDFs with ruled pages need it

    out, counter = {}, [0]
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number in numbers:
                page = pdf.pages[number - 1]
                tables = [t for t in page.find_tables() if len(t.rows) >= 2]
                if tables:
                    out[number] = _rebuild(page, tables, counter)
                page.close()
    except Exception as err:  # pdfminer raises many types; the text layer is still there
        log.warning("%s: table detection failed, keeping the text layer: %s", source, err)
        return {}
    return out

