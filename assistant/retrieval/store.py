"""The on-disk index: one folder per index, written atomically.

    embeddings/<name>/CURRENT          name of the live version folder
    embeddings/<name>/v-<time>-<rand>/ manifest.json, chunks.jsonl, vectors.npy, dense.faiss, bm25/

A build writes a complete new version folder, then swaps CURRENT with os.replace (atomic on
POSIX). Killing the process at any moment leaves the previous version live and loadable.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.errors import IndexMissingError
from assistant.retrieval.dense import DenseIndex
from assistant.retrieval.lexical import LexicalIndex
from assistant.types import Chunk, Fact

FORMAT = 1
_THREAD_LOCK = threading.RLock()


@dataclass
class IndexData:
    manifest: dict
    chunks: list[Chunk]
    vectors: np.ndarray
    dense: DenseIndex
    lexical: LexicalIndex
    path: Path | None = None
    facts: list[Fact] = field(default_factory=list)
    pending: frozenset[int] = frozenset()  # rows whose vector is not made yet (all zeros)

    def __post_init__(self) -> None:
        if not self.pending and len(self.vectors):
            self.pending = frozenset(np.flatnonzero(~np.any(self.vectors, axis=1)).tolist())


@contextlib.contextmanager
def write_lock(root: Path) -> Iterator[None]:
    """One writer at a time per index, across threads and processes (a build and the background
    vector worker both publish versions)."""
    root.mkdir(parents=True, exist_ok=True)
    with _THREAD_LOCK, (root / ".write.lock").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current_version(root: Path) -> Path | None:
    pointer = root / "CURRENT"
    if not pointer.is_file():
        return None
    return root / pointer.read_text().strip()


def write_index(root: Path, manifest: dict, chunks: list[Chunk], vectors: np.ndarray, ann: str = "auto",
                ann_threshold: int = 50_000, facts: list[Fact] | None = None) -> IndexData:
    """Write a new version and make it live. Returns the loaded data."""
    root.mkdir(parents=True, exist_ok=True)
    version = root / f"v-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
    tmp = root / f".building-{version.name}"
    tmp.mkdir()
    dense = DenseIndex.build(vectors, ann, ann_threshold)
    lexical = LexicalIndex.build([c.full_text + "\n" + c.section for c in chunks])
    facts = list(facts or [])
    pending = int(np.sum(~np.any(vectors, axis=1))) if len(vectors) else 0
    manifest = {**manifest, "format": FORMAT, "n_chunks": len(chunks), "n_facts": len(facts), "ann": dense.kind,
                "pending_vectors": pending, "created": time.time()}
    with (tmp / "chunks.jsonl").open("w", encoding="utf-8") as fh:
        for c in chunks:
            fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    with (tmp / "facts.jsonl").open("w", encoding="utf-8") as fh:
        for f in facts:
            fh.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
    np.save(tmp / "vectors.npy", np.ascontiguousarray(vectors, dtype=np.float32))
    dense.save(tmp / "dense.faiss")
    lexical.save(tmp / "bm25")
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    _fsync_dir(tmp)
    os.replace(tmp, version)
    pointer_tmp = root / f".CURRENT.{secrets.token_hex(3)}"
    pointer_tmp.write_text(version.name)
    os.replace(pointer_tmp, root / "CURRENT")  # the atomic switch
    _fsync_dir(root)
    _remove_old(root, keep=version.name)
    return IndexData(manifest, chunks, vectors, dense, lexical, version, facts)


def _remove_old(root: Path, keep: str) -> None:
    for p in root.iterdir():
        if p.is_dir() and p.name != keep and (p.name.startswith("v-") or p.name.startswith(".building-")):
            shutil.rmtree(p, ignore_errors=True)
        elif p.name.startswith(".CURRENT."):
            p.unlink(missing_ok=True)


def read_manifest(root: Path) -> dict | None:
    version = current_version(root)
    if version is None:
        return None
    try:
        return json.loads((version / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_index(root: Path) -> IndexData:
    """Load the live version; a missing or damaged index is an IndexMissingError."""
    version = current_version(root)
    if version is None or not version.is_dir():
        raise IndexMissingError(f"chưa có chỉ mục tại {root} — chạy `baocao setup` hoặc `baocao ingest`")
    try:
        manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
        with (version / "chunks.jsonl").open(encoding="utf-8") as fh:
            chunks = [Chunk.from_dict(json.loads(line)) for line in fh if line.strip()]
        vectors = np.load(version / "vectors.npy")
        dense = DenseIndex.load(version / "dense.faiss")
        lexical = LexicalIndex.load(version / "bm25", len(chunks))
        facts = read_facts(version / "facts.jsonl")
    except Exception as exc:  # any damage: unreadable JSON, truncated arrays, faiss errors
        raise IndexMissingError(
            f"chỉ mục tại {version} bị hỏng ({type(exc).__name__}) — chạy `baocao ingest --rebuild`"
        ) from exc
    if manifest.get("format") != FORMAT or len(chunks) != len(vectors) or len(dense) != len(chunks):
        raise IndexMissingError(f"chỉ mục tại {version} không nhất quán — chạy `baocao ingest --rebuild`")
    return IndexData(manifest, chunks, vectors, dense, lexical, version, facts)


def read_facts(path: Path) -> list[Fact]:
    """The facts of an index version; an index written before facts existed has none (the next
    build adds them)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [Fact.from_dict(json.loads(line)) for line in fh if line.strip()]
