"""On the five real seeds: every figure in the source survives ingestion intact, and no chunk
holds a figure the source does not (a glued footnote marker would create one)."""

import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.config import ROOT
from assistant.ingest.corpus import load_manifest
from assistant.ingest.pipeline import document_chunks
from assistant.numbers import find_numbers

CORPUS = ROOT / "corpus"
ENTRIES = load_manifest(CORPUS)
# A footnote marker as the extraction leaves it: digits glued after a letter, % or bracket.
MARKER_RE = re.compile(r"(?<=[^\W\d_]|[%)”\"’])(\d{1,3})(?=[\s.,;:)”]|$)")
FOOTNOTE_START_RE = re.compile(r"^\s?(\d{1,3}) \S", re.MULTILINE)
# A marker glued to the year of a date ("30/9/202321"): the date is the source's figure.
DATE_MARKER_RE = re.compile(r"(?<![\d/])(\d{1,2}/\d{1,2}/(?:19|20)\d\d)(\d{1,2})(?=[\s.,;:)”]|$)")


def source_figures(raw: str) -> tuple[Counter, set[str]]:
    """Figures written in the source (as text), and the glued numbers that may be markers."""
    raw = re.sub(r"\[bookmark:[^\]]*\]", "", raw)
    footnote_numbers = set(FOOTNOTE_START_RE.findall(raw))
    markers = {m.group(1) for m in MARKER_RE.finditer(raw) if m.group(1) in footnote_numbers}
    figures = Counter(m.text for m in find_numbers(raw))
    dated = {m.group(1) for m in DATE_MARKER_RE.finditer(raw) if m.group(2) in footnote_numbers}
    figures.update(dated)  # may be read whole once its marker is taken off, or left as written
    return figures, markers | footnote_numbers | dated


@pytest.fixture(scope="module", params=[e["doc_id"] for e in ENTRIES])
def seed(request):
    entry = next(e for e in ENTRIES if e["doc_id"] == request.param)
    raw = (CORPUS / entry["source_file"]).read_text(encoding="utf-8")
    chunks = document_chunks(CORPUS / entry["source_file"], entry)
    return entry, raw, chunks


def test_every_source_figure_is_in_some_chunk(seed):
    entry, raw, chunks = seed
    figures, maybe_markers = source_figures(raw)
    in_chunks = Counter(m.text for c in chunks for m in find_numbers(c.full_text))
    missing = sorted(f for f in figures if f not in in_chunks and f not in maybe_markers)
    assert not missing, f"{entry['doc_id']}: {len(missing)} figures lost: {missing[:20]}"
    assert len(figures) > 20  # the shortest seed has 37 distinct figures


def test_no_chunk_invents_a_figure(seed):
    entry, raw, chunks = seed
    figures, _ = source_figures(raw)
    invented = sorted({m.text for c in chunks for m in find_numbers(c.full_text)} - set(figures))
    assert not invented, f"{entry['doc_id']}: figures not in the source: {invented[:20]}"


def test_chunks_have_context_and_clean_text(seed):
    entry, raw, chunks = seed
    assert chunks and all(c.doc_id == entry["doc_id"] and c.doc_title == entry["title"] for c in chunks)
    assert sum(1 for c in chunks if c.section) / len(chunks) > 0.9
    for c in chunks:
        assert "[bookmark" not in c.text and "\ue000" not in c.text
        assert c.page is None  # text seeds: page numbers are not inferred, never invented
    ids = [c.chunk_id for c in chunks]
    assert len(ids) == len(set(ids))
