"""A `Generator` that talks to any OpenAI-compatible chat endpoint (llama.cpp's server, vLLM,
Ollama), so that one department server can answer for many users. Standard library only."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

from assistant.errors import BaocaoError
from assistant.generation.generator import Message


class EndpointError(BaocaoError):
    """The chat endpoint could not be reached or answered with an error."""


class OpenAICompatGenerator:
    def __init__(self, base_url: str, model: str = "local", seed: int = 42, timeout: float = 120.0,
                 api_key: str = ""):
        self.url = base_url.rstrip("/") + "/chat/completions"
        if not self.url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be http(s): {base_url!r}")
        self.name = f"openai:{model}"
        self.model = model
        self.seed = seed
        self.timeout = timeout
        self.api_key = api_key

    def _request(self, messages: list[Message], max_tokens: int) -> urllib.request.Request:
        body = {"model": self.model, "messages": messages, "max_tokens": max_tokens, "temperature": 0.0,
                "seed": self.seed, "stream": True}
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return urllib.request.Request(self.url, json.dumps(body).encode(), headers, method="POST")

    def stream(self, messages: list[Message], max_tokens: int = 200) -> Iterator[str]:
        try:
            resp = urllib.request.urlopen(self._request(messages, max_tokens), timeout=self.timeout)
        except (urllib.error.URLError, OSError) as exc:
            raise EndpointError(f"không kết nối được máy chủ mô hình {self.url}: {exc}") from exc
        with resp:
            for raw in resp:
                line = raw.decode("utf-8").strip()
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    break
                choice = (json.loads(data).get("choices") or [{}])[0]
                piece = (choice.get("delta") or {}).get("content") or ""
                if piece:
                    yield piece
