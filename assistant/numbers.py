"""Vietnamese number notation: find, parse and compare the figures written in text.

Vietnamese writes "315.145" for 315145 and "13,96" for 13.96. Every check that a figure is
supported by a passage, and every eval metric, rests on this module, so it is strict: a dot
is a thousands separator only before groups of exactly three digits, otherwise it is read as
a decimal point (a model writing "14.2" for "14,2" means the same value).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# A date like 30/6/2024 or 6/2024, or a ratio like 35/55, is one token, not several numbers.
_DATE = r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|\d{1,4}/\d{1,4}"
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?:\.\d+)?"
NUMBER_RE = re.compile(rf"(?<![\d.,/])(?:(?P<date>{_DATE})|(?P<num>{_NUM}))(?![\d/])")

SCALES = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
    "nghìn tỷ": 1e12,
    "ngàn tỷ": 1e12,
}
_SCALE_RE = re.compile(r"\s*(nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", re.IGNORECASE)
_PERCENT_RE = re.compile(r"\s*%")


@dataclass(frozen=True)
class Mention:
    """One figure as written in a text."""

    text: str  # as written, e.g. "315.145" or "30/6/2024"
    value: float | None  # None for dates
    start: int
    end: int
    percent: bool = False
    scale: float = 1.0  # multiplier of a following "triệu", "tỷ"…

    @property
    def key(self) -> str:
        """A canonical form used to match the same figure across texts."""
        if self.value is None:
            return "date:" + normalize_date(self.text)
        return canonical(self.value)


def parse_number(s: str) -> float:
    """Parse one number in Vietnamese notation. Raises ValueError if it is not one."""
    s = s.strip().replace("\u00a0", "").replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    if not s or not re.fullmatch(r"[+-]?[\d.,]+", s) or not re.search(r"\d", s):
        raise ValueError(f"not a number: {s!r}")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):  # 1.234,5 (Vietnamese)
            return sign * float(s.replace(".", "").replace(",", "."))
        return sign * float(s.replace(",", ""))  # 1,234.5 (English)
    if "," in s:
        parts = s.split(",")
        if len(parts) > 2:  # 1,234,567 (English thousands)
            return sign * float("".join(parts))
        return sign * float(s.replace(",", "."))
    if "." in s:
        parts = s.split(".")
        if len(parts) > 2 or (len(parts[1]) == 3 and parts[0] not in {"", "0"}):
            return sign * float("".join(parts))  # 315.145 = 315145
        return sign * float(s)  # 14.2 read as a decimal
    return sign * float(s)


def canonical(value: float) -> str:
    """Canonical text of a value: 315145.0 -> "315145", 13.960 -> "13.96"."""
    if math.isclose(value, round(value), abs_tol=1e-9):
        return str(int(round(value)))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def normalize_date(s: str) -> str:
    return "/".join(str(int(p)) for p in s.split("/"))


def find_numbers(text: str) -> list[Mention]:
    """Every figure in `text`, in order, with its percent sign and scale word if any."""
    out: list[Mention] = []
    for m in NUMBER_RE.finditer(text):
        if m.group("date"):
            out.append(Mention(m.group("date"), None, m.start(), m.end()))
            continue
        raw = m.group("num")
        try:
            value = parse_number(raw)
        except ValueError:
            continue
        tail = text[m.end() : m.end() + 16]
        percent = bool(_PERCENT_RE.match(tail))
        sm = _SCALE_RE.match(tail)
        scale = SCALES[sm.group(1).lower()] if sm else 1.0
        out.append(Mention(raw, value, m.start(), m.end(), percent, scale))
    return out


def format_vn(value: float, decimals: int | None = None) -> str:
    """Write a value in Vietnamese notation: 315145 -> "315.145", 13.96 -> "13,96"."""
    if decimals is None:
        decimals = 0 if math.isclose(value, round(value), abs_tol=1e-9) else 2
    s = f"{abs(value):,.{decimals}f}"  # 315,145.00
    s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if decimals:
        s = s.rstrip("0").rstrip(",")
    return ("-" if value < 0 else "") + s


def same_value(a: float, b: float, decimals_b: int | None = None) -> bool:
    """True if `a` equals `b`, allowing only the rounding the source itself used for `b`."""
    if decimals_b is None:
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return abs(a - b) <= 0.5 * 10 ** (-decimals_b) + 1e-9


def decimals_of(text: str) -> int:
    """How many decimals a figure was written with ("13,96" -> 2, "315.145" -> 0)."""
    t = text.rstrip("%").strip()
    if "," in t:
        return len(t.rsplit(",", 1)[1])
    if "." in t:
        tail = t.rsplit(".", 1)[1]
        return 0 if len(tail) == 3 and t.count(".") >= 1 and not t.startswith("0.") else len(tail)
    return 0
