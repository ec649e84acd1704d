"""The real `AnswerService`: models, index, searcher and answerer wired from settings.

Heavy things load once and lazily (the web app starts fast; the first question pays).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant.chat.service import Event, IngestReport, Turn
from assistant.chat.state import Conversation, as_conversation, converse
from assistant.config import Settings
from assistant.generation.answer import Answerer, AnswerOptions
from assistant.generation.prompts import Prompts
from assistant.generation.queue import GenerationQueue, QueuedGenerator
from assistant.generation.series import Series, build_series
from assistant.generation.seriesout import series_index
from assistant.models.fetch import resolve
from assistant.retrieval.build import BuildOptions, BuildReport, add_files, build_index
from assistant.retrieval.embedcache import cache_file
from assistant.retrieval.search import Searcher
from assistant.retrieval.store import load_index
from assistant.retrieval.vectors import BackgroundVectors, complete_vectors
from assistant.types import Answer

log = logging.getLogger(__name__)


def build_options(s: Settings, rebuild: bool = False, defer: bool = False, no_cache: bool = False) -> BuildOptions:
    return BuildOptions(s.chunk_size, s.chunk_overlap, s.ann, s.ann_threshold, s.max_file_mb * 2**20, rebuild,
                        defer_vectors=defer, no_cache=no_cache,
                        cache_dir=s.home / "embed-cache", seed_cache_dir=s.embeddings_dir / "cache")


EMBED_BACKENDS = ("auto", "torch", "bf16", "onnx")


def embed_route(backend: str, home: Path | None = None, cpuinfo: str | None = None,
                probe: Callable[[], bool] | None = None) -> str:
    """The route a backend setting means on this machine: "auto" is bf16 where the CPU computes
    bfloat16 natively (measured ~3x faster than fp32 there) and a trial run in a child process
    succeeds (`probe`, remembered in `home`), else the fp32 torch model."""
    if backend not in EMBED_BACKENDS:
        raise ValueError(f"embed_backend must be one of {', '.join(EMBED_BACKENDS)}, not {backend!r}")
    if backend != "auto":
        return backend
    from assistant.retrieval.sbert import bf16_runs, cpu_has_native_bf16, read_cpuinfo

    cpuinfo = read_cpuinfo() if cpuinfo is None else cpuinfo  # read once for both checks
    if not cpu_has_native_bf16(cpuinfo):
        return "torch"
    if probe is None:
        probe = (lambda: bf16_runs(home, cpuinfo)) if home is not None else (lambda: True)
    return "bf16" if probe() else "torch"


def make_embedder(s: Settings, backend: str | None = None):
    """The embedder of the settings' route: the sentence-transformers model in fp32 ("torch") or
    bfloat16 ("bf16"), or ONNX int8 (converted once from the fetched weights, see onnxexport.py)."""
    path = resolve(s.embed_model, s.home)
    dim = s.embed_dim if s.embed_dim and s.embed_dim < 768 else None
    backend = embed_route(backend or s.embed_backend, s.home)
    if backend in ("torch", "bf16"):
        from assistant.retrieval.sbert import SentenceTransformerEmbedder

        if backend == "torch":
            return SentenceTransformerEmbedder(path, dim=dim, batch_size=s.embed_batch, name=s.embed_model)
        # bfloat16 matmuls are fast enough that padding dominates: small batches of similar
        # lengths measured ~20% faster than 16 (48 report chunks, batch 2/4/8/16: 8.4/8.8/9.3/10.2 s)
        return SentenceTransformerEmbedder(path, dim=dim, batch_size=min(s.embed_batch, 4),
                                           name=f"{s.embed_model}+bf16", precision="bf16")
    from assistant.retrieval import onnxexport
    from assistant.retrieval.onnxembed import OnnxEmbedder

    folder = onnxexport.convert(path)  # a no-op once the converted model is there
    record = onnxexport.read_record(folder) or {}
    return OnnxEmbedder(folder / onnxexport.MODEL_FILE, path, onnxexport.route_fingerprint(record["source_sha256"]),
                        dim=dim, batch_size=s.embed_batch, name=f"{s.embed_model}+{onnxexport.RECIPE}")


def prepare_onnx(s: Settings, verify: bool = False) -> str | None:
    """Convert the embedding weights for the ONNX route if needed; with `verify`, re-hash the
    produced file against its record. Returns a problem, or None."""
    from assistant.retrieval import onnxexport

    source = resolve(s.embed_model, s.home)
    folder = onnxexport.convert(source)
    return onnxexport.converted_problem(source, folder, full=verify)


def make_generator(s: Settings):
    if s.openai_base_url:
        from assistant.generation.openai_compat import OpenAICompatGenerator

        return OpenAICompatGenerator(s.openai_base_url, s.openai_model, seed=s.seed)
    from assistant.generation.llm import LlamaCppGenerator

    path = resolve(s.llm_model, s.home)
    if path.is_dir():
        path = next(iter(sorted(path.glob("*.gguf"))), path)
    return LlamaCppGenerator(path, n_ctx=s.n_ctx, n_threads=s.n_threads, seed=s.seed, name=s.llm_model)


def generation_slots(s: Settings) -> int:
    """How many answers the model writes at once: one for the local model (one llama context),
    `concurrency` for a shared server started with that many parallel slots."""
    return max(1, s.concurrency) if s.openai_base_url else 1


class Service:
    def __init__(self, settings: Settings, embedder=None, generator=None, with_generator: bool = True):
        self.settings = settings
        self._embedder = embedder
        self._generator = generator
        self.with_generator = with_generator
        self._answerer: Answerer | None = None
        self._lock = threading.RLock()
        self._series_index = None  # (FactIndex, documents): read from the index alone, no model
        self.queue = GenerationQueue(generation_slots(settings))  # users waiting for the model
        self.vectors = BackgroundVectors(self.complete_vectors)

    # -- lazy parts -------------------------------------------------------------------------
    @property
    def embedder(self):
        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings)
            return self._embedder

    @property
    def searcher(self) -> Searcher:
        return self.answerer.searcher

    @property
    def answerer(self) -> Answerer:
        with self._lock:
            if self._answerer is None:
                s = self.settings
                data = load_index(s.index_dir)
                searcher = Searcher(data, self.embedder, rrf_k=s.rrf_k, dense_weight=s.dense_weight,
                                    bm25_weight=s.bm25_weight, max_question_chars=s.max_question_chars)
                if self._generator is None and self.with_generator and s.answer_mode != "extractive":
                    self._generator = make_generator(s)
                opts = AnswerOptions(k=s.k, max_tokens=s.max_tokens, mode=s.answer_mode)
                gen = None if self._generator is None else QueuedGenerator(self._generator, self.queue)
                self._answerer = Answerer(searcher, gen, Prompts(s.prompts_dir), opts)
            return self._answerer

    # -- AnswerService ----------------------------------------------------------------------
    def documents(self) -> list[dict]:
        return list(self.searcher.documents.values())

    def ask_stream(self, question: str, history: list[Turn] | Conversation | None = None,
                   doc_ids: list[str] | None = None) -> Iterator[Event]:
        """`history`: the conversation (state kept across turns) or earlier (question, answer) pairs."""
        a = self.answerer
        conv = as_conversation(history, a.facts.places)
        stream = lambda q, docs, focus: a.stream(q, None, docs, focus)
        return converse(stream, question, conv, a.facts.places, doc_ids, a.searcher.restore)

    def ask(self, question: str, history: list[Turn] | Conversation | None = None,
            doc_ids: list[str] | None = None) -> Answer:
        final = None
        for kind, payload in self.ask_stream(question, history, doc_ids):
            final = payload if kind == "final" else final
        assert isinstance(final, Answer)
        return final

    def series(self, indicator: str, place: str | None = None, year_from: int | None = None,
               year_to: int | None = None) -> Series:
        """One indicator across documents and periods (the "Chỉ tiêu" tab; no model is loaded)."""
        with self._lock:
            if self._series_index is None:
                self._series_index = series_index(self.settings.index_dir)
            index, docs = self._series_index
        return build_series(index, docs, indicator, place, year_from, year_to)

    def build(self, rebuild: bool = False, progress: Callable[[float, str], None] | None = None,
              defer: bool = False, no_cache: bool = False) -> BuildReport:
        """Build or update the index. With `defer`, it is written before its new vectors exist
        (searchable lexically at once); call `vectors.start()` to make them in the background."""
        s = self.settings
        with self._lock:
            opts = build_options(s, rebuild, defer, no_cache)
            report = build_index(s.corpus_dir, s.index_dir, self.embedder, opts, progress)
            if report.written:
                self._series_index = None
                self._reload()
            return report

    def add_documents(self, paths: list[str], progress: Callable[[float, str], None] | None = None) -> IngestReport:
        s = self.settings
        progress = progress or (lambda f, m: None)
        with self._lock:
            progress(0.02, "Kiểm tra tệp")
            added, errors = add_files([Path(p) for p in paths], s.corpus_dir, s.max_file_mb * 2**20)
            report = self.build(progress=progress, defer=True) if added else BuildReport()
            errors += report.errors
            if report.pending:
                self.vectors.start()
            return IngestReport(added=report.added, unchanged=[d for d in added if d not in report.added],
                                errors=errors)

    def complete_vectors(self, on_progress=None, stop=None, no_cache: bool = False) -> int:
        """Make the index's pending vectors now (the CLI), publishing as they appear."""
        s = self.settings
        cache = None if no_cache else cache_file(s.home / "embed-cache", self.embedder)
        return complete_vectors(s.index_dir, self.embedder, cache, on_progress=on_progress,
                                on_publish=self._published, stop=stop, ann=s.ann, ann_threshold=s.ann_threshold)

    def _published(self, data) -> None:
        """A version with more vectors: the same chunks and facts, so only the data is swapped."""
        answerer = self._answerer
        if answerer is None:
            return
        old = answerer.searcher.data
        if old.path == data.path or data.manifest.get("created", 0) < old.manifest.get("created", 0):
            return  # already live, or a build wrote a newer version meanwhile
        if [c.chunk_id for c in old.chunks] == [c.chunk_id for c in data.chunks]:
            answerer.searcher.data = data
        else:
            self._reload(data)

    def resume_vectors(self) -> None:
        """Start the background worker if the live index has chunks without vectors."""
        if self.searcher.data.pending:
            self.vectors.start()

    def vector_status(self) -> str:
        """"Đang tạo vector: 120/310 đoạn" while the background worker runs, else ""."""
        return self.vectors.progress.message

    def _reload(self, data=None) -> None:
        with self._lock:
            self._series_index = None  # the series read the facts of the index now live
            if self._answerer is not None:
                data = data or load_index(self.settings.index_dir)
                old = self._answerer
                old.searcher.data = data
                self._answerer = Answerer(old.searcher, old.generator, old.prompts, old.opts)


def build_service(settings: Settings) -> Service:
    return Service(settings)
