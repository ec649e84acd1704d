"""Many officials at once on the real app code (Service, Answerer, queue, web app) over a small
fixture index, with a hashing embedder and a model that waits until the test lets it write:
the model's queue shows positions, code-written answers and evidence never wait for it, and a
conversation survives a reload and a server restart."""

from __future__ import annotations

import contextlib
import threading

import pytest

from assistant.chat.pipeline import Service
from assistant.config import load_settings, replace
from assistant.generation.generator import ScriptedGenerator
from assistant.retrieval.embedder import HashingEmbedder

from .conftest import free_port
from .pages import ask, final_answer, open_app

pytestmark = pytest.mark.browser

# Qualitative questions (the model writes these answers) and a figure question (code writes it).
Q_MODEL = ["UBND tỉnh chỉ đạo thế nào?", "Lĩnh vực văn hóa, xã hội phát triển ra sao?",
           "Hội đồng nhân dân tỉnh tán thành nhận định gì?"]
Q_FIGURE = "Thu hút đầu tư nước ngoài (FDI) 6 tháng đầu năm 2024 đạt bao nhiêu?"


class HeldModel(ScriptedGenerator):
    """Answers "Trả lời riêng cho: <question>" once `go` is set; `busy` tells it has started."""

    def __init__(self):
        super().__init__(fn=self._reply)
        self.busy = threading.Event()
        self.go = threading.Event()

    @staticmethod
    def _reply(messages) -> str:
        prompt = messages[-1]["content"]
        asked = next((q for q in Q_MODEL if q in prompt), "?")
        return f"Trả lời riêng cho: {asked}"

    def stream(self, messages, max_tokens=200):
        if len(messages[-1]["content"]) > 20:  # not the warm-up
            self.busy.set()
            assert self.go.wait(60)
        yield from super().stream(messages, max_tokens)


@pytest.fixture
def base_settings(corpus, tmp_path):  # corpus: the shared fixture reports (tests/conftest.py)
    s = load_settings(env={}, toml_path=tmp_path / "none.toml", home=tmp_path / "home",
                      corpus_dir=corpus, embeddings_dir=tmp_path / "emb", chunk_size=300, chunk_overlap=0)
    Service(s, embedder=HashingEmbedder(dim=128), with_generator=False).build()
    return s


@contextlib.contextmanager
def real_app(settings, model, port=None):
    from assistant.ui.server import start

    service = Service(settings, embedder=HashingEmbedder(dim=128), generator=model)
    demo, url = start(service, replace(settings, host="127.0.0.1"), port=port or free_port())
    try:
        yield url
    finally:
        demo.close()


def wait_until(page, condition, tries: int = 300) -> None:
    """Wait for a server-side condition while Playwright keeps serving the page's routes (a
    blocked test thread would stall every request the offline router must let through)."""
    for _ in range(tries):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("condition never held")


def bot(page, n: int):
    return page.locator("[data-testid='bot']").nth(n)


def test_queue_positions_while_the_model_writes_another_users_answer(
    browser, base_settings, offline_context, shoot
):
    new_context, _ = offline_context
    model = HeldModel()
    with real_app(base_settings, model) as url:
        pages = [open_app(new_context, url) for _ in range(4)]
        ask(pages[0], Q_MODEL[0])
        wait_until(pages[0], model.busy.is_set)  # A's answer holds the model
        ask(pages[1], Q_MODEL[1])
        bot(pages[1], 0).get_by_text("Đang xếp hàng: thứ 1").wait_for()
        ask(pages[2], Q_MODEL[2])
        bot(pages[2], 0).get_by_text("Đang xếp hàng: thứ 2").wait_for()
        for p in pages[1:3]:  # their evidence is on screen while they wait
            assert "Đoạn văn tìm được (" in bot(p, 0).inner_text()
        ask(pages[3], Q_FIGURE)  # a figure is written by code: it does not wait for the model
        assert "1,2 tỷ USD" in final_answer(pages[3]).inner_text()
        shoot(pages[2], "queued-second")
        model.go.set()
        for page, question in zip(pages, Q_MODEL):
            text = final_answer(page).inner_text()
            assert f"Trả lời riêng cho: {question}" in text
            others = [q for q in Q_MODEL if q != question]
            assert not any(q in page.locator("#bc-chat").inner_text() for q in others)


def test_reload_keeps_the_conversation_and_a_new_one_starts_clean(
    browser, base_settings, offline_context
):
    new_context, _ = offline_context
    settings = base_settings
    model = HeldModel()
    model.go.set()
    with real_app(settings, model) as url:
        page = open_app(new_context, url)
        ask(page, Q_FIGURE)
        assert "1,2 tỷ USD" in final_answer(page).inner_text()
        other = open_app(new_context, url)  # another browser: its own, empty conversation
        page.reload()
        bot(page, 0).locator(".bc-badge").wait_for()
        chat = page.locator("#bc-chat").inner_text()
        assert Q_FIGURE in chat and "1,2 tỷ USD" in chat
        assert Q_FIGURE not in other.locator("#bc-chat").inner_text()
        kept = settings.home / "conversations"
        assert len(list(kept.glob("*.json"))) == 1
        page.click("#bc-new")
        page.locator("[data-testid='bot']").first.wait_for(state="detached")
        assert list(kept.glob("*.json")) == []  # deleted on disk, not only hidden
        page.reload()
        page.wait_for_selector("#bc-question textarea")
        ask(page, Q_MODEL[1])  # answered after the page's restore step: the chat it lands in
        assert f"Trả lời riêng cho: {Q_MODEL[1]}" in final_answer(page).inner_text()
        assert Q_FIGURE not in page.locator("#bc-chat").inner_text()
        assert len(list(kept.glob("*.json"))) == 1  # the new conversation is kept in its place


def test_a_server_restart_keeps_the_conversation(browser, base_settings, offline_context):
    new_context, _ = offline_context
    settings = base_settings
    model = HeldModel()
    model.go.set()
    port = free_port()
    with real_app(settings, model, port) as url:
        page = open_app(new_context, url)
        ask(page, Q_MODEL[0])
        assert f"Trả lời riêng cho: {Q_MODEL[0]}" in final_answer(page).inner_text()
    with real_app(settings, HeldModel(), port) as url:  # a new process's state: nothing in memory
        page.goto(url)
        bot(page, 0).locator(".bc-badge").wait_for()
        assert f"Trả lời riêng cho: {Q_MODEL[0]}" in page.locator("#bc-chat").inner_text()
