"""load_document: every supported format, and every way a user's file can fail to load."""

from __future__ import annotations

import hashlib
import json
import logging
import random
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest

from assistant.errors import DocumentError
from assistant.ingest.document import Page
from assistant.ingest.loaders import SUPPORTED_EXTENSIONS, load_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEED_TEXT = (
    "TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024 \n\n"
    "Tăng trưởng kinh tế đạt 13,96 % và 14,31%2; tính \n\n"
    "                                           \n"
    "2 Quý I: sau tỉnh Trà Vinh.\n"
)


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letter (â, ơ, ư...) + combining tone."""
    out = b""
    for ch in text:
        nfd = unicodedata.normalize("NFD", ch)
        # Compose the base with one of its marks (the one cp1258 has precomposed), keep the rest.
        forms = [ch, nfd] + [
            unicodedata.normalize("NFC", nfd[0] + nfd[i]) + nfd[1:i] + nfd[i + 1 :]
            for i in range(1, len(nfd))
        ]
        encodable = [f for f in forms if all(c in _CP1258_CHARS for c in f)]
        out += encodable[0].encode("cp1258")
    return out


_CP1258_CHARS = set(bytes(range(256)).decode("cp1258", errors="ignore"))


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def reason_of(excinfo: pytest.ExceptionInfo[DocumentError]) -> str:
    """The user-facing reason; it must be one line, as the CLI prints it as such."""
    assert "\n" not in str(excinfo.value)
    return excinfo.value.reason


# --- text files -------------------------------------------------------------------------------


def test_txt_is_one_unnumbered_page_with_text_untouched(tmp_path):
    data = SEED_TEXT.encode()
    doc = load_document(write(tmp_path / "Báo cáo 6 tháng (2024).txt", data))
    assert doc.pages == [Page(number=None, text=SEED_TEXT)]  # blank lines, footnote block kept
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.doc_id == "bao-cao-6-thang-2024"
    assert doc.title == "TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024"
    assert doc.source_file == "Báo cáo 6 tháng (2024).txt"
    assert doc.footnotes == {} and doc.meta == {}


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeff".encode() + SEED_TEXT.encode(),
        SEED_TEXT.encode("utf-16"),  # with the platform's BOM
        b"\xff\xfe" + SEED_TEXT.encode("utf-16-le"),
        b"\xfe\xff" + SEED_TEXT.encode("utf-16-be"),
    ],
    ids=["utf8-bom", "utf16", "utf16le-bom", "utf16be-bom"],
)
def test_txt_encodings_with_bom_decode_to_the_same_text(tmp_path, encoded):
    doc = load_document(write(tmp_path / "a.txt", encoded))
    assert doc.pages[0].text == SEED_TEXT
    assert doc.sha256 == hashlib.sha256(encoded).hexdigest()  # hash of raw bytes, BOM included


@pytest.mark.parametrize(
    "data",
    [
        cp1258("Báo cáo tình hình kinh tế - xã hội năm 2024, đạt 13,96%"),
        "Café, résumé, naïve, Latin-1".encode("latin-1"),
        SEED_TEXT.encode("utf-16-le"),  # UTF-16 without a BOM
    ],
    ids=["cp1258", "latin1", "utf16-no-bom"],
)
def test_txt_not_utf8_is_refused_with_a_hint(tmp_path, data):
    with pytest.raises(DocumentError) as excinfo:
        load_document(write(tmp_path / "cu.txt", data))
    assert reason_of(excinfo) == (
        "không đọc được: tệp văn bản không phải UTF-8 (hãy lưu lại dạng UTF-8)"
    )


def test_cp1258_fixture_is_real_windows_1258():
    text = "Báo cáo tình hình kinh tế - xã hội năm 2024, đạt 13,96%"
    data = cp1258(text)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_text_is_nfc_normalised(tmp_path):
    nfd = unicodedata.normalize("NFD", "Kết quả đạt được\nTăng trưởng 13,96%")
    doc = load_document(write(tmp_path / "nfd.txt", nfd.encode()))
    assert doc.pages[0].text == "Kết quả đạt được\nTăng trưởng 13,96%"
    assert doc.title == "Kết quả đạt được"
    assert unicodedata.is_normalized("NFC", doc.pages[0].text)


def test_crlf_line_endings_become_newlines(tmp_path):
    doc = load_document(write(tmp_path / "win.txt", b"Dong 1\r\n\r\nDong 2\rDong 3"))
    assert doc.pages[0].text == "Dong 1\n\nDong 2\nDong 3"


def test_markdown_title_drops_the_hashes(tmp_path):
    doc = load_document(write(tmp_path / "ghi-chu.md", "\n# Ghi chú họp\n\nNội dung.".encode()))
    assert doc.title == "Ghi chú họp"
    assert doc.pages[0].text == "\n# Ghi chú họp\n\nNội dung."


def test_meta_gives_id_and_title_and_is_kept(tmp_path):
    meta = {"doc_id": "bc-ktxh-6t-2024", "title": "Báo cáo KT-XH", "period": "6 tháng đầu năm 2024"}
    doc = load_document(write(tmp_path / "x.txt", SEED_TEXT.encode()), meta=meta)
    assert (doc.doc_id, doc.title) == ("bc-ktxh-6t-2024", "Báo cáo KT-XH")
    assert doc.meta == meta and doc.meta is not meta


def test_real_seed_matches_its_manifest_hash():
    entry = json.loads((CORPUS / "manifest.json").read_text("utf-8"))["documents"][0]
    doc = load_document(CORPUS / entry["source_file"], meta=entry)
    assert doc.sha256 == entry["sha256"]
    assert doc.doc_id == entry["doc_id"]
    assert doc.pages[0].number is None and len(doc.pages) == 1
    assert "13,96" in doc.pages[0].text


# --- checks shared by all formats ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data",
    [
        ("a.txt", b""),
        ("b.txt", b"  \n\t\r\n"),
        ("c.txt", b"\xef\xbb\xbf"),
        ("d.md", b"\n\n"),
        ("e.pdf", b""),
        ("f.docx", b""),
    ],
)
def test_empty_files_are_refused(tmp_path, name, data):
    with pytest.raises(DocumentError) as excinfo:
        load_document(write(tmp_path / name, data))
    assert reason_of(excinfo) == "tệp rỗng"


def test_file_over_the_limit_is_refused_with_its_size(tmp_path):
    with pytest.raises(DocumentError) as excinfo:
        load_document(write(tmp_path / "big.txt", b"x" * 2048), max_bytes=1000)
    assert reason_of(excinfo) == "tệp quá lớn: 2 KB (giới hạn 1000 byte)"


def test_file_at_the_limit_is_read(tmp_path):
    doc = load_document(write(tmp_path / "ok.txt", b"x" * 1000), max_bytes=1000)
    assert doc.pages[0].text == "x" * 1000


def test_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "khong-lo.txt"
    with huge.open("wb") as f:
        f.truncate(200 * 2**20)  # sparse: 200 MB on paper, nothing on disk
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as excinfo:
            load_document(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert reason_of(excinfo) == "tệp quá lớn: 200 MB (giới hạn 100 MB)"
    assert peak < 2**20  # reading even the first 100 MB would have allocated them


@pytest.mark.parametrize("name", ["bang.numbers", "cu.doc", "khong-duoi"])
def test_unsupported_extension_lists_the_supported_ones(tmp_path, name):
    with pytest.raises(DocumentError) as excinfo:
        load_document(write(tmp_path / name, b"du lieu"))
    assert "không được hỗ trợ" in reason_of(excinfo)
    assert "(hỗ trợ: .docx, .jpeg, .jpg, .md, .ods, .pdf, .png, .tif, .tiff, .txt, .xls, .xlsm, .xlsx)" in reason_of(excinfo)
    assert SUPPORTED_EXTENSIONS == (
        ".docx", ".jpeg", ".jpg", ".md", ".ods", ".pdf", ".png", ".tif", ".tiff", ".txt", ".xls", ".xlsm", ".xlsx"
    )


def test_missing_file_and_directory_are_refused(tmp_path):
    with pytest.raises(DocumentError) as excinfo:
        load_document(tmp_path / "khong-co.pdf")
    assert reason_of(excinfo) == "không tìm thấy tệp"
    assert excinfo.value.path == str(tmp_path / "khong-co.pdf")
    (tmp_path / "thu-muc.txt").mkdir()
    with pytest.raises(DocumentError, match="không phải là tệp"):
        load_document(tmp_path / "thu-muc.txt")


@pytest.mark.parametrize("kwargs", [{"max_bytes": 0}, {"meta": ["bc-ktxh-2022"]}])
def test_bad_arguments_are_value_errors(tmp_path, kwargs):
    with pytest.raises(ValueError):
        load_document(write(tmp_path / "a.txt", b"abc"), **kwargs)


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_pages_are_numbered_and_keep_their_text(text_pdf, pdf_pages):
    doc = load_document(text_pdf)
    assert [p.number for p in doc.pages] == [1, 2]
    words = [p.replace("^", "").split() for p in pdf_pages]
    assert [p.text.split() for p in doc.pages] == words  # every Vietnamese glyph read back
    assert "so cùng kỳ8, đứng" in doc.pages[0].text  # superscript marker glued, as in seeds
    assert "\n8 Số liệu ước tính" in doc.pages[0].text  # footnote block left for the cleaner
    assert doc.title == "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024"
    assert doc.doc_id == "bao-cao" and doc.footnotes == {}
    assert doc.sha256 == hashlib.sha256(text_pdf.read_bytes()).hexdigest()


def test_pdf_extension_is_case_insensitive(tmp_path, text_pdf):
    doc = load_document(write(tmp_path / "BAO-CAO.PDF", text_pdf.read_bytes()))
    assert len(doc.pages) == 2


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_with_a_user_password_is_refused(tmp_path, text_pdf, pdf_encrypter, algorithm):
    locked = pdf_encrypter(text_pdf, tmp_path / "khoa.pdf", "mat-khau", algorithm)
    with pytest.raises(DocumentError) as excinfo:
        load_document(locked)
    assert reason_of(excinfo).startswith("PDF được mã hoá")


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_restricted_by_owner_password_only_opens(tmp_path, text_pdf, pdf_encrypter, algorithm):
    restricted = pdf_encrypter(text_pdf, tmp_path / "han-che.pdf", "", algorithm)
    assert load_document(restricted).pages == load_document(text_pdf).pages


@pytest.mark.parametrize("pages", [[None], [None, None]], ids=["image", "two-images"])
def test_pdf_without_text_layer_is_ocred_and_blank_scans_refused(tmp_path, pdf_maker, pages):
    # Scanned pages are read by OCR (tests/ingest/test_formats_ocr.py); a grey picture has no text.
    with pytest.raises(DocumentError) as excinfo:
        load_document(pdf_maker(tmp_path / "scan.pdf", pages))
    assert reason_of(excinfo) == "không nhận ra chữ nào trong ảnh (OCR)"


def test_pdf_with_some_scanned_pages_keeps_them_empty_and_warns(tmp_path, pdf_maker, caplog):
    path = pdf_maker(tmp_path / "mixed.pdf", ["Trang một có chữ.", None, "Trang ba."])
    with caplog.at_level(logging.WARNING):
        doc = load_document(path)
    assert [(p.number, p.text.strip()) for p in doc.pages] == [
        (1, "Trang một có chữ."),
        (2, ""),
        (3, "Trang ba."),
    ]
    assert "[2]" in caplog.text


@pytest.mark.parametrize("fraction", [0.2, 0.6, 0.95])
def test_truncated_pdf_is_corrupt(tmp_path, text_pdf, fraction):
    data = text_pdf.read_bytes()
    with pytest.raises(DocumentError) as excinfo:
        load_document(write(tmp_path / "cut.pdf", data[: int(len(data) * fraction)]))
    assert reason_of(excinfo).startswith("PDF hỏng hoặc không đọc được")


def test_non_pdf_bytes_are_corrupt(tmp_path):
    with pytest.raises(DocumentError) as excinfo:
        load_document(write(tmp_path / "gia.pdf", "Đây không phải PDF".encode()))
    assert reason_of(excinfo).startswith("PDF hỏng hoặc không đọc được")


# --- DOCX --------------------------------------------------------------------------------------


def test_docx_fixture_stores_a_real_footnote(report_docx):
    with zipfile.ZipFile(report_docx) as z:
        assert "word/footnotes.xml" in z.namelist()
        assert b"footnotes+xml" in z.read("[Content_Types].xml")
        assert b"relationships/footnotes" in z.read("word/_rels/document.xml.rels")
        assert b'<w:footnoteReference w:id="1"/>' in z.read("word/document.xml")


def test_docx_keeps_order_headings_tables_and_footnote_markers(report_docx, docx_notes):
    doc = load_document(report_docx)
    assert doc.pages[0].number is None and len(doc.pages) == 1
    assert doc.pages[0].text.split("\n") == [
        "UBND TỈNH BẮC GIANG",
        "Báo cáo kinh tế - xã hội 6 tháng đầu năm 2024",
        "Tăng trưởng kinh tế (GRDP) đạt 13,96% so cùng kỳ[^1], đứng thứ hai cả nước.",
        "Bảng 1 — Chỉ tiêu: GRDP[^2] | Đơn vị: % | 6 tháng 2024: 13,96",  # tables.py row format
        "Nhiệm vụ 6 tháng cuối năm",
        "Phấn đấu thu ngân sách đạt 100% dự toán.",
    ]
    assert doc.footnotes == docx_notes  # separators (ids -1, 0) are not footnotes
    assert doc.title == "Báo cáo kinh tế - xã hội 6 tháng đầu năm 2024"  # first heading
    assert doc.doc_id == "bao-cao-6-thang"


def test_docx_without_footnotes_or_headings(tmp_path, docx_maker):
    doc = load_document(docx_maker(tmp_path / "don-gian.docx", ["Dòng đầu", "", "Dòng hai"]))
    assert doc.pages[0].text == "Dòng đầu\n\nDòng hai"
    assert doc.footnotes == {} and doc.title == "Dòng đầu"


def test_docx_nested_table_stays_inside_its_cell(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Huyện"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Lục Nam", "12,5%"
    document.save(tmp_path / "long.docx")
    assert load_document(tmp_path / "long.docx").pages[0].text == "Huyện | Lục Nam 12,5%"


def test_docx_with_no_text_is_empty(tmp_path, docx_maker):
    with pytest.raises(DocumentError) as excinfo:
        load_document(docx_maker(tmp_path / "trong.docx", ["", "  "]))
    assert reason_of(excinfo).startswith("tệp rỗng")


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("damage", ["truncated", "not-a-zip", "zip-without-word", "bad-xml"])
def test_corrupt_docx_is_refused(tmp_path, report_docx, damage):
    data = report_docx.read_bytes()
    path = tmp_path / "hong.docx"
    if damage == "truncated":
        write(path, data[: len(data) // 2])
    elif damage == "not-a-zip":
        write(path, b"PK\x03\x04 khong phai zip")
    elif damage == "zip-without-word":
        _zip(path, {"readme.txt": b"hello"})
    else:
        with zipfile.ZipFile(report_docx) as z:
            files = {n: z.read(n) for n in z.namelist()}
        files["word/document.xml"] = files["word/document.xml"][:-40]
        _zip(path, files)
    with pytest.raises(DocumentError) as excinfo:
        load_document(path)
    assert reason_of(excinfo) == "DOCX hỏng hoặc không đọc được"


@pytest.mark.parametrize("fixture", ["text_pdf", "report_docx"])
def test_damaged_files_fail_only_with_document_error(tmp_path, request, fixture):
    """Random byte damage (seeded): the loader returns a Document or a DocumentError, never
    a library's own exception (zlib.error, KeyError, struct.error...)."""
    source: Path = request.getfixturevalue(fixture)
    data, rng, refused = source.read_bytes(), random.Random(1258), 0
    for _ in range(80):
        damaged = bytearray(data)
        for _ in range(rng.choice([1, 5, 50])):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            load_document(write(tmp_path / source.name, bytes(damaged)))
        except DocumentError as err:
            assert "\n" not in str(err)
            refused += 1
    assert refused > 10  # the damage is real, not absorbed by the fixture
