"""PDF: one page per PDF page, numbered from 1; text layer, tables as rows, scans through OCR.

The text layer comes from pypdf. A page with (almost) no text layer is a scan: it is rendered
with pypdfium2 at 300 dpi and read by OCR, so a PDF mixing typed and scanned pages gets both.
A page that draws ruling lines may hold a table: pdfplumber finds it, and the page is rebuilt
as its text above, the table's rows (format of `tables`), and its text below.
Footnote blocks, running headers and hyphenation stay in the page text; the cleaner owns them.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from assistant.errors import DocumentError
from assistant.ingest.document import Page
from assistant.ingest.loaders.base import Extracted, first_line
from assistant.ingest.loaders.ocr import TARGET_DPI, ocr_pages
from assistant.ingest.loaders.pdftables import ruled_pages, tables_by_page

log = logging.getLogger(__name__)

ENCRYPTED = "PDF được mã hoá"
CORRUPT = "PDF hỏng hoặc không đọc được"


def _open(data: bytes, source: str) -> PdfReader:
    """Parse the file and open it with the empty password, the usual 'restricted' PDF."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise DocumentError(source, f"{ENCRYPTED} (cần mật khẩu để mở)")
        if not reader.pages:
            raise DocumentError(source, f"{CORRUPT} (không có trang nào)")
    except DocumentError:
        raise
    except DependencyError as err:  # AES without the `cryptography` package
        raise DocumentError(source, f"{ENCRYPTED} (thiếu thư viện giải mã: {err})") from err
    # pypdf raises many exception types on malformed input (PdfReadError, ValueError,
    # KeyError, struct errors...); every one of them means the same thing to the user.
    except Exception as err:
        raise DocumentError(source, CORRUPT) from err
    return reader


def _page_texts(reader: PdfReader, source: str) -> list[str]:
    """The text layer of every page; a page that cannot be decoded fails the whole file."""
    texts = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            texts.append(page.extract_text() or "")
        except Exception as err:  # same reasoning as in _open
            raise DocumentError(source, f"{CORRUPT} (trang {number})") from err
    return texts


MIN_TEXT_CHARS = 10  # fewer non-space characters than this: the page is a scan


def _has_image(page) -> bool:
    try:
        return bool(page["/Resources"].get_object().get("/XObject"))
    except Exception:  # no resources or a damaged dictionary: nothing to OCR
        return False


def _is_scan(page, text: str) -> bool:
    """No text layer at all, or a few stray characters over a picture (a stamped scan)."""
    chars = sum(not c.isspace() for c in text)
    return chars == 0 or (chars < MIN_TEXT_CHARS and _has_image(page))


def _rendered(data: bytes, numbers: list[int], source: str):
    """(number, image, dpi) of each page to OCR, rendered one at a time (bounded memory)."""
    import pypdfium2  # imported here: only scanned PDFs need it

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as err:
        raise DocumentError(source, CORRUPT) from err
    try:
        for number in numbers:
            try:
                page = pdf[number - 1]
                image = page.render(scale=TARGET_DPI / 72).to_pil()
                page.close()
            except pypdfium2.PdfiumError as err:
                raise DocumentError(source, f"{CORRUPT} (trang {number})") from err
            yield number, image, TARGET_DPI
    finally:
        pdf.close()


def read_pdf(data: bytes, path: Path) -> Extracted:
    """Pages with their 1-based numbers; scanned pages read by OCR, ruled tables as rows."""
    source = str(path)
    reader = _open(data, source)
    texts = _page_texts(reader, source)
    scans = [n for n, t in enumerate(texts, start=1) if _is_scan(reader.pages[n - 1], t)]
    meta: dict = {}
    if scans:
        log.info("%s: %d of %d pages have no text layer, reading them by OCR", source, len(scans), len(texts))
        try:
            ocr_texts, meta = ocr_pages(_rendered(data, scans, source), source, len(scans))
        except DocumentError as err:
            if len(scans) == len(texts):
                raise
            log.warning("%s: scanned pages %s left empty: %s", source, scans, err.reason)
            ocr_texts = {}
        for number, text in ocr_texts.items():
            texts[number - 1] = text
    typed = [n for n in range(1, len(texts) + 1) if n not in scans]
    for number, text in tables_by_page(data, ruled_pages(reader, typed), source).items():
        texts[number - 1] = text
    pages = [Page(number=n, text=t) for n, t in enumerate(texts, start=1)]
    heading = next((first_line(t) for t in texts if t.strip()), None)
    return Extracted(pages=pages, heading=heading, meta=meta)
