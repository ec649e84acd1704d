"""Code writes every figure: the answer sentence from a chosen fact, and the refusal that says
which part is missing and lists the nearest facts. The model never touches these figures."""

from __future__ import annotations

from assistant.generation.factpick import Scored, period_of
from assistant.generation.request import Request
from assistant.ingest.facts import same_place
from assistant.numbers import hedge_before
from assistant.types import Fact

_KIND_VERB = {"estimate": "ước đạt", "target": "kế hoạch/mục tiêu là", "actual": "đạt"}

def hedge(f: Fact) -> str:
    """ "gần ", "hơn ", "khoảng " when the report writes it right before the figure, else ""."""
    return hedge_before(f.sentence, f.start)


def figure_phrase(f: Fact) -> str:
    """The figure exactly as written, with its unit and the verb its role needs."""
    # "%" and a bare rate per head ("/10.000 dân") follow the figure without a space
    unit = f.unit if f.unit == "%" or (f.unit or "").startswith("/") else (f" {f.unit}" if f.unit and f.unit != "rank" else "")
    fig = f"{hedge(f)}**{f.text}{unit}**"
    basis = f" so với {f.basis}" if f.basis and f.role == "change" else (f" {f.basis}" if f.basis else "")
    if f.role == "change":
        verb = "giảm" if f.value < 0 else "tăng"
        if "gấp" in f.sentence[max(0, f.start - 16) : f.start].lower():  # "gấp 3,1 lần kế hoạch" is no rise of 3,1 times
            return f"{'ước ' if f.kind == 'estimate' else ''}gấp {fig}{f' {f.basis}' if f.basis else ''}"
        return f"{'ước ' if f.kind == 'estimate' else ''}{verb} {fig}{basis}"
    if f.role == "share_plan":
        return f"bằng {fig}{basis}"
    if f.role == "share_whole":
        return f"chiếm {fig}"
    if f.role == "rank":
        return f"xếp thứ {fig}"
    return f"{_KIND_VERB.get(f.kind, 'đạt')} {fig}"


def describe(f: Fact) -> str:
    """"Tổng thu NSNN (6 tháng đầu năm 2024, Nghệ An)" — what, when, where."""
    p = period_of(f)
    bits = [b for b in (p.label() if p else None, f.place) if b]
    return f"{f.indicator or 'Số liệu'}" + (f" ({', '.join(bits)})" if bits else "")


def quote(f: Fact) -> str:
    """The source sentence with the figure marked."""
    s = f.sentence
    return f"{s[: f.start]}**{s[f.start : f.end]}**{s[f.end :]}"


def write_answer(f: Fact, doc_title: str) -> str:
    text = f"{_cap(describe(f))} {figure_phrase(f)} [1]."
    where = f"{doc_title}" + (f", mục {f.section.split(' > ')[-1][:80]}" if f.section else "")
    return f"{text}\nNguồn: {where}: “{quote(f)}”"


def write_refusal(req: Request, near: list[Scored], doc_places: list[str]) -> str:
    """Which part is missing, then what the reports do have for the same indicator."""
    what = req.question.strip().rstrip(" ?")
    if len(what) > 160:
        what = what[:160].rsplit(" ", 1)[0] + "…"
    parts = []
    if req.periods:
        parts.append("kỳ " + ", ".join(p.label() for p in req.periods))
    if req.place:
        parts.append(f"địa bàn {req.place}")
    missing = f" cho {' và '.join(parts)}" if parts else ""
    text = f"Các báo cáo hiện có không nêu số liệu trả lời câu hỏi “{what}”{missing}."
    if req.place and not any(same_place(req.place, p) for p in doc_places):
        text += f" Kho tài liệu không có báo cáo nào của {req.place}."
    if near:
        lines = [f"- {describe(s.fact)}: {figure_phrase(s.fact)} [{n}]" for n, s in enumerate(near, 1)]
        text += "\nSố liệu gần nhất có trong tài liệu (khác " + "/".join(sorted({r for s in near for r in s.reasons})) + "):\n" + "\n".join(lines)
    return text


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
