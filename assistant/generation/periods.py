"""Reporting periods named in Vietnamese text: "6 tháng đầu năm 2024", "quý II", "năm 2022",
"4 tháng đầu năm", "tháng 4", "giai đoạn 2021-2025".

A figure answers a question only if its period is the one asked; a sentence that names no
period inherits the period of its document (from the corpus manifest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.lexfold import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class Period:
    span: str  # "year", "h1", "h2", "q1".."q4", "m1".."m12", "first4".."first11", "term"
    year: int | None = None  # None: the year is not named (inherit it from context)
    end_year: int | None = None  # for "term"

    def label(self) -> str:
        names = {"year": "năm", "h1": "6 tháng đầu năm", "h2": "6 tháng cuối năm", "term": "giai đoạn"}
        if self.span in names:
            base = names[self.span]
        elif self.span.startswith("q"):
            base = f"quý {('I', 'II', 'III', 'IV')[int(self.span[1:]) - 1]} năm"
        elif self.span.startswith("m"):
            base = f"tháng {self.span[1:]} năm"
        else:
            base = f"{self.span[5:]} tháng đầu năm"
        if self.span == "term":
            return f"giai đoạn {self.year}-{self.end_year}"
        return f"{base} {self.year}" if self.year else base


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("term", re.compile(r"(?:giai doan|nhiem ky|5 nam)\s*(?:\()?(20\d\d)\s*[-–]\s*(20\d\d)")),
    ("h1", re.compile(r"(?:6|sau) thang dau(?: nam)?(?: (20\d\d))?")),
    # a stock at mid-year or at 30/6 is what a half-year report gives
    ("h1", re.compile(r"\b(?:giua nam|30/0?6/)\s*(20\d\d)")),
    ("year", re.compile(r"\b(?:cuoi nam|31/12/)\s*(20\d\d)")),
    ("h2", re.compile(r"(?:6|sau) thang cuoi(?: nam)?(?: (20\d\d))?")),
    ("first", re.compile(r"\b(\d{1,2}) thang(?: dau nam)?(?: (20\d\d))?(?!\s*\d)")),
    ("q", re.compile(r"\bquy (iv|iii|ii|i|[1-4])\b(?: (?:nam )?(20\d\d))?")),
    ("m", re.compile(r"\bthang (\d{1,2})(?:/| nam )?(20\d\d)?\b")),
    ("year", re.compile(r"\bnam (20\d\d)\b")),
]


def find_period_spans(text: str) -> list[tuple[int, int, Period]]:
    """(start, end, period) for every period phrase; folding keeps offsets (one char per char)."""
    t = fold(text.lower())
    out: list[tuple[int, int, Period]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(t):
            if any(a <= m.start() < b for a, b, _ in out):
                continue
            p = _make(kind, m)
            if p is not None:
                out.append((m.start(), m.end(), p))
    return sorted(out, key=lambda x: x[0])


def find_periods(text: str) -> list[Period]:
    """Periods named in `text`, without repeats; a bare year is reported only when nothing
    more specific names that year."""
    found: list[Period] = []
    for _, _, p in find_period_spans(text):
        if p not in found:
            found.append(p)
    named_years = {p.year for p in found if p.span != "year"}
    return [p for p in found if p.span != "year" or p.year not in named_years]


def _make(kind: str, m: re.Match[str]) -> Period | None:
    g = m.groups()
    year = lambda s: int(s) if s else None  # noqa: E731
    if kind == "term":
        return Period("term", int(g[0]), int(g[1]))
    if kind in ("h1", "h2"):
        return Period(kind, year(g[0]))
    if kind == "first":
        n = int(g[0])
        if n == 6:
            return Period("h1", year(g[1]))
        if n == 12:
            return Period("year", year(g[1]))
        return Period(f"first{n}", year(g[1])) if 2 <= n <= 11 else None
    if kind == "q":
        q = _ROMAN.get(g[0]) or int(g[0])
        return Period(f"q{q}", year(g[1]))
    if kind == "m":
        n = int(g[0])
        return Period(f"m{n}", year(g[1])) if 1 <= n <= 12 else None
    return Period("year", int(g[0]))


def doc_period(meta: dict) -> Period | None:
    """The period a document reports on, from its manifest entry."""
    ps = find_periods(str(meta.get("period", "")))
    if ps:
        return ps[0]
    start = str(meta.get("period_start", ""))[:4]
    return Period("year", int(start)) if start.isdigit() else None


def compatible(asked: Period, have: Period, context_year: int | None = None) -> bool:
    """Does a figure for period `have` answer a question about period `asked`?"""
    have_year = have.year or context_year
    if asked.span == "term" or have.span == "term":
        if asked.span != have.span:
            return False
        return (asked.year, asked.end_year) == (have.year, have.end_year)
    if asked.span != have.span:
        return False
    return asked.year is None or have_year is None or asked.year == have_year
