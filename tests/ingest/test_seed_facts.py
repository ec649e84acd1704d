"""On the five real seeds: every figure ingestion keeps becomes a fact, or is a non-quantity
with a named reason; no fact is a footnote marker, a document number, a date or a list numeral."""

import re
from collections import Counter

import pytest

from assistant.config import ROOT
from assistant.ingest.corpus import load_manifest
from assistant.ingest.facts import extract_facts, non_fact_reason, split_sentences
from assistant.ingest.periods import date_spans, find_period_spans
from assistant.ingest.pipeline import document_chunks
from assistant.ingest.profile import profile_dict
from assistant.numbers import find_numbers, read_unit

CORPUS = ROOT / "corpus"
ENTRIES = load_manifest(CORPUS)


@pytest.fixture(scope="module", params=[e["doc_id"] for e in ENTRIES])
def seed(request):
    entry = next(e for e in ENTRIES if e["doc_id"] == request.param)
    chunks = document_chunks(CORPUS / entry["source_file"], entry)
    text = (CORPUS / entry["source_file"]).read_text(encoding="utf-8")
    facts = extract_facts(chunks, profile_dict(entry["doc_id"], text, entry))
    return chunks, facts


def _window(sentence: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", sentence[max(0, start - 20) : end + 20])


def test_every_kept_figure_is_a_fact_or_has_a_reason(seed):
    chunks, facts = seed
    windows = {(f.text, _window(f.sentence, f.start, f.end)) for f in facts}
    sentences = [re.sub(r"\s+", " ", f.sentence) for f in facts]
    missing, reasons = [], Counter()
    for c in chunks:
        notes = [re.sub(r"^\[Chú thích [^\]]+\]\s*", "", fn) for fn in c.footnotes]
        for s in split_sentences(c.text) + [x for fn in notes for x in split_sentences(fn)]:
            blocked = [(a, b) for a, b, _ in find_period_spans(s)] + date_spans(s)
            for m in find_numbers(s):
                reason = "date" if m.value is None else non_fact_reason(s, m, blocked, read_unit(s, m.end).length)
                if reason:
                    reasons[reason] += 1
                    continue
                w = _window(s, m.start, m.end)
                if (m.text, w) not in windows and not any(w in t for t in sentences):
                    missing.append(w)
    assert not missing, f"{len(missing)} figures without a fact: {missing[:5]}"
    if len(facts) + sum(reasons.values()) > 200:  # reasons do not swallow a report's figures
        assert len(facts) > sum(reasons.values()), reasons


def test_no_fact_is_a_marker_a_document_number_a_date_or_a_list_numeral(seed):
    _, facts = seed
    for f in facts:
        before, after = f.sentence[: f.start], f.sentence[f.end : f.end + 2]
        assert not (before[-1:].isalpha()), f"glued marker: {f.sentence[f.start - 15 : f.end + 5]}"
        assert not re.search(r"(?i)(?<!chỉ )\bsố\s*:?\s*$|ngày\s*$", before), f.sentence[f.start - 15 : f.end + 5]
        assert not re.match(r"[-/][A-ZĐ]", after), f.sentence[f.start - 15 : f.end + 5]
        assert not (before.endswith("(") and after.startswith(")")), f.sentence[f.start - 15 : f.end + 5]
        assert f.unit == "rank" or "/" not in f.text, f.text
