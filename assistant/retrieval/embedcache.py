"""What the document encoder is given for a chunk, and the vectors cache keyed by its hash.

The cache (`$BAOCAO_HOME/embed-cache/<route fingerprint>-<dim>.npz`, and the read-only seed
cache shipped in `embeddings/cache/`) is keyed by the embedder's fingerprint, so each route
(torch fp32, bf16, ONNX int8) has its own file and never mixes vectors. A zero row in an index means
"vector not made yet" (a real vector is L2-normalised).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.retrieval.embedder import Embedder
from assistant.types import Chunk

log = logging.getLogger(__name__)
Progress = Callable[[float, str], None]
Work = list[tuple[str, tuple[str, str]]]  # (text hash, (title, text)) still to embed


def embed_input(chunk: Chunk) -> tuple[str, str]:
    """(title, text) given to the document encoder. The nearest headings and the document title
    give a chunk its context; both are shortened because every token costs on this CPU."""
    heads = " > ".join(p[:60] for p in chunk.section.split(" > ")[-2:]) if chunk.section else ""
    title = f"{heads} | {chunk.doc_title[:70]}" if heads else chunk.doc_title[:70]
    return title, chunk.full_text


def text_hash(chunk: Chunk) -> str:
    title, text = embed_input(chunk)
    return hashlib.sha256(title.encode() + b"\0" + text.encode()).hexdigest()


def cache_file(cache_dir: Path | None, embedder: Embedder) -> Path | None:
    if cache_dir is None:
        return None
    return cache_dir / f"{embedder.fingerprint[:16]}-{embedder.dim}.npz"


def load_cache(path: Path | None) -> dict[str, np.ndarray]:
    if path is None or not path.is_file():
        return {}
    try:
        with np.load(path) as z:
            return dict(zip(z["keys"].tolist(), z["vectors"]))
    except Exception as exc:  # noqa: BLE001 (a damaged cache only costs time)
        log.warning("embedding cache unreadable, ignoring: %s", exc)
        return {}


def save_cache(path: Path | None, cache: dict[str, np.ndarray]) -> None:
    """Write atomically; entries another writer saved meanwhile are kept (merged in)."""
    if path is None or not cache:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    merged = {**load_cache(path), **cache}
    tmp = path.with_name(f".{path.stem}.{secrets.token_hex(3)}.tmp.npz")
    np.savez(tmp, keys=np.array(list(merged)), vectors=np.stack(list(merged.values())).astype(np.float32))
    os.replace(tmp, path)


def export_seed_cache(index, folder: Path, embedder: Embedder) -> Path:
    """Write the vectors of an index as a small float16 seed cache (shipped for the default
    corpus, so a fresh clone does not spend minutes embedding on a slow CPU)."""
    path = cache_file(folder, embedder)
    assert path is not None
    folder.mkdir(parents=True, exist_ok=True)
    keys = np.array([text_hash(c) for c in index.chunks])
    np.savez_compressed(path, keys=keys, vectors=index.vectors.astype(np.float16))
    return path


def embed_batch(work: Work, cache: dict[str, np.ndarray], embedder: Embedder) -> None:
    titles, texts = zip(*(pair for _, pair in work))
    vecs = embedder.embed_documents(list(texts), list(titles))
    for (h, _), v in zip(work, vecs):
        cache[h] = v


def embed_missing(work: Work, cache: dict[str, np.ndarray], embedder: Embedder, cache_path: Path | None,
                  progress: Progress, batch: int = 32) -> int:
    """Embed `work` into `cache` in the foreground, saving the cache every few batches."""
    # Similar lengths in a batch waste less compute on padding (the CPU is the bottleneck).
    work = sorted(work, key=lambda w: len(w[1][1]))
    for start in range(0, len(work), batch):
        progress(0.3 + 0.7 * start / max(len(work), 1), f"Nhúng vector {start}/{len(work)} đoạn")
        embed_batch(work[start : start + batch], cache, embedder)
        if start // batch % 5 == 4:
            save_cache(cache_path, cache)  # an interrupted build resumes from here
    save_cache(cache_path, cache)
    return len(work)


def vectors_for(hashes: list[str], cache: dict[str, np.ndarray], dim: int) -> np.ndarray:
    """Normalised rows for the hashes in `cache`, zero rows for the others."""
    out = np.zeros((len(hashes), dim), np.float32)
    for i, h in enumerate(hashes):
        v = cache.get(h)
        if v is not None:
            n = float(np.linalg.norm(v))
            out[i] = v / n if n else 0.0  # float16 seeds drift a little
    return out
