"""What a standalone question is about, in parts that a follow-up can replace one by one:
the indicator as written, the way it is asked ("đạt bao nhiêu", "tăng bao nhiêu %"), the
periods, the place, and the whole it narrows ("Trong tổng thu NSNN, …").

`compose` writes the parts back as one readable Vietnamese question; parsing that question
(generation/request.py) gives back the same indicator, periods and place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.generation.request import PLACE_RE, known_places, parse_request, split_within
from assistant.ingest.periods import Period, find_period_spans, is_basis

# The question words and the verb before them: what follows the indicator.
_ASK = re.compile(
    r"(?i)(?:^|\s)((?:(?:đạt|là|tăng|giảm|chiếm|bằng|vượt|được|có|xếp|đứng|khoảng|ước|ở mức|vào|thu hút|cao hơn|thấp hơn)\s+)*"
    r"(?:bao nhiêu|mấy|thứ mấy|thế nào|ra sao|những gì|gì)(?!\w).*)$"
)
_GLUE = re.compile(r"(?i)(?:\s|^)(?:trong|của|tại|ở|vào|trên địa bàn|toàn|địa bàn)\s*$")
_COUNTED = re.compile(r"(?i)^(?:có\s+)?(?:bao nhiêu|mấy)\s+(\D+)$")
_QWORDS = re.compile(r"(?i)\b(?:có|là|đạt|bao nhiêu|mấy)\b")


@dataclass
class Topic:
    indicator: str
    asked: str = "đạt bao nhiêu"
    periods: list[Period] = field(default_factory=list)
    place: str | None = None
    within: str | None = None  # the whole a component belongs to, or the facts referred to
    within_word: str = "Trong"
    plain_asked: str | None = None  # the way of asking before a comparison replaced it

    def with_(self, **changes) -> Topic:
        return replace(self, **changes)

    @property
    def name(self) -> str:
        """The indicator as a noun phrase ("Có bao nhiêu doanh nghiệp …" -> "doanh nghiệp …")."""
        m = _COUNTED.match(self.asked)
        if m:  # "cấp mới" + "bao nhiêu dự án đầu tư": "dự án đầu tư cấp mới"
            return _tidy(f"{m.group(1)} {self.indicator}")
        return self.indicator or _tidy(_QWORDS.sub(" ", self.asked))


def topic_of(question: str, places: list[str]) -> Topic:
    """Split a standalone question into its parts."""
    text = question.strip().rstrip(" ?.")
    req = parse_request(text, places)
    within, word, text = split_within(text)
    text = _blank_places(_blank_periods(text), places)
    m = _ASK.search(text)
    indicator, asked = (text[: m.start(1)], m.group(1)) if m else (text, "là bao nhiêu")
    indicator = _tidy(indicator)  # empty for "Có bao nhiêu doanh nghiệp …": the asked part names it
    within = _tidy(_blank_places(_blank_periods(within), places)) if within else None
    return Topic(indicator, _tidy(asked) or "là bao nhiêu", req.periods, req.place, within or None, word)


def compose(t: Topic) -> str:
    """The parts as one question: "[Trong X, ]chỉ tiêu kỳ của nơi đạt bao nhiêu?"."""
    periods = " và ".join(p.label() for p in t.periods)
    place = f"của {t.place}" if t.place else ""
    parts = (t.indicator, periods, place, _lower_first(t.asked)) if t.indicator else (t.asked, periods, place)
    body = " ".join(b for b in parts if b)
    if t.within:
        return f"{t.within_word} {_lower_first(t.within)}, {_lower_first(body)}?"
    return _upper_first(body) + "?"


def _blank_periods(text: str) -> str:
    """The periods of the figure removed (with "trong", "của" before them); a basis stays."""
    for a, b, _ in reversed(find_period_spans(text)):
        if is_basis(text, a):
            continue
        g = _GLUE.search(text[:a])
        a = g.start() if g else a
        text = text[:a] + " " + text[b:]
    return text


def _blank_places(text: str, places: list[str]) -> str:
    spans = [(m.start(), m.end()) for m in PLACE_RE.finditer(text)]
    spans += [(a, b) for _, a, b in known_places(text, places) if not any(x < b and a < y for x, y in spans)]
    for a, b in sorted(spans, reverse=True):
        g = _GLUE.search(text[:a])
        a = g.start() if g else a
        text = text[:a] + " " + text[b:]
    return text


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" ,;:-–")


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def _lower_first(s: str) -> str:
    """"Thu nội địa" -> "thu nội địa", but "GRDP", "FDI" stay."""
    return s[:1].lower() + s[1:] if s[1:2].islower() else s
