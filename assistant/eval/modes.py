"""Retrieval quality per mode (dense, BM25, fused): recall@1, recall@5 and MRR over the
answerable items, to decide with data which retrieval to use."""

from __future__ import annotations

from assistant.eval.dataset import Item
from assistant.eval.scoring import best_retrieval


def compare_modes(items: list[Item], searcher, k: int = 5, depth: int = 20,
                  modes: tuple[str, ...] = ("dense", "bm25", "fused")) -> dict[str, dict]:
    rows = [it for it in items if it.answerable and it.evidence]
    out: dict[str, dict] = {}
    for mode in modes:
        ranks: list[int | None] = []
        for it in rows:
            hits = [h.to_dict() for h in searcher.search(it.question, depth, mode=mode)]
            rank, _ = best_retrieval(it, hits, depth)
            ranks.append(rank)
        n = max(len(ranks), 1)
        out[mode] = {
            "items": len(ranks),
            "recall@1": round(sum(1 for r in ranks if r == 1) / n, 3),
            f"recall@{k}": round(sum(1 for r in ranks if r is not None and r <= k) / n, 3),
            "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
            "missed_at_k": [it.id for it, r in zip(rows, ranks) if r is None or r > k],
        }
    return out
