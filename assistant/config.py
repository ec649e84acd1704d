"""One settings object, read only by the entry points (CLI, UI, eval).

Precedence: defaults < `baocao.toml` < `BAOCAO_*` environment < explicit overrides (CLI flags).
Everything below the entry points takes explicit arguments instead of reading this.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _default_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "baocao"


@dataclass
class Settings:
    # Where things live
    home: Path = field(default_factory=_default_home)  # model cache, outside the repo
    corpus_dir: Path = ROOT / "corpus"
    embeddings_dir: Path = ROOT / "embeddings"
    prompts_dir: Path = ROOT / "prompts"
    eval_dir: Path = ROOT / "eval"
    index_name: str = "default"
    # Models: a name from the registry (fetched into `home`) or a local path
    embed_model: str = "embeddinggemma-300m"
    llm_model: str = "qwen2.5-coder-1.5b-instruct-q4_k_m"
    embed_dim: int = 768  # Matryoshka truncation if smaller than the model's size
    embed_batch: int = 16
    # "auto" (bf16 where the CPU has native bfloat16, else torch), "torch" (sentence-transformers,
    # fp32), "bf16" (the same model in bfloat16: ~3x faster on AMX/AVX512-BF16 CPUs, cosine
    # 0.9998 to fp32) or "onnx" (int8, converted once from the fetched weights: ~1.5x faster,
    # cosine 0.985). `baocao bench --embed` measures them.
    embed_backend: str = "auto"
    # Chunking
    chunk_size: int = 900  # characters
    chunk_overlap: int = 100
    # Retrieval
    k: int = 5
    rrf_k: int = 60
    dense_weight: float = 1.0
    bm25_weight: float = 1.0
    ann: str = "auto"  # "flat", "hnsw" or "auto" (hnsw above ann_threshold vectors)
    ann_threshold: int = 50_000
    # Generation
    n_threads: int = 0  # 0 = all cores
    n_ctx: int = 4096
    max_tokens: int = 200
    temperature: float = 0.0
    seed: int = 42
    answer_mode: str = "hybrid"  # "hybrid", "extractive" or "llm"
    openai_base_url: str = ""  # if set, answers come from an OpenAI-compatible endpoint
    openai_model: str = "local"
    # Limits
    max_question_chars: int = 2000
    max_file_mb: int = 100
    # Web app
    host: str = "127.0.0.1"
    port: int = 7860
    concurrency: int = 1  # answers the model writes at once (a shared server's parallel slots)
    web_workers: int = 16  # questions the web app works on at once (retrieval, code-written answers)
    conversation_days: int = 30  # web conversations kept on disk this long; 0 = not kept
    auth_user: str = ""
    auth_password: str = ""

    @property
    def index_dir(self) -> Path:
        return self.embeddings_dir / self.index_name

    @property
    def models_dir(self) -> Path:
        return self.home / "models"


def _coerce(value: object, target: object) -> object:
    if isinstance(target, bool):
        return str(value).strip().lower() in {"1", "true", "yes", "on"} if isinstance(value, str) else bool(value)
    if isinstance(target, Path):
        return Path(os.path.expanduser(str(value)))
    if isinstance(target, int):
        return int(value)  # type: ignore[arg-type]
    if isinstance(target, float):
        return float(value)  # type: ignore[arg-type]
    return str(value)


def load_settings(toml_path: Path | None = None, env: dict[str, str] | None = None, **overrides) -> Settings:
    """Build settings from defaults, a TOML file, `BAOCAO_*` variables and overrides."""
    env = dict(os.environ) if env is None else env
    s = Settings()
    if "BAOCAO_HOME" in env:
        s.home = Path(os.path.expanduser(env["BAOCAO_HOME"]))
    toml_path = toml_path or Path(env.get("BAOCAO_CONFIG", ROOT / "baocao.toml"))
    values: dict[str, object] = {}
    if toml_path.is_file():
        with toml_path.open("rb") as fh:
            values.update(tomllib.load(fh))
    for f in fields(s):
        key = f"BAOCAO_{f.name.upper()}"
        if key in env:
            values[f.name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(s)}
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    for name, value in values.items():
        setattr(s, name, _coerce(value, getattr(s, name)))
    return s


def replace(s: Settings, **changes) -> Settings:
    return dataclasses.replace(s, **changes)
