"""Real default models and the real corpus. The index is built if absent (never skipped)."""

import pytest

from assistant.config import load_settings
from assistant.retrieval.store import read_manifest


@pytest.fixture(scope="session")
def settings():
    return load_settings()


@pytest.fixture(scope="session")
def service(settings):
    from assistant.chat.pipeline import Service

    svc = Service(settings)
    if read_manifest(settings.index_dir) is None:
        svc.build()
    return svc


@pytest.fixture(scope="session")
def searcher(service):
    return service.searcher
