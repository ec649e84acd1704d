"""Per-item verdicts: right figure, cited passage, right refusal, evidence retrieved.

A run record (what the harness stores for one item: the answer, the retrieved hits, timings)
is scored against the item here, so that editing an item's expectation re-scores old runs
without asking the model again.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from assistant.eval.compare import find_figure, value_decimals
from assistant.numbers import find_numbers
from assistant.eval.dataset import Item
from assistant.eval.textnorm import contains_loose, match_key
from assistant.types import Chunk


@dataclass
class Verdicts:
    numeric: bool | None = None  # answerable: the expected figure is in the answer
    terms: bool | None = None  # list items: every expected name is in the answer
    citation: bool | None = None  # answered answerable: each evidence span is in a cited passage
    refused: bool = False
    refusal_ok: bool | None = None  # unanswerable: it refused
    false_refusal: bool | None = None  # answerable: it refused
    verified: bool | None = None  # answered: the pipeline verified every figure
    retrieval_rank: int | None = None  # rank by which every evidence span was retrieved
    retrieval_recall: float | None = None  # share of evidence spans in the top k
    passed: bool | None = False  # answerable: figure (and names) right; unanswerable: refused;
    # None when the question was not asked (a retrieval-only run)
    matched: str | None = None  # the figure of the answer that matched, as written

    def to_dict(self) -> dict:
        return asdict(self)


def passage_text(hit: dict) -> str:
    """Body plus footnotes of a hit/citation dict, as the verifier sees it."""
    return Chunk.from_dict(hit).full_text


def retrieval_verdict(
    evidence: tuple[str, ...], hits: list[dict], k: int
) -> tuple[int | None, float]:
    """(rank by which all spans were found, or None; share of spans in the top k)."""
    keys = [match_key(passage_text(h)) for h in hits[:k]]
    ranks = [
        next((r for r, hk in enumerate(keys, 1) if match_key(e) in hk), None) for e in evidence
    ]
    found = [r for r in ranks if r is not None]
    rank = max(found) if found and len(found) == len(ranks) else None
    return rank, len(found) / len(ranks)


def citation_verdict(evidence: tuple[str, ...], citations: list[dict]) -> bool:
    """True if every evidence span is contained in some cited passage."""
    keys = [match_key(passage_text(c)) for c in citations]
    return all(any(match_key(e) in ck for ck in keys) for e in evidence)


def evidence_sets(item: Item) -> list[tuple[str, ...]]:
    """The item's evidence, then each alternative passage stating the same fact (`also_in`)."""
    return [item.evidence] + [(a,) for a in item.also_in]


def best_retrieval(item: Item, hits: list[dict], k: int) -> tuple[int | None, float]:
    """The best retrieval verdict over the evidence sets: lowest rank, highest recall."""
    results = [retrieval_verdict(ev, hits, k) for ev in evidence_sets(item)]
    ranks = [r for r, _ in results if r is not None]
    return (min(ranks) if ranks else None), max(rec for _, rec in results)


_QUOTED = re.compile(r"“[^”]*”")
_STATING_MODES = ("facts", "computed")


def score(item: Item, record: dict, k: int) -> Verdicts:
    """Verdicts for one item from its run record (see harness.run_item)."""
    answer = record.get("answer") or {}
    text = answer.get("answer") or ""
    v = Verdicts(refused=bool(answer.get("refused")) if not record.get("error") else False)
    answered = bool(answer) and not v.refused and not record.get("error")
    if answered:
        v.verified = bool(answer.get("verified"))
    if record.get("hits") is not None and item.evidence:
        v.retrieval_rank, v.retrieval_recall = best_retrieval(item, record["hits"], k)
    if record.get("asked") is False:
        v.passed = None
        return v
    if not item.answerable:
        v.refusal_ok = v.refused
        v.passed = v.refused
        return v
    v.false_refusal = v.refused
    # A figure chosen or computed by code is judged on what the answer states, not on the source
    # sentence it quotes as evidence: a neighbour's figure stated beside a quote that holds the right
    # one is a wrong figure shown
    stated = _QUOTED.sub(" ", text) if answer.get("mode") in _STATING_MODES else text
    fig = find_figure(stated, item.value, item.unit, item.tolerance_decimals) if answered else None  # type: ignore[arg-type]
    if fig is None and answered and stated is not text and item.unit is None and item.value is not None:
        # a bare figure expected (a table cell whose unit sits in its own column): the figure as
        # written, whatever magnitude word the answer adds ("**104,2 nghìn tấn**" states 104,2)
        fig = next((g for g in find_numbers(stated) if g.value is not None
                    and abs(g.value - item.value) <= 10 ** -(item.tolerance_decimals or value_decimals(item.value)) / 2),
                   None)
        fig = find_figure(fig.text, item.value, None, item.tolerance_decimals) if fig else None
    v.numeric = fig is not None
    v.matched = fig.text if fig else None
    if item.expected_terms:
        v.terms = answered and all(contains_loose(text, t) for t in item.expected_terms)
    if answered:
        cites = answer.get("citations") or []
        v.citation = any(citation_verdict(ev, cites) for ev in evidence_sets(item))
    v.passed = bool(v.numeric) and v.terms is not False
    return v


def result_row(item: Item, record: dict, k: int) -> dict:
    """One item of report.json: question, expectation, answer, citations, verdicts, timings."""
    answer = record.get("answer") or {}
    return {
        "id": item.id,
        "type": item.type,
        "doc_id": item.doc_id,
        "question": item.question,
        "expected": {
            "answer": item.answer,
            "value": item.value,
            "unit": item.unit,
            "evidence": list(item.evidence),
            "answerable": item.answerable,
            "notes": item.notes,
        },
        "answer": answer.get("answer"),
        "refused": bool(answer.get("refused")),
        "verified": bool(answer.get("verified")),
        "unverified_numbers": answer.get("unverified_numbers") or [],
        "mode": answer.get("mode") or "",
        "citations": [_brief(c, text=True) for c in answer.get("citations") or []],
        "retrieved": [dict(_brief(h), rank=r) for r, h in enumerate(record.get("hits") or [], 1)],
        "verdicts": score(item, record, k).to_dict(),
        "timings": record.get("timings") or {},
        "error": record.get("error"),
    }


def _brief(hit: dict, text: bool = False) -> dict:
    out = {key: hit.get(key) for key in ("chunk_id", "doc_id", "page", "section", "score")}
    if text:
        out["text"] = passage_text(hit)
    return out
