"""The local GGUF model through llama-cpp-python (the only module that imports llama_cpp).

Temperature 0 and a fixed seed make answers repeatable. The system prompt is identical for
every question, so llama.cpp's prefix matching reuses its KV cache across questions.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from assistant.errors import BaocaoError, ModelMissingError
from assistant.generation.generator import Message

log = logging.getLogger(__name__)


class ContextOverflowError(BaocaoError):
    """The prompt does not fit the model's context window."""


class LlamaCppGenerator:
    def __init__(self, path: Path, n_ctx: int = 4096, n_threads: int = 0, seed: int = 42, name: str | None = None):
        if not path.is_file() or path.stat().st_size < 1024:
            raise ModelMissingError(f"không thấy mô hình GGUF tại {path} — chạy `baocao models fetch`")
        try:
            from llama_cpp import Llama
        except ImportError as exc:  # pragma: no cover
            raise ImportError("llama-cpp-python is missing: pip install llama-cpp-python") from exc
        threads = n_threads or os.cpu_count() or 2
        try:
            self.llm = Llama(
                model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                seed=seed, verbose=False, n_batch=512,
            )
        except Exception as exc:  # llama.cpp raises ValueError on unreadable files
            raise ModelMissingError(f"không nạp được mô hình {path.name}: tệp hỏng? ({exc})") from exc
        self.name = name or path.stem
        self.n_ctx = n_ctx
        self.seed = seed
        self._lock = threading.Lock()  # one llama context: one generation at a time

    def count_tokens(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def stream(self, messages: list[Message], max_tokens: int = 200) -> Iterator[str]:
        prompt_tokens = sum(self.count_tokens(m["content"]) + 8 for m in messages)
        if prompt_tokens + max_tokens > self.n_ctx:
            raise ContextOverflowError(
                f"câu hỏi và đoạn trích quá dài cho mô hình ({prompt_tokens} token > {self.n_ctx - max_tokens})"
            )
        with self._lock:
            chunks = self.llm.create_chat_completion(
                messages=messages, max_tokens=max_tokens, temperature=0.0, top_k=1,
                seed=self.seed, stream=True,
            )
            for part in chunks:
                delta = part["choices"][0].get("delta", {}).get("content")
                if delta:
                    yield delta
