"""Fakes for the eval tests: a scripted AnswerService and a scripted searcher.

The service replies from a script keyed by question (like simonw/llm's MockModel queue), records
every question it was asked, and streams its answer as tokens before the final Answer, so the
harness measures a first-token time exactly as with the real pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.types import Answer, Chunk, Hit

ROOT = Path(__file__).resolve().parents[2]
EVAL_SET = ROOT / "eval" / "questions.jsonl"
CORPUS = ROOT / "corpus"


def make_hit(
    text: str,
    doc_id: str = "bc-ktxh-6t-2024",
    n: int = 0,
    footnotes: tuple[str, ...] = (),
    score: float = 1.0,
) -> Hit:
    chunk = Chunk(
        chunk_id=f"{doc_id}:{n:04d}",
        doc_id=doc_id,
        doc_title="Báo cáo",
        source_file="x.txt",
        section="I",
        page=None,
        text=text,
        footnotes=footnotes,
    )
    return Hit(chunk, score)


@dataclass
class Reply:
    text: str
    citations: list[Hit] = field(default_factory=list)
    refused: bool = False
    verified: bool = True
    stream: bool = True
    fail: bool = False


class FakeService:
    """An AnswerService whose replies are scripted per question; unknown questions are refused."""

    def __init__(self, script: dict[str, Reply] | None = None):
        self.script = dict(script or {})
        self.asked: list[str] = []

    def documents(self) -> list[dict]:
        return []

    def ask_stream(self, question: str, history=None, doc_ids=None) -> Iterator[tuple[str, object]]:
        self.asked.append(question)
        reply = self.script.get(
            question, Reply("Không có trong tài liệu.", refused=True, verified=False, stream=False)
        )
        if reply.fail:
            raise RuntimeError("mô hình lỗi")
        yield ("evidence", reply.citations)
        if reply.stream:
            for piece in reply.text.split(" "):
                yield ("token", piece + " ")
        yield (
            "final",
            Answer(
                question,
                reply.text,
                reply.citations,
                reply.verified,
                [],
                reply.refused,
                {},
                None,
                "llm",
            ),
        )

    def ask(self, question: str, history=None, doc_ids=None) -> Answer:
        final = None
        for kind, payload in self.ask_stream(question, history, doc_ids):
            if kind == "final":
                final = payload
        return final  # type: ignore[return-value]

    def add_documents(self, paths, progress=None):
        raise NotImplementedError


class FakeSearch:
    """search(question, k): scripted hits per question, recording the calls."""

    def __init__(self, script: dict[str, list[Hit]] | None = None):
        self.script = dict(script or {})
        self.calls: list[tuple[str, int]] = []

    def __call__(self, question: str, k: int) -> list[Hit]:
        self.calls.append((question, k))
        return self.script.get(question, [])[:k]
