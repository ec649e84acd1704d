"""Conversations in a real headless Chromium: the follow-up resolved by the real conversation
state (chat/state.py) over the fake service, the understood question corrected and resent in
one click, and the whole conversation downloaded as DOCX and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from assistant.chat.state import Conversation, converse
from assistant.config import load_settings

from .conftest import running_app
from .fakes import FakeAnswerService
from .pages import ask, final_answer, open_app

pytestmark = pytest.mark.browser

Q_BUDGET = "Tổng thu ngân sách nhà nước 6 tháng đầu năm 2024 đạt bao nhiêu?"
UNDERSTOOD = "Tổng thu ngân sách nhà nước năm 2022 đạt bao nhiêu?"


class ConversingFake(FakeAnswerService):
    """The fake's retrieval and answers; follow-ups resolved by the real state code."""

    def ask_stream(self, question, history=None, doc_ids=None):
        conv = history if isinstance(history, Conversation) else Conversation()
        return converse(lambda q, docs, focus: FakeAnswerService.ask_stream(self, q, None, docs), question, conv, [], doc_ids)


@pytest.fixture(scope="module")
def conv_fake():
    return ConversingFake()


@pytest.fixture(scope="module")
def conv_url(conv_fake, tmp_path_factory):
    settings = load_settings(toml_path=tmp_path_factory.mktemp("cfg") / "none.toml", env={})
    with running_app(conv_fake, settings) as url:
        yield url


def bot(page, n: int):
    b = page.locator("[data-testid='bot']").nth(n)
    b.locator(".bc-badge").wait_for()
    return b


def test_follow_up_is_shown_as_understood_and_corrected_in_one_click(conv_url, conv_fake, offline_context, shoot):
    new_context, _ = offline_context
    page = open_app(new_context, conv_url)
    ask(page, Q_BUDGET)
    assert "10.111,7" in final_answer(page).inner_text()
    ask(page, "Còn năm 2022 thì sao?")
    second = bot(page, 1).inner_text()
    assert f"Câu hỏi được hiểu là: {UNDERSTOOD}" in second and "18.525,5" in second
    box = page.locator("#bc-understood textarea")
    page.wait_for_function("t => document.querySelector('#bc-understood textarea').value === t", arg=UNDERSTOOD)
    corrected = "Tổng thu ngân sách nhà nước năm 2022 vượt bao nhiêu % dự toán?"
    box.fill(corrected)
    page.click("#bc-resend")
    third = bot(page, 2)
    assert page.locator("[data-testid='user']").nth(2).inner_text().strip() == corrected
    assert "30%" in third.inner_text()
    assert conv_fake.calls[-1].question == corrected
    shoot(page, "corrected")


def test_whole_conversation_downloads_as_docx(conv_url, offline_context, tmp_path, shoot):
    new_context, _ = offline_context
    page = open_app(new_context, conv_url)
    assert not page.locator("#bc-dl-docx").is_visible()
    ask(page, Q_BUDGET)
    final_answer(page)
    ask(page, "Còn năm 2022 thì sao?")
    bot(page, 1)
    page.locator("#bc-dl-docx").wait_for(state="visible")
    page.wait_for_timeout(300)  # the button's file is set with the final answer
    with page.expect_download() as dl:
        page.click("#bc-dl-docx")
    path = tmp_path / "hoi-thoai.docx"
    dl.value.save_as(str(path))
    paras = [p.text for p in Document(str(path)).paragraphs]
    assert f"1. {Q_BUDGET}" in paras and "2. Còn năm 2022 thì sao?" in paras
    assert f"Câu hỏi được hiểu là: {UNDERSTOOD}" in paras
    figure = next(p for p in paras if p.startswith("18.525,5"))
    assert "trang 11" in figure and "Tổng thu ngân sách nhà nước năm 2022 đạt 18.525,5 tỷ đồng" in figure
    with page.expect_download() as md:
        page.click("#bc-dl-md")
    assert "## 2. Còn năm 2022 thì sao?" in Path(md.value.path()).read_text(encoding="utf-8")
    shoot(page, "downloads")
