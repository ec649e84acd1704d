"""Figures a report implies but does not state, worked out in code from figures it does state.

"Tỷ lệ hộ nghèo còn 9,5%, giảm 1,2 điểm phần trăm so với cuối năm 2021": the rate at the end of
2021 is 9,5 + 1,2 = 10,7%. Only exact arithmetic on figures of one sentence, one indicator, one
place is done here (a level and its change in percentage points; a whole and the one part that
completes another); a growth rate in % is never divided back (that invents precision). Every
derived answer shows the formula with both cited figures. None means: not derivable, the usual
paths answer (or refuse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.generation.factpick import MIN_SCORE, period_of
from assistant.generation.request import Request
from assistant.ingest.lexfold import fold
from assistant.ingest.periods import compatible, find_periods
from assistant.numbers import format_vn, unit_of
from assistant.types import Fact

# the question asks how an indicator moved, not its level
_MOVED = re.compile(r"\b(?:tang|giam|thay doi|bien dong|chenh lech|so voi|cao hon|thap hon)\b")
_RATE = re.compile(r"\b(?:ty le|ty trong)\b|%")


@dataclass
class Derived:
    operands: list[Fact]  # the cited figures, in the order of the formula
    value: float
    unit: str
    formula: str  # "11,86% + 3,02 điểm phần trăm"
    label: str  # what the derived figure is: "Tỷ lệ hộ nghèo … (cuối năm 2021)"
    op: str


def _fits(s) -> bool:
    return not s.reasons and s.score >= MIN_SCORE and s.indicator_cover >= 0.7 and s.own_cover >= 0.5


def level_before(index, req: Request, chunk_ids: list[str]) -> Derived | None:
    """The level of a rate at the period a stated change in percentage points is measured from:
    "còn 9,5%, giảm 1,2 điểm phần trăm so với cuối năm 2021" asked for the end of 2021. The level
    and its change are adjacent figures of one sentence and one indicator; the change's basis is
    the very period asked. Every such pair found must give the same value."""
    q = fold(req.question.lower())
    if len(req.periods) != 1 or req.role not in (None, "level") or req.unit not in (None, "%") \
            or not _RATE.search(q) or _MOVED.search(q) or req.basis:
        return None
    asked = req.periods[0]
    probe = replace(req, periods=[], role="change", unit="điểm %", basis=None)
    rank = {cid: r for r, cid in enumerate(chunk_ids)}
    found = []
    for i in index.candidates(probe, set(chunk_ids)):
        s = index.score(i, probe, rank)
        f = s.fact
        if not _fits(s) or f.role != "change" or unit_of(f.unit or "").base != "điểm %" or not f.basis:
            continue
        bases = find_periods(f.basis)
        if len(bases) != 1 or not compatible(asked, bases[0]):
            continue
        level = _level_of(index, f)
        if level is None or (period_of(level) and compatible(asked, period_of(level))):
            continue
        found.append((level, f))
    values = {round(lv.value - ch.value, 6) for lv, ch in found}
    if len(values) != 1:
        return None
    level, change = found[0]
    value = values.pop()
    if not 0 <= value <= 100:
        return None
    sign = "+" if change.value < 0 else "−"
    formula = f"{level.text}% {sign} {change.text} điểm phần trăm"
    label = f"{level.indicator} ({change.basis}{', ' + level.place if level.place else ''})"
    return Derived([level, change], value, "%", formula, label, "level_before")


def _level_of(index, change: Fact) -> Fact | None:
    """The rate a change in points is stated of: the figure in % right before it in its sentence,
    of the same indicator and period, with no other figure between them."""
    best = None
    for i in index.by_chunk.get(change.chunk_id, ()):
        f = index.facts[i]
        if f.sentence != change.sentence or f.end > change.start or f.fact_id == change.fact_id:
            continue
        if best is None or f.end > best.end:
            best = f
    if best is None or best.role != "level" or best.unit != "%" or best.indicator != change.indicator \
            or best.period != change.period or best.place != change.place:
        return None
    between = change.sentence[best.end : change.start]
    return best if len(between) <= 40 and not re.search(r"\d", between) else None


def write(d: Derived, sources: list[tuple[int, str]]) -> str:
    """The answer: the derived figure with its formula, then each cited figure's source."""
    head = f"{d.label}: **{format_vn(d.value, 2)}{'' if d.unit == '%' else ' '}{d.unit}** (tính từ số liệu báo cáo nêu: {d.formula})."
    cites = sorted({n for n, _ in sources})
    head = head[:-1] + " " + "".join(f"[{n}]" for n in cites) + "."
    seen, lines = set(), [head]
    for n, text in sources:
        if (n, text) not in seen:
            seen.add((n, text))
            lines.append(text)
    return "\n".join(lines)


def answer(answerer, q: str, standalone: str, hits) -> "Answer | None":
    """The derived answer to a question no stated figure answers, or None."""
    from assistant.generation.request import parse_request
    from assistant.generation.write import quote
    from assistant.types import Answer

    req = parse_request(standalone, answerer.facts.places)
    chunk_ids = [h.chunk.chunk_id for h in hits]
    d = level_before(answerer.facts, req, chunk_ids)
    if d is None:
        return None
    docs = answerer.searcher.documents
    cites, sources = [], []
    for f in d.operands:
        hit = answerer._hit_for(f.chunk_id, hits)
        ids = [h.chunk.chunk_id for h in cites]
        if hit.chunk.chunk_id not in ids:
            cites.append(hit)
        n = [h.chunk.chunk_id for h in cites].index(hit.chunk.chunk_id) + 1
        title = docs.get(f.doc_id, {}).get("title") or hit.chunk.doc_title
        sources.append((n, f"Nguồn [{n}]: {title}: “{f.sentence}”"))
    facts = [{**f.to_dict(), "citation": n} for f, (n, _) in zip(d.operands, sources)]
    computed = {"value": round(d.value, 6), "unit": d.unit, "op": d.op,
                "operands": [f.fact_id for f in d.operands], "formula": d.formula}
    return Answer(q, write(d, sources), cites, verified=True, mode="computed", facts=facts + [computed],
                  request=req.to_dict())
