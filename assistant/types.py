"""Data types that cross module boundaries: chunks, hits and answers.

Dataclasses inside the program; dicts only at the JSON edges (`to_dict`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    doc_title: str
    source_file: str
    section: str
    page: int | None
    text: str
    footnotes: tuple[str, ...] = ()
    # for each footnote, the body text that references it: its sentence up to the marker
    anchors: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["footnotes"] = list(self.footnotes)
        d["anchors"] = list(self.anchors)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Chunk":
        return cls(
            chunk_id=d["chunk_id"],
            doc_id=d["doc_id"],
            doc_title=d.get("doc_title", ""),
            source_file=d.get("source_file", ""),
            section=d.get("section", ""),
            page=d.get("page"),
            text=d["text"],
            footnotes=tuple(d.get("footnotes", ())),
            anchors=tuple(d.get("anchors", ())),
        )

    @property
    def full_text(self) -> str:
        """Body text plus the footnotes it references, as the verifier and BM25 see it."""
        if not self.footnotes:
            return self.text
        return self.text + "\n" + "\n".join(self.footnotes)


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float

    def to_dict(self) -> dict:
        d = self.chunk.to_dict()
        d["score"] = round(float(self.score), 6)
        return d


@dataclass
class Answer:
    question: str
    answer: str
    citations: list[Hit] = field(default_factory=list)
    verified: bool = False
    unverified_numbers: list[str] = field(default_factory=list)
    refused: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    standalone_question: str | None = None
    mode: str = ""  # "facts", "llm", "extractive", "computed", "refusal"
    facts: list[dict] = field(default_factory=list)  # the chosen / computed facts, with citations
    request: dict | None = None  # how the question was parsed (indicator terms, period, place…)
    conversation_id: str | None = None
    follow_up: str | None = None  # how the question was read in its conversation (chat/followup.py)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "citations": [h.to_dict() for h in self.citations],
            "verified": self.verified,
            "unverified_numbers": list(self.unverified_numbers),
            "refused": self.refused,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
            "standalone_question": self.standalone_question,
            "mode": self.mode,
            "facts": list(self.facts),
            "request": self.request,
            "conversation_id": self.conversation_id,
            "follow_up": self.follow_up,
        }


@dataclass(frozen=True)
class Fact:
    """One figure of a document, tied to what it measures, where, when and how.

    `value` is signed for a change ("giảm 12,2%" -> -12.2); `text` is the figure exactly as
    written; `unit` keeps its magnitude word and `scale` its factor ("tỷ đồng", 1e9);
    `period` is {"label", "start", "end"} or None when nothing says; `start`/`end` are the
    figure's offsets in `sentence`."""

    fact_id: str
    doc_id: str
    chunk_id: str
    value: float
    text: str
    unit: str
    scale: float
    role: str  # level | count | change | share_plan | share_whole | rank
    basis: str | None
    kind: str  # actual | estimate | target
    period: dict | None
    place: str | None
    indicator: str
    sentence: str
    page: int | None
    start: int
    end: int
    section: str = ""
    in_footnote: bool = False
    part: bool = False  # one of the parts listed after "trong đó" (of the whole named before)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Fact":
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__ if k in d})
