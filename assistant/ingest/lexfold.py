"""Small text helpers shared by ingestion and retrieval: diacritics folding and slugs."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Remove Vietnamese diacritics: "tăng trưởng" -> "tang truong", "đ" -> "d"."""
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in nfd if unicodedata.category(c) != "Mn")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
