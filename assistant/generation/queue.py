"""A first-come, first-served queue in front of the answer model, with positions.

Many users can retrieve and get code-written answers at once; only the model writes one answer
per slot (a local GGUF model has one slot; a shared llama.cpp or vLLM server has as many as it
was started with). `QueuedGenerator` wraps any `Generator`: while a request waits for a slot its
stream yields `Waiting(position)` markers (1 = next to be served) before the reply's text, so
the caller can show "Đang xếp hàng: thứ 3" instead of a frozen screen.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass

from assistant.generation.generator import Generator, Message


@dataclass(frozen=True)
class Waiting:
    """Yielded by `QueuedGenerator.stream` while the request waits; 1 = next to be served."""

    position: int


class GenerationQueue:
    """Tickets served in arrival order by `slots` workers at most at once. Thread-safe."""

    def __init__(self, slots: int = 1):
        if slots < 1:
            raise ValueError("slots must be at least 1")
        self.slots = slots
        self._cond = threading.Condition()
        self._waiting: list[object] = []
        self._active = 0

    @property
    def active(self) -> int:
        return self._active

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def join(self) -> object:
        """Take a ticket at the back of the queue."""
        ticket = object()
        with self._cond:
            self._waiting.append(ticket)
            self._cond.notify_all()
        return ticket

    def try_enter(self, ticket: object) -> int:
        """0 when the ticket now holds a slot (call `release` later), else its position."""
        with self._cond:
            pos = self._waiting.index(ticket)
            if pos < self.slots - self._active:  # only the front of the queue gets free slots
                self._waiting.remove(ticket)
                self._active += 1
                self._cond.notify_all()
                return 0
            return pos - (self.slots - self._active) + 1

    def wait_change(self, timeout: float) -> None:
        with self._cond:
            self._cond.wait(timeout)

    def leave(self, ticket: object) -> None:
        """Give up a ticket that never got a slot (the user left or cancelled)."""
        with self._cond:
            if ticket in self._waiting:
                self._waiting.remove(ticket)
                self._cond.notify_all()

    def release(self) -> None:
        with self._cond:
            self._active -= 1
            self._cond.notify_all()

    def turn(self, poll: float = 1.0) -> Iterator[int]:
        """Join, then yield the position each time it changes; returns holding a slot. The
        caller must `release()` once done; closing this iterator early gives the ticket up."""
        ticket = self.join()
        last = None
        try:
            while (pos := self.try_enter(ticket)) != 0:
                if pos != last:
                    yield pos
                    last = pos
                self.wait_change(poll)
        except BaseException:
            self.leave(ticket)
            raise


class QueuedGenerator:
    """A `Generator` whose requests wait their turn in a `GenerationQueue`."""

    def __init__(self, inner: Generator, queue: GenerationQueue):
        self.inner = inner
        self.queue = queue
        self.name = inner.name

    def __getattr__(self, name: str):  # count_tokens, n_ctx, …: the wrapped model's
        return getattr(self.inner, name)

    def stream(self, messages: list[Message], max_tokens: int = 200) -> Iterator[str | Waiting]:
        turn = self.queue.turn()
        with closing(turn):  # leaving while still queued gives the ticket up at once
            for position in turn:
                yield Waiting(position)
        try:
            yield from self.inner.stream(messages, max_tokens)
        finally:
            self.queue.release()
