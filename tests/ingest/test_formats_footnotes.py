"""Newspaper columns: footnote blocks without a separator line, markers glued to words or in
brackets; over the five seeds, glued markers left in the body are at most 5% of the raw count."""

from __future__ import annotations

import re

import pytest

from assistant.config import ROOT
from assistant.ingest.clean import clean_document
from assistant.ingest.corpus import load_manifest
from assistant.ingest.document import Document, Page
from assistant.ingest.pipeline import document_chunks

CORPUS = ROOT / "corpus"
FOOTNOTE_START_RE = re.compile(r"^\s?(\d{1,3}) \S", re.MULTILINE)
# A glued marker: a number right after a lower-case word, "%" or ")", then punctuation or space.
# Codes and units ("QL18", "QH15", "m3", "km") are data, not markers, and are not counted.
GLUED_RE = re.compile(r"(?:(?<=[a-zà-ỹđ]{2})|(?<=[%)]))(\d{1,3})(?=[\s.,;:)”]|$)")


def glued_markers(text: str, numbers: set[str]) -> list[str]:
    return [m.group(0) for m in GLUED_RE.finditer(text) if m.group(1) in numbers]


def test_glued_markers_left_in_body_are_at_most_5_percent_over_the_seeds():
    raw_total = left_total = 0
    for entry in load_manifest(CORPUS):
        raw = (CORPUS / entry["source_file"]).read_text("utf-8")
        numbers = set(FOOTNOTE_START_RE.findall(raw))
        raw_total += len(glued_markers(raw, numbers))
        chunks = document_chunks(CORPUS / entry["source_file"], entry)
        left_total += sum(len(glued_markers(c.text, numbers)) for c in chunks)
    assert raw_total > 100  # 54+ in the political-report draft alone
    assert left_total <= 0.05 * raw_total, (left_total, raw_total)


def test_political_report_chunks_carry_their_footnotes():
    entry = next(e for e in load_manifest(CORPUS) if e["source_file"].startswith("2025_tinh-uy"))
    chunks = document_chunks(CORPUS / entry["source_file"], entry)
    with_notes = [c for c in chunks if c.footnotes]
    assert len(with_notes) >= 40
    assert any("so mục tiêu đề ra," in c.text and any(f.startswith("[Chú thích 8]") for f in c.footnotes)
               for c in chunks)


COLUMNS = (
    "Tỷ lệ xã đạt chuẩn nông thôn mới\n"
    "đạt 88,46%, vượt 4,3% so mục tiêu đề\n"
    "ra1, cao hơn bình quân chung của\n"
    "cả nước(2). Tổng đàn lợn tăng.\n"
    "\n"
    "1 Có 70 xã đạt chuẩn nông thôn mới nâng cao (chiếm 44,0%), 19 xã đạt chuẩn kiểu mẫu trong toàn tỉnh.\n"
    "2 Bình quân cả nước đạt 78,2% theo số liệu tổng hợp của các bộ, ngành trung ương năm 2024.\n"
    " vùng trung du miền núi phía Bắc.\n"
)


def test_newspaper_footnote_block_without_separator():
    clean = clean_document(Document("d", "t", "d.txt", "0", [Page(None, COLUMNS)]))
    body = " ".join(p.text for p in clean.paragraphs)
    assert "đề ra\ue0001\ue001, cao hơn" in body and "cả nước\ue0002\ue001." in body
    assert clean.footnotes["1"].startswith("Có 70 xã") and clean.footnotes["2"].startswith("Bình quân")
    assert "vùng trung du" in body and "Có 70 xã" not in body
