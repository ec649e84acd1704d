"""Files as they really arrive: DOCX endnotes, legacy TCVN3/VNI fonts, a renamed Word 97 .doc,
a 500-page PDF. Each refusal is one line naming the file; nothing else is lost."""

from __future__ import annotations

import io
import logging
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from assistant.errors import DocumentError
from assistant.ingest.loaders import load_document
from assistant.ingest.loaders.legacy import OLE_MAGIC, detect_legacy_encoding
from assistant.ingest.pipeline import document_chunks

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# What text typed in the legacy fonts extracts as (the same sentence, three ways).
UNICODE = "Báo cáo tình hình kinh tế - xã hội năm 2024: tăng trưởng đạt 13,96%, thu ngân sách đạt kế hoạch."
TCVN3 = "B¸o c¸o t×nh h×nh kinh tÕ - x· héi n¨m 2024: t¨ng tr­ëng ®¹t 13,96%, thu ng©n s¸ch ®¹t kÕ ho¹ch."
VNI = "Baùo caùo tình hình kinh teá - xaõ hoäi naêm 2024: taêng tröôûng ñaït 13,96%, thu ngaân saùch ñaït keá hoaïch."


def test_docx_endnotes_are_attached_like_footnotes(tmp_path):
    document = docx.Document()
    p = document.add_paragraph("Kim ngạch xuất khẩu đạt 13,5 tỷ USD")
    p._p.append(docx.oxml.parse_xml(f'<w:r xmlns:w="{W_NS}"><w:endnoteReference w:id="1"/></w:r>'))
    p.add_run(", tăng 11,2% so cùng kỳ.")
    buffer = io.BytesIO()
    document.save(buffer)
    endnotes = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:endnotes xmlns:w="{W_NS}">'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:id="1"><w:p><w:r><w:t>Theo số liệu của Cục Hải quan.</w:t></w:r></w:p></w:endnote>'
        "</w:endnotes>"
    ).encode()
    src, out = zipfile.ZipFile(io.BytesIO(buffer.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdEnd" Target="endnotes.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"/></Relationships>')
            dst.writestr(item, data)
        dst.writestr("word/endnotes.xml", endnotes)
    path = tmp_path / "cuoi-trang.docx"
    path.write_bytes(out.getvalue())
    doc = load_document(path)
    assert doc.footnotes == {"e1": "Theo số liệu của Cục Hải quan."}
    assert "13,5 tỷ USD[^e1], tăng" in doc.pages[0].text
    chunks = document_chunks(path, None)
    assert chunks[0].text == "Kim ngạch xuất khẩu đạt 13,5 tỷ USD, tăng 11,2% so cùng kỳ."
    assert chunks[0].footnotes == ("[Chú thích e1] Theo số liệu của Cục Hải quan.",)


@pytest.mark.parametrize("text, name", [(TCVN3, "TCVN3 (ABC)"), (VNI, "VNI"), (UNICODE, None)])
def test_legacy_encodings_are_detected(text, name):
    assert detect_legacy_encoding(text * 2) == name


def test_pdf_typed_in_tcvn3_is_refused_naming_the_encoding(tmp_path):
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, (TCVN3 + " ") * 3)
    pdf.output(str(tmp_path / "vntime.pdf"))
    with pytest.raises(DocumentError) as excinfo:
        load_document(tmp_path / "vntime.pdf")
    assert "TCVN3" in excinfo.value.reason and "\n" not in str(excinfo.value)


def test_docx_typed_in_vni_is_refused_naming_the_encoding(tmp_path):
    document = docx.Document()
    for _ in range(3):
        document.add_paragraph(VNI)
    document.save(str(tmp_path / "vni.docx"))
    with pytest.raises(DocumentError) as excinfo:
        load_document(tmp_path / "vni.docx")
    assert "bảng mã cũ VNI" in excinfo.value.reason


def test_seeds_are_not_taken_for_legacy_text():
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    for path in corpus.glob("*.txt"):
        assert detect_legacy_encoding(path.read_text("utf-8")) is None, path.name


def _fake_ole(stream_name: str) -> bytes:
    """An OLE compound file header and a directory entry naming `stream_name`."""
    return OLE_MAGIC + b"\x00" * 504 + stream_name.encode("utf-16-le") + b"\x00" * 1024


def test_doc_renamed_docx_is_named(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(_fake_ole("WordDocument"))
    with pytest.raises(DocumentError) as excinfo:
        load_document(path)
    assert excinfo.value.reason.startswith("đây là tệp Word 97-2003 (.doc) bị đổi đuôi")


def test_500_page_pdf_loads_with_progress_free_bounded_memory(tmp_path, caplog):
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    for n in range(1, 501):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Trang {n}: huyện thứ {n} có {n * 7} hộ thoát nghèo trong năm 2024.")
    pdf.output(str(tmp_path / "dai.pdf"))
    tracemalloc.start()
    started = time.time()
    try:
        with caplog.at_level(logging.INFO):
            doc = load_document(tmp_path / "dai.pdf")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(doc.pages) == 500 and doc.pages[499].number == 500
    assert "3.500" not in doc.pages[499].text and "3500 hộ" in doc.pages[499].text
    assert peak < 300 * 2**20
    assert time.time() - started < 300
