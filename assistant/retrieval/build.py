"""Build or update the index from corpus/: incremental by document sha256, embeddings cached
by chunk text hash, so a changed report re-embeds only its new chunks and an unchanged corpus
costs seconds."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.errors import DocumentError, IndexMismatchError
from assistant.ingest import corpus as corpus_mod
from assistant.ingest.chunk import chunk_document
from assistant.ingest.clean import clean_document
from assistant.ingest.facts import FACTS_VERSION, extract_facts
from assistant.ingest.loaders import load_document
from assistant.ingest.profile import profile_dict
from assistant.retrieval.embedcache import (  # noqa: F401 (export_seed_cache: public here)
    cache_file,
    embed_input,
    embed_missing,
    export_seed_cache,
    load_cache,
    text_hash,
    vectors_for,
)
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.store import IndexData, load_index, read_manifest, write_index, write_lock
from assistant.types import Chunk, Fact

log = logging.getLogger(__name__)


def _facts_or_fewer(chunks: list, profile: dict, name: str, report) -> list:
    """The document's facts; a rule that fails on some passage (a bug, never the user's fault) costs
    that passage's figures only, not the document nor the index: the passage stays searchable and
    quotable, and the report says which file lost them."""
    try:
        return extract_facts(chunks, profile)
    except Exception:  # noqa: BLE001 - any failure of a reading rule
        log.exception("fact extraction failed on %s; reading it passage by passage", name)
    facts, lost = [], 0
    for c in chunks:
        try:
            facts += extract_facts([c], profile)
        except Exception:  # noqa: BLE001
            log.exception("fact extraction failed on %s (%s)", name, c.chunk_id)
            lost += 1
    report.notes.append(f"{name}: không đọc được số liệu có cấu trúc ở {lost} đoạn; các đoạn này vẫn tìm và trích dẫn được")
    return facts
Progress = Callable[[float, str], None]


@dataclass
class BuildOptions:
    chunk_size: int = 900
    chunk_overlap: int = 150
    ann: str = "auto"
    ann_threshold: int = 50_000
    max_bytes: int = 100 * 2**20
    rebuild: bool = False
    defer_vectors: bool = False  # write the index at once; missing vectors are made in the background
    no_cache: bool = False  # ignore the embedding caches (measures a build from nothing)
    cache_dir: Path | None = None  # persistent embedding cache (in $BAOCAO_HOME), shared by indexes
    seed_cache_dir: Path | None = None  # read-only vectors shipped with the repo for the default corpus


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    embedded: int = 0
    reused: int = 0
    written: bool = False
    pending: int = 0  # chunks searchable lexically, their vectors still to be made
    notes: list[str] = field(default_factory=list)  # documents with no period or place found


def settings_signature(embedder: Embedder, opts: BuildOptions) -> dict:
    return {
        "embed_model": embedder.name,
        "embed_fingerprint": embedder.fingerprint,
        "dim": embedder.dim,
        "chunk_size": opts.chunk_size,
        "chunk_overlap": opts.chunk_overlap,
    }


def add_files(paths: list[Path], corpus_dir: Path, max_bytes: int) -> tuple[list[str], list[str]]:
    """Validate and copy new reports into corpus/ with manifest entries. Returns (doc_ids, errors)."""
    entries = corpus_mod.load_manifest(corpus_dir)
    added, errors = [], []
    for src in paths:
        try:
            doc = load_document(src, None, max_bytes)  # validate before anything touches corpus/
        except DocumentError as exc:
            errors.append(str(exc))
            continue
        dest = corpus_mod.copy_into_corpus(src, corpus_dir)
        sha = corpus_mod.sha256_file(dest)
        known = next((e for e in entries if e["source_file"] == dest.name), None)
        if known is None:
            sample = "\n".join(p.text for p in doc.pages)[:5000]
            known = corpus_mod.entry_for(dest, {e["doc_id"] for e in entries}, doc.title, sample)
            entries.append(known)
        known["sha256"] = sha
        added.append(known["doc_id"])
    corpus_mod.save_manifest(corpus_dir, entries)
    return added, errors


def _corpus_entries(corpus_dir: Path) -> list[dict]:
    """Manifest entries, plus entries for files dropped into corpus/ without one."""
    entries = corpus_mod.load_manifest(corpus_dir)
    listed = {e["source_file"] for e in entries}
    extra = [
        p for p in sorted(corpus_dir.iterdir())
        if p.is_file() and p.name != corpus_mod.MANIFEST and not p.name.startswith(".") and p.name not in listed
        and p.suffix.lower() != ".json"
    ]
    if extra:
        add_files(extra, corpus_dir, 10**12)
        entries = corpus_mod.load_manifest(corpus_dir)
    return entries


_EMBEDDER_KEYS = {"embed_model", "embed_fingerprint", "dim"}


def _previous(root: Path, signature: dict, rebuild: bool) -> IndexData | None:
    manifest = read_manifest(root)
    if manifest is None or rebuild:
        return None
    differs = {k: (manifest.get(k), v) for k, v in signature.items() if manifest.get(k) != v}
    if differs and set(differs) <= _EMBEDDER_KEYS:
        # another embedding route (e.g. torch <-> onnx): same chunks, vectors made again (or taken
        # from that route's cache)
        log.info("embedder changed (%s): re-embedding", ", ".join(differs))
        return None
    if differs:
        detail = ", ".join(f"{k}: {a} ≠ {b}" for k, (a, b) in differs.items())
        raise IndexMismatchError(
            f"chỉ mục hiện có được xây với thiết lập khác ({detail}) — chạy lại với `--rebuild`"
        )
    try:
        return load_index(root)
    except Exception as exc:  # damaged index: rebuild from scratch rather than fail
        log.warning("previous index unusable, rebuilding: %s", exc)
        return None


def build_index(corpus_dir: Path, root: Path, embedder: Embedder, opts: BuildOptions,
                progress: Progress | None = None) -> BuildReport:
    progress = progress or (lambda f, m: None)
    report = BuildReport()
    signature = settings_signature(embedder, opts)
    prev = _previous(root, signature, opts.rebuild)
    prev_docs = prev.manifest.get("documents", {}) if prev else {}
    prev_chunks: dict[str, list[Chunk]] = {}
    for c in prev.chunks if prev else []:
        prev_chunks.setdefault(c.doc_id, []).append(c)

    entries = _corpus_entries(corpus_dir)
    # facts and profiles are cheap: when their rules change, every document is read again
    # (its vectors come back from the caches by text hash)
    same_rules = prev is not None and prev.manifest.get("facts_version") == FACTS_VERSION
    prev_facts: dict[str, list[Fact]] = {}
    for f in prev.facts if prev else []:
        prev_facts.setdefault(f.doc_id, []).append(f)
    chunks: list[Chunk] = []
    facts: list[Fact] = []
    docs_meta: dict[str, dict] = {}
    reread = False  # a document read again with the same bytes: new rules or a manifest edit
    for i, entry in enumerate(entries):
        progress(0.3 * i / max(len(entries), 1), f"Đọc {entry['source_file']}")
        path = corpus_dir / entry["source_file"]
        doc_id = entry["doc_id"]
        try:
            sha = corpus_mod.sha256_file(path)
        except OSError:
            report.errors.append(f"{entry['source_file']}: không tìm thấy tệp")
            continue
        old = prev_docs.get(doc_id)
        if old and old.get("sha256") == sha and doc_id in prev_chunks and same_rules and _same_entry(old, entry):
            chunks += prev_chunks[doc_id]
            facts += prev_facts.get(doc_id, [])
            docs_meta[doc_id] = old
            report.unchanged.append(doc_id)
            continue
        try:
            doc = load_document(path, entry, opts.max_bytes)
            new = chunk_document(doc, clean_document(doc), opts.chunk_size, opts.chunk_overlap)
        except DocumentError as exc:
            report.errors.append(str(exc))
            if doc_id in prev_chunks:  # keep what was indexed before: nothing is lost
                chunks += prev_chunks[doc_id]
                facts += prev_facts.get(doc_id, [])
                docs_meta[doc_id] = old
            continue
        profile = profile_dict(doc_id, "\n".join(p.text for p in doc.pages), entry, doc.title)
        profile["sha256"] = sha
        doc_facts = _facts_or_fewer(new, profile, entry["source_file"], report)
        for note in profile["notes"]:
            report.notes.append(f"{entry['source_file']}: {note}")
        chunks += new
        facts += doc_facts
        docs_meta[doc_id] = {**profile, "entry": _entry_fields(entry), "n_chunks": len(new),
                             "n_facts": len(doc_facts)}
        if old and old.get("sha256") == sha:
            report.unchanged.append(doc_id)  # same file, read again
            reread = True
        else:
            report.added.append(doc_id)
    report.removed = sorted(set(prev_docs) - set(docs_meta))

    if prev is not None and not (report.added or report.removed or reread):
        report.pending = len(prev.pending)
        progress(1.0, "Không có gì thay đổi")
        return report
    vectors = _vectors(chunks, prev, embedder, opts, report, progress)
    manifest = {**signature, "facts_version": FACTS_VERSION, "documents": docs_meta}
    with write_lock(root):
        write_index(root, manifest, chunks, vectors, opts.ann, opts.ann_threshold, facts)
    report.written = True
    report.pending = int(np.sum(~np.any(vectors, axis=1))) if len(vectors) else 0
    done = f"Đã ghi chỉ mục: {len(chunks)} đoạn"
    progress(1.0, done + (f", {report.pending} đoạn chờ tạo vector" if report.pending else ""))
    return report


def _vectors(chunks: list[Chunk], prev: IndexData | None, embedder: Embedder, opts: BuildOptions,
             report: BuildReport, progress: Progress) -> np.ndarray:
    """Every vector already known (caches, the previous version); the others are made now, or
    left as zero rows for the background worker when `defer_vectors`."""
    cache = {} if opts.no_cache else load_cache(cache_file(opts.seed_cache_dir, embedder))
    cache_path = None if opts.no_cache else cache_file(opts.cache_dir, embedder)
    cache.update(load_cache(cache_path))
    if prev is not None:
        cache.update({text_hash(c): prev.vectors[i] for i, c in enumerate(prev.chunks) if i not in prev.pending})
    hashes = [text_hash(c) for c in chunks]
    todo = list({h: i for i, h in enumerate(hashes) if h not in cache}.values())
    report.reused = len(chunks) - len(todo)
    if not opts.defer_vectors:
        work = [(hashes[i], embed_input(chunks[i])) for i in todo]
        report.embedded = embed_missing(work, cache, embedder, cache_path, progress)
    return vectors_for(hashes, cache, embedder.dim)


_ENTRY_KEYS = ("title", "place", "issuer", "doc_type", "date", "period")


def _entry_fields(entry: dict) -> dict:
    return {k: entry.get(k) for k in _ENTRY_KEYS if entry.get(k)}


def _same_entry(old: dict, entry: dict) -> bool:
    """A hand edit of the manifest (a corrected period or place) re-reads the document."""
    return old.get("entry", {}) == _entry_fields(entry)
