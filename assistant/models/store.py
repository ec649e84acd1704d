"""The on-disk layout of installed models and the marker that makes "already there?" cheap.

A model lives in `home/models/<name>/`. After its bytes are verified, a marker file records
size, mtime and sha256 of every file, so a later fetch can skip the work after a few `stat`
calls; `full_problem` re-hashes everything for `verify`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from tqdm import tqdm

from assistant.models.registry import ModelSpec

MARKER = ".baocao-model.json"
BLOCK = 1 << 20


@dataclass(frozen=True)
class FileRecord:
    """One installed file as it was when verified."""

    path: str  # relative to the model folder, "/"-separated
    size: int
    sha256: str
    mtime_ns: int


def model_dir(home: Path, name: str) -> Path:
    return Path(home) / "models" / name


def entry_path(spec: ModelSpec, home: Path) -> Path:
    """What a loader wants: the folder of a sentence-transformers model, the file of a GGUF."""
    folder = model_dir(home, spec.name)
    return folder / spec.checked_file if spec.layout == "file" else folder


def sha256_file(path: Path, bar: tqdm | None = None) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(BLOCK):
            digest.update(block)
            if bar is not None:
                bar.update(len(block))
    return digest.hexdigest()


def record(folder: Path, rel: str, sha256: str) -> FileRecord:
    st = (folder / rel).stat()
    return FileRecord(rel, st.st_size, sha256, st.st_mtime_ns)


def write_marker(folder: Path, records: list[FileRecord]) -> None:
    tmp = folder / (MARKER + ".tmp")
    tmp.write_text(json.dumps([asdict(r) for r in records], indent=1), encoding="utf-8")
    os.replace(tmp, folder / MARKER)


def read_marker(folder: Path) -> list[FileRecord] | None:
    try:
        rows = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        return [FileRecord(**row) for row in rows]
    except (OSError, ValueError, TypeError):
        return None


def _checked_ok(spec: ModelSpec, records: list[FileRecord]) -> bool:
    # The marker must describe the bytes the registry names, not an older model under that name.
    return any(
        r.path == spec.checked_file and r.sha256 == spec.sha256 and r.size == spec.size
        for r in records
    )


def fast_state(spec: ModelSpec, home: Path) -> str:
    """Cheap check: "ok" (sizes, mtimes match the marker), "stale" (mtimes moved), or "absent"."""
    folder = model_dir(home, spec.name)
    records = read_marker(folder)
    if not records or not _checked_ok(spec, records):
        return "absent"
    state = "ok"
    for r in records:
        try:
            st = (folder / r.path).stat()
        except OSError:
            return "absent"
        if st.st_size != r.size:
            return "absent"
        if st.st_mtime_ns != r.mtime_ns:
            state = "stale"  # copied or touched: worth a re-hash before a re-download
    return state


def full_problem(spec: ModelSpec, home: Path, progress: bool = False) -> str | None:
    """Re-hash every recorded file; None if all match, else a one-line description."""
    folder = model_dir(home, spec.name)
    records = read_marker(folder)
    if records is None:
        return f"{spec.name}: chưa được cài (không có {folder / MARKER})"
    if not _checked_ok(spec, records):
        return f"{spec.name}: tệp đánh dấu không khớp với sha256 trong danh sách mô hình"
    total = sum(r.size for r in records)
    with tqdm(
        total=total, unit="B", unit_scale=True, desc=f"kiểm tra {spec.name}", disable=not progress
    ) as bar:
        for r in records:
            path = folder / r.path
            if not path.is_file():
                return f"{spec.name}: thiếu tệp {r.path}"
            if path.stat().st_size != r.size:
                return f"{spec.name}: {r.path} sai kích thước"
            if sha256_file(path, bar) != r.sha256:
                return f"{spec.name}: {r.path} sai sha256 (tệp hỏng)"
    return None


def refresh_marker(folder: Path) -> None:
    """Re-record mtimes after a full re-hash proved the files intact."""
    records = read_marker(folder) or []
    write_marker(folder, [record(folder, r.path, r.sha256) for r in records])


def invalidate(home: Path, name: str) -> None:
    (model_dir(home, name) / MARKER).unlink(missing_ok=True)


def install(staging: Path, final: Path) -> None:
    """Swap a finished folder into place, so a half-written model never sits under its name."""
    old = None
    if final.exists():
        old = final.with_name(f".old-{final.name}-{os.getpid()}")
        os.replace(final, old)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
