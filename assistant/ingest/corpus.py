"""The corpus folder and its manifest: which reports exist, with their metadata and sha256.

Originals are never modified; adding a report copies it byte-for-byte into corpus/ and
records it in manifest.json (written atomically).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from assistant.ingest.lexfold import slugify

MANIFEST = "manifest.json"
DOC_TYPES = ("báo cáo chính trị", "nghị quyết", "thông báo kết luận", "báo cáo", "khác")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_manifest(corpus_dir: Path) -> list[dict]:
    path = corpus_dir / MANIFEST
    if not path.is_file():
        return []
    return list(json.loads(path.read_text(encoding="utf-8")).get("documents", []))


def save_manifest(corpus_dir: Path, docs: list[dict]) -> None:
    tmp = corpus_dir / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps({"documents": docs}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, corpus_dir / MANIFEST)


def guess_doc_type(text: str) -> str:
    head = text[:3000].lower()
    for t, pat in (
        ("báo cáo chính trị", r"báo cáo chính trị"),
        ("nghị quyết", r"^\s*nghị quyết"),
        ("thông báo kết luận", r"thông báo\s+kết luận|^\s*thông báo"),
        ("báo cáo", r"báo cáo|tình hình kinh tế"),
    ):
        if re.search(pat, head, re.MULTILINE):
            return t
    return "khác"


def guess_years(text: str) -> str:
    years = re.findall(r"\bnăm (20\d\d)\b", text[:5000])
    return f"năm {max(set(years), key=years.count)}" if years else ""


def entry_for(path: Path, existing_ids: set[str], title: str, sample_text: str) -> dict:
    """A manifest entry for a report a user added (metadata guessed; editable by hand)."""
    base = slugify(path.stem)[:60] or "tai-lieu"
    doc_id, n = base, 2
    while doc_id in existing_ids:
        doc_id, n = f"{base}-{n}", n + 1
    # Place, period, type and date are read from the text at build time (ingest/profile.py);
    # a user may write them here by hand to override what was read.
    return {"doc_id": doc_id, "source_file": path.name, "sha256": sha256_file(path)}


def copy_into_corpus(src: Path, corpus_dir: Path) -> Path:
    """Copy a file into corpus/ unchanged; a different file with the same name gets a suffix."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    if src.resolve().parent == corpus_dir.resolve():
        return src
    dest = corpus_dir / src.name
    n = 2
    while dest.exists() and sha256_file(dest) != sha256_file(src):
        dest = corpus_dir / f"{src.stem}-{n}{src.suffix}"
        n += 1
    if not dest.exists():
        tmp = corpus_dir / f".{dest.name}.part"
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    return dest
