"""The real default models in the real home: fetched if absent (never skipped), then verified."""

from __future__ import annotations

import json

import pytest

from assistant.config import load_settings
from assistant.models import DEFAULT_MODELS, fetch, resolve, verify


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(DEFAULT_MODELS))
def test_real_model_is_installed_and_verified(name):
    home = load_settings().home
    fetch(name, home, progress=False)
    ok, message = verify(name, home)
    assert ok, message
    path = resolve(name, home)
    if DEFAULT_MODELS[name].kind == "llm":
        with path.open("rb") as fh:
            assert fh.read(4) == b"GGUF"
    else:
        modules = json.loads((path / "modules.json").read_text(encoding="utf-8"))
        assert modules and (path / "config.json").is_file()
