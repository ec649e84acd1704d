"""Follow-up rewriting and the terminal chat, on fakes."""

import io

import pytest

from assistant.chat.rewrite import is_follow_up, rewrite
from assistant.chat.terminal import run_chat
from assistant.types import Answer

FIRST = "Giá trị xuất khẩu 6 tháng đầu năm 2024 đạt bao nhiêu?"


@pytest.mark.parametrize(
    "follow, expected",
    [
        ("còn năm 2022?", "Giá trị xuất khẩu năm 2022 đạt bao nhiêu?"),
        ("Còn 6 tháng đầu năm 2023 thì sao?", "Giá trị xuất khẩu 6 tháng đầu năm 2023 đạt bao nhiêu?"),
        ("con nam 2022 thi sao", "Giá trị xuất khẩu năm 2022 đạt bao nhiêu?"),
    ],
)
def test_period_follow_up_replaces_the_period(follow, expected):
    assert rewrite(follow, [(FIRST, "…")]) == expected


def test_superlative_follow_up_keeps_the_indicator():
    out = rewrite("huyện nào cao nhất?", [(FIRST, "…")])
    assert out.startswith("Giá trị xuất khẩu 6 tháng đầu năm 2024") and "huyện nào cao nhất" in out


def test_a_new_full_question_is_not_rewritten():
    q = "Tỷ lệ hộ nghèo năm 2022 là bao nhiêu?"
    assert not is_follow_up(q) and rewrite(q, [(FIRST, "…")]) == q


def test_follow_ups_chain_over_several_turns():
    h = [(FIRST, "…"), ("còn năm 2022?", "…")]
    assert rewrite("còn năm 2023?", h) == "Giá trị xuất khẩu năm 2023 đạt bao nhiêu?"


class EchoService:
    def __init__(self):
        self.seen = []

    def ask_stream(self, question, history=None, doc_ids=None):
        self.seen.append((question, list(history or [])))
        yield ("evidence", [])
        yield ("token", "Đạt 5 tỷ")
        yield ("final", Answer(question, "Đạt 5 tỷ đồng [1].", [], verified=True))


def test_terminal_chat_streams_keeps_history_and_resets():
    svc = EchoService()
    out = io.StringIO()
    run_chat(svc, io.StringIO("câu một\ncòn năm 2022?\n/moi\ncâu ba\n/thoat\n"), out)
    assert [len(h) for _, h in svc.seen] == [0, 1, 0]
    text = out.getvalue()
    assert "Đạt 5 tỷ đồng [1]." in text and "Đã bắt đầu hội thoại mới." in text
