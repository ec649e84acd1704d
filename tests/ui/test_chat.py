"""The chat turn generator and the `ask` API function, against the fake service."""

from __future__ import annotations

import pytest

from assistant.errors import QuestionError
from assistant.ui import chat, render

from .fakes import FakeAnswerService

Q_INDUSTRY = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?"
Q_BUDGET = "Tổng thu ngân sách nhà nước 6 tháng đầu năm 2024 đạt bao nhiêu?"


def run(service, question, messages=None, turns=None, doc_ids=None, **kw):
    return list(chat.respond(service, question, messages or [], turns or [], doc_ids, **kw))


def test_evidence_is_shown_before_any_token():
    views = run(FakeAnswerService(), Q_INDUSTRY)
    contents = [v.messages[-1]["content"] for v in views]
    assert render.SEARCHING in contents[0]
    assert render.WRITING in contents[1] and "trang 4" in contents[1]  # evidence, no text yet
    assert "▌" in contents[2]
    assert views[-1].done and "315.145" in contents[-1] and "bc-ok" in contents[-1]
    assert [v.done for v in views].count(True) == 1


def test_final_view_records_turn_and_copy_text():
    final = run(FakeAnswerService(), Q_INDUSTRY)[-1]
    assert final.messages[0] == {"role": "user", "content": Q_INDUSTRY}
    pairs = list(final.turns)
    assert pairs == [(Q_INDUSTRY, pairs[0][1])] and "315.145" in pairs[0][1]
    assert final.copy.startswith(f"Câu hỏi: {Q_INDUSTRY}") and "Nguồn:" in final.copy


def test_follow_up_sends_history_and_is_resolved():
    service = FakeAnswerService()
    first = run(service, Q_BUDGET)[-1]
    second = run(service, "Còn năm 2022 thì sao?", first.messages, first.turns)[-1]
    assert service.calls[-1].history == list(first.turns)[:1]  # the same state, grown by the follow-up
    assert "18.525,5" in second.messages[-1]["content"]
    assert "Câu hỏi được hiểu là" in second.messages[-1]["content"]
    assert len(second.messages) == 4 and len(second.turns) == 2


def test_doc_filter_is_passed_and_empty_means_all():
    service = FakeAnswerService()
    run(service, Q_BUDGET, doc_ids=[])
    assert service.calls[-1].doc_ids is None
    final = run(service, Q_BUDGET, doc_ids=["bc-ktxh-2022"])[-1]
    assert service.calls[-1].doc_ids == ["bc-ktxh-2022"]
    assert "10.111,7" not in final.messages[-1]["content"]


def test_refusal_badge():
    final = run(FakeAnswerService(), "Dân số tỉnh Lạng Sơn?")[-1]
    assert "bc-refused" in final.messages[-1]["content"]


def test_unverified_badge():
    final = run(FakeAnswerService(), "Dự báo giá trị sản xuất công nghiệp cả năm 2024?")[-1]
    assert (
        "bc-unverified" in final.messages[-1]["content"]
        and "650.000" in final.messages[-1]["content"]
    )


def test_blank_question_changes_nothing():
    views = run(
        FakeAnswerService(), "   ", [{"role": "user", "content": "x"}], [("x", "y")], copy="c"
    )
    assert len(views) == 1 and views[0].messages == [{"role": "user", "content": "x"}]
    assert list(views[0].turns) == [("x", "y")] and views[0].copy == "c"


def test_too_long_question_gets_a_message_not_a_call():
    service = FakeAnswerService()
    views = run(service, "a" * 50, max_chars=10)
    assert "quá dài" in views[-1].messages[-1]["content"] and not service.calls


class Failing(FakeAnswerService):
    def __init__(self, error):
        super().__init__()
        self.error = error

    def ask_stream(self, question, history=None, doc_ids=None):
        yield "evidence", []
        raise self.error


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (QuestionError("Câu hỏi không hợp lệ."), "Câu hỏi không hợp lệ."),
        (RuntimeError("boom"), chat.INTERNAL_ERROR),
    ],
)
def test_errors_become_a_message_and_keep_the_conversation(error, shown):
    views = run(Failing(error), Q_BUDGET, turns=[("a", "b")])
    assert (
        shown in views[-1].messages[-1]["content"]
        and "boom" not in views[-1].messages[-1]["content"]
    )
    assert list(views[-1].turns) == [("a", "b")] and views[-1].done


def test_stream_without_final_is_an_error_message():
    class NoFinal(FakeAnswerService):
        def ask_stream(self, question, history=None, doc_ids=None):
            yield "evidence", []
            yield "token", "x"

    assert "Không nhận được câu trả lời" in run(NoFinal(), Q_BUDGET)[-1].messages[-1]["content"]


def test_waiting_messages_echo_the_question():
    msgs = chat.waiting_messages("Câu hỏi?", [])
    assert (
        msgs[0] == {"role": "user", "content": "Câu hỏi?"} and render.WAITING in msgs[1]["content"]
    )


def test_answer_json_shape():
    out = chat.answer_json(FakeAnswerService(), Q_INDUSTRY, history=[["q", "a"]])
    assert set(out) >= {
        "question",
        "answer",
        "citations",
        "verified",
        "unverified_numbers",
        "refused",
        "timings",
    }
    assert "315.145" in out["answer"] and out["citations"][0]["doc_id"] == "bc-ktxh-6t-2024"


@pytest.mark.parametrize("question", ["", "   ", "x" * 3000])
def test_answer_json_rejects_bad_questions(question):
    with pytest.raises(ValueError):
        chat.answer_json(FakeAnswerService(), question, max_chars=2000)


def test_final_view_offers_the_understood_question_and_the_exports():
    service = FakeAnswerService()
    first = run(service, Q_BUDGET)[-1]
    second = run(service, "Còn năm 2022 thì sao?", first.messages, first.turns)[-1]
    assert second.understood and second.understood != "Còn năm 2022 thì sao?"
    docx, md = second.exports
    assert docx.endswith(".docx") and md.endswith(".md")
    text = open(md, encoding="utf-8").read()
    assert "## 1. " + Q_BUDGET in text and "## 2. Còn năm 2022 thì sao?" in text and "18.525,5" in text
