"""The web app on the real pipeline (default models, real corpus) in headless Chromium, offline."""

from __future__ import annotations

import pytest

from assistant.config import load_settings, replace

from .conftest import running_app
from .pages import ask, open_app

pytestmark = [pytest.mark.integration, pytest.mark.browser]

QUESTION = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?"
ANSWER_TIMEOUT_MS = 15 * 60 * 1000  # a 1.5B model on two slow cores


def test_real_pipeline_answers_with_the_figure_and_a_citation(offline_context, shoot):
    from assistant.chat.pipeline import build_service

    new_context, _ = offline_context
    web = replace(load_settings(), conversation_days=0)  # no test conversation kept in the real home
    with running_app(build_service(load_settings()), web) as url:
        page = open_app(new_context, url)
        ask(page, QUESTION)
        bot = page.locator("[data-testid='bot']").last
        bot.get_by_text("Đoạn văn tìm được (").or_(bot.locator(".bc-badge")).first.wait_for(
            timeout=120_000
        )
        shoot(page, "evidence")
        bot.locator(".bc-badge").wait_for(timeout=ANSWER_TIMEOUT_MS)
        assert "315.145" in bot.locator(".bc-answer").inner_text()
        assert "Nguồn trích dẫn" in bot.locator(".bc-sources-title").inner_text()
        source = bot.locator("details.bc-source", has_text="6 tháng đầu năm 2024").first
        source.locator("summary").click()
        assert source.locator(".bc-passage mark.bc-fig", has_text="315.145").is_visible()
        assert "315.145" in page.locator("#bc-copy textarea").input_value()
        shoot(page, "answer")
