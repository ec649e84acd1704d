"""Follow-up questions rewritten into standalone ones, by rules (measured against the model:
rules are instant and do not invent an indicator).

"Giá trị xuất khẩu 6 tháng đầu năm 2024?" then "còn năm 2022?" becomes
"Giá trị xuất khẩu năm 2022?": the indicator carries over, the period is replaced.
"""

from __future__ import annotations

import re

from assistant.ingest.periods import find_period_spans
from assistant.generation.select import content_terms
from assistant.ingest.lexfold import fold

_FOLLOW_CUES = ("con ", "the con", "vay con", "con ve", "the thi", "vay thi", "so voi", "con o")
_TAIL_CUES = re.compile(r"\b(thi sao|the nao|ra sao|nhi|a)\s*\??\s*$")


def _strip_cues(q: str) -> str:
    f = fold(q.lower())
    for cue in sorted(_FOLLOW_CUES, key=len, reverse=True):
        if f.startswith(cue):
            q = q[len(cue):]
            f = f[len(cue):]
            break
    m = _TAIL_CUES.search(f)
    if m:
        q = q[: m.start()]
    return q.strip(" ,?")


_SUPERLATIVE = re.compile(r"\bnao\b.*\b(nhat|dau)\b")


def is_follow_up(q: str) -> bool:
    f = fold(q.lower()).strip()
    if f.startswith(_FOLLOW_CUES) or _TAIL_CUES.search(f):
        return True
    if _SUPERLATIVE.search(f) and len(f.split()) <= 6 and not find_period_spans(q):
        return True  # "huyện nào cao nhất?" asks about the indicator just discussed
    rest = q
    for a, b, _ in reversed(find_period_spans(q)):
        rest = rest[:a] + rest[b:]
    return len(content_terms(rest)) <= 1


def rewrite(question: str, history: list[tuple[str, str]] | None) -> str:
    """A standalone question for retrieval, given the earlier (question, answer) turns."""
    if not history:
        return question
    previous = rewrite(history[-1][0], history[:-1])
    if not is_follow_up(question):
        return question
    core = _strip_cues(question)
    new_spans = find_period_spans(core)
    old_spans = find_period_spans(previous)
    if new_spans and old_spans:
        new_period = " và ".join(p.label() for _, _, p in new_spans)
        a0, b0 = old_spans[0][0], old_spans[-1][1]
        rest = core
        for a, b, _ in reversed(new_spans):
            rest = rest[:a] + rest[b:]
        merged = previous[:a0] + new_period + previous[b0:]
        extra = rest.strip(" ,?")
        return f"{merged.rstrip(' ?')} {extra}?".replace(" ?", "?") if extra else merged
    return f"{previous.rstrip(' ?')}, {core}?"
