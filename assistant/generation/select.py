"""Sentence-level evidence selection inside retrieved chunks.

The model's job is made small: out of the retrieved chunks, keep the few sentences that are
about the indicator asked (weighted term coverage) and the period asked (periods.py), and hand
only those to the model. The same scores decide when the reports do not say.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from assistant.ingest.periods import Period, compatible, doc_period, find_periods
from assistant.ingest.facts import split_sentences
from assistant.ingest.lexfold import fold
from assistant.numbers import Mention, find_numbers
from assistant.types import Hit

_WORD = re.compile(r"[^\W\d_]+")
# Words that say how a question is asked, not what it is about.
STOPWORDS = set(
    fold(
        "bao nhiêu là gì nào mấy được đạt có của và các cho với theo trong tại về thì sao như thế "
        "nào hãy cho biết tỉnh năm tháng quý đầu cuối sáu so cùng kỳ một những này đó "
        "bởi từ đến hiện đã đang sẽ ra vào khi nếu mà hay hoặc trên dưới lần tổng số con người "
        "bằng ở còn vậy thế nhỉ ạ à không nêu tên kể liệt gì cụ thể"
    ).split()
)


@dataclass
class Sentence:
    text: str
    hit_index: int  # position of its chunk in the hit list (citation [hit_index + 1])
    in_footnote: bool
    numbers: list[Mention]
    coverage: float = 0.0  # share of the question's term weight found in the sentence
    period_ok: bool = True
    periods: tuple[Period, ...] = ()


# Phrasings of a question that reports do not repeat: "tốc độ tăng" is written "tăng 15,2%".
_QUESTION_PHRASES = re.compile(r"\btoc do\b")


def content_terms(question: str) -> list[str]:
    """Folded content syllables of a question, in order, without duplicates or stopwords."""
    words = [w for w in _WORD.findall(_QUESTION_PHRASES.sub(" ", fold(question.lower())))]
    return list(dict.fromkeys(w for w in words if w not in STOPWORDS and len(w) > 1))


class TermWeights:
    """Inverse document frequency of folded syllables over the indexed chunks."""

    def __init__(self, texts: list[str]):
        self.n = max(len(texts), 1)
        self.df: Counter[str] = Counter()
        for t in texts:
            self.df.update(set(fold(w.lower()) for w in _WORD.findall(t)))

    def idf(self, term: str) -> float:
        return math.log(1 + (self.n - self.df.get(term, 0) + 0.5) / (self.df.get(term, 0) + 0.5))


def coverage(terms: list[str], text: str, weights: TermWeights) -> float:
    if not terms:
        return 0.0
    have = set(fold(w.lower()) for w in _WORD.findall(text))
    folded = " " + " ".join(fold(w.lower()) for w in _WORD.findall(text)) + " "
    total = matched = 0.0
    for a, b in zip([None] + terms, terms):
        w = weights.idf(b)
        total += w
        if b in have:
            # an adjacent pair of question words found together counts fully, alone half a bonus less
            matched += w if (a is None or f" {a} {b} " in folded or a not in have) else 0.85 * w
    return matched / total if total else 0.0


_ADDRESS = re.compile(r"(?i)\bkính\s+(?:gửi|thưa)\b")


def candidate_sentences(hits: list[Hit], question: str, weights: TermWeights, docs: dict[str, dict],
                        asked: list[Period]) -> list[Sentence]:
    """Every sentence of the hits, scored; best first."""
    terms = content_terms(_strip_periods(question))
    out: list[Sentence] = []
    for i, h in enumerate(hits):
        meta = docs.get(h.chunk.doc_id, {})
        dp = doc_period(meta)
        parts = [(s, False) for s in split_sentences(h.chunk.text)]
        parts += [(s, True) for f in h.chunk.footnotes for s in split_sentences(f)]
        title = re.sub(r"(?i)^báo cáo\s+", "", str(meta.get("title") or "")).strip().lower()[:40]
        for text, in_fn in parts:
            if _ADDRESS.search(text) or (len(title) >= 20 and text.strip().lower().startswith(title)):
                continue  # the title block and its addressee say nothing a question asks
            periods = tuple(find_periods(text))
            s = Sentence(text, i, in_fn, find_numbers(text), coverage(terms, h.chunk.section + " " + text, weights) * 0.15 + coverage(terms, text, weights) * 0.85, True, periods)
            s.period_ok = period_matches(asked, periods, dp)
            out.append(s)
    out.sort(key=lambda s: (-(s.coverage + (0.1 if s.period_ok else 0.0)), s.hit_index))
    return out


def period_matches(asked: list[Period], named: tuple[Period, ...], dp: Period | None) -> bool:
    """Is the sentence about every period the question asks? A sentence naming none inherits
    the document's period; one naming only years inherits the document's span for them."""
    if not asked:
        return True
    ctx_year = dp.year if dp else None
    have = list(named) + ([dp] if dp else [])
    return all(any(compatible(a, h, ctx_year) for h in have) for a in asked)


def _strip_periods(question: str) -> str:
    return re.sub(r"\d+", " ", question)
