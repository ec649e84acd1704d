"""The model's queue on the real models and corpus: while another answer holds the model, a
figure question is answered in full and a qualitative one shows its evidence, then its place
in the queue, then the model's answer once the model is free."""

import threading

import pytest

pytestmark = pytest.mark.integration

FIGURE = "Tổng chi ngân sách cả năm 2022 đạt bao nhiêu?"
QUALITATIVE = "Tình hình an ninh chính trị trên địa bàn tỉnh ra sao?"


def test_figures_do_not_wait_for_the_model_and_the_model_is_queued(service):
    queue = service.answerer and service.queue
    list(queue.turn())  # another user's answer holds the model
    figure = service.ask(FIGURE)
    assert figure.mode == "facts" and figure.citations  # written by code while the model was busy
    events: list = []
    released = threading.Event()
    for kind, value in service.ask_stream(QUALITATIVE):
        events.append((kind, value))
        if kind == "queued" and not released.is_set():
            assert value == 1
            released.set()
            queue.release()  # the other answer is done
    kinds = [k for k, _ in events]
    assert kinds[0] == "evidence" and kinds[1] == "queued" and kinds[-1] == "final"
    final = events[-1][1]
    assert final.mode in ("llm", "extractive-repair") and final.citations
    assert queue.active == 0 and queue.waiting == 0
