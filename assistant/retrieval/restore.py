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
    "những gì; bao nhiêu lần; tăng bao nhiêu; giảm bao nhiêu; so với"
)


class DiacriticRestorer:
    def __init__(self, texts: list[str]):
        uni: dict[str, Counter] = defaultdict(Counter)
        bi: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for t in [QUESTION_PHRASES] * 1000 + list(texts):
            words = _WORD.findall(t.lower())
            for a, b in zip(words, words[1:]):
                bi[(fold(a), fold(b))][(a, b)] += 1
            for w in words:
                uni[fold(w)][w] += 1
        self.uni = {k: c.most_common(1)[0][0] for k, c in uni.items()}
        self.bi = {k: c.most_common(1)[0][0] for k, c in bi.items()}

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
            pick = None
            if nxt and (w, nxt) in self.bi:
                pick = self.bi[(w, nxt)][0]
            elif prv and (prv, w) in self.bi:
                pick = self.bi[(prv, w)][1]
            out[i] = pick or self.uni.get(w, tokens[i])
        return "".join(out)
