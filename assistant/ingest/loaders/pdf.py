"""PDF through pypdf: one page per PDF page, numbered from 1, with the text layer as extracted.

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

log = logging.getLogger(__name__)

ENCRYPTED = "PDF được mã hoá"
CORRUPT = "PDF hỏng hoặc không đọc được"
SCANNED = "PDF không có lớp văn bản (bản quét), cần OCR"


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


def read_pdf(data: bytes, path: Path) -> Extracted:
    """Pages with their 1-based numbers; rejects files whose pages carry no text at all."""
    source = str(path)
    texts = _page_texts(_open(data, source), source)
    if not any(t.strip() for t in texts):
        raise DocumentError(source, SCANNED)
    blank = [n for n, t in enumerate(texts, start=1) if not t.strip()]
    if blank:
        log.warning("%s: pages without a text layer (scanned?): %s", source, blank)
    pages = [Page(number=n, text=t) for n, t in enumerate(texts, start=1)]
    heading = next((first_line(t) for t in texts if t.strip()), None)
    return Extracted(pages=pages, heading=heading)
