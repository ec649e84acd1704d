"""A missing or corrupt model file is a clear ModelMissingError, not a crash."""

import pytest

from assistant.errors import ModelMissingError
from assistant.generation.llm import LlamaCppGenerator
from assistant.retrieval.sbert import SentenceTransformerEmbedder


def test_missing_gguf(tmp_path):
    with pytest.raises(ModelMissingError, match="baocao models fetch"):
        LlamaCppGenerator(tmp_path / "none.gguf")


def test_corrupt_gguf(tmp_path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + bytes(range(256)) * 40)
    with pytest.raises(ModelMissingError, match="hỏng"):
        LlamaCppGenerator(bad)


def test_missing_embedding_model(tmp_path):
    with pytest.raises(ModelMissingError, match="baocao models fetch"):
        SentenceTransformerEmbedder(tmp_path)
