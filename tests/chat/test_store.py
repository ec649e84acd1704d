"""Conversations on disk: per session, atomic, expiring, never outside their folder."""

import json
import os
import time

import pytest

from assistant.chat.store import ConversationStore, history, new_session_id, turn_record

ANSWER = {"question": "còn năm 2022?", "answer": "Năm 2022 đạt 18.525,5 tỷ đồng [1].",
          "standalone_question": "Tổng thu ngân sách năm 2022?", "citations": []}
MESSAGES = [{"role": "user", "content": "còn năm 2022?"}, {"role": "assistant", "content": "<div>…</div>"}]


def test_saved_conversation_loads_back_as_turns(tmp_path):
    store, sid = ConversationStore(tmp_path, 30), new_session_id()
    store.save(sid, [turn_record("còn năm 2022?", ANSWER)], MESSAGES)
    conv = ConversationStore(tmp_path, 30).load(sid)  # a new store: as after a restart
    assert conv["messages"] == MESSAGES
    turn = conv["turns"][0]
    assert turn["question"] == "còn năm 2022?"
    assert turn["standalone_question"] == "Tổng thu ngân sách năm 2022?"
    assert turn["answer"]["answer"].startswith("Năm 2022")
    assert history(conv["turns"]) == [("còn năm 2022?", ANSWER["answer"])]


def test_sessions_do_not_see_each_other(tmp_path):
    store = ConversationStore(tmp_path, 30)
    a, b = new_session_id(), new_session_id()
    store.save(a, [turn_record("q", ANSWER)], MESSAGES)
    assert store.load(b)["turns"] == [] and store.load(a)["turns"]


def test_unknown_or_forged_ids_get_an_empty_conversation(tmp_path):
    store = ConversationStore(tmp_path, 30)
    assert store.load("../../etc/passwd")["turns"] == []
    with pytest.raises(ValueError):
        store.save("../x", [], [])


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    store, sid = ConversationStore(tmp_path, 30), new_session_id()
    store.save(sid, [], MESSAGES)
    store.save(sid, [turn_record("q", ANSWER)], MESSAGES)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{sid}.json"]
    assert len(json.loads((tmp_path / f"{sid}.json").read_text(encoding="utf-8"))["turns"]) == 1


def test_a_corrupt_file_starts_a_new_conversation(tmp_path):
    store, sid = ConversationStore(tmp_path, 30), new_session_id()
    (tmp_path / f"{sid}.json").write_text("{not json", encoding="utf-8")
    assert store.load(sid)["turns"] == []


def test_conversations_older_than_the_retention_are_removed(tmp_path):
    store = ConversationStore(tmp_path, 7)
    old, new = new_session_id(), new_session_id()
    store.save(old, [], MESSAGES)
    store.save(new, [], MESSAGES)
    ten_days_ago = time.time() - 10 * 86400
    os.utime(tmp_path / f"{old}.json", (ten_days_ago, ten_days_ago))
    assert store.purge() == 1
    assert store.load(old)["messages"] == [] and store.load(new)["messages"] == MESSAGES


def test_delete_and_zero_retention_keep_nothing(tmp_path):
    store, sid = ConversationStore(tmp_path, 30), new_session_id()
    store.save(sid, [], MESSAGES)
    store.delete(sid)
    assert store.load(sid)["messages"] == []
    off = ConversationStore(tmp_path / "off", 0)
    off.save(sid, [], MESSAGES)
    assert not (tmp_path / "off").exists() and off.load(sid)["messages"] == []
