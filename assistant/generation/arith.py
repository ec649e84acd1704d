"""Comparisons across periods or reports, computed in code from verified figures.

"Giá trị xuất khẩu 6 tháng đầu năm 2024 tăng bao nhiêu so với năm 2022?" is split into one
question per period; each is answered and verified on its own; the difference, the ratio and
the percentage change are then computed here, never by the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.periods import Period, find_period_spans
from assistant.ingest.lexfold import fold
from assistant.numbers import Mention, find_numbers, format_vn
from assistant.types import Answer

_CUES = ("so voi", "chenh lech", "tang bao nhieu", "giam bao nhieu", "gap bao nhieu", "hon bao nhieu",
         "thay doi", "tang them")
_UNIT_RE = re.compile(r"\s*(%|điểm phần trăm|(?:nghìn |ngàn )?tỷ đồng|triệu đồng|tỷ USD|triệu USD|nghìn tỷ|"
                      r"[^\W\d_]+(?: [^\W\d_]+)?)")


@dataclass
class Comparison:
    sub_questions: list[str]
    periods: list[Period]


def parse_comparison(question: str, asked: list[Period]) -> Comparison | None:
    f = fold(question.lower())
    spans = find_period_spans(question)
    if not any(c in f for c in _CUES) or len(spans) < 2 or len({p for *_, p in spans}) < 2:
        return None
    indicator = question[: spans[0][0]].strip()
    for cue in ("tăng bao nhiêu", "giảm bao nhiêu", "so với", "chênh lệch"):
        indicator = re.sub(cue, "", indicator, flags=re.IGNORECASE).strip()
    if len(indicator) < 4:
        return None
    subs = [f"{indicator} {question[a:b]} đạt bao nhiêu?" for a, b, _ in spans[:2]]
    return Comparison(subs, [p for *_, p in spans[:2]])


def pick_figure(answer: Answer, question: str) -> tuple[Mention, str] | None:
    """The figure a (verified) sub-answer gives, with the unit written after it."""
    if answer.refused or not answer.verified:
        return None
    if answer.facts:  # chosen by code from a fact: no need to read the text back
        f = answer.facts[0]
        unit = f.get("unit") or ""
        value = abs(f["value"]) if f.get("role") == "change" else f["value"]
        m = Mention(f["text"], value, 0, 0, unit == "%", f.get("scale") or 1.0)
        return m, unit
    text = re.sub(r"\[\d+\]", " ", answer.answer)
    if "“" in text:  # an extractive quote: the figure sits in the quoted sentence
        text = text.split("“", 1)[1]
    free = {m.key for m in find_numbers(question)}
    wants_pct = any(c in fold(question.lower()) for c in ("ty le", "%", "toc do", "tang truong"))
    mentions = [m for m in find_numbers(text) if m.value is not None and m.key not in free]
    mentions = [m for m in mentions if m.percent == wants_pct] or mentions
    if not mentions:
        return None
    m = mentions[0]
    um = _UNIT_RE.match(text[m.end :])
    return m, "%" if m.percent else (um.group(1) if um else "")


def combine(question: str, comparison: Comparison, parts: list[Answer]) -> Answer:
    figures = [pick_figure(p, s) for p, s in zip(parts, comparison.sub_questions)]
    citations = [h for p in parts for h in p.citations[:1]]
    if any(f is None for f in figures):
        missing = [p.label() for p, f in zip(comparison.periods, figures) if f is None]
        text = f"Không tính được: các báo cáo hiện có không nêu số liệu cho {', '.join(missing)}."
        return Answer(question, text, citations, verified=True, refused=True, mode="refusal")
    (a, unit_a), (b, unit_b) = figures  # type: ignore[misc]
    va, vb = a.value * a.scale, b.value * b.scale  # type: ignore[operator]
    if a.percent != b.percent:
        text = "Không so sánh được: hai số liệu có đơn vị khác nhau."
        return Answer(question, text, citations, verified=True, refused=True, mode="refusal")
    la, lb = comparison.periods[0].label(), comparison.periods[1].label()
    diff = va - vb
    scale, unit = (a.scale, unit_a) if a.scale >= b.scale else (b.scale, unit_b)
    unit = "điểm phần trăm" if a.percent else unit
    lines = [f"{la}: {a.text}{'%' if a.percent else ' ' + unit_a} [1]; {lb}: {b.text}{'%' if b.percent else ' ' + unit_b} [2]."]
    word = "cao hơn" if diff > 0 else "thấp hơn" if diff < 0 else "bằng"
    lines.append(f"Chênh lệch (tính từ hai số liệu trên): {la} {word} {lb} {format_vn(abs(diff) / scale)} {unit}".rstrip() + ".")
    if not a.percent and vb:
        lines.append(f"Tương đương {format_vn(va / vb * 100, 1)}% so với {lb}.")
    return Answer(question, "\n".join(lines), citations, verified=True, mode="computed")
