"""Two browser sessions asking at once: neither waits for the other's answer, and one user's
long or failing answer neither blocks nor leaks into the other's conversation."""

from __future__ import annotations

import threading

import pytest

from .conftest import running_app
from .fakes import FakeAnswerService
from .pages import ask, final_answer, open_app

pytestmark = pytest.mark.browser

Q_A = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?"
Q_B = "Tốc độ tăng trưởng GRDP 6 tháng đầu năm 2024 là bao nhiêu?"


def evidence_shown(page):
    return page.locator("[data-testid='bot']").last.get_by_text("Đoạn văn tìm được (")


def finish_both(page_a, page_b, fake):
    answer_a, answer_b = final_answer(page_a).inner_text(), final_answer(page_b).inner_text()
    assert "315.145" in answer_a and "14,14" not in answer_a
    assert "14,14" in answer_b and "315.145" not in answer_b
    assert [c.history for c in fake.calls] == [[], []]  # neither saw the other's conversation
    assert Q_B not in page_a.locator("#bc-chat").inner_text()
    assert Q_A not in page_b.locator("#bc-chat").inner_text()


def test_a_second_user_is_not_held_behind_the_first(browser, ui_settings, offline_context, shoot):
    """Questions run side by side (only the model is queued, see test_browser_sessions.py): while
    A's answer is held after its evidence, B is answered."""
    new_context, _ = offline_context
    fake = FakeAnswerService(token_delay=0.02, hold_after_evidence=threading.Event())
    with running_app(fake, ui_settings) as url:
        page_a, page_b = open_app(new_context, url), open_app(new_context, url)
        ask(page_a, Q_A)
        evidence_shown(page_a).wait_for()  # A is mid-answer
        ask(page_b, Q_B)
        evidence_shown(page_b).wait_for()  # B's retrieval did not wait for A
        assert len(fake.calls) == 2
        shoot(page_b, "b-evidence")
        fake.hold_after_evidence.set()
        finish_both(page_a, page_b, fake)


def test_a_failing_answer_does_not_break_the_other_session(browser, ui_settings, offline_context):
    class FailsOnA(FakeAnswerService):
        def ask_stream(self, question, history=None, doc_ids=None):
            if question == Q_A:
                yield "evidence", []
                raise RuntimeError("model crashed")
            yield from super().ask_stream(question, history, doc_ids)

    new_context, _ = offline_context
    with running_app(FailsOnA(), ui_settings) as url:
        page_a, page_b = open_app(new_context, url), open_app(new_context, url)
        ask(page_a, Q_A)
        ask(page_b, Q_B)
        assert "Đã xảy ra lỗi" in final_answer(page_a).inner_text()
        assert "14,14" in final_answer(page_b).inner_text()
        ask(page_a, Q_B)  # the failed session keeps working
        page_a.locator("[data-testid='bot']").nth(1).locator(".bc-badge").wait_for()
        assert "14,14" in final_answer(page_a).inner_text()
