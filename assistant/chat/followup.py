"""A question resolved against the conversation: what it names replaces the context, what it
leaves out is carried over, and the result is one standalone question (Resolved.kind):

- "new": it names its own indicator. It inherits only what it omits: the place, and the
  period when it is asked as a follow-up ("còn …", "… thì sao?"); never the indicator.
- "same": no indicator of its own ("còn năm 2023?", "còn Nghệ An?", "tăng bao nhiêu?").
- "component": "trong đó X": X inside the last indicator, same place and period.
- "reference": "các dự án đó", "con số này": the facts last shown.
- "compare": "so với kế hoạch / cùng kỳ / năm 2023 / <nơi>": the last figure as one side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.chat.topic import Topic, compose, topic_of
from assistant.generation.request import parse_request, terms_of
from assistant.ingest.lexfold import fold
from assistant.ingest.periods import Period

_HEAD = re.compile(r"(?i)^\s*(?:(?:vậy|thế|và|rồi)\s+)?(?:còn|thế còn)\s+")
_TAIL = re.compile(r"(?i)\s*(?:thì|là)?\s*(?:sao|thế nào|như thế nào|ra sao|nhỉ|ạ|à|nữa)\s*[?.]*\s*$")
_COMPONENT = re.compile(r"(?i)^\s*(?:(?:còn|và)\s+)?trong (?:số )?đó\s*[,:]?\s*(?:thì\s+)?")
_COMPARE = re.compile(r"(?i)\bso (?:với|cùng kỳ)\s*(.*?)\s*[?.]*\s*$")
_REFERENCE = re.compile(
    r"(?i)(?:\b(?:của|trong|với|cho|về|từ)\s+)?\b((?:(?:các|những|số|hai|ba|mấy)\s+)?(?:[^\W\d_]+\s+){0,3}?)"
    r"(?:đó|này|ấy|nói trên|kể trên|kia)(?!\w)"
)
_GENERIC = {"", "con so", "so lieu", "so", "muc", "chi tieu", "ket qua", "gia tri", "ty le", "muc tang", "toc do"}
# Words a follow-up asks with that name no indicator of their own.
_FOLLOW_WORDS = set("tốc độ trưởng mức con số liệu ấy kia trên nhất cao thấp nhiều ít lớn nhỏ hơn đâu "
                    "huyện xã địa phương nào sánh".split())
_PLAN = re.compile(r"(?i)\b(?:kế hoạch|dự toán|mục tiêu|chỉ tiêu)\b")


@dataclass
class Resolved:
    standalone: str
    kind: str  # new | same | component | reference | compare
    topic: Topic


def resolve(question: str, last: Topic | None, facts: list[dict], places: list[str]) -> Resolved:
    """The standalone question for `question` after a turn about `last` that showed `facts`."""
    q = question.strip()
    if last is None:
        return Resolved(q, "new", topic_of(q, places))
    cued = bool(_HEAD.search(q) or _TAIL.search(q))
    core = _TAIL.sub("", _HEAD.sub("", q)).strip(" ,?")
    if _COMPONENT.search(core):
        return _component(_COMPONENT.sub("", core), last, places)
    ref = _reference(core)
    if ref is not None:
        return _referred(core, ref, last, facts, places)
    cmp = _COMPARE.search(core)
    if cmp and not own_terms(core[: cmp.start()], places):
        return _compare(cmp.group(0), last, facts, places)
    return _fill(q, core, cued, last, places)


def own_terms(text: str, places: list[str]) -> list[str]:
    """The indicator words a question names itself (follow-up and place words left out)."""
    if _looks_like_place(text):
        return []
    return [t for t in parse_request(text, places).terms if t not in _FOLLOW_WORDS]


def _looks_like_place(text: str) -> bool:
    """"Hà Nam", "Kim Bảng": every word capitalised and lower case after (no "GRDP")."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)


def _periods(new: list[Period], last: Topic) -> list[Period]:
    year = next((p.year for p in last.periods if p.year), None)
    return [p.with_year(year) for p in new]


def _fill(q: str, core: str, cued: bool, last: Topic, places: list[str]) -> Resolved:
    mine = topic_of(core, places)
    inherit = cued or not own_terms(core, places) or _subjectless(mine)
    periods = _periods(mine.periods, last) or (last.periods if inherit else [])
    place = mine.place or (core.strip() if _looks_like_place(core) else None) or last.place
    if own_terms(core, places) and not _subjectless(mine):
        asked = mine.asked if _asks(core) else _carried_ask(last)
        t = mine.with_(periods=periods, place=place, asked=asked)
        if not cued and periods == mine.periods and place == mine.place:  # nothing inherited: as written
            return Resolved(q, "new", t)
        return Resolved(compose(t), "new", t)
    asked = mine.asked if _asks(core) else (last.plain_asked or last.asked)
    indicator = last.indicator if asked == last.asked else last.name  # "Có bao nhiêu DN …" then "chiếm bao nhiêu %?"
    t = last.with_(indicator=indicator, periods=periods, place=place, asked=asked, plain_asked=None)
    return Resolved(compose(t), "same", t)


def _subjectless(t: Topic) -> bool:
    """"Chiếm bao nhiêu % GRDP?": the question starts with its verb; the subject is the last one."""
    return not t.indicator and not re.match(r"(?i)(?:có\s+)?(?:bao nhiêu|mấy)\s", t.asked)


def _asks(text: str) -> bool:
    f = fold(text.lower())
    return bool(re.search(r"\b(?:bao nhieu|may|the nao|ra sao|gi|tang|giam|chiem)\b", f))


def _carried_ask(last: Topic) -> str:
    """A new indicator asked as a follow-up keeps the way of asking, not its indicator words."""
    return last.asked if not terms_of(last.asked, expand=False) else "đạt bao nhiêu"


def _component(part: str, last: Topic, places: list[str]) -> Resolved:
    mine = topic_of(part, places)
    asked = mine.asked if _asks(part) else _carried_ask(last)
    t = Topic(mine.indicator or mine.name, asked, _periods(mine.periods, last) or last.periods,
              mine.place or last.place, last.name, "Trong")
    return Resolved(compose(t), "component", t)


def _reference(core: str) -> re.Match[str] | None:
    m = _REFERENCE.search(core)
    if m is None or fold(core[: m.start()].lower()).strip().endswith("so voi"):
        return None
    return m


def _referred(core: str, m: re.Match[str], last: Topic, facts: list[dict], places: list[str]) -> Resolved:
    noun = re.sub(r"^(?:cac|nhung|so|hai|ba|may)\s+", "", fold(m.group(1).lower()).strip())
    rest = (core[: m.start()] + " " + core[m.end():]).strip(" ,")
    if noun in _GENERIC or not own_terms(rest, places):
        cmp = _COMPARE.search(rest)
        if cmp:
            return _compare(cmp.group(0), last, facts, places)
        return _fill(rest, rest, True, last, places)
    mine = topic_of(rest, places)
    shown = [f for f in facts if f.get("text")]
    whole = _fact_phrase(shown[0]) if shown else last.name
    t = mine.with_(periods=_periods(mine.periods, last) or last.periods, place=mine.place or last.place,
                   within=whole, within_word="Đối với")
    return Resolved(compose(t), "reference", t)


def _fact_phrase(f: dict) -> str:
    """"15 dự án đầu tư trong nước": the figure shown and what it counts."""
    unit, ind = (f.get("unit") or "").strip(), (f.get("indicator") or "").strip()
    if unit and fold(ind.lower()).startswith(fold(unit.lower())):
        return f"{f['text']} {ind}"
    return " ".join(b for b in (f["text"], unit, ind) if b)


def _compare(phrase: str, last: Topic, facts: list[dict], places: list[str]) -> Resolved:
    """`phrase`: "so với kế hoạch", "so cùng kỳ", "so với năm 2023", "so với Nghệ An"."""
    other = re.sub(r"(?i)^so (?:với\s*)?", "", phrase).strip(" ,?.")
    if re.search(r"(?i)\bcùng kỳ\b", other):
        t = last.with_(asked="tăng bao nhiêu so với cùng kỳ")
    elif not other or _PLAN.search(other):
        t = last.with_(asked="đạt bao nhiêu % kế hoạch")
    else:
        t = _compare_other(other, last, facts, places)
    return Resolved(compose(t), "compare", t.with_(plain_asked=last.plain_asked or last.asked))


def _compare_other(other: str, last: Topic, facts: list[dict], places: list[str]) -> Topic:
    side = topic_of(other, places)
    rate = bool(facts) and (facts[0].get("unit") or "").strip() == "%"
    if side.periods:
        label = _periods(side.periods, last)[0].label()
        return last.with_(asked=f"cao hơn {label} bao nhiêu" if rate else f"tăng bao nhiêu % so với {label}")
    place = side.place or other
    mine = last.place or next((f.get("place") or f.get("doc_place") for f in facts if f.get("place") or f.get("doc_place")), None)
    if mine is None:
        return last.with_(place=place)
    return last.with_(place=mine, asked=f"cao hơn {place} bao nhiêu")
