"""EmbeddingGemma through ONNX Runtime (int8 weights): the default, faster embedder.

The only module that imports onnxruntime. The graph (`onnxexport.py`) holds the whole
sentence-transformers pipeline — transformer, mean pooling, both dense layers, normalisation —
so this module only tokenises, runs the graph and truncates (Matryoshka). The prompts are the
model's own, read from its sentence-transformers config, as `sbert.py` uses them.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import numpy as np

from assistant.errors import ModelMissingError

log = logging.getLogger(__name__)


def _prompts(source: Path) -> dict[str, str]:
    try:
        return json.loads((source / "config_sentence_transformers.json").read_text()).get("prompts", {})
    except (OSError, ValueError):
        return {}


class OnnxEmbedder:
    def __init__(self, model_file: Path, source: Path, fingerprint: str, dim: int | None = None,
                 batch_size: int = 16, name: str | None = None, max_seq_length: int = 512,
                 threads: int = 0):
        if not model_file.is_file():
            raise ModelMissingError(f"mô hình ONNX không có tại {model_file} — chạy `baocao models fetch`")
        import onnxruntime as ort
        from transformers import AutoTokenizer

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            opts.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(model_file), opts, providers=["CPUExecutionProvider"])
        self.tokenizer = AutoTokenizer.from_pretrained(str(source), local_files_only=True)
        self._tok_lock = threading.Lock()  # a Rust tokenizer refuses concurrent use
        prompts = _prompts(source)
        self.query_prompt = prompts.get("query", "")
        self.has_title_prompt = "document" in prompts
        self.document_prompt = prompts.get("document", "")
        self.max_seq_length = max_seq_length
        self.batch_size = batch_size
        self.name = name or model_file.parent.name
        self.fingerprint = fingerprint
        full = int(self.session.get_outputs()[0].shape[-1] or 768)
        self.dim = min(dim or full, full)

    def _run(self, texts: list[str]) -> np.ndarray:
        with self._tok_lock:
            enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_seq_length,
                                 return_tensors="np")
        feeds = {"input_ids": enc["input_ids"].astype(np.int64),
                 "attention_mask": enc["attention_mask"].astype(np.int64)}
        v = self.session.run(None, feeds)[0][:, : self.dim].astype(np.float32)
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)

    def embed_documents(self, texts: list[str], titles: list[str] | None = None, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        if titles is not None and self.has_title_prompt:
            texts = [f"title: {t or 'none'} | text: {x}" for t, x in zip(titles, texts)]
        else:
            texts = [self.document_prompt + x for x in texts]
        # similar lengths together: padding is wasted compute on this CPU
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            out[idx] = self._run([texts[i] for i in idx])
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self._run([self.query_prompt + text])[0]
