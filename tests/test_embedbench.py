"""`baocao bench --embed`: every route embeds the same chunks in one run and is compared with
the fp32 torch route by throughput and cosine. Fake embedders, so the arithmetic is checked."""

import time

import numpy as np

from assistant import embedbench
from assistant.config import load_settings
from assistant.retrieval.embedder import HashingEmbedder


class Slow(HashingEmbedder):
    """A fake route: its vectors are the reference's plus a fixed tilt, at a given speed."""

    def __init__(self, seconds: float, tilt: float):
        super().__init__(dim=32)
        self.seconds, self.tilt = seconds, tilt

    def embed_documents(self, texts, titles=None):
        time.sleep(self.seconds)
        v = super().embed_documents(texts, titles)
        v[:, 0] += self.tilt
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_routes_are_compared_on_the_same_chunks(monkeypatch, tmp_path):
    s = load_settings(env={"BAOCAO_HOME": str(tmp_path)}, embed_backend="bf16")
    chunks = [(f"tiêu đề {i}", f"đoạn {i} về thu ngân sách {i * 7} tỷ đồng") for i in range(12)]
    fakes = {"torch": Slow(0.06, 0.0), "bf16": Slow(0.02, 0.3)}
    seen: dict[str, list] = {}

    def make(_s, route):
        e = fakes[route]
        original = e.embed_documents

        def record(texts, titles=None):
            seen.setdefault(route, []).append(list(texts))
            return original(texts, titles)

        e.embed_documents = record
        return e

    monkeypatch.setattr(embedbench, "sample_chunks", lambda _s, n: chunks[:n])
    monkeypatch.setattr(embedbench, "routes_for", lambda _s: ["torch", "bf16"])
    monkeypatch.setattr("assistant.chat.pipeline.make_embedder", make)
    r = embedbench.bench_embed(s, passages=10, runs=2)

    assert r["passages"] == 10 and r["default_route"] == "bf16"
    assert seen["torch"][1:] == seen["bf16"][1:]  # the same texts after the warm-up
    assert r["ratio"] > 1.5  # the fake bf16 route is three times faster
    assert r["routes"]["torch"]["cosine_min"] > 0.9999  # the reference against itself
    assert 0.5 < r["cosine_min"] < 0.999  # the tilt shows up
    assert r["cosine_min"] <= r["cosine_median"]
    assert set(r) >= {"passages", "default_per_s", "torch_per_s", "ratio", "cosine_min", "cosine_median"}
