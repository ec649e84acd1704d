"""Two-part questions: "Thu NSNN 9 tháng đạt bao nhiêu, bằng bao nhiêu % dự toán?" asks for a
level and its share of plan (or its growth) at once. Each part becomes a question of its own,
the second taking the subject of the first when it names none; each is answered by its own fact.
"""

from __future__ import annotations

import re

from assistant.generation.request import terms_of
from assistant.ingest.periods import find_period_spans, is_basis

_ASK = re.compile(r"(?i)(?<!\w)(?:bao\s+nhiêu|mấy)(?!\w)")
# what joins the parts between the two question words: ", tăng …", "; bằng …", " và tăng …"
_JOIN = re.compile(r"(?i)\s*[,;]\s*(?:(?:và|còn|đồng thời)\s+)?|\s+(?:và|đồng thời)\s+")
# the verb that opens a part's predicate ("đạt bao nhiêu", "tăng bao nhiêu %", "bằng bao nhiêu %")
_PREDICATE = re.compile(r"(?i)(?<!\w)(?:(?:ước|dự kiến)\s+)?(?:(?:đã|được)\s+)?(?:đạt|tăng|giảm|bằng|chiếm|là|vượt|gấp|"
                        r"thu hút|tạo việc làm cho|giải ngân|xếp thứ|đứng thứ)(?!\w)")
# "cao hơn … bao nhiêu", "so với … bao nhiêu" between two sides: a comparison, not two parts
_COMPARES = re.compile(r"(?i)(?<!\w)(?:cao hơn|thấp hơn|nhiều hơn|ít hơn|chênh lệch)(?!\w)")


def split_parts(question: str) -> tuple[str, str] | None:
    """The two questions a two-part question asks, each whole; None for any other question."""
    q = question.strip().rstrip(" ?")
    asks = list(_ASK.finditer(q))
    if len(asks) != 2:
        return None
    between = q[asks[0].end() : asks[1].start()]
    joins = list(_JOIN.finditer(between))
    if not joins:
        return None
    j = joins[-1]
    cut, start2 = asks[0].end() + j.start(), asks[0].end() + j.end()
    first, second = q[:cut].strip(), q[start2:].strip()
    if _COMPARES.search(q[: asks[1].end()]):
        return None
    head1 = [m for m in _PREDICATE.finditer(first) if m.start() < asks[0].start()]
    subject = first[: head1[-1].start()].strip() if head1 else first[: asks[0].start()].strip()
    if not terms_of(_blank_periods(subject), expand=False):
        return None  # "Đạt bao nhiêu, tăng bao nhiêu?": nothing named to ask about
    if asks[1].start() == start2:
        # "thu hút thêm bao nhiêu dự án và bao nhiêu vốn đăng ký": one predicate, two things
        second_q = f"{first[: asks[0].start()]} {second}"
    else:
        pred2 = list(_PREDICATE.finditer(second))
        if not pred2 or pred2[0].start() > asks[1].start() - start2:
            return None  # the second part opens with no predicate of its own
        own_subject = second[: pred2[0].start()].strip()
        if terms_of(_blank_periods(own_subject), expand=False):
            second_q = second  # "…, chi NSNN đạt bao nhiêu?": the second part names its own indicator
        else:
            second_q = f"{subject} {second}"
    # a part that names no period of its own is of the period the other names
    a, b = _with_period(first, second_q), _with_period(second_q, first)
    return _tidy(a), _tidy(b)


def _own_periods(text: str) -> list[str]:
    """The periods a part is asked for, not the basis of its change ("so với năm 2022")."""
    return [text[a:b] for a, b, _ in find_period_spans(text) if not is_basis(text, a)]


def _with_period(part: str, other: str) -> str:
    if _own_periods(part):
        return part
    return f"{part} {' '.join(_own_periods(other))}"


def _blank_periods(text: str) -> str:
    for a, b, _ in reversed(find_period_spans(text)):
        text = text[:a] + " " + text[b:]
    return text


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;") + "?"
