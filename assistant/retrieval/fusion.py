"""Reciprocal rank fusion of ranked lists: robust to the different scales of cosine and BM25."""

from __future__ import annotations


def rrf(rankings: list[list[tuple[int, float]]], weights: list[float], k: int = 60) -> list[tuple[int, float]]:
    """Fuse ranked (id, score) lists; returns (id, fused score) best first."""
    if len(rankings) != len(weights):
        raise ValueError("one weight per ranking")
    fused: dict[int, float] = {}
    for ranking, w in zip(rankings, weights):
        for rank, (i, _) in enumerate(ranking):
            fused[i] = fused.get(i, 0.0) + w / (k + rank + 1)
    return sorted(fused.items(), key=lambda x: (-x[1], x[0]))
