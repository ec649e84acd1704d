"""Conversation state: per conversation, the topic of the last question (indicator, periods,
place, the whole it narrows), the document filter, the facts last shown and every turn.

Front ends (terminal, web app, `ask --chat`, eval) hold one `Conversation` each and pass it
where a history goes; `converse` resolves each question against it (chat/followup.py), asks
the standalone question, and records the answer.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field

from assistant.chat.followup import Resolved, resolve
from assistant.chat.topic import Topic
from assistant.generation.request import parse_request
from assistant.ingest.periods import Period
from assistant.types import Answer

Stream = Callable[[str, list[str] | None, list[str]], Iterator[tuple[str, object]]]


@dataclass
class Conversation:
    conversation_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    topic: Topic | None = None
    doc_ids: list[str] | None = None
    facts: list[dict] = field(default_factory=list)  # the facts last shown (not computed ones)
    cited: list[str] = field(default_factory=list)  # chunk ids of the passages last cited
    turns: list[dict] = field(default_factory=list)  # answer JSON of every turn, in order

    def __iter__(self):
        """(question, answer text) pairs, as a plain history reads them."""
        return iter([(t["question"], t["answer"]) for t in self.turns])

    def __len__(self) -> int:
        return len(self.turns)

    def resolve(self, question: str, places: list[str]) -> Resolved:
        return resolve(question, self.topic, self.facts, places)

    def record(self, resolved: Resolved, answer: Answer, doc_ids: list[str] | None) -> None:
        self.topic = resolved.topic
        self.doc_ids = doc_ids
        self.facts = [] if answer.refused else [f for f in answer.facts if f.get("text")]
        self.cited = [] if answer.refused else [h.chunk.chunk_id for h in answer.citations]
        self.turns.append(answer.to_dict())

    def focus(self, kind: str) -> list[str]:
        """Where a follow-up's figure is most likely written: the sentences and passages of the
        facts last shown (nothing for a question about a new indicator)."""
        if kind == "new":
            return []
        return [f[k] for f in self.facts for k in ("sentence", "chunk_id") if f.get(k)] + self.cited

    def to_dict(self) -> dict:
        """Plain JSON, to keep a conversation on disk (`from_dict` reads it back)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Conversation:
        topic = d.get("topic")
        if topic:
            topic = Topic(**{**topic, "periods": [Period(**p) for p in topic.get("periods", [])]})
        return cls(d["conversation_id"], topic, d.get("doc_ids"), d.get("facts", []), d.get("cited", []),
                   d.get("turns", []))

    @classmethod
    def from_history(cls, turns: list[tuple[str, str]], places: list[str]) -> Conversation:
        """A conversation rebuilt from (question, answer text) pairs: topics only, no facts."""
        conv = cls()
        for question, _ in turns:
            conv.topic = conv.resolve(question, places).topic
        return conv


def as_conversation(history, places: list[str]) -> Conversation:
    if isinstance(history, Conversation):
        return history
    return Conversation.from_history([(str(q), str(a)) for q, a in (history or [])], places)


def converse(stream: Stream, question: str, conv: Conversation, places: list[str],
             doc_ids: list[str] | None = None, restore: Callable[[str], str] = str) -> Iterator[tuple[str, object]]:
    """Resolve `question` in `conv`, stream the answer to its standalone form, record it.
    A follow-up without its own document filter keeps the conversation's. `restore` puts back
    the diacritics of a question typed without them."""
    resolved = conv.resolve(restore(question.strip()), places)
    doc_ids = doc_ids if doc_ids is not None else conv.doc_ids
    for kind, payload in stream(resolved.standalone, doc_ids, conv.focus(resolved.kind)):
        if kind == "final" and isinstance(payload, Answer):
            payload.question = question
            payload.standalone_question = resolved.standalone
            payload.conversation_id = conv.conversation_id
            payload.follow_up = resolved.kind
            if payload.request is None:  # comparisons: the merged request, as the standalone reads
                payload.request = parse_request(resolved.standalone, places).to_dict()
            conv.record(resolved, payload, doc_ids)
        yield kind, payload


def split_conversations(text: str) -> list[list[str]]:
    """The questions of a `--chat` file: one a line; an empty line starts a new conversation."""
    out: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            out[-1].append(line.strip())
        elif out[-1]:
            out.append([])
    return [c for c in out if c]
