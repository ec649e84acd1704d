"""The `Embedder` contract, and a deterministic fake for tests.

The real model (EmbeddingGemma via sentence-transformers) lives in `sbert.py`; everything else
depends only on this Protocol.
"""

from __future__ import annotations

import hashlib
import re
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str
    dim: int
    fingerprint: str  # identifies the weights (sha256 of the weights file, or a fake's id)

    def embed_documents(self, texts: list[str], titles: list[str] | None = None) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """One L2-normalised float32 vector."""
        ...


class HashingEmbedder:
    """Bag-of-words vectors from hashed tokens: deterministic, fast, and lexically meaningful,
    so tests of ranking and caching behave like a (weak) real model."""

    def __init__(self, dim: int = 256, name: str = "hashing-fake"):
        self.name = name
        self.dim = dim
        self.fingerprint = f"{name}-{dim}"
        self.calls = 0
        self.embedded = 0

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for tok in re.findall(r"\w+", text.lower()):
            h = int.from_bytes(hashlib.sha256(tok.encode()).digest()[:8], "little")
            v[h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def embed_documents(self, texts: list[str], titles: list[str] | None = None) -> np.ndarray:
        self.calls += 1
        self.embedded += len(texts)
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)
