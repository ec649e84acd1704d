"""The `Generator` contract, and a scripted fake for tests.

Implementations: `llm.LlamaCppGenerator` (local GGUF, the default) and
`openai_compat.OpenAICompatGenerator` (any OpenAI-compatible chat endpoint).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

Message = dict[str, str]  # {"role": "system"|"user"|"assistant", "content": str}


class Generator(Protocol):
    name: str

    def stream(self, messages: list[Message], max_tokens: int = 200) -> Iterator[str]:
        """Pieces of the reply as they are generated (temperature 0, fixed seed)."""
        ...


class ScriptedGenerator:
    """Replies from a queue (or a function of the prompt) and records every prompt it saw."""

    def __init__(self, replies: list[str] | None = None, fn=None, name: str = "scripted"):
        self.replies = list(replies or [])
        self.fn = fn
        self.name = name
        self.history: list[list[Message]] = []

    def enqueue(self, reply: str) -> None:
        self.replies.append(reply)

    def stream(self, messages: list[Message], max_tokens: int = 200) -> Iterator[str]:
        self.history.append(messages)
        reply = self.fn(messages) if self.fn else (self.replies.pop(0) if self.replies else "")
        for i in range(0, len(reply), 7):
            yield reply[i : i + 7]
