"""An indicator across reports and periods: one point per period, kind and figure, in time.

Which facts belong is seriesmatch.py's; here they become points with their sources. Figures
are never merged across documents when they differ: each is a point, marked `differs`; the
same figure from two documents is one point with two sources.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from assistant.errors import QuestionError
from assistant.generation.factpick import FactIndex
from assistant.generation.seriesmatch import is_growth, matching_facts, series_request
from assistant.ingest.facts import bare_place, same_place
from assistant.ingest.periods import Period
from assistant.numbers import unit_of
from assistant.types import Fact


@dataclass
class Source:
    doc_id: str
    doc_title: str
    section: str
    page: int | None
    sentence: str
    chunk_id: str
    fact_id: str
    text: str  # the figure as this source writes it


@dataclass
class Point:
    period: dict  # {"label", "start", "end"}
    kind: str  # actual | estimate | target
    value: float
    text: str
    unit: str
    scale: float
    sources: list[Source] = field(default_factory=list)
    differs: bool = False  # another source gives another figure for the same period

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Series:
    indicator: str
    growth: bool  # a rate of growth (%), not a level
    unit: str
    points: list[Point]
    request: dict
    place: str | None = None  # one place per series: the one asked, or the one most figures are about

    def to_dict(self) -> dict:
        return {"indicator": self.indicator, "growth": self.growth, "unit": self.unit, "place": self.place,
                "request": self.request, "points": [p.to_dict() for p in self.points]}


def _base(f: Fact) -> str:
    return unit_of(f.unit).base if f.unit else ""


def main_unit(facts: list[Fact]) -> str:
    """The unit most of the matching facts carry: one series, one quantity."""
    counts: dict[str, int] = {}
    for f in facts:
        counts[_base(f)] = counts.get(_base(f), 0) + 1
    return max(counts, key=lambda u: (counts[u], u == "%")) if counts else ""


def _source(f: Fact, docs: dict[str, dict]) -> Source:
    title = docs.get(f.doc_id, {}).get("title") or f.doc_id
    return Source(f.doc_id, title, f.section, f.page, f.sentence, f.chunk_id, f.fact_id, f.text)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def to_points(facts: list[Fact], docs: dict[str, dict]) -> list[Point]:
    """One point per period, kind and figure; the same figure from two sources is one point."""
    points: list[Point] = []
    for f in facts:
        label = (f.period or {}).get("label")
        for p in points:
            if p.period.get("label") == label and p.kind == f.kind and _same(p.value * p.scale, f.value * f.scale):
                if all(s.fact_id != f.fact_id for s in p.sources):
                    p.sources.append(_source(f, docs))
                break
        else:
            period = Period.from_dict(f.period)
            shown = period.to_dict() if period else dict(f.period or {})
            points.append(Point(shown, f.kind, f.value, f.text, f.unit, f.scale or 1.0, [_source(f, docs)]))
    return points


def mark_differing(points: list[Point]) -> None:
    """Actual and estimate figures of one period that disagree are all marked (a preliminary
    estimate and a later figure, body and footnote); targets are compared among targets."""
    for p in points:
        p.differs = any(
            q is not p and q.period.get("label") == p.period.get("label")
            and (q.kind == "target") == (p.kind == "target") and not _same(q.value * q.scale, p.value * p.scale)
            for q in points)


_KIND_ORDER = {"actual": 0, "estimate": 1, "target": 2}


def _sort_key(p: Point) -> tuple:
    return (p.period.get("end") or "", p.period.get("start") or "", _KIND_ORDER.get(p.kind, 3), p.value)


def in_years(p: Point, year_from: int | None, year_to: int | None) -> bool:
    start, end = p.period.get("start") or "", p.period.get("end") or ""
    if year_from is not None and end and int(end[:4]) < year_from:
        return False
    return not (year_to is not None and start and int(start[:4]) > year_to)


def build_series(index: FactIndex, docs: dict[str, dict], indicator: str, place: str | None = None,
                 year_from: int | None = None, year_to: int | None = None,
                 doc_ids: list[str] | None = None) -> Series:
    """The series of `indicator` (question words, abbreviations allowed) over every document,
    or over `doc_ids` only."""
    if not indicator or not indicator.strip():
        raise QuestionError("Chưa nhập chỉ tiêu (ví dụ: tăng trưởng GRDP, thu ngân sách).")
    req = series_request(indicator, index.places, place)
    growth = is_growth(req)
    facts = matching_facts(index, req, growth)
    if not facts and not growth:  # an index ("chỉ số sản xuất công nghiệp") is read by its growth
        growth, facts = True, matching_facts(index, req, True)
    facts = [f for f in facts if not doc_ids or f.doc_id in doc_ids]
    where = req.place or main_place(facts, index.doc_places)
    facts = [f for f in facts if _at(where, f.place or index.doc_places.get(f.doc_id))]
    unit = main_unit(facts)
    points = to_points([f for f in facts if _base(f) == unit], docs)
    mark_differing(points)
    points = sorted((p for p in points if in_years(p, year_from, year_to)), key=_sort_key)
    return Series(indicator.strip(), growth, unit, points, {**req.to_dict(), "kind": None}, where)


def _at(where: str | None, place: str | None) -> bool:
    """A figure of an unknown place (a report that names none) contradicts no place."""
    return not where or not place or same_place(where, place)


def main_place(facts: list[Fact], doc_places: dict[str, str | None]) -> str | None:
    """Reports of several provinces in one index: a series is one province's, the one most of
    the indicator's figures are about (a question names another with --place / "của …")."""
    counts = Counter(bare_place(p) for f in facts if (p := f.place or doc_places.get(f.doc_id)))
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    return next(p for f in facts if (p := f.place or doc_places.get(f.doc_id)) and bare_place(p) == best)
