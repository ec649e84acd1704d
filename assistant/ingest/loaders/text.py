"""Plain text and Markdown: decode the bytes, keep the text as one page of unknown number.

Only UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted. Guessing a legacy code
page (Windows-1258, TCVN3, Latin-1) silently garbles Vietnamese diacritics, and a garbled
figure's context is worse than a clear refusal, so anything else is rejected.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from assistant.errors import DocumentError
from assistant.ingest.document import Page
from assistant.ingest.loaders.base import Extracted, first_line

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
    heading = first_line(text)
    if heading is not None and path.suffix.lower() == ".md":
        heading = heading.lstrip("#").strip() or None
    return Extracted(pages=[Page(number=None, text=text)], heading=heading)
