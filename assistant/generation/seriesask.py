"""Questions that ask for an indicator over time, and their answer: the series as a table.

"Tăng trưởng GRDP qua các năm thế nào?", "Thu ngân sách từ 2022 đến nay?", "Diễn biến xuất
khẩu từ 2022 đến 2024": the cue is removed and what remains names the indicator. The answer's
figures are the series' own (code chooses and writes them); the change between the first and
last actual figures is computed in seriesout.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from assistant.generation.series import Series
from assistant.generation.seriesout import cited_chunks, rows, summary_lines
from assistant.ingest.lexfold import fold
from assistant.types import Answer, Chunk, Hit

# Cues as written (lower case, NFC); a question typed without any diacritics is matched folded.
# Folding every question would read the place "Điện Biên" as "diễn biến".
_RANGE = r"\btừ (?:năm )?(20\d\d)\s*(?:đến|tới|-)\s*(?:nay|hiện nay|(?:năm )?(20\d\d))\b"
_CUES = (r"\b(?:qua (?:các|những|từng) (?:năm|kỳ|giai đoạn|thời kỳ)|(?:các|những) năm(?: qua| gần đây|(?! \d))|"
         r"diễn biến|xu hướng|biến động|theo (?:từng )?năm|hằng năm qua|chuỗi số liệu)\b")
_ASKING = r"\b(?:như thế nào|thế nào|ra sao|bao nhiêu|là gì|như nào)\b|\?"
# Two figures compared ("so sánh …", "cao hơn … bao nhiêu") are the comparison path's.
_COMPARE = r"\b(?:so sánh|chênh lệch|cao hơn|thấp hơn|gấp bao nhiêu)\b"
_WRITTEN = [re.compile(rx) for rx in (_RANGE, _CUES, _ASKING, _COMPARE)]
_FOLDED = [re.compile(fold(rx)) for rx in (_RANGE, _CUES, _ASKING, _COMPARE)]


@dataclass
class SeriesAsk:
    indicator: str
    year_from: int | None = None
    year_to: int | None = None


def series_question(question: str) -> SeriesAsk | None:
    """The indicator and years a question asks over time, or None for any other question."""
    question = unicodedata.normalize("NFC", question)
    text = question.lower()  # same length: offsets hold on the question
    plain = fold(text) == text  # no diacritics at all: the cues are matched folded
    rng_rx, cues_rx, asking_rx, compare_rx = _FOLDED if plain else _WRITTEN
    rng = rng_rx.search(text)
    if (not rng and not cues_rx.search(text)) or compare_rx.search(text):
        return None
    spans = [m.span() for rx in (rng_rx, cues_rx, asking_rx) for m in rx.finditer(text)]
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
