"""Searchable at once, vectors afterwards: the deferred build, the background completion, and
resuming after a crash, on the hashing fake embedder and the small fixture corpus."""

import threading

import numpy as np
import pytest

from assistant.retrieval.build import BuildOptions, add_files, build_index
from assistant.retrieval.embedder import HashingEmbedder
from assistant.retrieval.search import Searcher
from assistant.retrieval.store import load_index, read_manifest
from assistant.retrieval.vectors import BackgroundVectors, VectorProgress, complete_vectors


class CrashingEmbedder(HashingEmbedder):
    """Dies (like a killed process) on its `crash_at`-th batch."""

    def __init__(self, crash_at: int, **kw):
        super().__init__(**kw)
        self.crash_at = crash_at

    def embed_documents(self, texts, titles=None):
        if self.calls + 1 >= self.crash_at:
            raise KeyboardInterrupt("killed")
        return super().embed_documents(texts, titles)


def _deferred(corpus, root, embedder, cache=None):
    return build_index(corpus, root, embedder, BuildOptions(defer_vectors=True, cache_dir=cache))


def test_deferred_build_is_written_before_any_vector_and_found_by_keywords(corpus, tmp_path, embedder):
    report = _deferred(corpus, tmp_path / "idx", embedder)
    data = load_index(tmp_path / "idx")
    assert report.written and embedder.embedded == 0
    assert report.pending == len(data.chunks) == len(data.pending) > 0
    assert read_manifest(tmp_path / "idx")["pending_vectors"] == len(data.chunks)
    searcher = Searcher(data, embedder)
    question = "thu hút đầu tư nước ngoài FDI"
    hits = searcher.search(question, k=3)  # lexical ranks carry the fused search
    assert "1,2 tỷ USD" in hits[0].chunk.full_text
    assert searcher.search(question, k=3, mode="dense") == []  # no vector, no dense hit


def test_completed_vectors_equal_a_direct_build(corpus, tmp_path, embedder):
    _deferred(corpus, tmp_path / "bg", embedder)
    seen: list[VectorProgress] = []
    n = complete_vectors(tmp_path / "bg", embedder, None, on_progress=seen.append, batch=2)
    build_index(corpus, tmp_path / "direct", HashingEmbedder(dim=128), BuildOptions())
    bg, direct = load_index(tmp_path / "bg"), load_index(tmp_path / "direct")
    assert n == len(bg.chunks) and not bg.pending
    assert np.allclose(bg.vectors, direct.vectors, atol=1e-6)
    assert seen[0].done == 0 and seen[-1].done == seen[-1].total and not seen[-1].running
    assert "Đang tạo vector: 0/" in seen[0].message


def test_a_kill_mid_way_loses_nothing_and_the_next_run_resumes(corpus, tmp_path):
    root, cache = tmp_path / "idx", tmp_path / "home"
    _deferred(corpus, root, HashingEmbedder(dim=128), cache)
    total = len(load_index(root).chunks)
    with pytest.raises(KeyboardInterrupt):  # publish after every batch, die on the third
        complete_vectors(root, CrashingEmbedder(3, dim=128), cache / "v.npz", batch=2, publish_every=0)
    after_kill = load_index(root)  # still the last complete version, searchable
    assert len(after_kill.chunks) == total and total - len(after_kill.pending) == 4
    resumed = HashingEmbedder(dim=128)
    complete_vectors(root, resumed, cache / "v.npz", batch=2)
    assert resumed.embedded == total - 4 and not load_index(root).pending


def test_a_document_added_meanwhile_keeps_the_vectors_made_so_far(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    _deferred(corpus, root, embedder)
    stop = threading.Event()
    complete_vectors(root, embedder, None, batch=2, on_progress=lambda p: p.done >= 2 and stop.set(),
                     stop=stop)
    made = len(load_index(root).chunks) - len(load_index(root).pending)
    new = tmp_path / "moi.txt"
    new.write_text("Báo cáo quý I\nSố hợp tác xã thành lập mới đạt 57 HTX.\n", encoding="utf-8")
    add_files([new], corpus, 10**7)
    report = _deferred(corpus, root, embedder)
    data = load_index(root)
    assert report.added and len(data.chunks) - len(data.pending) == made > 0
    assert Searcher(data, embedder).search("thành lập mới 57 HTX", k=1, mode="bm25")[0].chunk.doc_id == report.added[0]
    complete_vectors(root, embedder, None)
    assert not load_index(root).pending


def test_background_worker_runs_again_when_started_while_busy():
    gate, busy, runs = threading.Event(), threading.Event(), []

    def task(report, stop):
        runs.append(1)
        report(VectorProgress(1, 3, True))
        busy.set()
        gate.wait(5)
        return 0

    worker = BackgroundVectors(task)
    worker.start()
    assert busy.wait(5)
    assert worker.progress.message == "Đang tạo vector: 1/3 đoạn"
    worker.start()  # a second upload while the first is still embedding
    gate.set()
    assert worker.wait(5)
    assert len(runs) == 2 and worker.progress.message == ""


def test_background_worker_failure_is_reported_not_raised():
    def task(report, stop):
        raise RuntimeError("model gone")

    worker = BackgroundVectors(task)
    worker.start()
    assert worker.wait(5)
    assert "từ khoá vẫn hoạt động" in worker.error
