"""Fixtures for the eval tests (the fakes themselves live in eval_fakes.py)."""

from __future__ import annotations

import pytest
from eval_fakes import EVAL_SET

from assistant.eval.dataset import Item, load_items


@pytest.fixture(scope="session")
def eval_items() -> list[Item]:
    return load_items(EVAL_SET)
