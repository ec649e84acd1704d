"""BM25 over Vietnamese text (bm25s), with tokens that match how officials type.

Tokens: syllables, syllable bigrams (Vietnamese words are mostly two syllables: "tăng trưởng"),
figures kept whole as written ("315.145", "13,96"), and a diacritics-folded copy of every word
token so that "tang truong" still finds "tăng trưởng".
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import bm25s
import numpy as np

from assistant.ingest.lexfold import fold

_TOKEN_RE = re.compile(r"\d+(?:[.,/]\d+)*|[^\W\d_]+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    words = _TOKEN_RE.findall(unicodedata.normalize("NFC", text).lower())
    out = list(words)
    out += [f"{a}_{b}" for a, b in zip(words, words[1:]) if not a[0].isdigit() and not b[0].isdigit()]
    folded = [fold(w) for w in words]
    out += [f for f, w in zip(folded, words) if f != w]
    out += [
        f"{a}_{b}~"
        for a, b in zip(folded, folded[1:])
        if not a[0].isdigit() and not b[0].isdigit()
    ]
    return out


class LexicalIndex:
    def __init__(self, retriever: "bm25s.BM25", size: int):
        self.retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        retriever = bm25s.BM25()
        tokens = [tokenize(t) or ["∅"] for t in texts]
        if tokens:
            retriever.index(tokens, show_progress=False)
        return cls(retriever, len(texts))

    def scores(self, query: str) -> np.ndarray:
        if self.size == 0:
            return np.zeros(0, np.float32)
        vocab = self.retriever.vocab_dict
        toks = [t for t in tokenize(query) if t in vocab]
        if not toks:
            return np.zeros(self.size, np.float32)
        return np.asarray(self.retriever.get_scores(toks), dtype=np.float32)

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        s = self.scores(query)
        if not len(s):
            return []
        k = min(k, len(s))
        top = np.argpartition(-s, k - 1)[:k]
        top = top[np.argsort(-s[top], kind="stable")]
        return [(int(i), float(s[i])) for i in top if s[i] > 0]

    def save(self, path: Path) -> None:
        self.retriever.save(str(path))

    @classmethod
    def load(cls, path: Path, size: int) -> "LexicalIndex":
        return cls(bm25s.BM25.load(str(path)), size)
