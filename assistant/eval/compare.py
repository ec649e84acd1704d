"""Does a text state an expected figure? Vietnamese notation, scale words, units, percent vs points.

Built on `assistant.numbers`: "315.145" = 315145, "13,96" = 13.96, "07" = 7, and a following
"nghìn/triệu/tỷ" scales the figure, so "2,15 tỷ USD" and "2.150 triệu USD" are the same amount.
A figure matches only in the same kind: a percent is not a number of percentage points
("điểm phần trăm"), and an amount in đồng is not one in USD. The only tolerance is the rounding
of the source itself: "13,96%" accepts 13,955…13,965, never 14.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.numbers import SCALES, canonical, decimals_of, find_numbers

_UNIT_SCALE_RE = re.compile(r"^(nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)(?:\s+|$)", re.IGNORECASE)
_SCALE_WORD_RE = re.compile(r"^\s*(?:nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", re.IGNORECASE)
_POINTS_UNIT_RE = re.compile(r"^điểm\s*(?:%|phần\s*trăm)$", re.IGNORECASE)
_PERCENT_WORD_RE = re.compile(r"^\s*(?:phần\s*trăm)(?!\w)", re.IGNORECASE)
_POINT_WORD_RE = re.compile(r"^\s*điểm(?!\w)", re.IGNORECASE)
_DONG_RE = re.compile(r"^\s*(?:đồng|vnđ|vnd|đ)(?!\w)", re.IGNORECASE)
_USD_RE = re.compile(r"^\s*(?:usd|đô\s*la|\$)(?!\w)", re.IGNORECASE)
# "38/63", "35/55", "91,16/100": a ratio, not a date (find_numbers drops both sides of a "/").
_FRACTION_RE = re.compile(
    r"(?<![\d.,/])(\d+(?:[.,]\d+)?)/(?!(?:19|20)\d\d(?!\d))(\d+(?:[.,]\d+)?)(?![\d/])"
)


@dataclass(frozen=True)
class UnitSpec:
    """What an expected unit says: its scale, whether it is a percent or points, its currency."""

    scale: float = 1.0
    kind: str = "plain"  # "percent", "points" (điểm phần trăm) or "plain"
    currency: str | None = None  # "đồng", "usd" or None


@dataclass(frozen=True)
class Figure:
    """One figure found in a text, in base units (scale applied)."""

    text: str
    value: float  # base units: "2,15 tỷ" -> 2.15e9
    percent: bool
    point_word: bool  # followed by "điểm" (percentage points, or a score)
    currency: str | None


def parse_unit(unit: str | None) -> UnitSpec:
    """Read a unit as written in an eval item: "tỷ đồng", "triệu USD", "%", "điểm %", "ha"…"""
    u = (unit or "").strip()
    if u in {"%", "phần trăm"}:
        return UnitSpec(kind="percent")
    if _POINTS_UNIT_RE.match(u):
        return UnitSpec(kind="points")
    scale = 1.0
    m = _UNIT_SCALE_RE.match(u)
    if m:
        scale = SCALES[m.group(1).lower()]
        u = u[m.end() :]
    return UnitSpec(scale=scale, currency=_currency(u))


def _currency(tail: str) -> str | None:
    if _DONG_RE.match(tail):
        return "đồng"
    if _USD_RE.match(tail):
        return "usd"
    return None


def split_fractions(text: str) -> str:
    """Write "38/63" as "38 / 63" so both sides are read as figures; dates stay whole."""
    return _FRACTION_RE.sub(r"\1 / \2", text)


def figures(text: str) -> list[Figure]:
    """Every figure in `text` (dates excluded), with its kind and currency."""
    text = split_fractions(text)
    out: list[Figure] = []
    for m in find_numbers(text):
        if m.value is None:
            continue
        tail = text[m.end : m.end + 40]
        if m.percent:
            tail = tail.lstrip()[1:]
        sm = _SCALE_WORD_RE.match(tail)
        if sm:
            tail = tail[sm.end() :]
        percent = m.percent or bool(_PERCENT_WORD_RE.match(tail))
        out.append(
            Figure(
                m.text,
                m.value * m.scale,
                percent,
                bool(_POINT_WORD_RE.match(tail)),
                _currency(tail),
            )
        )
    return out


def _kind_ok(fig: Figure, spec: UnitSpec) -> bool:
    if spec.kind == "percent":
        return fig.percent and not fig.point_word
    if spec.kind == "points":
        return fig.point_word
    if fig.percent:
        return False
    return not (spec.currency and fig.currency and fig.currency != spec.currency)


def tolerance(spec: UnitSpec, decimals: int) -> float:
    """Half a unit of the source's last written digit, in base units."""
    return 0.5 * 10 ** (-decimals) * spec.scale


def find_figure(
    text: str, value: float, unit: str | None, decimals: int | None = None
) -> Figure | None:
    """The first figure in `text` equal to `value` `unit` up to the source's rounding, or None."""
    spec = parse_unit(unit)
    if decimals is None:
        decimals = value_decimals(value)
    target = value * spec.scale
    tol = tolerance(spec, decimals) + 1e-9 * max(1.0, abs(target))
    for fig in figures(text):
        if _kind_ok(fig, spec) and abs(fig.value - target) <= tol:
            return fig
    return None


def figure_in_text(text: str, value: float, unit: str | None, decimals: int | None = None) -> bool:
    """True if `text` states `value` `unit` (see `find_figure`)."""
    return find_figure(text, value, unit, decimals) is not None


def value_decimals(value: float) -> int:
    """Decimals needed to write `value` exactly: 13.96 -> 2, 315145 -> 0."""
    c = canonical(value)
    return len(c.split(".")[1]) if "." in c else 0


def source_decimals(answer: str, value: float, unit: str | None) -> int:
    """How many decimals the source used for `value` in its own wording (`answer`).

    "13,96 %" -> 2; "315.145 tỷ đồng" -> 0. Falls back to the decimals of `value` itself.
    """
    spec = parse_unit(unit)
    target = value * spec.scale
    for m in find_numbers(split_fractions(answer)):
        same = m.value is not None and math.isclose(
            m.value * m.scale, target, rel_tol=1e-9, abs_tol=1e-9
        )
        if same and math.isclose(m.scale, spec.scale):
            return decimals_of(m.text)
    return value_decimals(value)


def same_figure(expected: str, actual: str) -> bool:
    """True if the first figure of `actual` equals the first figure of `expected` (with units).

    "2,15 tỷ USD" ~ "2.150 triệu USD"; "13,96%" !~ "13,96 điểm phần trăm".
    """
    exp = figures(expected)
    if not exp:
        raise ValueError(f"no figure in {expected!r}")
    e = exp[0]
    act = figures(actual)
    if not act:
        return False
    a = act[0]
    first = next(m for m in find_numbers(split_fractions(expected)) if m.value is not None)
    tol = 0.5 * 10 ** (-decimals_of(first.text)) * first.scale + 1e-9 * max(1.0, abs(e.value))
    kinds_match = (e.percent, e.point_word) == (a.percent, a.point_word)
    currency_ok = not (e.currency and a.currency and e.currency != a.currency)
    return kinds_match and currency_ok and abs(a.value - e.value) <= tol
