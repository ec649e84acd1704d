"""Load a report file into a `Document`: raw pages, footnotes, metadata.

Formats: TXT, MD, PDF (text layer, tables, scanned pages through OCR), DOCX (tables,
footnotes, endnotes), XLSX / XLS / ODS sheets, and scanned images (PNG, JPEG, TIFF).

This module owns the checks every format shares (existence, size before reading, emptiness),
the ids and the hash; the format readers only turn bytes into pages. No cleaning happens here:
footnote blocks, page headers and broken lines are left for the cleaner.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from assistant.errors import DocumentError
from assistant.ingest.document import Document, Page
from assistant.ingest.loaders.base import Extracted
from assistant.ingest.loaders.image import read_image
from assistant.ingest.loaders.legacy import detect_legacy_encoding, legacy_reason
from assistant.ingest.loaders.pdf import read_pdf
from assistant.ingest.loaders.spreadsheet import read_ods, read_xls, read_xlsx
from assistant.ingest.loaders.text import read_text
from assistant.ingest.loaders.word import read_docx

__all__ = ["SUPPORTED_EXTENSIONS", "load_document"]

_READERS: dict[str, Callable[[bytes, Path], Extracted]] = {
    ".docx": read_docx,
    ".jpeg": read_image,
    ".jpg": read_image,
    ".md": read_text,
    ".ods": read_ods,
    ".pdf": read_pdf,
    ".png": read_image,
    ".tif": read_image,
    ".tiff": read_image,
    ".txt": read_text,
    ".xls": read_xls,
    ".xlsm": read_xlsx,
    ".xlsx": read_xlsx,
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(sorted(_READERS))
DEFAULT_MAX_BYTES = 100 * 2**20
_TITLE_MAX = 200


def load_document(
    path: Path, meta: dict | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read one file; `meta` (a manifest entry) supplies doc_id and title when it has them.

    Raises DocumentError with a one-line Vietnamese reason for any file a user could hand us
    that cannot be read: missing, unsupported, too big, empty, corrupt, encrypted, scanned.
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    if meta is not None and not isinstance(meta, dict):
        raise ValueError(f"meta must be a dict, got {type(meta).__name__}")
    path = Path(path)
    reader = _reader_for(path)
    data = _read_bounded(path, max_bytes)
    if not data.strip():
        raise DocumentError(str(path), "tệp rỗng")
    extracted = reader(data, path)
    pages = [Page(p.number, _nfc(p.text)) for p in extracted.pages]
    if not any(p.text.strip() for p in pages):
        raise DocumentError(str(path), "tệp rỗng")
    encoding = detect_legacy_encoding("\n".join(p.text for p in pages))
    if encoding is not None:
        raise DocumentError(str(path), legacy_reason(encoding))
    meta = {**extracted.meta, **dict(meta or {})}
    sha256 = hashlib.sha256(data).hexdigest()
    return Document(
        doc_id=meta.get("doc_id") or _slug(path.stem) or f"doc-{sha256[:12]}",
        title=_nfc(meta.get("title") or extracted.heading or path.stem)[:_TITLE_MAX],
        source_file=path.name,
        sha256=sha256,
        pages=pages,
        footnotes={k: _nfc(v) for k, v in extracted.footnotes.items()},
        meta=meta,
    )


def _reader_for(path: Path) -> Callable[[bytes, Path], Extracted]:
    """The reader for the file's extension (case-insensitive), after checking the file exists."""
    if not path.exists():
        raise DocumentError(str(path), "không tìm thấy tệp")
    if not path.is_file():
        raise DocumentError(str(path), "không phải là tệp")
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        shown = path.suffix or "(không có phần mở rộng)"
        raise DocumentError(str(path), f"định dạng {shown} không được hỗ trợ (hỗ trợ: {supported})")
    return reader


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing before reading anything when it is over `max_bytes`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(str(path), _too_big(size, max_bytes))
        with path.open("rb") as f:
            data = _read_upto(f, max_bytes + 1)  # +1: notices a file that grew after stat()
    except OSError as err:
        raise DocumentError(str(path), f"không đọc được tệp ({err.strerror or err})") from err
    if len(data) > max_bytes:
        raise DocumentError(str(path), _too_big(len(data), max_bytes))
    return data


def _read_upto(f, limit: int, block: int = 1 << 20) -> bytes:
    """At most `limit` bytes, in blocks: `read(n)` allocates n bytes up front, so a large limit
    must never be passed to it whole."""
    parts: list[bytes] = []
    total = 0
    while total < limit:
        part = f.read(min(block, limit - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def _too_big(size: int, limit: int) -> str:
    return f"tệp quá lớn: {_human_size(size)} (giới hạn {_human_size(limit)})"


def _human_size(n: int) -> str:
    """Sizes as a Vietnamese reader writes them: "1,5 MB", "812 byte"."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f}".replace(".", ",").removesuffix(",0") + f" {unit}"
    return f"{n} byte"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _slug(name: str) -> str:
    """ASCII id from a file name: "Báo cáo 6 tháng (2024)" -> "bao-cao-6-thang-2024"."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")
