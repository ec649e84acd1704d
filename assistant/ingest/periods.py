"""Reporting periods named in Vietnamese text: "6 tháng đầu năm 2024", "9 tháng năm 2024",
"quý I/2024", "tháng 4 năm 2024", "năm 2022", "nhiệm kỳ 2020-2025".

One module owns what a period is (span, year, start and end dates), how it is written, and
which period phrases are *not* the period of a figure: "so cùng kỳ năm 2023" and "so với năm
2023" name the basis of a change, "ngày 17 tháng 4 năm 2024" is a date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from assistant.ingest.lexfold import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_OUT = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    span: str  # "year", "h1", "h2", "q1".."q4", "m1".."m12", "first2".."first11", "term", "school"
    year: int | None = None  # None: the year is not named (inherit it from context)
    end_year: int | None = None  # for "term" and "school"
    # a question's stock at the span's last month end ("cuối tháng 9/2024"): a figure of that month,
    # quarter or months to date ending there answers it; not part of the period's identity
    at_end: bool = field(default=False, compare=False)

    def label(self) -> str:
        if self.span == "term":
            return f"giai đoạn {self.year}-{self.end_year}"
        if self.span == "school":
            return f"năm học {self.year}-{self.end_year}"
        names = {"year": "năm", "h1": "6 tháng đầu năm", "h2": "6 tháng cuối năm"}
        if self.span in names:
            base = names[self.span]
        elif self.span.startswith("q"):
            base = f"quý {_ROMAN_OUT[int(self.span[1:]) - 1]} năm"
        elif self.span.startswith("m"):
            base = f"tháng {self.span[1:]} năm"
        else:
            base = f"{self.span[5:]} tháng đầu năm"
        return f"{base} {self.year}" if self.year else base

    def with_year(self, year: int | None) -> "Period":
        if self.year is not None or year is None or self.span in ("term", "school"):
            return self
        return Period(self.span, year, self.end_year, self.at_end)

    def months(self) -> tuple[int, int] | None:
        """First and last month of the span inside its year (None for a term)."""
        s = self.span
        if s == "year":
            return 1, 12
        if s == "h1":
            return 1, 6
        if s == "h2":
            return 7, 12
        if s.startswith("q"):
            q = int(s[1:])
            return 3 * q - 2, 3 * q
        if s.startswith("m"):
            return int(s[1:]), int(s[1:])
        if s.startswith("first"):
            return 1, int(s[5:])
        return None

    def start(self) -> date | None:
        if self.year is None:
            return None
        if self.span == "school":  # a school year opens in September
            return date(self.year, 9, 1)
        m = self.months()
        return date(self.year, m[0] if m else 1, 1)

    def end(self) -> date | None:
        last_year = self.end_year if self.span in ("term", "school") else self.year
        if last_year is None:
            return None
        if self.span == "school":  # and its teaching ends in May
            return date(last_year, 5, 31)
        m = self.months()
        month = m[1] if m else 12
        return date(last_year, month, calendar.monthrange(last_year, month)[1])

    def to_dict(self) -> dict:
        s, e = self.start(), self.end()
        return {"label": self.label(), "start": s.isoformat() if s else None,
                "end": e.isoformat() if e else None}

    @classmethod
    def from_dict(cls, d: dict | None) -> "Period | None":
        if not d:
            return None
        found = find_periods(str(d.get("label", "")))
        return found[0] if found else None


_Y = r"(?:\s*(?:/|nam|-)\s*|\s+)"  # "quý I/2024", "quý I năm 2024", "tháng 4-2024"
# an index named with its edition year: the year is the period, the name stays the indicator's
_EDITION = re.compile(r"\b(?:pci|papi|par index|sipas|ict index|ddci)\s+(20\d\d)\b")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a crop season named with its years ("vụ Đông Xuân 2024 - 2025", "lúa Hè Thu 2025"): the year it is
    # harvested; the season itself stays a word of the indicator
    ("season", re.compile(r"\b(?:vu|lua)\s+(?:lua\s+)?(?:dong xuan|he thu|thu dong|chiem xuan|chiem|mua|xuan|dong)\s+"
                          r"(20\d\d)(?:\s*[-–/]\s*(20\d\d))?")),
    # a school year, "năm học 2023 - 2024": September to May, no calendar year
    ("school", re.compile(r"\bnam hoc\s*(20\d\d)\s*[-–/]?\s*(20\d\d)")),
    ("term", re.compile(r"(?:giai doan|nhiem ky|5 nam|thoi ky)\s*(?:\()?(20\d\d)\s*[-–]\s*(20\d\d)")),
    ("h1", re.compile(r"(?:(?:6|sau) thang dau(?: nam)?|\bnua dau nam)(?:" + _Y + r"(20\d\d))?")),
    # a stock at mid-year or at 30/6 is what a half-year report gives
    ("h1", re.compile(r"\b(?:giua nam|30/0?6/)\s*(20\d\d)")),
    # "cuối năm 2022", "cuối 2022", "31/12/2022": a stock at the end of a year is the year's
    ("year", re.compile(r"(?<!thang )(?<!nua )\b(?:cuoi(?: nam)?|31/12/)\s*(20\d\d)")),
    ("h2", re.compile(r"(?:(?:6|sau) thang cuoi(?: nam)?|\bnua cuoi nam)(?:" + _Y + r"(20\d\d))?")),
    # "đầu năm 2024 có 15.862 hộ nghèo": a stock at the start of a year is the year before's end
    # (not "6 tháng đầu năm 2024", not "từ đầu năm 2024 đến nay")
    ("start", re.compile(r"(?<!thang )(?<!tu )(?<!phan )(?<!dung )(?<!hang )\bdau nam (20\d\d)\b(?!\s*(?:den|toi)\b)")),
    # "11 tháng 9,4 nghìn tấn": a figure after the months is no day-month date ("ngày 11 tháng 9")
    ("first", re.compile(r"\b(\d{1,2}) thang(?: dau)?(?: nam)?(?:" + _Y + r"(20\d\d))?(?!\s*/)(?!\s*\d{1,2}(?!\d|[.,]\d))")),
    ("first", re.compile(r"\b(\d{1,2})t/(20\d\d)\b")),  # "6T/2023": the first six months of 2023
    # months to date written in words: "Chín tháng năm 2024", "mười một tháng" ("năm" only before
    # "tháng đầu năm": "năm tháng" is also "year, month")
    ("firstw", re.compile(r"\b(hai|ba|bon|sau|bay|tam|chin|muoi mot|muoi hai|muoi|nam(?= thang dau))\s+thang(?: dau)?(?: nam)?(?:"
                          + _Y + r"(20\d\d))?(?!\s*[\d/])(?!\s+(?:truoc|cuoi|toi|nua|sau|gan day))")),
    ("q", re.compile(r"\bquy (iv|iii|ii|i|[1-4])\b(?:" + _Y + r"(20\d\d))?")),
    # "đến hết tháng 11/2023": the months up to the end of November
    ("uptom", re.compile(r"\b(?:den|toi) het thang (\d{1,2})(?:" + _Y + r"(20\d\d))?\b")),
    ("m", re.compile(r"\bthang (\d{1,2})(?![.,]\d)(?:" + _Y + r"(20\d\d))?\b")),  # not "tháng 9,4 nghìn tấn"
    # a stock "đến ngày 31/5/2024" covers the months up to that month's end
    ("upto", re.compile(r"\bden(?: het)?(?: ngay)?\s*(\d{1,2})/(\d{1,2})/(20\d\d)\b")),
    # an index named with its edition year: "PCI 2021", "PAPI 2023"
    ("year", _EDITION),
    ("year", re.compile(r"\bnam (20\d\d)\b")),
    ("year", re.compile(r"\bca nam\b()")),
]
# A phrase after these words is the basis of a comparison, not the period of the figure.
# "gấp 2,7 lần năm 2021", "bằng 84,4% năm 2021", "từ năm 2023 đến nay" name a basis or a start too.
# "tăng từ 21,69% năm 2020 lên 57,1%": a period right after the figure of a from-to is its own.
_FROM_TO_FIGURE = re.compile(r"\b(?:tu|len|xuong|con)\s+[\d.,]+\s*(?:%|[^\s\d,;]+(?:\s+[^\s\d,;]+)?)?\s*$")
_BASIS_BEFORE = re.compile(
    r"(?:cung ky|so voi|(?<!chi )\bso|\bvoi|\bhon|\blan|%|\btu(?: dau)?)\s*(?:cung ky\s*)?(?:cua\s*)?(?:thoi diem\s*|thoi ky\s*)?$")
# "ngày 17 tháng 4 năm 2024" and "Hà Nam, ngày …" are dates.
_DATE_BEFORE = re.compile(r"ngay\s*\d{1,2}\s*$")


def find_period_spans(text: str) -> list[tuple[int, int, Period]]:
    """(start, end, period) for every period phrase; folding keeps offsets (one char per char)."""
    t = fold(text.lower())
    out: list[tuple[int, int, Period]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(t):
            if any(a <= m.start() < b or a < m.end() <= b for a, b, _ in out):
                continue
            if kind == "m" and _DATE_BEFORE.search(t[max(0, m.start() - 12) : m.start()]):
                continue  # "ngày 19 tháng 6 năm 2015" is a date (see date_spans)
            if kind == "start" and text[m.start() : m.start() + 3].lower() not in ("đầu", "dau"):
                continue  # "lọc hóa dầu năm 2023": oil, not the start of a year (folding makes them alike)
            p = _make(kind, m)
            if p is not None:
                out.append((m.start(1) if pat is _EDITION or kind == "season" else m.start(), m.end(), p))
    return sorted(out, key=lambda x: x[0])


# A question names a span to date by its day ("đến 15/3/2025", "đến ngày 20/10/2023", "đến 30/6") or by
# part of a month ("đến giữa tháng 3/2025"): the months from the start of the year to that month,
# which is what a report written on that day covers ("đến ngày 15/3/2025 giải ngân …" in a quarter's report)
TO_DATE = re.compile(r"\b(?:den|toi)(?: het)?(?: ngay)?\s*(\d{1,2})/(\d{1,2})(?:/(20\d\d))?(?![\d/])")
_TO_PART_OF_MONTH = re.compile(r"\b(?:den|toi)\s+(?:giua|dau|cuoi|nua dau)\s+thang\s+(\d{1,2})(?:" + _Y + r"(20\d\d))?\b")
# a stock asked at a month's end ("cuối tháng 9/2024", "ngày 30/9/2024", "thời điểm 31/5/2025"): the
# months to date, as a report of those months gives it
_AT_MONTH_END = re.compile(r"\b(?:(?:tai |vao )?cuoi thang\s+(\d{1,2})(?:" + _Y + r"(20\d\d))?\b|"
                           r"(?:ngay|thoi diem|tai)\s*(\d{1,2})/(\d{1,2})/(20\d\d)\b)")


def _to_month(month: int, year: int | None) -> Period | None:
    if not 1 <= month <= 12:
        return None
    return Period("h1" if month == 6 else "year" if month == 12 else f"m{month}" if month == 1 else f"first{month}", year)


def question_period_spans(text: str) -> list[tuple[int, int, Period]]:
    """find_period_spans, plus the spans to date a question names by a day ("đến 15/3/2025") or
    by part of a month ("đến giữa tháng 3/2025"), which name no reporting period in a report."""
    out = find_period_spans(text)
    t = fold(text.lower())
    for rx in (TO_DATE, _TO_PART_OF_MONTH, _AT_MONTH_END):
        for m in rx.finditer(t):
            g = m.groups()
            if rx is _AT_MONTH_END:
                if g[2] is not None:  # a day: only the month's last day is its end
                    day, month, year = int(g[2]), int(g[3]), g[4]
                    if not 1 <= month <= 12 or day != calendar.monthrange(int(year), month)[1]:
                        continue
                else:
                    month, year = int(g[0]), g[1]
            else:
                month, year = (int(g[1]), g[2]) if rx is TO_DATE else (int(g[0]), g[1])
            if rx is TO_DATE and not 1 <= int(g[0]) <= 31:
                continue
            p = _to_month(month, int(year) if year else None)
            if p is None:
                continue
            if rx is _AT_MONTH_END:
                p = Period(p.span, p.year, at_end=True)
            out = [x for x in out if not (x[0] < m.end() and m.start() < x[1])] + [(m.start(), m.end(), p)]
    # "GRDP 2024 của Huế", "ước thực hiện 2024": a bare year typed in a question is that year
    for m in re.finditer(r"(?<![\d/.,\-–(])((?:19|20)\d\d)(?![\d/.,%\-–)])", text):  # "(2024)": a loose tag, not the period
        if not any(a <= m.start() < b for a, b, _ in out) and not re.search(r"(?i)(?:số|quyết định|nghị quyết|nghị định|"
                                                                           r"thông tư|luật|kế hoạch số|vụ|mùa|khóa|nhiệm kỳ|PCI|PAPI|SIPAS|Index|DDCI|đến|tới|từ|so|với|trước|sau)\s*$",
                                                                           text[: m.start()]):
            out.append((m.start(), m.end(), Period("year", int(m.group(1)))))
    return sorted(out, key=lambda x: x[0])


_DATE_RE = re.compile(r"\bngay\s*\d{1,2}\s*(?:thang\s*\d{1,2}(?:\s*nam\s*\d{4})?|/\d{1,2}(?:/\d{4})?)")


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates written in words or digits ("ngày 19 tháng 6 năm 2015")."""
    return [(m.start(), m.end()) for m in _DATE_RE.finditer(fold(text.lower()))]


def is_basis(text: str, start: int) -> bool:
    """Is the period phrase starting at `start` the basis of a comparison ("so cùng kỳ năm 2023")?"""
    wide = text[max(0, start - 40) : start].lower()
    fw = fold(wide)
    if re.search(r"\d\s*%\s*(?:so voi\s+)?(?:ke hoach|kh|du toan|muc tieu|chi tieu)\b[^\d%,;()]{0,30}$", fw):
        return True  # "đạt 41,3% kế hoạch thu hút FDI cả năm 2023": the plan's period, a basis
    if re.search(r"\d\s*%\s*$", fw):  # "bằng 84,4% năm 2021" is a basis, "đạt 78% năm 2024" the period
        return bool(re.search(r"\b(?:bang|gap|so voi|so|hon|chiem)\s+(?:khoang\s+)?[\d.,]+\s*%\s*$", fw))
    before, fb = wide[-24:], fw[-24:]
    m = _BASIS_BEFORE.search(fb)
    if m and re.match(r"tu\b", m.group(0)) and not before[m.start():].startswith("từ"):
        return False  # "vốn đầu tư 6 tháng": "tư" is not "từ"
    if m and re.match(r"so\b", m.group(0)) and not before[m.start():].startswith("so"):
        return False  # "chuyển đổi số năm 2024": "số" is not "so (với)"
    return bool(m) and not _FROM_TO_FIGURE.search(fb)


def is_date(text: str, start: int) -> bool:
    return bool(_DATE_BEFORE.search(fold(text[max(0, start - 12) : start].lower())))


def find_periods(text: str) -> list[Period]:
    """Periods named in `text`, without repeats; a bare year is reported only when nothing
    more specific names that year."""
    found: list[Period] = []
    for _, _, p in find_period_spans(text):
        if p not in found:
            found.append(p)
    named_years = {p.year for p in found if p.span != "year"}
    return [p for p in found if p.span != "year" or p.year not in named_years]


_MONTH_WORDS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
                "muoi mot": 11, "muoi hai": 12}


def _make(kind: str, m: re.Match[str]) -> Period | None:
    g = m.groups()
    year = lambda s: int(s) if s else None  # noqa: E731
    if kind == "term":
        a, b = int(g[0]), int(g[1])
        return Period("term", a, b) if a < b else None
    if kind == "start":
        return Period("year", int(g[0]) - 1)
    if kind == "season":
        a, b = int(g[0]), int(g[1]) if g[1] else None
        if b is not None and b != a + 1:
            return None
        return Period("year", b or a)
    if kind == "school":
        a, b = int(g[0]), int(g[1])
        return Period("school", a, b) if b == a + 1 else None
    if kind in ("h1", "h2"):
        return Period(kind, year(g[0]))
    if kind in ("first", "firstw"):
        n = _MONTH_WORDS[g[0]] if kind == "firstw" else int(g[0])
        if n == 6:
            return Period("h1", year(g[1]))
        if n == 12:
            return Period("year", year(g[1]))
        return Period(f"first{n}", year(g[1])) if 2 <= n <= 11 else None
    if kind == "upto":
        day, month, y = int(g[0]), int(g[1]), int(g[2])
        if not 1 <= month <= 12 or day < calendar.monthrange(y, month)[1]:
            return None  # "đến ngày 20/3/2023" ends inside a month: no reporting period
        return Period("h1" if month == 6 else "year" if month == 12 else f"m{month}" if month == 1 else f"first{month}", y)
    if kind == "uptom":
        month = int(g[0])
        if not 1 <= month <= 12:
            return None
        return Period("h1" if month == 6 else "year" if month == 12 else f"m{month}" if month == 1 else f"first{month}",
                      year(g[1]))
    if kind == "q":
        q = _ROMAN.get(g[0]) or int(g[0])
        return Period(f"q{q}", year(g[1]))
    if kind == "m":
        n = int(g[0])
        return Period(f"m{n}", year(g[1])) if 1 <= n <= 12 else None
    return Period("year", year(g[0]))


def doc_period(meta: dict) -> Period | None:
    """The period a document reports on, from its profile or manifest entry."""
    p = meta.get("period")
    if isinstance(p, dict):
        return Period.from_dict(p)
    ps = find_periods(str(p or ""))
    if ps:
        return ps[0]
    start = str(meta.get("period_start", ""))[:4]
    return Period("year", int(start)) if start.isdigit() else None


def compatible(asked: Period, have: Period, context_year: int | None = None) -> bool:
    """Does a figure for period `have` answer a question about period `asked`?"""
    have_year = have.year or context_year
    if {asked.span, have.span} & {"term", "school"}:
        if asked.span != have.span:
            return False
        return (asked.year, asked.end_year) == (have.year, have.end_year)
    if asked.at_end and have.months() is not None and asked.months() is not None \
            and have.months()[1] == asked.months()[1]:  # a stock at the end of September: "tháng 9", "quý III", "9 tháng"
        return asked.year is None or have_year is None or asked.year == have_year
    if asked.span != have.span and not (asked.months() == have.months() and asked.months() is not None):
        return False  # "3 tháng đầu năm" is "quý I"
    return asked.year is None or have_year is None or asked.year == have_year


def _shift_year(p: Period, years: int) -> Period | None:
    return Period(p.span, p.year + years, p.end_year + years if p.end_year else None) if p.year else None


def basis_period(basis: str | None, own: Period | None) -> Period | None:
    """The period a change is measured against, its basis resolved against the period of the
    figure (or of the question): "cùng kỳ" of quý I/2025 is quý I/2024, "quý trước" quý IV/2024,
    "tháng 12 năm trước" of tháng 8/2024 is tháng 12/2023, "đầu năm" the end of the year before;
    a named period ("quý IV/2024", "cuối năm 2024") is itself. None when it cannot be resolved
    (a plan, "kỳ gốc", "tháng trước" of a span that is no month)."""
    if not basis:
        return None
    f = fold(basis.lower())
    if re.search(r"\b(?:ke hoach|du toan|muc tieu|chi tieu|nghi quyet|ky goc|binh quan)\b", f):
        return None
    own_year = own.year if own is not None else None
    if re.search(r"\bnam hoc truoc\b", f):  # "so với năm học trước"
        return _shift_year(own, -1) if own is not None and own.span == "school" else None
    if re.search(r"\bcung ky\b", f) or re.fullmatch(r"\s*nam truoc\s*", f):
        named = re.search(r"\bnam (20\d\d)\b", f)
        if own is None:
            return None
        if named:
            return None if own.span == "term" else Period(own.span, int(named.group(1)))
        return _shift_year(own, -1)
    if re.search(r"\bdau nam\b", f):
        return Period("m12", own_year - 1) if own_year else None
    if re.search(r"\b(?:thang|ky) truoc\b", f):
        if own is None or not own.span.startswith("m") or not own.year:
            return None
        k = int(own.span[1:])
        return Period(f"m{k - 1}", own.year) if k > 1 else Period("m12", own.year - 1)
    if re.search(r"\bquy truoc\b", f):
        if own is None or not own.span.startswith("q") or not own.year:
            return None
        k = int(own.span[1:])
        return Period(f"q{k - 1}", own.year) if k > 1 else Period("q4", own.year - 1)
    found = find_periods(f)
    if not found:
        return None
    p = found[0]
    if p.year is None:  # "tháng 12 năm trước": the year before the figure's
        if not own_year:
            return None
        return Period(p.span, own_year - 1 if re.search(r"\bnam truoc\b", f) else own_year)
    return p


def same_basis(a: Period | None, b: Period | None) -> bool:
    """Two resolved bases are the same time: equal periods, or the end of a year written as the
    year ("cuối năm 2023") and as its last month ("tháng 12/2023")."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    return {a.span, b.span} == {"year", "m12"} and a.year == b.year
