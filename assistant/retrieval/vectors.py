"""Dense vectors made after a document is already searchable.

A build with `defer_vectors` writes the index at once with a zero row for every chunk whose
vector is not known yet: BM25 and the facts find it immediately, dense search skips it.
`complete_vectors` then embeds those chunks in small batches and publishes a new index version
every few seconds (atomically, under the index's write lock), so retrieval uses each vector
soon after it exists. Vectors go to the embedding cache before each publish: a crash or kill
loses at most the batch in flight, and the next run starts from the pending rows again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.retrieval.embedcache import (
    embed_batch,
    embed_input,
    load_cache,
    save_cache,
    text_hash,
)
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.store import IndexData, load_index, write_index, write_lock

log = logging.getLogger(__name__)


@dataclass
class VectorProgress:
    done: int = 0  # chunks of the index that have a vector
    total: int = 0
    running: bool = False

    @property
    def message(self) -> str:
        if self.running and self.done < self.total:
            return f"Đang tạo vector: {self.done}/{self.total} đoạn"
        return ""


def _publish(root: Path, cache: dict[str, np.ndarray], ann: str, threshold: int) -> IndexData:
    """Fill the live version's pending rows from `cache`; write a new version if any was filled."""
    with write_lock(root):
        data = load_index(root)
        fill = [i for i in sorted(data.pending) if text_hash(data.chunks[i]) in cache]
        if not fill:
            return data
        vectors = data.vectors.copy()
        for i in fill:
            v = cache[text_hash(data.chunks[i])]
            vectors[i] = v / max(float(np.linalg.norm(v)), 1e-12)
        manifest = {k: v for k, v in data.manifest.items() if k not in ("n_chunks", "n_facts", "created")}
        return write_index(root, manifest, data.chunks, vectors, ann, threshold, data.facts)


def complete_vectors(root: Path, embedder: Embedder, cache_path: Path | None, *,
                     on_progress: Callable[[VectorProgress], None] | None = None,
                     on_publish: Callable[[IndexData], None] | None = None,
                     stop: threading.Event | None = None, batch: int = 8, publish_every: float = 10.0,
                     ann: str = "auto", ann_threshold: int = 50_000) -> int:
    """Embed every pending chunk of the index at `root`; returns how many were embedded.

    Newly written versions (another upload meanwhile) are picked up at each publish."""
    on_progress = on_progress or (lambda p: None)
    cache = load_cache(cache_path)
    embedded, last = 0, time.monotonic()
    while True:
        data = _publish(root, cache, ann, ann_threshold)
        if on_publish:
            on_publish(data)
        done, total = len(data.chunks) - len(data.pending), len(data.chunks)
        on_progress(VectorProgress(done, total, bool(data.pending)))
        work = {text_hash(data.chunks[i]): embed_input(data.chunks[i]) for i in sorted(data.pending)}
        if not work or (stop and stop.is_set()):
            return embedded
        todo = sorted(work.items(), key=lambda w: len(w[1][1]))
        for start in range(0, len(todo), batch):
            embed_batch(todo[start : start + batch], cache, embedder)
            embedded += len(todo[start : start + batch])
            done = min(total, done + len(todo[start : start + batch]))
            on_progress(VectorProgress(done, total, True))
            if stop and stop.is_set() or time.monotonic() - last > publish_every:
                break
        save_cache(cache_path, {h: cache[h] for h, _ in todo if h in cache})
        last = time.monotonic()


Task = Callable[[Callable[[VectorProgress], None], threading.Event], int]


class BackgroundVectors:
    """One daemon thread running `task` (a `complete_vectors` call) until nothing is pending.
    `start` while it runs makes it look once more, so a second upload is never left behind."""

    def __init__(self, task: Task):
        self.task = task
        self.progress = VectorProgress()
        self.error = ""
        self.stop_event = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._wanted = False

    def start(self) -> None:
        with self._lock:
            self._wanted = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="baocao-vectors", daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            with self._lock:
                if not self._wanted or self.stop_event.is_set():
                    self._thread = None
                    self.progress = VectorProgress(self.progress.done, self.progress.total, False)
                    return
                self._wanted = False
            try:
                self.task(self._report, self.stop_event)
                self.error = ""
            except Exception as exc:  # the app keeps answering lexically; the log keeps the detail
                log.exception("background vectors failed")
                self.error = f"Không tạo được vector ({type(exc).__name__}); tìm kiếm theo từ khoá vẫn hoạt động."

    def _report(self, p: VectorProgress) -> None:
        self.progress = VectorProgress(p.done, p.total, p.running)

    def wait(self, timeout: float | None = None) -> bool:
        """True once no worker runs (for the CLI and tests)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self._thread is None

    def stop(self) -> None:
        self.stop_event.set()
