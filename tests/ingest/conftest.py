"""Fixture files for the loader tests, built at test time so nothing binary is committed.

PDFs are drawn with fpdf2 and the DejaVu Sans TTF (Debian `fonts-dejavu-core`), embedded as a
Type0 font with a ToUnicode map like Word's own PDF export, so pypdf reads Vietnamese back.
The DOCX gets a real footnote the way Word stores one: a `w:footnoteReference` run in the body,
plus word/footnotes.xml, its relationship and its content-type override in the package.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from fpdf import FPDF
from PIL import Image
from pypdf import PdfWriter

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Copies the real seeds: a footnote marker drawn as superscript ("^8") that pypdf glues to the
# word ("kỳ8"), a footnote block after a line of spaces at the foot of page 1, and a sentence
# broken across the page boundary.
PDF_PAGE_1 = (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024\n"
    "Tăng trưởng kinh tế (GRDP) đạt 13,96% so cùng kỳ^8, đứng thứ hai cả nước. Tổng thu\n"
    "                                           \n"
    "^8 Số liệu ước tính của Cục Thống kê tỉnh Bắc Giang."
)
PDF_PAGE_2 = "ngân sách nhà nước ước đạt 7.345,2 tỷ đồng, bằng 54,1% dự toán Trung ương giao."


def _new_pdf() -> FPDF:
    if not FONT.exists():
        raise RuntimeError(f"{FONT} is missing: apt-get install fonts-dejavu-core")
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    return pdf


def _add_text_page(pdf: FPDF, text: str) -> None:
    """Flowing text; "^8" is drawn as a superscript 8, the way Word draws a footnote marker."""
    pdf.add_page()
    for i, part in enumerate(re.split(r"\^(\d+)", text)):
        pdf.char_vpos = "SUP" if i % 2 else "LINE"
        pdf.write(6, part)


def _add_image_page(pdf: FPDF) -> None:
    """A page that is only a picture, like a scanner's output."""
    pdf.add_page()
    pdf.image(Image.new("L", (60, 80), color=200), x=20, y=20, w=120)


def make_pdf(path: Path, pages: list[str | None]) -> Path:
    """A PDF with one page per item: a string is drawn as text, None is an image-only page."""
    pdf = _new_pdf()
    for text in pages:
        _add_text_page(pdf, text) if text is not None else _add_image_page(pdf)
    pdf.output(str(path))
    return path


def make_encrypted_pdf(src: Path, path: Path, user_password: str, algorithm: str) -> Path:
    writer = PdfWriter(clone_from=src)
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm=algorithm)
    with path.open("wb") as f:
        writer.write(f)
    return path


def _footnote_xml(notes: dict[str, str]) -> bytes:
    """word/footnotes.xml with Word's two separator pseudo-notes and the given notes."""
    body = "".join(
        f'<w:footnote w:id="{nid}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
        "</w:p></w:footnote>"
        for nid, text in notes.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:footnote>{body}</w:footnotes>"
    ).encode()


def footnote_ref(paragraph, note_id: str) -> None:
    """Append a superscript `w:footnoteReference` run to a python-docx paragraph."""
    run = parse_xml(
        f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )
    paragraph._p.append(run)


_FOOTNOTES_OVERRIDE = (
    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
)
_FOOTNOTES_REL = (
    b'<Relationship Id="rIdFootnotes" Target="footnotes.xml" Type="http://schemas.openxmlformats'
    b'.org/officeDocument/2006/relationships/footnotes"/>'
)


def add_footnotes_part(docx_bytes: bytes, notes: dict[str, str]) -> bytes:
    """Add word/footnotes.xml, its relationship and its content type to a saved package."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", _FOOTNOTES_OVERRIDE + b"</Types>")
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", _FOOTNOTES_REL + b"</Relationships>")
            dst.writestr(item, data)
        dst.writestr("word/footnotes.xml", _footnote_xml(notes))
    return out.getvalue()


DOCX_NOTES = {
    "1": "Số liệu ước tính của Cục Thống kê tỉnh.",
    "2": "Theo giá so sánh năm 2010.",
}


def make_report_docx(path: Path) -> Path:
    """A small report: heading, a paragraph with footnote 1, a table whose cell has footnote 2."""
    document = docx.Document()
    document.add_paragraph("UBND TỈNH BẮC GIANG")
    document.add_heading("Báo cáo kinh tế - xã hội 6 tháng đầu năm 2024", level=1)
    paragraph = document.add_paragraph("Tăng trưởng kinh tế (GRDP) đạt 13,96% so cùng kỳ")
    footnote_ref(paragraph, "1")
    paragraph.add_run(", đứng thứ hai cả nước.")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Chỉ tiêu", "Đơn vị", "6 tháng 2024"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["GRDP", "%", "13,96"], strict=True):
        cell.text = text
    footnote_ref(table.rows[1].cells[0].paragraphs[0], "2")
    document.add_heading("Nhiệm vụ 6 tháng cuối năm", level=2)
    document.add_paragraph("Phấn đấu thu ngân sách đạt 100% dự toán.")
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(add_footnotes_part(buffer.getvalue(), DOCX_NOTES))
    return path


def make_plain_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


# Test modules cannot import a conftest reliably, so builders and texts are served as fixtures.


@pytest.fixture(scope="session")
def pdf_pages() -> tuple[str, str]:
    return PDF_PAGE_1, PDF_PAGE_2


@pytest.fixture(scope="session")
def text_pdf(tmp_path_factory) -> Path:
    """Two pages of Vietnamese text (PDF_PAGE_1, PDF_PAGE_2)."""
    return make_pdf(tmp_path_factory.mktemp("pdf") / "bao-cao.pdf", [PDF_PAGE_1, PDF_PAGE_2])


@pytest.fixture(scope="session")
def report_docx(tmp_path_factory) -> Path:
    return make_report_docx(tmp_path_factory.mktemp("docx") / "Báo cáo 6 tháng.docx")


@pytest.fixture(scope="session")
def docx_notes() -> dict[str, str]:
    return dict(DOCX_NOTES)


@pytest.fixture
def pdf_maker():
    return make_pdf


@pytest.fixture
def pdf_encrypter():
    return make_encrypted_pdf


@pytest.fixture
def docx_maker():
    return make_plain_docx
