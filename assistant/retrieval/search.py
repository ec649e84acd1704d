"""Hybrid search: dense (FAISS) and BM25 rankings fused by reciprocal rank, with metadata filters."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.errors import IndexMismatchError, QuestionError
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.fusion import rrf
from assistant.retrieval.restore import DiacriticRestorer
from assistant.retrieval.store import IndexData
from assistant.types import Chunk, Hit

MODES = ("fused", "dense", "bm25")


@dataclass
class Filters:
    doc_ids: list[str] | None = None
    doc_types: list[str] | None = None
    years: list[int] | None = None

    def empty(self) -> bool:
        return not (self.doc_ids or self.doc_types or self.years)


def clean_question(question: str, max_chars: int = 2000) -> str:
    """NFC, collapsed whitespace; empty or over-long questions are a QuestionError."""
    q = re.sub(r"\s+", " ", unicodedata.normalize("NFC", question or "")).strip()
    if not q:
        raise QuestionError("Câu hỏi trống — hãy nhập câu hỏi.")
    if len(q) > max_chars:
        raise QuestionError(f"Câu hỏi quá dài ({len(q)} ký tự; tối đa {max_chars}). Hãy hỏi ngắn gọn hơn.")
    return q


def _doc_years(meta: dict) -> set[int]:
    years: set[int] = set()
    period = meta.get("period") if isinstance(meta.get("period"), dict) else {}
    start = str(period.get("start") or meta.get("period_start", ""))[:4]
    end = str(period.get("end") or meta.get("period_end", ""))[:4]
    if start.isdigit() and end.isdigit():
        years.update(range(int(start), int(end) + 1))
    for key in ("date",):
        years.update(int(y) for y in re.findall(r"\b(20\d\d)\b", str(meta.get(key, ""))))
    return years


class Searcher:
    def __init__(self, data: IndexData, embedder: Embedder, *, rrf_k: int = 60,
                 dense_weight: float = 1.0, bm25_weight: float = 1.0, max_question_chars: int = 2000):
        fp = data.manifest.get("embed_fingerprint")
        if fp != embedder.fingerprint:
            raise IndexMismatchError(
                f"chỉ mục được xây bằng mô hình khác ({data.manifest.get('embed_model')}) — chạy `baocao ingest --rebuild`"
            )
        self.data = data
        self.embedder = embedder
        self.rrf_k = rrf_k
        self.weights = (dense_weight, bm25_weight)
        self.max_question_chars = max_question_chars
        self._restorer: DiacriticRestorer | None = None

    def restore(self, question: str) -> str:
        """The question with its diacritics restored when typed without them."""
        if not DiacriticRestorer.needs(question):
            return question
        if self._restorer is None:
            self._restorer = DiacriticRestorer([c.full_text for c in self.data.chunks])
        return self._restorer.restore(question)

    @property
    def documents(self) -> dict[str, dict]:
        return self.data.manifest.get("documents", {})

    def _allowed(self, f: Filters) -> set[int] | None:
        if f.empty():
            return None
        docs = self.documents
        ok_docs = {
            d for d, m in docs.items()
            if (not f.doc_ids or d in f.doc_ids)
            and (not f.doc_types or m.get("doc_type") in f.doc_types)
            and (not f.years or _doc_years(m) & set(f.years))
        }
        return {i for i, c in enumerate(self.data.chunks) if c.doc_id in ok_docs}

    def rankings(self, question: str, depth: int, filters: Filters | None = None) -> tuple[list, list]:
        allowed = self._allowed(filters or Filters())
        n = len(self.data.chunks)
        depth = n if allowed is not None else min(n, depth)
        q = self.embedder.embed_query(question)
        pending = self.data.pending  # chunks whose vector is still being made: lexical only
        dense = [x for x in self.data.dense.search(q, depth + len(pending)) if x[0] not in pending]
        lexical = self.data.lexical.search(question, depth)
        if allowed is not None:
            dense = [x for x in dense if x[0] in allowed]
            lexical = [x for x in lexical if x[0] in allowed]
        return dense, lexical

    def search(self, question: str, k: int = 5, mode: str = "fused", filters: Filters | None = None) -> list[Hit]:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        if k < 1:
            raise ValueError("k must be at least 1")
        question = self.restore(clean_question(question, self.max_question_chars))
        dense, lexical = self.rankings(question, max(100, k * 10), filters)
        if mode == "dense":
            ranked = dense
        elif mode == "bm25":
            ranked = lexical
        else:
            ranked = rrf([dense, lexical], list(self.weights), self.rrf_k)
        return [Hit(self.data.chunks[i], s) for i, s in ranked[:k]]

    def chunk(self, chunk_id: str) -> Chunk | None:
        return next((c for c in self.data.chunks if c.chunk_id == chunk_id), None)
