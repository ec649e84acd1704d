"""Answerer on the shared fixture corpus (tests/conftest.py) with a scripted generator."""

import pytest

from assistant.config import ROOT
from assistant.generation.answer import Answerer, AnswerOptions
from assistant.generation.generator import ScriptedGenerator
from assistant.generation.prompts import Prompts
from assistant.retrieval.build import BuildOptions, build_index
from assistant.retrieval.search import Searcher
from assistant.retrieval.store import load_index


@pytest.fixture
def searcher(corpus, tmp_path, embedder):
    root = tmp_path / "idx"
    build_index(corpus, root, embedder, BuildOptions(chunk_size=300, chunk_overlap=0))
    return Searcher(load_index(root), embedder)


@pytest.fixture
def gen() -> ScriptedGenerator:
    return ScriptedGenerator()


@pytest.fixture
def answerer(searcher, gen) -> Answerer:
    # the sentence path (qualitative questions, lists); the fact path: facts_answerer
    return Answerer(searcher, gen, Prompts(ROOT / "prompts"), AnswerOptions(k=4, facts=False))


@pytest.fixture
def facts_answerer(searcher, gen) -> Answerer:
    return Answerer(searcher, gen, Prompts(ROOT / "prompts"), AnswerOptions(k=4))


@pytest.fixture
def answerer_on(tmp_path, embedder):
    """An answerer over reports written for one test: `answerer_on({"file.txt": text, …})`."""

    def make(files: dict[str, str], gen: ScriptedGenerator | None = None, **options) -> Answerer:
        corpus = tmp_path / "corpus"
        corpus.mkdir(exist_ok=True)
        for name, text in files.items():
            (corpus / name).write_text(text, encoding="utf-8")
        build_index(corpus, tmp_path / "idx", embedder, BuildOptions())
        searcher = Searcher(load_index(tmp_path / "idx"), embedder)
        return Answerer(searcher, gen or ScriptedGenerator(), Prompts(ROOT / "prompts"), AnswerOptions(**options))

    return make
