"""The conversation state shared by the terminal, `ask --chat` and the web app; the export."""

import io

from docx import Document

from assistant.chat.export import figure_sources, to_markdown, write_export
from assistant.chat.state import Conversation, converse, split_conversations
from assistant.chat.terminal import run_chat
from assistant.types import Answer, Chunk, Hit

PLACES = ["Nghệ An"]
CHUNK = Chunk("d1#3", "d1", "Báo cáo KT-XH 6 tháng đầu năm 2024 tỉnh Nghệ An", "nghe-an.txt",
              "III. Ngân sách", 7, "Tổng thu NSNN 6 tháng ước đạt 9.500 tỷ đồng, bằng 55% dự toán.")
FACT = {"fact_id": "f1", "doc_id": "d1", "chunk_id": "d1#3", "value": 9500.0, "text": "9.500", "unit": "tỷ đồng",
        "indicator": "Tổng thu NSNN", "sentence": CHUNK.text, "page": 7, "section": "III. Ngân sách",
        "citation": 1, "doc_title": CHUNK.doc_title, "start": 30, "end": 35}


class StateService:
    """A fake AnswerService that resolves follow-ups with the real state code."""

    def __init__(self):
        self.asked = []

    def ask_stream(self, question, history=None, doc_ids=None):
        conv = history if isinstance(history, Conversation) else Conversation()
        return converse(self._stream, question, conv, PLACES, doc_ids)

    def _stream(self, standalone, doc_ids, focus):
        self.asked.append((standalone, doc_ids))
        yield ("evidence", [Hit(CHUNK, 1.0)])
        yield ("final", Answer(standalone, "Tổng thu NSNN đạt **9.500 tỷ đồng** [1].", [Hit(CHUNK, 1.0)],
                               verified=True, mode="facts", facts=[FACT]))


def test_converse_records_the_turn_and_keeps_the_document_filter():
    svc, conv = StateService(), Conversation()
    first = list(svc.ask_stream("Tổng thu NSNN 6 tháng đầu năm 2024 của Nghệ An?", conv, ["d1"]))
    final = first[-1][1]
    assert final.conversation_id == conv.conversation_id and final.follow_up == "new"
    list(svc.ask_stream("Còn năm 2023?", conv))
    assert svc.asked[1] == ("Tổng thu NSNN năm 2023 của Nghệ An là bao nhiêu?", ["d1"])
    assert [t["question"] for t in conv.turns] == ["Tổng thu NSNN 6 tháng đầu năm 2024 của Nghệ An?", "Còn năm 2023?"]
    assert conv.facts == [FACT] and conv.turns[1]["standalone_question"].startswith("Tổng thu NSNN năm 2023")


def test_terminal_chat_uses_the_state_and_resets():
    svc, out = StateService(), io.StringIO()
    run_chat(svc, io.StringIO("Tổng thu NSNN năm 2023?\ncòn năm 2022?\n/moi\ncòn năm 2022?\n/thoat\n"), out)
    assert [q for q, _ in svc.asked] == ["Tổng thu NSNN năm 2023?", "Tổng thu NSNN năm 2022 là bao nhiêu?",
                                         "còn năm 2022?"]
    text = out.getvalue()
    assert "Câu hỏi được hiểu là: Tổng thu NSNN năm 2022 là bao nhiêu?" in text and "Đã bắt đầu hội thoại mới." in text


def test_chat_file_splits_on_empty_lines():
    assert split_conversations("a\nb\n\n\nc\n") == [["a", "b"], ["c"]]


def _conversation():
    svc, conv = StateService(), Conversation()
    for q in ("Tổng thu NSNN 6 tháng đầu năm 2024 của Nghệ An?", "So với dự toán thì sao?"):
        list(svc.ask_stream(q, conv))
    return conv


def test_each_figure_carries_document_section_page_and_sentence():
    s = figure_sources(_conversation().turns[0])
    assert s == [{"figure": "9.500 tỷ đồng", "what": "Tổng thu NSNN", "doc_title": CHUNK.doc_title,
                  "section": "III. Ngân sách", "page": 7, "sentence": CHUNK.text}]


def test_a_figure_without_a_fact_is_quoted_from_its_cited_passage():
    turn = {"answer": "Thu đạt 9.500 tỷ đồng [1].", "citations": [Hit(CHUNK, 1.0).to_dict()], "facts": []}
    assert figure_sources(turn)[0]["sentence"] == CHUNK.text and figure_sources(turn)[0]["page"] == 7


def test_markdown_export_lists_questions_and_sources():
    md = to_markdown(_conversation().turns)
    assert "## 2. So với dự toán thì sao?" in md and "Câu hỏi được hiểu là:" in md
    assert f"- **9.500 tỷ đồng** — Tổng thu NSNN — {CHUNK.doc_title}, mục III. Ngân sách, trang 7: “{CHUNK.text}”" in md


def test_docx_export_reads_back(tmp_path):
    path = write_export([_conversation()], tmp_path / "hoi-thoai.docx")
    paras = [p.text for p in Document(str(path)).paragraphs]
    assert "1. Tổng thu NSNN 6 tháng đầu năm 2024 của Nghệ An?" in paras
    assert "Tổng thu NSNN đạt 9.500 tỷ đồng [1]." in paras
    src = [p for p in paras if p.startswith("9.500 tỷ đồng")]
    assert len(src) == 2 and all("trang 7" in p and CHUNK.text in p and CHUNK.doc_title in p for p in src)
    assert not list(tmp_path.glob("*.tmp"))


def test_export_refuses_an_unknown_format(tmp_path):
    import pytest

    from assistant.errors import BaocaoError

    with pytest.raises(BaocaoError):
        write_export([_conversation()], tmp_path / "x.pdf")


def test_terminal_exports_the_conversation(tmp_path):
    svc, out = StateService(), io.StringIO()
    target = tmp_path / "t.md"
    run_chat(svc, io.StringIO(f"Tổng thu NSNN năm 2023?\n/xuat {target}\n/xuat {tmp_path / 'x.pdf'}\n"), out)
    assert "## 1. Tổng thu NSNN năm 2023?" in target.read_text(encoding="utf-8")
    assert f"Đã xuất hội thoại: {target}" in out.getvalue() and "lỗi: Không xuất được ra x.pdf" in out.getvalue()


def test_a_conversation_survives_json():
    import json

    conv = _conversation()
    back = Conversation.from_dict(json.loads(json.dumps(conv.to_dict(), ensure_ascii=False)))
    assert back == conv
    assert back.resolve("Còn năm 2022?", PLACES).standalone == conv.resolve("Còn năm 2022?", PLACES).standalone
