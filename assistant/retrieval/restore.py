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
    "khối lượng; số lượng; quy mô; "
    # function words, the likelier reading of a syllable no pair settles ("qua" is "qua", not the
    # "quả" of a report full of "hoa quả", unless written beside "hoa" or "kết")
    "qua; của; các; có; được; đã; đến; từ; tại; với; về"
)
_BEFORE_FIGURE = re.compile(r"([^\W\d_]+)\s+(?=\d)")
_FIGURE_NEXT = re.compile(r"\s+\d")


class DiacriticRestorer:
    def __init__(self, texts: list[str]):
        uni: dict[str, Counter] = defaultdict(Counter)
        bi: dict[tuple[str, str], Counter] = defaultdict(Counter)
        tri: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
        figure: dict[str, Counter] = defaultdict(Counter)  # words written right before a figure
        phrases = [x.strip() for x in QUESTION_PHRASES.split(";")]  # each alone: no pair across two
        for t in phrases * 1000 + list(texts):
            words = _WORD.findall(t.lower())
            for a, b in zip(words, words[1:]):
                bi[(fold(a), fold(b))][(a, b)] += 1
            for a, b, c in zip(words, words[1:], words[2:]):
                tri[(fold(a), fold(b), fold(c))][(a, b, c)] += 1
            for w in words:
                uni[fold(w)][w] += 1
            for m in _BEFORE_FIGURE.finditer(t.lower()):
                figure[fold(m.group(1))][m.group(1)] += 1
        self.uni = {k: c.most_common(1)[0][0] for k, c in uni.items()}
        # each pair's most frequent form with its share of the pair's forms (one more unseen): how sure it is
        self.bi = {k: (c.most_common(1)[0][0], c.most_common(1)[0][1] / (sum(c.values()) + 1)) for k, c in bi.items()}
        self.figure = {k: (c.most_common(1)[0][1] / (sum(c.values()) + 1), c.most_common(1)[0][0]) for k, c in figure.items()}
        # three syllables written together settle what two do not ("qua cua khau" is "qua cửa khẩu",
        # though "kết quả của" makes "quả của" the commoner pair)
        self.tri = {k: (c.most_common(1)[0][0], c.most_common(1)[0][1]) for k, c in tri.items()}

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
        first = self._pass(tokens, words, None)
        # a pair read one way for a word and the other way for its neighbour ("qua cua khau": the
        # pair "quả của" for "qua", while "cua" reads "cửa" with "khẩu") is no evidence for either
        second = self._pass(tokens, words, first)
        out = list(tokens)
        for i, form in second.items():
            out[i] = form
        return "".join(out)

    def _pass(self, tokens: list[str], words: list[int], picked: dict[int, str] | None) -> dict[int, str]:
        out: dict[int, str] = {}
        for pos, i in enumerate(words):
            w = tokens[i].lower()
            nxt = tokens[words[pos + 1]].lower() if pos + 1 < len(words) else None
            prv = tokens[words[pos - 1]].lower() if pos else None

            def agrees(k: int, form: str) -> bool:  # the neighbour was read that way too
                return picked is None or picked.get(k, form).lower() == form
            # the surest form among the pairs the word makes with its neighbours (the next first)
            # and, right before a figure, the form written before figures ("den 31/12/2022" is
            # "đến 31/12/2022", though the reports also write the pair "tín dụng đen")
            before_figure = i + 1 < len(tokens) and _FIGURE_NEXT.match(tokens[i + 1]) is not None
            pair_next = self.bi.get((w, nxt)) if nxt else None
            pair_prev = self.bi.get((prv, w)) if prv else None
            seen = [(pair_next[1], pair_next[0][0]) if pair_next and agrees(words[pos + 1], pair_next[0][1]) else None,
                    (pair_prev[1], pair_prev[0][1]) if pair_prev and agrees(words[pos - 1], pair_prev[0][0]) else None,
                    self.figure.get(w) if before_figure else None]
            seen = [x for x in seen if x]
            pick = max(seen, key=lambda x: x[0])[1] if seen else None  # the first of equals
            nxt2 = tokens[words[pos + 2]].lower() if pos + 2 < len(words) else None
            prv2 = tokens[words[pos - 2]].lower() if pos > 1 else None
            trios = [(k, at) for k, at in (((prv, w, nxt), 1), ((w, nxt, nxt2), 0), ((prv2, prv, w), 2))
                     if None not in k and k in self.tri]
            if trios and not (before_figure and w in self.figure):
                # the form of the most often written three-syllable run the word is part of
                k, at = max(trios, key=lambda x: self.tri[x[0]][1])
                pick = self.tri[k][0][at]
            out[i] = pick or self.uni.get(w, tokens[i])
        return out
