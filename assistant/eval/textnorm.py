"""Text normalisation shared by the eval checker and the eval metrics.

Two strengths, on purpose:
- `normalize` is what an evidence span is written against: NFC, `[bookmark: …]` residue removed,
  every run of whitespace (including the line breaks and blank lines of the PDF extraction)
  collapsed to one space. The checker proves each evidence span against the source this way.
- `match_key` additionally drops all whitespace and case, so that the same span is found in a
  chunk whatever the cleaner did with line ends ("2021-\\n2025" may become "2021-2025").
"""

from __future__ import annotations

import re
import unicodedata

_NOISE_RE = re.compile(r"\[bookmark:[^\]]*\]")
_WS_RE = re.compile(r"\s+")
# Blanks a draft leaves for a figure: "…", "...", "….", "......."
BLANK_RE = re.compile(r"(?:…|\.{3,})+\.*")


def normalize(text: str) -> str:
    """NFC, no bookmark residue, whitespace collapsed to single spaces, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = _NOISE_RE.sub("", text)
    return _WS_RE.sub(" ", text).strip()


def match_key(text: str) -> str:
    """A whitespace- and case-insensitive key: `normalize`, then casefold, then no spaces."""
    return _WS_RE.sub("", normalize(text).casefold())


def contains(haystack: str, needle: str) -> bool:
    """True if `needle` occurs in `haystack` up to whitespace and case."""
    key = match_key(needle)
    return bool(key) and key in match_key(haystack)


def normalize_blanks(text: str) -> str:
    """Map every kind of blank ("…", "....", "….") to one "…" so blank spans compare equal."""
    return BLANK_RE.sub("…", text)


def loose_key(text: str) -> str:
    """`match_key` without diacritics or dashes: "Hoà Bình" ~ "Hòa Bình", "Song Khê – Nội Hoàng"."""
    nfd = unicodedata.normalize("NFD", match_key(text).replace("đ", "d"))
    return re.sub(r"[-–—]", "", "".join(c for c in nfd if unicodedata.category(c) != "Mn"))


def contains_loose(haystack: str, needle: str) -> bool:
    """True if `needle` occurs in `haystack` up to whitespace, case, diacritics and dashes."""
    key = loose_key(needle)
    return bool(key) and key in loose_key(haystack)
