"""Put the diacritics back on a question typed without them ("gia tri san xuat" ->
"giá trị sản xuất"), using the corpus itself as the dictionary: the most frequent written form
of each folded syllable pair, then of each syllable. The dense model needs the real words;
BM25 already matches folded tokens."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from assistant.ingest.lexfold import fold

_WORD = re.compile(r"[^\W\d_]+")
# How questions are asked: rare in reports, so the corpus alone would restore them wrongly
# ("bao nhieu" -> "bảo nhiều").
QUESTION_PHRASES = (
    "bao nhiêu; là bao nhiêu; đạt bao nhiêu; bao nhiêu tấn; bao nhiêu tỷ đồng; bao nhiêu phần trăm; "
    "bao nhiêu người; bao nhiêu doanh nghiệp; như thế nào; là gì; có không; mấy; nào; ở đâu; khi nào; "
    "những gì; bao nhiêu lần; tăng bao nhiêu; giảm bao nhiêu; so với; "
    # measure heads a question opens with, which a report may never write ("khối lượng vận chuyển")
    "khối lượng; số lượng; quy mô"
)
_BEFORE_FIGURE = re.compile(r"([^\W\d_]+)\s+(?=\d)")
_FIGURE_NEXT = re.compile(r"\s+\d")


class DiacriticRestorer:
    def __init__(self, texts: list[str]):
        uni: dict[str, Counter] = defaultdict(Counter)
        bi: dict[tuple[str, str], Counter] = defaultdict(Counter)
        figure: dict[str, Counter] = defaultdict(Counter)  # words written right before a figure
        for t in [QUESTION_PHRASES] * 1000 + list(texts):
            words = _WORD.findall(t.lower())
            for a, b in zip(words, words[1:]):
                bi[(fold(a), fold(b))][(a, b)] += 1
            for w in words:
                uni[fold(w)][w] += 1
            for m in _BEFORE_FIGURE.finditer(t.lower()):
                figure[fold(m.group(1))][m.group(1)] += 1
        self.uni = {k: c.most_common(1)[0][0] for k, c in uni.items()}
        # each pair's most frequent form with its share of the pair's forms (one more unseen): how sure it is
        self.bi = {k: (c.most_common(1)[0][0], c.most_common(1)[0][1] / (sum(c.values()) + 1)) for k, c in bi.items()}
        self.figure = {k: (c.most_common(1)[0][1] / (sum(c.values()) + 1), c.most_common(1)[0][0]) for k, c in figure.items()}

    @staticmethod
    def needs(question: str) -> bool:
        """True if no word of the question carries a Vietnamese diacritic."""
        words = _WORD.findall(question)
        return bool(words) and all(fold(w) == w for w in words)

    def restore(self, question: str) -> str:
        if not self.needs(question):
            return question
        tokens = re.split(r"([^\W\d_]+)", question)
        words = [i for i, t in enumerate(tokens) if _WORD.fullmatch(t)]
        out = list(tokens)
        for pos, i in enumerate(words):
            w = tokens[i].lower()
            nxt = tokens[words[pos + 1]].lower() if pos + 1 < len(words) else None
            prv = tokens[words[pos - 1]].lower() if pos else None
            # the surest form among the pairs the word makes with its neighbours (the next first)
            # and, right before a figure, the form written before figures ("den 31/12/2022" is
            # "đến 31/12/2022", though the reports also write the pair "tín dụng đen")
            seen = [(self.bi[(w, nxt)][1], self.bi[(w, nxt)][0][0]) if nxt and (w, nxt) in self.bi else None,
                    (self.bi[(prv, w)][1], self.bi[(prv, w)][0][1]) if prv and (prv, w) in self.bi else None,
                    self.figure.get(w) if i + 1 < len(tokens) and _FIGURE_NEXT.match(tokens[i + 1]) else None]
            seen = [x for x in seen if x]
            pick = max(seen, key=lambda x: x[0])[1] if seen else None  # the first of equals
            out[i] = pick or self.uni.get(w, tokens[i])
        return "".join(out)
