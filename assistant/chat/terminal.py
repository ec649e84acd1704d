"""`baocao chat`: a terminal conversation with streaming answers and sources under each one."""

from __future__ import annotations

import sys

from assistant.chat.format import answer_as_text
from assistant.chat.service import AnswerService
from assistant.chat.state import Conversation
from assistant.errors import BaocaoError
from assistant.types import Answer

HELP = "Gõ câu hỏi rồi Enter. Lệnh: /moi (hội thoại mới), /xuat TỆP.docx|.md (xuất hội thoại), /thoat (thoát)."


def run_chat(service: AnswerService, stdin=None, stdout=None) -> int:
    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    conv = Conversation()  # the same state the web app and `ask --chat` keep
    print("baocao — trợ lý tra cứu số liệu báo cáo. " + HELP, file=out, flush=True)
    while True:
        print("\nBạn: ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        q = line.strip()
        if q in ("/thoat", "/exit", "/quit"):
            return 0
        if q in ("/moi", "/new"):
            conv = Conversation()
            print("Đã bắt đầu hội thoại mới.", file=out)
            continue
        if not q:
            continue
        if q.startswith("/xuat"):
            _export(conv, q[len("/xuat"):].strip(), out)
            continue
        try:
            _stream_one(service, q, conv, out)
        except BaocaoError as err:
            print(f"lỗi: {err}", file=out)


def _export(conv: Conversation, name: str, out) -> None:
    from pathlib import Path

    from assistant.chat.export import write_export

    try:
        path = write_export([conv], Path(name or "hoi-thoai.docx"))
    except (BaocaoError, OSError) as err:
        print(f"lỗi: {err}", file=out)
        return
    print(f"Đã xuất hội thoại: {path}", file=out)


def _stream_one(service: AnswerService, q: str, history, out) -> Answer:
    print("Trợ lý: ", end="", file=out, flush=True)
    final = None
    streamed = False
    for kind, payload in service.ask_stream(q, history):
        if kind == "evidence":
            print(f"(đã tìm thấy {len(payload)} đoạn liên quan)\n        ", end="", file=out, flush=True)
        elif kind == "token":
            streamed = True
            print(payload, end="", file=out, flush=True)
        elif kind == "final":
            final = payload
    assert isinstance(final, Answer)
    if final.standalone_question and final.standalone_question != q:
        print(f"(Câu hỏi được hiểu là: {final.standalone_question})", file=out)
    if streamed:
        print("\n\n— Câu trả lời sau kiểm chứng —", file=out)
    print(answer_as_text(final), file=out, flush=True)
    return final
