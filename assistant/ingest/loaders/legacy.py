"""Files that look readable but are not what they claim: legacy Vietnamese encodings and OLE.

Before Unicode, Vietnamese was typed in 8-bit fonts: TCVN3/ABC (".VnTime") and VNI
("VNI-Times"). A PDF or DOCX made with them extracts as Latin-1 soup ("B¸o c¸o", "Baùo caùo"),
and indexing that would make every figure's context unreadable, so such text is refused with
a message naming the encoding. Each encoding leaves marks Unicode Vietnamese never has:
TCVN3 the glyph slots "¸µ¶·¹¨©ª«¬®", VNI tone marks written after the vowel ("aù", "oà")
and "ñ" for "đ".

Office files in the old OLE container (magic D0 CF 11 E0) are either password-protected
OOXML (the encrypted package sits inside an OLE file) or a real Word/Excel 97-2003 file
renamed; both are named for what they are.
"""

from __future__ import annotations

import re

from assistant.errors import DocumentError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TCVN3_CHARS = re.compile("[¸µ¶·¹¨©ª«¬®]")
_VNI_MARKS = re.compile("[aeiouyâêô][ùøûõïù]|ñ|Ñ", re.IGNORECASE)
_MIN_HITS = 5
_MIN_SHARE = 0.01  # of the words


def detect_legacy_encoding(text: str) -> str | None:
    """'TCVN3 (ABC)' or 'VNI' when the text looks typed in that legacy font, else None."""
    words = max(len(text.split()), 1)
    for name, pattern in (("TCVN3 (ABC)", _TCVN3_CHARS), ("VNI", _VNI_MARKS)):
        hits = len(pattern.findall(text))
        if hits >= _MIN_HITS and hits / words >= _MIN_SHARE:
            return name
    return None


def legacy_reason(encoding: str) -> str:
    return (
        f"chữ dùng bảng mã cũ {encoding}, không phải Unicode nên tiếng Việt sẽ bị lỗi; "
        "hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi nạp lại"
    )


def check_ole(data: bytes, source: str, kind: str) -> None:
    """Refuse an OLE container handed in as `kind` (DOCX, XLSX) with what it really is."""
    if not data.startswith(OLE_MAGIC):
        return
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise DocumentError(source, f"tệp {kind} được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nạp lại")
    if "WordDocument".encode("utf-16-le") in data:
        raise DocumentError(
            source, "đây là tệp Word 97-2003 (.doc) bị đổi đuôi; hãy mở bằng Word và lưu lại dạng .docx"
        )
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        raise DocumentError(
            source, "đây là tệp Excel 97-2003 (.xls) bị đổi đuôi; hãy đổi lại đuôi .xls hoặc lưu dạng .xlsx"
        )
    raise DocumentError(source, f"tệp Office cũ (định dạng OLE), không phải {kind}")
