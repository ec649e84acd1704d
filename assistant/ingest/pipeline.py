"""Corpus to chunks without any model: what `baocao chunks` prints and the index is built from."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import DocumentError
from assistant.ingest.chunk import chunk_document
from assistant.ingest.clean import clean_document
from assistant.ingest.corpus import load_manifest
from assistant.ingest.loaders import load_document
from assistant.types import Chunk


def document_chunks(path: Path, meta: dict | None, size: int = 900, overlap: int = 150,
                    max_bytes: int = 100 * 2**20) -> list[Chunk]:
    doc = load_document(path, meta, max_bytes)
    return chunk_document(doc, clean_document(doc), size, overlap)


def corpus_chunks(corpus_dir: Path, size: int = 900, overlap: int = 150,
                  max_bytes: int = 100 * 2**20) -> tuple[list[Chunk], list[str]]:
    chunks: list[Chunk] = []
    errors: list[str] = []
    for entry in load_manifest(corpus_dir):
        try:
            chunks += document_chunks(corpus_dir / entry["source_file"], entry, size, overlap, max_bytes)
        except DocumentError as exc:
            errors.append(str(exc))
    return chunks, errors
