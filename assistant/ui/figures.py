"""Which figures an answer states, and marking those figures where a passage writes them.

Figures are matched by value (`Mention.key`), so "315.145" in the answer marks "315.145" in the
passage whatever the spacing around it. Numbers the question already contains ("6 tháng")
and years are the period asked about, not the answer, so they are not marked.
"""

from __future__ import annotations

import re
from html import escape

from assistant.numbers import Mention, find_numbers

# "[1]", "[1, 3]", "[2;4]": citation markers are not figures.
CITATION_RE = re.compile(r"\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")


def strip_citations(text: str) -> str:
    """The text with its [n] markers blanked out (same length, so offsets still hold)."""
    return CITATION_RE.sub(lambda m: " " * len(m.group(0)), text)


def _is_year(m: Mention) -> bool:
    # "năm 2021" in an answer names a period, not a figure; marking it would hide the real one.
    return len(m.text) == 4 and m.text.isdigit() and 1900 <= int(m.text) <= 2100


def _figures(text: str) -> list[Mention]:
    return [
        m for m in find_numbers(strip_citations(text)) if m.value is not None and not _is_year(m)
    ]


def answer_figures(answer: str, question: str = "") -> frozenset[str]:
    """Keys of the figures `answer` states that the question did not already contain."""
    asked = {m.key for m in find_numbers(question)}
    return frozenset(m.key for m in _figures(answer) if m.key not in asked)


def highlight_html(text: str, keys: frozenset[str] | set[str]) -> str:
    """HTML-escaped `text` with every figure whose key is in `keys` wrapped in <mark>."""
    out: list[str] = []
    pos = 0
    for m in _figures(text):
        if m.key not in keys:
            continue
        out.append(escape(text[pos : m.start], quote=False))
        out.append(f'<mark class="bc-fig">{escape(text[m.start : m.end], quote=False)}</mark>')
        pos = m.end
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def normalize_space(text: str) -> str:
    """Collapse the line breaks and runs of spaces that PDF extraction leaves in a passage."""
    return " ".join(text.split())
