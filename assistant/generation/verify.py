"""Check every figure in an answer against the evidence sentences, and fix its citations.

A figure is supported only if it is written in an evidence sentence that the selector judged to
be about the indicator and the period asked (not merely somewhere in a passage). Scale words
are honoured: "2,15 tỷ" matches "2.150 triệu".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.generation.select import Sentence
from assistant.numbers import Mention, find_numbers

CITATION_RE = re.compile(r"\[(\d{1,2})\]")


@dataclass
class Verification:
    ok: bool
    unverified: list[str] = field(default_factory=list)
    cited: list[int] = field(default_factory=list)  # hit indices the figures come from
    text: str = ""  # the answer with its citations corrected


def _same(a: Mention, b: Mention) -> bool:
    if a.value is None or b.value is None:
        return a.key == b.key
    if a.key == b.key:
        return True
    return abs(a.value * a.scale - b.value * b.scale) <= 1e-9 * max(abs(b.value * b.scale), 1)


def _free_numbers(question: str) -> list[Mention]:
    """Figures the answer may repeat without evidence: those the question itself contains."""
    return find_numbers(question)


def verify_answer(answer: str, question: str, evidence: list[Sentence]) -> Verification:
    """Every figure in `answer` must come from an evidence sentence; citations are mapped to the
    passage holding each figure (a wrong [n] is corrected, an unsupported one dropped)."""
    body = CITATION_RE.sub(" ", answer)
    free = _free_numbers(question)
    unverified: list[str] = []
    cited: list[int] = []
    found = find_numbers(body)
    for d in re.finditer(r"\d(?:[\d.,]*\d)?", body):
        # digits the parser reads as no figure ("13,960,000" in foreign notation) are no figure of
        # the reports either: shown unread, they would be unchecked
        if not any(m.start <= d.start() < m.end for m in found) and not any(d.group() in f.text for f in free):
            unverified.append(d.group())
    for m in found:
        if any(_same(m, f) for f in free):
            continue
        src = next((s for s in evidence if any(_same(m, n) for n in s.numbers)), None)
        if src is None:
            unverified.append(m.text)
        elif src.hit_index not in cited:
            cited.append(src.hit_index)
    text = _fix_citations(answer, cited)
    return Verification(ok=not unverified, unverified=unverified, cited=cited, text=text)


def _fix_citations(answer: str, cited: list[int]) -> str:
    stripped = CITATION_RE.sub("", answer).rstrip()
    stripped = re.sub(r"\s+([.,;])", r"\1", stripped)
    if not cited:
        return stripped
    marks = "".join(f"[{i + 1}]" for i in cited)
    if stripped.endswith("."):
        return f"{stripped[:-1]} {marks}."
    return f"{stripped} {marks}"
