"""The contract between the answering pipeline and its front ends (terminal chat, web app, eval).

A front end holds one `AnswerService` and calls `ask_stream`, which yields events in order:
  ("evidence", list[Hit])   as soon as retrieval finishes (before any generation)
  ("queued", int)           while the answer waits for the model behind other users' answers:
                            the position in the queue (1 = next), each time it changes
  ("token", str)            zero or more pieces of the answer text as it is written
  ("final", Answer)         once, last: the verified answer (its text may differ from the
                            streamed tokens when verification repaired or refused it)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from assistant.types import Answer, Hit  # noqa: F401 (Hit is part of the documented contract)

if TYPE_CHECKING:
    from assistant.generation.series import Series

Turn = tuple[str, str]  # (user question, assistant answer text)
Event = tuple[str, object]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # doc_ids added or updated
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: "<file>: <reason>"


class AnswerService(Protocol):
    def documents(self) -> list[dict]:
        """Manifest entries (doc_id, title, issuer, doc_type, date, period, source_file) in the index."""
        ...

    def ask_stream(
        self, question: str, history: list[Turn] | None = None, doc_ids: list[str] | None = None
    ) -> Iterator[Event]: ...

    def ask(
        self, question: str, history: list[Turn] | None = None, doc_ids: list[str] | None = None
    ) -> Answer: ...

    def add_documents(
        self, paths: list[str], progress: Callable[[float, str], None] | None = None
    ) -> IngestReport: ...

    def series(
        self, indicator: str, place: str | None = None, year_from: int | None = None,
        year_to: int | None = None,
    ) -> Series:
        """One indicator across documents and periods, each point with its sources."""
        ...
