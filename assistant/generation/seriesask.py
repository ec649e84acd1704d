"""Questions that ask for an indicator over time, and their answer: the series as a table.

"Tăng trưởng GRDP qua các năm thế nào?", "Thu ngân sách từ 2022 đến nay?", "Diễn biến xuất
khẩu từ 2022 đến 2024": the cue is removed and what remains names the indicator. The answer's
figures are the series' own (code chooses and writes them); the change between the first and
last actual figures is computed in seriesout.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.generation.series import Series
from assistant.generation.seriesout import cited_chunks, rows, summary_lines
from assistant.ingest.lexfold import fold
from assistant.types import Answer, Chunk, Hit

# Cues on folded text (one character per character, so offsets hold on the written question).
_RANGE = re.compile(r"\btu (?:nam )?(20\d\d)\s*(?:den|toi|-)\s*(?:nay|hien nay|(?:nam )?(20\d\d))\b")
_CUES = re.compile(
    r"\b(?:qua (?:cac|nhung|tung) (?:nam|ky|giai doan|thoi ky)|(?:cac|nhung) nam(?: qua| gan day)?|dien bien|"
    r"xu huong|bien dong|theo (?:tung )?nam|hang nam qua|chuoi so lieu)\b")
_ASKING = re.compile(r"\b(?:nhu the nao|the nao|ra sao|bao nhieu|la gi|nhu nao)\b|\?")


@dataclass
class SeriesAsk:
    indicator: str
    year_from: int | None = None
    year_to: int | None = None


def series_question(question: str) -> SeriesAsk | None:
    """The indicator and years a question asks over time, or None for any other question."""
    folded = fold(question.lower())
    rng = _RANGE.search(folded)
    if not rng and not _CUES.search(folded):
        return None
    spans = [m.span() for rx in (_RANGE, _CUES, _ASKING) for m in rx.finditer(folded)]
    chars = list(question)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    indicator = " ".join("".join(chars).split()).strip(" ,.;:")
    if not re.search(r"[^\W\d_]{2,}", indicator):
        return None
    year_from = int(rng.group(1)) if rng else None
    year_to = int(rng.group(2)) if rng and rng.group(2) else None
    return SeriesAsk(indicator, year_from, year_to)


def series_answer(question: str, series: Series, chunk_of: Callable[[str], Chunk | None]) -> Answer:
    """The answer for a series with points: its lines (table in the UI), each source cited."""
    hits = [Hit(c, 0.0) for c in (chunk_of(cid) for cid in cited_chunks(series)) if c is not None]
    facts = [{**p.to_dict(), "citations": r.cites} for p, r in zip(series.points, rows(series))]
    return Answer(question, "\n".join(summary_lines(series)), hits, verified=True, mode="series",
                  facts=facts, request={**series.request, "series": {
                      "indicator": series.indicator, "unit": series.unit, "growth": series.growth}})
