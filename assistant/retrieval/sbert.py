"""EmbeddingGemma (or any local sentence-transformers model) behind the `Embedder` Protocol.

The only module that imports sentence_transformers. Uses the model's own query and document
prompts (`encode_query` / `encode_document`), normalised vectors, optional Matryoshka truncation.

Two precisions of the same weights: fp32, and bfloat16 (weights cast on load, matmuls under
autocast) for CPUs with native bfloat16 instructions (AMX or AVX512-BF16), where oneDNN runs it
about three times faster with vectors within cosine 0.9998 of fp32 (`baocao bench --embed`). On a
CPU without them bfloat16 is emulated and slower, so "auto" picks it only where it is native.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import threading
from pathlib import Path

import numpy as np

from assistant.errors import ModelMissingError

log = logging.getLogger(__name__)


def weights_fingerprint(path: Path) -> str:
    """sha256 of the weights file, cached beside the model by size and mtime (hashing 1.2 GB is slow)."""
    weights = next(iter(sorted(path.glob("*.safetensors"))), None) or next(iter(path.glob("*.bin")), None)
    if weights is None:
        raise ModelMissingError(f"không thấy tệp trọng số trong {path}")
    st = weights.stat()
    marker = path / ".baocao-sha256"
    key = f"{st.st_size}:{int(st.st_mtime)}"
    if marker.is_file():
        cached_key, _, digest = marker.read_text().strip().partition(" ")
        if cached_key == key:
            return digest
    h = hashlib.sha256()
    with weights.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    try:
        marker.write_text(f"{key} {h.hexdigest()}\n")
    except OSError:
        pass
    return h.hexdigest()


BF16_RECIPE = "torch-bf16-v1"


def route_fingerprint(source_sha256: str, recipe: str) -> str:
    """The vectors' identity for a route derived from `source_sha256` by `recipe`: each route
    has its own embedding-cache file and never mixes vectors with another."""
    return hashlib.sha256(f"{source_sha256}:{recipe}".encode()).hexdigest()


def read_cpuinfo() -> str:
    """This machine's /proc/cpuinfo (Linux), or "" where there is none."""
    try:
        return Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return ""


def cpu_has_native_bf16(cpuinfo: str | None = None) -> bool:
    """Whether this CPU computes bfloat16 in hardware (Linux: /proc/cpuinfo flags)."""
    if cpuinfo is None:
        cpuinfo = read_cpuinfo()
    return re.search(r"^flags\s*:.*\b(amx_bf16|avx512_bf16)\b", cpuinfo, re.MULTILINE) is not None


# The kernels the bfloat16 route runs (linear layers, attention) on the shapes it runs them.
_BF16_PROBE = """
import torch
torch.manual_seed(0)
lin = torch.nn.Linear(768, 768).to(torch.bfloat16)
x = torch.randn(4, 96, 768)
with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16):
    y = lin(x)
    q = y.view(4, 96, 3, 256).transpose(1, 2)
    a = torch.nn.functional.scaled_dot_product_attention(q, q, q)
assert torch.isfinite(a.float()).all()
print("bf16-ok")
"""


def bf16_runs(home: Path, cpuinfo: str | None = None) -> bool:
    """Whether bfloat16 really runs here, tried once in a child process and remembered per CPU.

    A virtual CPU may report instructions it does not execute (a native llama.cpp build died
    with SIGILL on such a machine); a crash in the child costs nothing and selects fp32."""
    import json
    import subprocess
    import sys

    if cpuinfo is None:
        cpuinfo = read_cpuinfo()
    flags = sorted({line for line in cpuinfo.splitlines() if line.startswith(("flags", "model name"))})
    key = hashlib.sha256("\n".join(flags).encode()).hexdigest()[:16]
    record = home / "cpu-bf16.json"
    try:
        known = json.loads(record.read_text())
        if known.get("cpu") == key:
            return bool(known["ok"])
    except (OSError, ValueError, KeyError):
        pass
    try:
        r = subprocess.run([sys.executable, "-c", _BF16_PROBE], capture_output=True, text=True, timeout=300, check=False)
        ok = r.returncode == 0 and "bf16-ok" in r.stdout
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    if not ok:
        log.warning("bfloat16 does not run on this CPU; embeddings use fp32")
    try:
        home.mkdir(parents=True, exist_ok=True)
        tmp = record.with_suffix(".tmp")
        tmp.write_text(json.dumps({"cpu": key, "ok": ok}))
        tmp.replace(record)
    except OSError:
        pass
    return ok


def load_sentence_transformer(path: Path, dim: int | None = None, eager: bool = False):
    """The local model, never from a hub. `eager` attention traces cleanly for the ONNX export."""
    if not (path / "config.json").is_file() and not (path / "modules.json").is_file():
        raise ModelMissingError(f"mô hình embedding không có tại {path} — chạy `baocao models fetch`")
    from sentence_transformers import SentenceTransformer  # heavy: import only when used

    kwargs = {"model_kwargs": {"attn_implementation": "eager"}} if eager else {}
    return SentenceTransformer(str(path), device="cpu", local_files_only=True, truncate_dim=dim, **kwargs)


def _unit(v) -> np.ndarray:
    """float32 rows of length one (bfloat16 output is normalised only to its ~3 digits)."""
    v = np.asarray(v, dtype=np.float32)
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)


class SentenceTransformerEmbedder:
    def __init__(self, path: Path, dim: int | None = None, batch_size: int = 16, name: str | None = None,
                 max_seq_length: int = 512, precision: str = "fp32"):
        if precision not in ("fp32", "bf16"):
            raise ValueError(f"precision must be 'fp32' or 'bf16', not {precision!r}")
        self.model = load_sentence_transformer(path, dim)
        self.precision = precision
        if precision == "bf16":
            import torch

            self.model.to(torch.bfloat16)
        self._lock = threading.Lock()  # the background vector worker and queries share the model
        # Chunks are ~250 tokens; the cap only bounds the rare footnote-heavy chunk (BM25 still
        # sees all of it). Attention cost grows with length on this slow CPU.
        self.model.max_seq_length = min(self.model.max_seq_length, max_seq_length)
        self.name = name or path.name
        get_dim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        self.batch_size = batch_size
        self.fingerprint = weights_fingerprint(path)
        if precision == "bf16":
            self.fingerprint = route_fingerprint(self.fingerprint, BF16_RECIPE)

    def _compute(self):
        """The context the model runs in: autocast for bfloat16, nothing for fp32."""
        if self.precision != "bf16":
            return contextlib.nullcontext()
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16)

    def embed_documents(self, texts: list[str], titles: list[str] | None = None, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        kwargs = {}
        if titles is not None and "document" in getattr(self.model, "prompts", {}):
            # EmbeddingGemma's document prompt is "title: {title} | text: "; fill the title in.
            texts = [f"title: {t or 'none'} | text: {x}" for t, x in zip(titles, texts)]
            kwargs["prompt"] = ""
        with self._lock, self._compute():
            v = self.model.encode_document(
                texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=progress, **kwargs
            )
        return _unit(v)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock, self._compute():
            v = self.model.encode_query([text], normalize_embeddings=True, show_progress_bar=False)
        return _unit(v)[0]
