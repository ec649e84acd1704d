"""FAISS behind a small interface (the only module that imports faiss).

Inner product on normalised vectors = cosine. Exact `IndexFlatIP` by default; HNSW past a
size threshold (a setting), where exact search stops being cheap.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

try:
    import faiss
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("faiss is missing: pip install faiss-cpu") from exc


class DenseIndex:
    def __init__(self, index: "faiss.Index"):
        self.index = index

    @classmethod
    def build(cls, vectors: np.ndarray, kind: str = "auto", threshold: int = 50_000) -> "DenseIndex":
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        dim = vectors.shape[1]
        use_hnsw = kind == "hnsw" or (kind == "auto" and len(vectors) > threshold)
        if use_hnsw:
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efSearch = 128
        else:
            index = faiss.IndexFlatIP(dim)
        if len(vectors):
            index.add(vectors)
        return cls(index)

    @property
    def kind(self) -> str:
        return "hnsw" if isinstance(self.index, faiss.IndexHNSWFlat) else "flat"

    def __len__(self) -> int:
        return self.index.ntotal

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        k = min(k, len(self))
        if k <= 0:
            return []
        scores, ids = self.index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        return cls(faiss.read_index(str(path)))
