"""What is left of a plan: "còn bao nhiêu tỷ đồng vốn đầu tư công chưa giải ngân so với kế hoạch
vốn năm?" is the plan less what was done. Each side is a single-figure question answered by its
own fact; the subtraction is done here, shown with both cited figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.periods import find_period_spans, find_periods

_LEFT = re.compile(r"(?i)(?<!\w)còn\s+(?:bao\s+nhiêu|mấy)(?!\w)(?P<what>.*?)(?<!\w)chưa\s+(?P<verb>[^\W\d_]+(?:\s+[^\W\d_]+)?)(?P<rest>.*)$")
_PLAN = re.compile(r"(?i)(?<!\w)(kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)(?!\w)")
# the measure written after "bao nhiêu" names no indicator: "còn bao nhiêu tỷ đồng vốn …"
_MEASURE = re.compile(r"(?i)^\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s+)*(?:đồng|USD)?\s*")


_MONEY = re.compile(r"(?i)(?:vốn|kinh\s+phí|tiền|nguồn\s+vốn)(?!\w)")
_DATE_YEAR = re.compile(r"(?<![\d/])(?:\d{1,2}/)?\d{1,2}/(20\d\d)(?!\d)")


@dataclass
class Remaining:
    done: str  # "Đến 25/9/2023 huyện X đã giải ngân vốn đầu tư công bao nhiêu?"
    plan: str  # "Kế hoạch vốn đầu tư công năm 2023 huyện X là bao nhiêu?"
    verb: str  # "giải ngân"
    plan_word: str  # "kế hoạch"


def split_remaining(question: str) -> Remaining | None:
    """The two single-figure questions of "còn bao nhiêu … chưa <làm> so với kế hoạch", or None."""
    q = question.strip().rstrip(" ?")
    m = _LEFT.search(q)
    if not m:
        return None
    plan = _PLAN.match(re.sub(r"(?i)^\s*(?:so\s+với|theo)?\s*", "", m.group("rest")))
    measure = _MEASURE.match(m.group("what"))
    if not measure.group(0).strip() and not _MONEY.match(m.group("what").strip()):
        return None  # an amount of money left of a plan, not a count ("còn bao nhiêu xã chưa đạt chuẩn")
    what = m.group("what")[measure.end():].strip(" ,")
    # "còn bao nhiêu tỷ đồng vốn X năm 2025 chưa giải ngân": the money of a year is its plan
    year_of_what = any(p.span == "year" for _, _, p in find_period_spans(what))
    if not plan and not (year_of_what and _MONEY.match(what)):
        return None  # "còn bao nhiêu hộ chưa có nước sạch": no plan to take it from
    plan_word = plan.group(1) if plan else "kế hoạch"
    verb = m.group("verb").strip()
    if not what or not re.search(r"[^\W\d_]", what):
        return None
    before = q[: m.start()].strip(" ,")
    years = sorted({p.year for p in find_periods(q) if p.year} | {int(y) for y in _DATE_YEAR.findall(q)})
    year = f" năm {years[-1]}" if years else ""
    place = _blank_periods(before)
    unit = measure.group(0).strip()
    # the year named with the money is the plan's; what was done so far has the lead's date
    done_what = re.sub(r"\s+", " ", _blank_periods(what)).strip() if year_of_what else what
    return Remaining(done=f"{before} đã {verb} {done_what} bao nhiêu {unit}".rstrip() + "?",
                     plan=f"{plan_word.capitalize()} {what}{year} {place.strip()} là bao nhiêu?".replace("  ", " "),
                     verb=verb, plan_word=plan_word.lower())


def _blank_periods(text: str) -> str:
    """The place and other words of the lead, without its dates ("Đến 25/9/2023 huyện X" -> "huyện X")."""
    for a, b, _ in reversed(find_period_spans(text)):
        text = text[:a] + " " + text[b:]
    text = re.sub(r"(?i)(?<!\w)(?:đến|tính đến|tới|hết|ngày)(?!\w)", " ", text)
    text = re.sub(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}", " ", text)
    return re.sub(r"\s+", " ", text)
