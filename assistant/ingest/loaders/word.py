"""DOCX through python-docx: body paragraphs and tables in order, with real footnotes and endnotes.

Each paragraph becomes one line (so headings keep their own line) and each table row one line
in the row format of `tables` (title, headers, merged cells resolved). A footnote reference in
the text becomes the marker `[^N]` (N is the `w:id` Word gave it) and its text goes to
`footnotes["N"]`; an endnote becomes `[^eN]` / `footnotes["eN"]`. So the cleaner never has to
guess which glued digit is a footnote, as it must for PDF and TXT.

A file that is not a ZIP package at all is named for what it is: a password-protected
document (an OLE container holding `EncryptedPackage`) or a Word 97-2003 .doc renamed .docx.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from assistant.errors import DocumentError
from assistant.ingest.document import Page
from assistant.ingest.loaders.base import Extracted, first_line
from assistant.ingest.loaders.legacy import check_ole
from assistant.ingest.loaders.tables import Grid, caption_title, table_lines, unit_caption

CORRUPT = "DOCX hỏng hoặc không đọc được"
EMPTY = "tệp rỗng (không có nội dung văn bản)"

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Not text: properties, deleted text, field codes; and mc:Fallback, which repeats mc:Choice
# (a text box would otherwise be read twice).
_SKIP = {qn("w:pPr"), qn("w:rPr"), qn("w:delText"), qn("w:instrText"), _MC_FALLBACK}
_CHARS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_NOTE_TYPES_SKIPPED = {"separator", "continuationSeparator", "continuationNotice"}


def _inline_text(elm) -> str:
    """Text of a paragraph (or any run container) in document order, footnote markers included."""
    parts = []
    for child in elm:
        if child.tag == qn("w:t"):
            parts.append(child.text or "")
        elif child.tag == qn("w:footnoteReference"):
            parts.append(f"[^{child.get(qn('w:id'))}]")
        elif child.tag == qn("w:endnoteReference"):
            parts.append(f"[^e{child.get(qn('w:id'))}]")
        elif child.tag in _CHARS:
            parts.append(_CHARS[child.tag])
        elif child.tag not in _SKIP:
            parts.append(_inline_text(child))  # runs, hyperlinks, insertions, fields, text boxes
    return "".join(parts)


def _cell_text(tc) -> str:
    """A cell's paragraphs joined by spaces so the row stays one line (nested tables included)."""
    return " ".join(_inline_text(p).strip() for p in tc.iter(qn("w:p"))).strip()


def _grid(tbl) -> Grid:
    """The table on its column grid: gridSpan repeated across, vMerge continued from above."""
    rows: list[list[str]] = []
    covered: set[tuple[int, int]] = set()
    for r, tr in enumerate(tbl.iterchildren(qn("w:tr"))):  # a nested table stays in its cell
        before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        row = [""] * (int(before.get(qn("w:val"), "0")) if before is not None else 0)
        for tc in tr.iterchildren(qn("w:tc")):
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            col = len(row)
            if vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue" and rows:
                text = rows[-1][col] if col < len(rows[-1]) else ""
            else:
                text = _cell_text(tc)
            width = int(span.get(qn("w:val"), "1")) if span is not None else 1
            row += [text] * max(width, 1)
            covered |= {(r, c) for c in range(col + 1, col + width)}
        rows.append(row)
    return Grid(rows, covered)


def _table_lines(tbl, before: list[str], number: int) -> list[str]:
    """Row lines; the caption is looked for in the (up to two) lines just above the table."""
    above = [line for line in before[-3:] if line.strip()][-2:]
    title = (caption_title(above) or unit_caption(above[-1])) if above else None
    return table_lines(_grid(tbl), title, f"Bảng {number}")


def _body_lines(body, heading_ids: set[str], counter: list[int] | None = None) -> tuple[list[str], str | None]:
    """Lines of the body in order, and the first heading-styled paragraph (a title candidate)."""
    lines, heading = [], None
    counter = counter if counter is not None else [0]
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_inline_text(child))
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if heading is None and style is not None and style.get(qn("w:val")) in heading_ids:
                heading = lines[-1].strip() or None
        elif child.tag == qn("w:tbl"):
            counter[0] += 1
            lines.extend(_table_lines(child, lines, counter[0]))
        elif child.tag == qn("w:sdt"):  # content control (e.g. a table of contents): unwrap
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                sub_lines, sub_heading = _body_lines(content, heading_ids, counter)
                lines.extend(sub_lines)
                heading = heading or sub_heading
    return lines, heading


def _notes(document, rel_type: str, tag: str, prefix: str) -> dict[str, str]:
    """Note id -> text, from word/footnotes.xml or endnotes.xml; separator pseudo-notes skipped."""
    try:
        part = document.part.part_related_by(rel_type)
    except KeyError:
        return {}
    notes = {}
    for note in parse_xml(part.blob).iterchildren(qn(tag)):
        if note.get(qn("w:type")) in _NOTE_TYPES_SKIPPED:
            continue
        text = "\n".join(_inline_text(p).strip() for p in note.iter(qn("w:p")))
        notes[prefix + note.get(qn("w:id"))] = text.strip()
    return notes


def _footnotes(document) -> dict[str, str]:
    return {
        **_notes(document, RT.FOOTNOTES, "w:footnote", ""),
        **_notes(document, RT.ENDNOTES, "w:endnote", "e"),
    }


def _heading_style_ids(document) -> set[str]:
    """Ids of the Title and Heading N styles (ids are localised, e.g. 'u1'; names are not)."""
    names = [(s.style_id, (s.name or "").lower()) for s in document.styles]
    return {sid for sid, name in names if name == "title" or name.startswith("heading")}


def _open(data: bytes, source: str):
    """Parse the package; any failure means a broken file, whatever layer noticed it."""
    try:
        return docx.Document(io.BytesIO(data))
    # zipfile, zlib, python-docx's OPC layer and lxml each raise their own types on a damaged
    # package (BadZipFile, zlib.error, NotImplementedError, KeyError, XMLSyntaxError...).
    except Exception as err:
        raise DocumentError(source, CORRUPT) from err


def read_docx(data: bytes, path: Path) -> Extracted:
    """One page of unknown number: DOCX pagination depends on the renderer, so none is invented."""
    source = str(path)
    check_ole(data, source, "DOCX")
    document = _open(data, source)
    try:
        lines, heading = _body_lines(document.element.body, _heading_style_ids(document))
        footnotes = _footnotes(document)
    except SyntaxError as err:  # footnotes.xml is parsed only here
        raise DocumentError(source, CORRUPT) from err
    text = "\n".join(lines)
    if not text.strip():
        raise DocumentError(source, EMPTY)

    page = Page(number=None, text=text)
    return Extracted(pages=[page], footnotes=footnotes, heading=heading or first_line(text))
