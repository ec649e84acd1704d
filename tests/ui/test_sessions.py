"""Keeping the web conversation per browser session, without a browser: restore, remember,
forget, and the queue position shown while the model is busy."""

from __future__ import annotations

from assistant.chat.store import ConversationStore, new_session_id
from assistant.config import load_settings
from assistant.ui import chat, render, sessions

from .fakes import FakeAnswerService

Q = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?"


class QueuedFake(FakeAnswerService):
    """The fake service, with the answer waiting behind two others for the model."""

    def ask_stream(self, question, history=None, doc_ids=None):
        for kind, value in super().ask_stream(question, history, doc_ids):
            yield kind, value
            if kind == "evidence":
                yield "queued", 2
                yield "queued", 1


def test_a_new_browser_gets_a_session_id_and_an_empty_chat(tmp_path):
    sid, messages, history = sessions.restore(ConversationStore(tmp_path), None)
    assert len(sid) == 32 and messages == [] and history == []
    assert sessions.restore(ConversationStore(tmp_path), "../../x")[1:] == ([], [])


def test_a_finished_answer_is_kept_and_restored_as_history(tmp_path):
    store, sid = ConversationStore(tmp_path), new_session_id()
    final = list(chat.respond(FakeAnswerService(), Q, [], [], None))[-1]
    sessions.remember(store, sid, Q, final)
    again, messages, history = sessions.restore(ConversationStore(tmp_path), sid)
    assert again == sid and messages == final.messages
    assert history == final.turns  # follow-ups after a reload resolve against the same turns
    assert history.conversation_id == final.turns.conversation_id and history.turns  # the state itself
    turn = store.load(sid)["turns"][0]
    assert turn["question"] == Q and turn["standalone_question"] == Q
    assert "315.145" in turn["answer"]["answer"] and turn["answer"]["citations"]


def test_unfinished_views_are_not_written_and_forget_deletes(tmp_path):
    store, sid = ConversationStore(tmp_path), new_session_id()
    views = list(chat.respond(FakeAnswerService(), Q, [], [], None))
    for v in views[:-1]:
        sessions.remember(store, sid, Q, v)
    assert not list(tmp_path.glob("*.json"))
    sessions.remember(store, sid, Q, views[-1])
    sessions.forget(store, sid)
    assert store.load(sid)["turns"] == [] and not list(tmp_path.glob("*.json"))


def test_gradio_content_blocks_are_stored_as_text():
    out = sessions.plain_messages([{"role": "user", "content": [{"type": "text", "text": "Hỏi"}]}])
    assert out == [{"role": "user", "content": "Hỏi"}]


def test_the_browser_secret_outlives_a_restart(tmp_path):
    first = sessions.browser_secret(tmp_path)
    assert sessions.browser_secret(tmp_path) == first and len(first) >= 16
    assert (tmp_path / "web-secret").stat().st_mode & 0o077 == 0


def test_conversation_store_follows_the_settings(tmp_path):
    s = load_settings(env={}, toml_path=tmp_path / "none.toml", home=tmp_path, conversation_days=0)
    assert not sessions.conversation_store(s).enabled


def test_waiting_for_the_model_shows_the_position_with_the_evidence():
    views = list(chat.respond(QueuedFake(), Q, [], [], None))
    contents = [v.messages[-1]["content"] for v in views]
    queued = [c for c in contents if "Đang xếp hàng" in c]
    assert "Đang xếp hàng: thứ 2" in queued[0] and "Đang xếp hàng: thứ 1" in queued[1]
    assert all("trang 4" in c for c in queued)  # the passages are already shown
    assert render.queue_status(3).startswith("Đang xếp hàng: thứ 3")
    assert "315.145" in contents[-1] and "Đang xếp hàng" not in contents[-1]


def test_stream_json_sends_evidence_positions_and_the_answer():
    events = list(chat.stream_json(QueuedFake(), Q))
    assert [e["event"] for e in events] == ["evidence", "queued", "queued", "final"]
    assert events[1]["position"] == 2 and "315.145" in events[-1]["answer"]["answer"]
