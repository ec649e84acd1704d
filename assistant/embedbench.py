"""`baocao bench --embed`: embedding throughput of each route on the same chunks, in one run.

The routes (sentence-transformers on torch in fp32, the same in bfloat16 where the CPU computes
it natively, ONNX Runtime int8 once converted or when it is the default) embed the same sample
of the index's chunks, alternating run by run so a busy machine slows all alike; throughput is
the median over runs, and every route's vectors are compared to torch's by cosine.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from assistant.config import Settings
from assistant.retrieval.embedcache import embed_input


def routes_for(s: Settings) -> list[str]:
    """torch (the reference), the default route, bf16 where native, onnx once converted."""
    from assistant.chat.pipeline import embed_route
    from assistant.models.fetch import resolve
    from assistant.retrieval import onnxexport

    routes = ["torch", embed_route(s.embed_backend, s.home)]
    if embed_route("auto", s.home) == "bf16":
        routes.append("bf16")
    source = resolve(s.embed_model, s.home)
    if onnxexport.converted_problem(source, onnxexport.converted_dir(source)) is None:
        routes.append("onnx")
    return list(dict.fromkeys(routes))


def sample_chunks(s: Settings, n: int) -> list[tuple[str, str]]:
    """(title, text) of n chunks spread evenly over the index."""
    from assistant.retrieval.store import load_index

    chunks = load_index(s.index_dir).chunks
    step = max(1, len(chunks) // max(n, 1))
    return [embed_input(c) for c in chunks[::step][:n]]


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def bench_embed(s: Settings, passages: int = 48, runs: int = 2) -> dict:
    from assistant.chat.pipeline import embed_route, make_embedder

    ROUTES = routes_for(s)
    items = sample_chunks(s, passages)
    titles, texts = [t for t, _ in items], [x for _, x in items]
    embedders = {r: make_embedder(s, r) for r in ROUTES}
    for e in embedders.values():  # warm up (first-call allocations)
        e.embed_documents(texts[:2], titles[:2])
    seconds: dict[str, list[float]] = {r: [] for r in ROUTES}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(max(1, runs)):
        for route, e in embedders.items():
            t = time.perf_counter()
            vectors[route] = e.embed_documents(texts, titles)
            seconds[route].append(time.perf_counter() - t)
    per_s = {r: len(texts) / statistics.median(seconds[r]) for r in ROUTES}
    routes = {}
    for r in ROUTES:
        cos = _cosines(vectors[r], vectors["torch"])
        routes[r] = {"per_s": round(per_s[r], 3), "ratio": round(per_s[r] / per_s["torch"], 3),
                     "cosine_min": round(float(cos.min()), 5), "cosine_median": round(float(np.median(cos)), 5),
                     "runs_s": [round(x, 2) for x in seconds[r]]}
    default_route = embed_route(s.embed_backend, s.home)
    default = routes[default_route]
    return {"passages": len(texts), "default_per_s": default["per_s"], "torch_per_s": routes["torch"]["per_s"],
            "ratio": default["ratio"], "cosine_min": default["cosine_min"],
            "cosine_median": default["cosine_median"], "default_route": default_route, "routes": routes}
