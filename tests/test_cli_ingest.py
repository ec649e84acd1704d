"""`baocao ingest` writes the index before the new vectors exist, then makes them (or leaves
them to the background with --defer-vectors); --no-cache embeds everything again. Fake embedder."""

import pytest

from assistant.cli import main
from assistant.retrieval.embedder import HashingEmbedder
from assistant.retrieval.store import load_index, read_manifest


@pytest.fixture
def fake_models(monkeypatch, tmp_path, corpus):
    embedder = HashingEmbedder(dim=64)
    monkeypatch.setattr("assistant.chat.pipeline.make_embedder", lambda s, backend=None: embedder)
    for key, value in {"HOME": tmp_path / "home", "CORPUS_DIR": corpus, "EMBEDDINGS_DIR": tmp_path / "emb"}.items():
        monkeypatch.setenv(f"BAOCAO_{key}", str(value))
    monkeypatch.setenv("BAOCAO_CONFIG", str(tmp_path / "none.toml"))
    return embedder, tmp_path / "emb" / "default"


def test_deferred_then_completed_then_rebuilt_from_nothing(fake_models, capsys):
    embedder, root = fake_models
    assert main(["ingest", "--defer-vectors"]) == 0
    manifest = read_manifest(root)
    assert embedder.embedded == 0 and manifest["pending_vectors"] == manifest["n_chunks"] > 0
    assert "Đang tạo vector" not in capsys.readouterr().out

    assert main(["ingest"]) == 0  # nothing new to read: only the pending vectors are made
    out = capsys.readouterr().out
    assert f"Đã tạo vector cho {manifest['n_chunks']} đoạn" in out
    assert not load_index(root).pending and embedder.embedded == manifest["n_chunks"]

    assert main(["ingest", "--rebuild", "--no-cache"]) == 0  # the home cache is there, and ignored
    assert embedder.embedded == 2 * manifest["n_chunks"] and not load_index(root).pending
