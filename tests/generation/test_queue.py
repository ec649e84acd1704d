"""The model's queue: arrival order, positions while waiting, slots, leaving early."""

import threading

import pytest

from assistant.generation.generator import ScriptedGenerator
from assistant.generation.queue import GenerationQueue, QueuedGenerator, Waiting


class HeldGenerator(ScriptedGenerator):
    """Writes "xong" once `release` is set, so a test decides when the model is busy."""

    def __init__(self):
        super().__init__(fn=lambda m: "xong")
        self.started = threading.Event()
        self.release = threading.Event()

    def stream(self, messages, max_tokens=200):
        self.started.set()
        assert self.release.wait(10)
        yield from super().stream(messages, max_tokens)


def _collect(gen, out: list, positions_seen: threading.Event | None = None):
    for piece in gen.stream([{"role": "user", "content": "q"}]):
        out.append(piece)
        if isinstance(piece, Waiting) and positions_seen is not None:
            positions_seen.set()


def test_a_free_model_answers_without_waiting():
    gen = QueuedGenerator(ScriptedGenerator(["Đạt 5 tỷ đồng."]), GenerationQueue(1))
    assert "".join(p for p in gen.stream([]) if isinstance(p, str)) == "Đạt 5 tỷ đồng."
    assert gen.queue.active == 0 and gen.queue.waiting == 0


def test_positions_in_arrival_order_then_each_is_served():
    held = HeldGenerator()
    queue = GenerationQueue(1)
    gen = QueuedGenerator(held, queue)
    first: list = []
    t1 = threading.Thread(target=_collect, args=(gen, first))
    t1.start()
    assert held.started.wait(5)
    second, third = [], []
    seen2, seen3 = threading.Event(), threading.Event()
    t2 = threading.Thread(target=_collect, args=(gen, second, seen2))
    t2.start()
    assert seen2.wait(5)
    t3 = threading.Thread(target=_collect, args=(gen, third, seen3))
    t3.start()
    assert seen3.wait(5)
    assert second[0] == Waiting(1) and third[0] == Waiting(2)
    assert queue.active == 1 and queue.waiting == 2
    held.release.set()
    for t in (t1, t2, t3):
        t.join(10)
    assert first == ["xong"]
    assert second == [Waiting(1), "xong"]
    assert third[0] == Waiting(2) and third[-1] == "xong"
    assert queue.active == 0 and queue.waiting == 0


def test_a_waiting_request_moves_up_when_the_one_ahead_is_served():
    queue = GenerationQueue(1)
    holder, second, third = queue.turn(), queue.turn(), queue.turn()
    list(holder)
    assert next(second) == 1 and next(third) == 2
    queue.release()  # the first answer is written
    with pytest.raises(StopIteration):
        next(second)  # second now holds the model
    assert next(third) == 1
    queue.release()
    with pytest.raises(StopIteration):
        next(third)
    assert queue.active == 1 and queue.waiting == 0


def test_two_slots_serve_two_at_once_and_queue_the_third():
    queue = GenerationQueue(2)
    a, b, c = queue.turn(), queue.turn(), queue.turn()
    assert list(a) == [] and list(b) == []  # both got a slot at once
    assert next(c) == 1
    queue.release()
    with pytest.raises(StopIteration):
        next(c)  # the freed slot goes to the one waiting
    assert queue.active == 2


def test_leaving_the_queue_moves_the_others_up():
    queue = GenerationQueue(1)
    holder = queue.turn()
    list(holder)
    leaver, stayer = queue.turn(), queue.turn()
    assert next(leaver) == 1 and next(stayer) == 2
    leaver.close()  # the user closed the page while waiting
    assert queue.waiting == 1
    assert next(stayer) == 1


def test_a_failing_model_frees_its_slot():
    class Broken(ScriptedGenerator):
        def stream(self, messages, max_tokens=200):
            raise RuntimeError("model crashed")
            yield ""

    queue = GenerationQueue(1)
    with pytest.raises(RuntimeError):
        list(QueuedGenerator(Broken(), queue).stream([]))
    assert queue.active == 0


def test_slots_must_be_positive():
    with pytest.raises(ValueError):
        GenerationQueue(0)


def test_the_answer_stream_shows_evidence_then_the_queue_position(searcher):
    from assistant.config import ROOT
    from assistant.generation.answer import Answerer, AnswerOptions
    from assistant.generation.prompts import Prompts

    queue = GenerationQueue(1)
    list(queue.turn())  # another user's answer holds the model
    gen = QueuedGenerator(ScriptedGenerator(["Giá trị sản xuất công nghiệp đạt 315.145 tỷ đồng [1]."]), queue)
    answerer = Answerer(searcher, gen, Prompts(ROOT / "prompts"), AnswerOptions(k=4, facts=False))
    kinds = []
    for kind, value in answerer.stream("Giá trị sản xuất công nghiệp theo giá hiện hành 6 tháng đầu năm 2024 đạt bao nhiêu?"):
        kinds.append(kind)
        if kind == "queued":
            assert value == 1
            queue.release()  # the other answer is done
    assert kinds[0] == "evidence" and kinds[1] == "queued" and kinds[-1] == "final" and "token" in kinds
    assert queue.active == 0


def test_slots_follow_the_model_a_local_model_writes_one_answer_at_a_time(tmp_path):
    from assistant.chat.pipeline import generation_slots
    from assistant.config import load_settings

    local = load_settings(env={}, toml_path=tmp_path / "none.toml", concurrency=4)
    shared = load_settings(env={"BAOCAO_OPENAI_BASE_URL": "http://10.0.0.5:8000/v1", "BAOCAO_CONCURRENCY": "4"},
                           toml_path=tmp_path / "none.toml")
    assert generation_slots(local) == 1 and generation_slots(shared) == 4
