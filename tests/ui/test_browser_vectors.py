"""Upload, then ask at once: the real pipeline (ingestion, facts, BM25, the background vector
worker) in headless Chromium, with an embedder held back so the vectors are really still being
made when the question is answered."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.retrieval.embedder import HashingEmbedder

from .conftest import running_app
from .pages import ask, final_answer, open_app, upload

pytestmark = pytest.mark.browser

FIX = Path(__file__).parent.parent / "fixtures"


class HeldEmbedder(HashingEmbedder):
    """Embeds documents only while `open` is set (a slow model, made deterministic)."""

    def __init__(self) -> None:
        super().__init__(dim=64)
        self.open = threading.Event()
        self.open.set()

    def embed_documents(self, texts, titles=None):
        self.open.wait(120)
        return super().embed_documents(texts, titles)


@pytest.fixture
def held_app(tmp_path):
    from assistant.chat.pipeline import Service

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(FIX / "report_pagebreak.txt", corpus / "report_pagebreak.txt")
    settings = load_settings(toml_path=tmp_path / "none.toml", env={}, home=tmp_path / "home",
                             corpus_dir=corpus, embeddings_dir=tmp_path / "emb", answer_mode="extractive")
    embedder = HeldEmbedder()
    service = Service(settings, embedder=embedder, with_generator=False)
    service.build()  # the existing index, with all its vectors
    embedder.open.clear()  # from now on, vectors wait
    try:
        with running_app(service, settings) as url:
            yield url, service, embedder
    finally:
        embedder.open.set()
        service.vectors.wait(30)


def test_uploaded_report_is_answered_while_its_vectors_are_still_made(held_app, offline_context, tmp_path, shoot):
    url, service, embedder = held_app
    new_context, _ = offline_context
    page = open_app(new_context, url)
    report = tmp_path / "bao-cao-9-thang-ha-tinh.txt"
    shutil.copyfile(FIX / "other_province_9t.txt", report)
    upload(page, [report])
    page.locator("#bc-upload-status").get_by_text("Đã thêm vào kho").wait_for(timeout=60_000)
    progress = page.locator("#bc-vectors")
    progress.get_by_text("Đang tạo vector: ").wait_for(timeout=30_000)
    shoot(page, "vectors-pending")

    page.get_by_role("tab", name="Hỏi đáp").click()
    ask(page, "Sản lượng lương thực 9 tháng năm 2024 của tỉnh Hà Tĩnh đạt bao nhiêu?")
    answer = final_answer(page).locator(".bc-answer").inner_text()
    assert "512.380" in answer
    assert service.searcher.data.pending  # answered by keywords and facts, before any new vector
    shoot(page, "answered-while-pending")

    embedder.open.set()
    assert service.vectors.wait(60) and not service.searcher.data.pending
    page.get_by_role("tab", name="Tài liệu").click()
    progress.get_by_text("Đang tạo vector").wait_for(state="detached", timeout=30_000)
