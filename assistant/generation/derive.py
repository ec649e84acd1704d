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

from assistant.generation.factpick import MIN_SCORE, NOT_YET, period_of
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


# Closed pairs of parts that together make their whole: (asked, as folded in the question) ->
# what the report states instead, as folded in its clause. "chưa <làm>" is "đã <làm>" left over.
_PAIRS = (
    (r"\bbat buoc\b", r"\btu nguyen\b"),
    (r"\btu nguyen\b", r"\bbat buoc\b"),
    (r"\b(?:khong|chua) (?:\w+ ){0,2}dung han\b|\b(?:(?:giai quyet|xu ly) )?(?:tre|qua|cham) han\b",
     r"(?<!khong )(?<!chua )\bdung han\b"),
)


def _complement(question: str) -> tuple[re.Match, str] | None:
    """The part a question asks (its words in the folded question) and a pattern of the part
    that completes it to the whole."""
    low = question.lower()
    folded = fold(low)
    if len(folded) != len(low):
        return None
    for asked, other in _PAIRS:
        m = re.search(asked, folded)
        if m:
            return m, other
    m = NOT_YET.search(low)  # "chưa hoàn thành": what is done is "đã hoàn thành"
    if m:
        return m, rf"\b(?:da|duoc) {re.escape(fold(m.group(1)))}\b"
    return None


def part_left(index, req: Request, chunk_ids: list[str]) -> Derived | None:
    """One of two complementary parts, when the report states the whole and only the other part
    in one sentence: "68.000 người tham gia BHXH, trong đó tự nguyện 20.000 người" asked for the
    compulsory; "tiếp nhận 900 hồ sơ, giải quyết đúng hạn 880" asked for those not on time; "cần
    hỗ trợ 600 căn, đã hoàn thành 450 căn" asked for those not yet done. The part is the figure
    right after the whole, in its unit, its own clause naming the complement; the asked part is
    written nowhere in the sentence (then the report states it and nothing is worked out)."""
    q = fold(req.question.lower())
    found = _complement(req.question)
    if found is None or req.role not in (None, "level") or req.unit == "%":
        return None
    asked, other = found
    # the whole is asked without the part's words ("bắt buộc", "không … đúng hạn", "chưa …")
    start, end = asked.span()
    whole_q = req.question[:start] + " " * (end - start) + req.question[end:]
    # the unit asked ("bao nhiêu hồ sơ") is checked as a unit, not looked for among the words
    measure = set(fold(req.unit or "").split()) | {"bao", "nhieu"}
    gone = set(q[start:end].split()) | measure
    probe = replace(req, question=whole_q, terms=[t for t in req.terms if fold(t) not in gone] or req.terms,
                    role="level")
    rank = {cid: r for r, cid in enumerate(chunk_ids)}
    pairs = []
    for i in index.candidates(probe, set(chunk_ids)):
        s = index.score(i, probe, rank)
        w = s.fact
        if s.reasons or s.score < MIN_SCORE or s.indicator_cover < 0.7 or w.role not in ("level", "count"):
            continue
        if re.search(asked.re.pattern, w.sentence.lower() if asked.re is NOT_YET else fold(w.sentence.lower())):
            continue  # the asked part is written in the sentence: the report states it
        if re.search(other, fold(_clause(index, w).lower())):
            continue  # this figure is itself the complement, not the whole
        part = _next_figure(index, w)
        if part is None or part.role not in ("level", "count") or not re.search(other, fold(_clause(index, part).lower())):
            continue
        uw, up = unit_of(w.unit or ""), unit_of(part.unit or "")
        if not uw.base or uw.base != up.base or uw.base in ("%", "điểm %") or part.period != w.period \
                or part.place != w.place:
            continue
        if part.value * up.scale >= w.value * uw.scale:
            continue
        pairs.append((w, part))
    values = {round(w.value * unit_of(w.unit).scale - p.value * unit_of(p.unit).scale, 6) for w, p in pairs}
    if len(values) != 1:
        return None
    w, part = pairs[0]
    from assistant.generation.compare import finer_unit

    scale, unit = finer_unit(unit_of(w.unit), w.unit, unit_of(part.unit), part.unit)
    value = values.pop() / scale
    formula = f"{w.text} {w.unit} − {part.text} {part.unit}"
    period = period_of(w)
    low = req.question.lower()
    words = low[start:end] if len(low) == len(q) else q[start:end]
    where = ", ".join(x for x in (period.label() if period else "", w.place or "") if x)
    label = f"{w.indicator[:1].upper()}{w.indicator[1:]}, phần {words}" + (f" ({where})" if where else "")
    return Derived([w, part], value, unit, formula, label, "part_left")


def _next_figure(index, f: Fact) -> Fact | None:
    """The figure right after another in its sentence."""
    after = [index.facts[i] for i in index.by_chunk.get(f.chunk_id, ())]
    after = [g for g in after if g.sentence == f.sentence and g.start >= f.end and g.fact_id != f.fact_id]
    return min(after, key=lambda g: g.start) if after else None


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
    d = level_before(answerer.facts, req, chunk_ids) or part_left(answerer.facts, req, chunk_ids)
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


# -- the gap to a plan ----------------------------------------------------------------------------
_SETTERS = {"hdnd": "hoi dong nhan dan", "ubnd": "uy ban nhan dan", "tw": "trung uong", "tp": "thanh pho"}


def _setter_words(text: str) -> str:
    words = fold(text.lower())
    return re.sub(r"\b(?:hdnd|ubnd|tw|tp)\b", lambda m: _SETTERS[m.group(0)], words)


def _clause(index, f: Fact) -> str:
    """The words of a figure's clause: from the figure before it in its sentence (or the sentence's
    start) up to it."""
    start = max((g.end for i in index.by_chunk.get(f.chunk_id, ()) for g in [index.facts[i]]
                 if g.sentence == f.sentence and g.end <= f.start), default=0)
    return f.sentence[start : f.start]


def _set_by(index, f: Fact, issuer: str) -> bool:
    return bool(re.search(rf"\b{re.escape(_setter_words(issuer))}\s+giao\b", _setter_words(_clause(index, f))))


def _named_so(g: Fact, which: str) -> bool:
    """The plan's figure is written right after its own name ("dự toán pháp lệnh (7.860 tỷ đồng)")."""
    before = fold(g.sentence[max(0, g.start - 40): g.start].lower())
    before = re.split(r"\d[\d.,]*\s*%?", before)[-1]  # after the figure before it
    return bool(which) and re.search(rf"\b{re.escape(which)}\b", before) is not None


def _the_plan(index, plan: Fact, issuer: str, which: str = "") -> Fact | None:
    """The plan asked: when its sentence gives plans of several setters ("Trung ương giao 2.450 tỷ
    đồng, HĐND tỉnh giao 2.650 tỷ đồng"), the one of the setter the question names; None when it
    names none or no single plan of the sentence is that setter's."""
    base = unit_of(plan.unit or "").base
    plans = [index.facts[i] for i in index.by_chunk.get(plan.chunk_id, ())]
    plans = [g for g in plans if g.sentence == plan.sentence and g.kind == "target" and g.role == "level"
             and unit_of(g.unit or "").base == base and g.period == plan.period]
    if len({g.value * unit_of(g.unit or "").scale for g in plans}) <= 1:
        return plan
    if not issuer:  # "dự toán pháp lệnh": the plan written after its own name, when one is
        named = [g for g in plans if _named_so(g, which)]
        return named[0] if len(named) == 1 else None
    named = [g for g in plans if _set_by(index, g, issuer)]
    return named[0] if len(named) == 1 else None


def _shares_agree(index, done: Fact, plan: Fact) -> bool | None:
    """When the result's sentence states its share of plan ("đạt 1.200 tỷ đồng, bằng 48,0% dự
    toán"), one such share agrees with the two figures (to its rounding): the plan found is then
    the plan the report measures against. No share stated: None (nothing to check)."""
    shares = [index.facts[i] for i in index.by_chunk.get(done.chunk_id, ())]
    shares = [f for f in shares if f.sentence == done.sentence and f.role == "share_plan" and f.start > done.end
              and f.unit == "%" and f.kind == done.kind]
    if not shares:
        return None
    ratio = done.value * unit_of(done.unit or "").scale / (plan.value * unit_of(plan.unit or "").scale) * 100
    return any(abs(ratio - f.value) <= 0.5 * 10 ** -_decimals(f.text) + 1e-9 for f in shares)


def _decimals(text: str) -> int:
    return len(text.split(",")[1]) if "," in text else 0


def gap(answerer, q: str, g, filters) -> "Answer | None":
    """Plan less what was done ("còn phải thu bao nhiêu nữa mới đạt dự toán"), or a result's
    excess or shortfall against its plan, each figure its own cited fact; None (the usual paths
    answer) unless both are found of one place, one year and one unit, with the plan a plan (or
    the year's estimate when that is what is asked), the result not one, and the sign as asked."""
    from assistant.types import Answer

    index = answerer.facts
    found, undated = [], False
    for part in (g.done, g.plan):
        if found and found[0][2].unit:  # the plan is in the result's unit ("bao nhiêu tỷ đồng")
            part = re.sub(r"bao nhiêu\?$", f"bao nhiêu {found[0][2].unit}?", part)
        hits = answerer.searcher.search(part, answerer.opts.k, filters=filters)
        a = answerer._fact_answer(part, part, hits, level=True)
        if found and a.refused and g.year:
            # a plan the report dates otherwise ("nhiệm vụ 6 tháng cuối năm: thu NSNN đạt 380 tỷ
            # đồng"): asked without its year, taken only when the result's stated share confirms it
            part, undated = re.sub(rf"\s*năm {g.year}\b", "", part), True
            hits = answerer.searcher.search(part, answerer.opts.k, filters=filters)
            a = answerer._fact_answer(part, part, hits, level=True)
        if a.refused or not a.facts:
            return None
        found.append((a, hits, Fact.from_dict(a.facts[0])))
    found.reverse()
    plan, done = found[0][2], found[1][2]
    if not g.estimate:
        plan = _the_plan(index, plan, g.issuer, g.which)
    if plan is None or plan.role not in ("level", "count") or done.role not in ("level", "count"):
        return None
    if plan.kind != ("estimate" if g.estimate else "target") or done.kind == "target" or plan.fact_id == done.fact_id:
        return None
    up, ud = unit_of(plan.unit or ""), unit_of(done.unit or "")
    if not up.base or up.base != ud.base or up.base in ("%", "điểm %") or plan.doc_id != done.doc_id \
            or plan.place != done.place:
        return None
    pp, pd = period_of(plan), period_of(done)
    agree = _shares_agree(index, done, plan)
    if agree is False or pp is None or pd is None or not pp.year or pd.year != pp.year or (g.year and pp.year != g.year):
        return None
    if (pp.span != "year" or undated or g.confirm) and not agree:
        return None  # a plan dated other than its year ("nhiệm vụ 6 tháng cuối năm") only when its share confirms it
    if g.done_period is not None and not compatible(g.done_period, pd, pp.year):
        return None
    if g.direction == "left" and pd.span == "year":
        return None  # what is still to do in a year is against a part of it
    vp, vd = plan.value * up.scale, done.value * ud.scale
    diff = vd - vp if g.direction == "over" else vp - vd
    if diff <= 0:
        return None  # not the way the question says: another pair, or another reading
    from assistant.generation.compare import finer_unit

    scale, unit = finer_unit(up, plan.unit, ud, done.unit)
    docs = answerer.searcher.documents
    cites, lines, facts = [], [], []
    for f in (plan, done):
        hit = answerer._hit_for(f.chunk_id, [h for _, hs, _ in found for h in hs])
        if hit.chunk.chunk_id not in [h.chunk.chunk_id for h in cites]:
            cites.append(hit)
        n = [h.chunk.chunk_id for h in cites].index(hit.chunk.chunk_id) + 1
        title = docs.get(f.doc_id, {}).get("title") or hit.chunk.doc_title
        from assistant.generation.write import write_answer

        first, _, source = write_answer(f, title).partition("\n")
        lines.append(f"- {first.replace('[1]', f'[{n}]')}\n  {source}")
        facts.append({**f.to_dict(), "citation": n})
    word = {"left": f"Còn phải {g.verb or 'thực hiện'} thêm để đạt {g.plan_word}", "over": f"Vượt {g.plan_word}",
            "short": f"Hụt so với {g.plan_word}"}[g.direction]
    formula = (f"{done.text} {done.unit} − {plan.text} {plan.unit}" if g.direction == "over"
               else f"{plan.text} {plan.unit} − {done.text} {done.unit}")
    lines.append(f"{word} (tính từ hai số liệu trên: {formula}): **{format_vn(diff / scale, 2)} {unit}**.")
    if agree:
        ratio = vd / vp * 100
        lines.append(f"(Hai số liệu khớp với tỷ lệ báo cáo nêu: {done.text} / {plan.text} ≈ {format_vn(ratio, 1)}%.)")
    computed = {"value": round(diff / scale, 6), "unit": unit, "op": f"gap_{g.direction}",
                "operands": [plan.fact_id, done.fact_id], "formula": formula}
    return Answer(q, "\n".join(lines), cites, verified=True, mode="computed", facts=facts + [computed])
