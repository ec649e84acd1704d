"""Small text helpers shared by ingestion and retrieval: diacritics folding and slugs."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Remove Vietnamese diacritics: "tăng trưởng" -> "tang truong", "đ" -> "d"."""
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in nfd if unicodedata.category(c) != "Mn")


# The capital letters of Vietnamese for a regex class ("[" + UPPER + "]"): a range like "À-Ỹ"
# also spans the small letters ("đ", "ư", "ả" …), so a name test built on it takes "được" as a name.
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha())


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


# Old and new tone placement write the same syllable two ways ("hoá" / "hóa", "thuỷ" / "thủy").
_TONE_MOVES = {}
for _plain, _marked in (("a", "áàảãạ"), ("e", "éèẻẽẹ"), ("y", "ýỳỷỹỵ")):
    for _i, _ch in enumerate(_marked):
        _on_o = "óòỏõọ"[_i]
        _on_u = "úùủũụ"[_i]
        if _plain in "ae":
            _TONE_MOVES["o" + _ch] = _on_o + _plain
        if _plain == "y":
            _TONE_MOVES["u" + _ch] = _on_u + _plain
# "qu" is one consonant: "quý" keeps its mark
# Only an open rime moves its mark ("hoá" / "hóa"); "hoạch", "thuyết" have one spelling.
_TONE_RE = re.compile("(?:" + "|".join(("(?<!q)" if k[0] == "u" else "") + k for k in _TONE_MOVES) + r")(?![^\W\d_])")


def normalize_tone(word: str) -> str:
    """New-style tone placement for a lower-case syllable: "hoá" -> "hóa", "thuỷ" -> "thủy"."""
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(0)], word)
