"""`baocao bench`: build, query and answer throughput, latency and peak memory, as medians.

Scaling runs synthesise 10x/100x corpora from the real chunks (new ids, vectors perturbed) so
index size and search latency can be measured without hours of embedding; embedding time
grows linearly with chunks and is reported per chunk from the real build.
"""

from __future__ import annotations

import json
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from assistant.config import Settings

QUERIES = [
    "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?",
    "Tăng trưởng GRDP năm 2022 của tỉnh là bao nhiêu?",
    "Thu ngân sách nhà nước 6 tháng đầu năm 2024",
    "tong von dau tu nuoc ngoai FDI thu hut",
    "Tỷ lệ hộ nghèo năm 2022",
]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _median(xs: list[float]) -> float:
    return round(statistics.median(xs), 4) if xs else float("nan")


def bench_build(s: Settings, embedder) -> dict:
    from assistant.chat.pipeline import build_options
    from assistant.retrieval.build import build_index

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "idx"
        t = time.perf_counter()
        r = build_index(s.corpus_dir, root, embedder, build_options(s))
        cold = time.perf_counter() - t
        t = time.perf_counter()
        build_index(s.corpus_dir, root, embedder, build_options(s))
        warm = time.perf_counter() - t
    return {"build_from_nothing_s": round(cold, 2), "rebuild_unchanged_s": round(warm, 3),
            "chunks_embedded": r.embedded, "embed_s_per_chunk": round(cold / max(r.embedded, 1), 3)}


def bench_search(searcher, runs: int) -> dict:
    for q in QUERIES:  # warm up
        searcher.search(q, 5)
    lat = []
    for _ in range(runs):
        for q in QUERIES:
            t = time.perf_counter()
            searcher.search(q, 5)
            lat.append(time.perf_counter() - t)
    return {"search_ms_median": round(_median(lat) * 1000, 1), "search_ms_p95": round(float(np.percentile(lat, 95)) * 1000, 1)}


def bench_scale(searcher, factors: list[int], runs: int) -> list[dict]:
    from assistant.retrieval.store import IndexData, load_index, write_index

    base = searcher.data
    out = []
    rng = np.random.default_rng(0)
    for f in factors:
        chunks = [replace(c, chunk_id=f"{c.chunk_id}#{i}", doc_id=f"{c.doc_id}#{i}") for i in range(f) for c in base.chunks]
        vecs = np.concatenate([base.vectors + rng.normal(0, 0.01, base.vectors.shape).astype(np.float32) for _ in range(f)])
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        row = {"factor": f, "chunks": len(chunks)}
        for ann in ("flat", "hnsw"):
            with tempfile.TemporaryDirectory() as tmp:
                t = time.perf_counter()
                data: IndexData = write_index(Path(tmp), base.manifest, chunks, vecs, ann=ann)
                row[f"{ann}_write_s"] = round(time.perf_counter() - t, 2)
                row[f"{ann}_disk_mb"] = round(sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file()) / 2**20, 1)
                data = load_index(Path(tmp))
                old = searcher.data
                searcher.data = data
                try:
                    row[f"{ann}_search_ms"] = bench_search(searcher, max(1, runs // 2))["search_ms_median"]
                finally:
                    searcher.data = old
        out.append(row)
    return out


def bench_answer(service, runs: int) -> dict:
    ttft, total, modes = [], [], []
    for _ in range(max(1, runs // len(QUERIES[:3]))):
        for q in QUERIES[:3]:
            a = service.ask(q)
            ttft.append(a.timings.get("first_token_s", a.timings.get("total_s", 0)))
            total.append(a.timings.get("total_s", 0))
            modes.append(a.mode)
    return {"first_token_s_median": _median(ttft), "answer_total_s_median": _median(total), "modes": modes}


def _tokens_per_s(pieces) -> float:
    """Generation speed of a stream, from its first piece to its last (prompt time excluded)."""
    first, n = None, 0
    for _ in pieces:
        first = first or time.perf_counter()
        n += 1
    return (n - 1) / max(time.perf_counter() - first, 1e-9) if first and n > 1 else 0.0


def bench_generation(generator, runs: int = 3) -> dict:
    """Generation throughput through our wrapper vs llama.cpp called directly, same prompt."""
    msgs = [{"role": "user", "content": "Hãy viết một đoạn văn khoảng 80 từ về kinh tế một tỉnh miền núi phía Bắc."}]
    llm = getattr(generator, "llm", None)

    def raw():
        for part in llm.create_chat_completion(messages=msgs, max_tokens=96, temperature=0.0, top_k=1,
                                               seed=42, stream=True):
            if part["choices"][0].get("delta", {}).get("content"):
                yield part

    _tokens_per_s(generator.stream(msgs, 8))  # warm-up: prompt cached, threads spun up for both
    ours, theirs = [], []
    for _ in range(runs):  # interleaved, so a busy moment of the machine hits both alike
        ours.append(_tokens_per_s(generator.stream(msgs, 96)))
        if llm is not None:
            theirs.append(_tokens_per_s(raw()))
    res = {"wrapper_tokens_per_s_median": round(_median(ours), 2)}
    if theirs:
        res["llama_cpp_tokens_per_s_median"] = round(_median(theirs), 2)
        res["wrapper_vs_raw"] = round(_median(ours) / max(_median(theirs), 1e-9), 3)
    return res


def run_bench(s: Settings, runs: int = 5, scale: list[int] | None = None, out: Path | None = None) -> int:
    from assistant.chat.pipeline import Service

    service = Service(s)
    report: dict = {"runs": runs}
    t = time.perf_counter()
    embedder = service.embedder
    report["embed_model_load_s"] = round(time.perf_counter() - t, 2)
    report["build"] = bench_build(s, embedder)
    print(json.dumps(report["build"], ensure_ascii=False), flush=True)
    report["search"] = bench_search(service.searcher, runs)
    report["peak_mb_search_process"] = round(peak_mb(), 1)
    print(json.dumps(report["search"], ensure_ascii=False), flush=True)
    if scale:
        report["scale"] = bench_scale(service.searcher, scale, runs)
        print(json.dumps(report["scale"], ensure_ascii=False), flush=True)
    report["answer"] = bench_answer(service, runs)
    gen = service.answerer.generator
    if gen is not None:
        report["generation"] = bench_generation(gen, max(2, runs // 2))
    report["peak_mb_total"] = round(peak_mb(), 1)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return 0
