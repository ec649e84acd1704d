"""The Gradio web app: layout and event wiring around an `AnswerService`.

This is the only module (with theme.py and server.py) that imports gradio. The logic behind
each event lives in chat.py, documents.py and render.py, which are tested without a browser.
Every event that touches the models shares one concurrency group, so `settings.concurrency`
bounds the work the models do at once, whoever asks (chat, upload or the `ask` API).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no telemetry calls from the server

import gradio as gr  # noqa: E402

from assistant.chat.service import AnswerService  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.errors import BaocaoError  # noqa: E402
from assistant.ui import chat, documents  # noqa: E402

MODEL_GROUP = "model"
TITLE = "Trợ lý tra cứu báo cáo kinh tế - xã hội"
INTRO = (
    f"# {TITLE}\n"
    "Đặt câu hỏi bằng tiếng Việt về các báo cáo trong kho. Mỗi câu trả lời kèm đoạn trích nguồn "
    "(tên tài liệu, mục, trang) để đối chiếu. Ứng dụng chạy hoàn toàn trên máy này, không cần Internet."
)
EXAMPLES = [
    "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?",
    "Tốc độ tăng trưởng GRDP 6 tháng đầu năm 2024 là bao nhiêu?",
    "Tổng thu ngân sách nhà nước năm 2022 đạt bao nhiêu?",
    "Nghị quyết HĐND đặt nhiệm vụ gì cho 6 tháng cuối năm 2024?",
]
PLACEHOLDER = "**Bắt đầu bằng một câu hỏi** — hoặc chọn một câu hỏi mẫu bên dưới."


@dataclass
class ChatParts:
    chatbot: gr.Chatbot
    question: gr.Textbox
    send: gr.Button
    new: gr.Button
    doc_filter: gr.CheckboxGroup
    copy: gr.Textbox


@dataclass
class DocParts:
    table: gr.Dataframe
    upload: gr.UploadButton
    status: gr.Markdown


def _chat_tab(docs: list[dict], examples: list[str]) -> ChatParts:
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="Hội thoại", elem_id="bc-chat", height=600, buttons=[], feedback_options=None,
                latex_delimiters=[], placeholder=PLACEHOLDER, examples=[{"text": q} for q in examples],
            )
            with gr.Row():
                question = gr.Textbox(
                    show_label=False, placeholder="Nhập câu hỏi rồi nhấn Enter hoặc nút Gửi…",
                    scale=5, elem_id="bc-question", autofocus=True,
                )
                send = gr.Button("Gửi", variant="primary", scale=1, elem_id="bc-send")
            new = gr.Button("Cuộc trò chuyện mới", size="sm", elem_id="bc-new")
        with gr.Column(scale=1, min_width=260):
            doc_filter = gr.CheckboxGroup(
                documents.document_choices(docs), label="Chỉ tìm trong các tài liệu",
                info="Để trống để tìm trong tất cả tài liệu.", elem_id="bc-filter",
            )
            copy = gr.Textbox(
                label="Câu trả lời kèm nguồn (để sao chép vào báo cáo)", lines=10, max_lines=20,
                interactive=False, buttons=["copy"], elem_id="bc-copy",
            )
    return ChatParts(chatbot, question, send, new, doc_filter, copy)


def _docs_tab(docs: list[dict]) -> DocParts:
    gr.Markdown("### Các tài liệu trong kho")
    table = gr.Dataframe(
        value=documents.document_rows(docs), headers=documents.HEADERS, interactive=False,
        wrap=True, elem_id="bc-docs", buttons=[],
    )
    gr.Markdown("### Thêm báo cáo mới\nChọn tệp PDF, DOCX hoặc TXT; tài liệu sẽ được đọc và lập chỉ mục ngay.")
    upload = gr.UploadButton(
        "Chọn tệp để thêm (PDF, DOCX, TXT)", file_count="multiple", variant="primary",
        elem_id="bc-upload",
    )
    status = gr.Markdown(elem_id="bc-upload-status")
    return DocParts(table, upload, status)


def build_app(service: AnswerService, settings: Settings, examples: list[str] | None = None) -> gr.Blocks:
    """The whole web app for one service; call `.launch()` (see server.py) to serve it."""
    docs = service.documents()
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(INTRO, elem_id="bc-title")
        turns = gr.State([])
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                c = _chat_tab(docs, EXAMPLES if examples is None else examples)
            with gr.Tab("Tài liệu", id="docs"):
                d = _docs_tab(docs)
        _wire_chat(service, settings, c, turns)
        _wire_docs(service, settings, c, d, demo)
        _wire_api(service, settings)
    return demo


def _wire_chat(service: AnswerService, settings: Settings, c: ChatParts, turns: gr.State) -> None:
    """Two steps per question: an instant echo (not queued, so a waiting user sees their question
    and "waiting" at once), then the answer, queued in the model's concurrency group."""
    pending = gr.State(None)  # (question, messages before it) between the two steps

    def echo(question, messages):
        question = (question or "").strip()
        if not question:
            return gr.skip(), gr.skip(), None
        return chat.waiting_messages(question, messages or []), "", (question, messages or [])

    def echo_example(evt: gr.SelectData, messages):
        return echo(evt.value.get("text", ""), messages)

    def answer(job, history, doc_ids, copy):
        if job is None:  # the echo step found no question
            yield gr.skip(), gr.skip(), gr.skip()
            return
        question, before = job
        for view in chat.respond(service, question, before, history or [], doc_ids, copy or "",
                                 settings.max_question_chars):
            yield view.messages, view.turns, view.copy

    private = dict(api_visibility="private")
    answer_args = dict(fn=answer, inputs=[pending, turns, c.doc_filter, c.copy],
                       outputs=[c.chatbot, turns, c.copy], concurrency_id=MODEL_GROUP,
                       show_progress="minimal", **private)
    echo_out = [c.chatbot, c.question, pending]
    events = [
        c.question.submit(echo, [c.question, c.chatbot], echo_out, queue=False, **private).then(**answer_args),
        c.send.click(echo, [c.question, c.chatbot], echo_out, queue=False, **private).then(**answer_args),
        c.chatbot.example_select(echo_example, c.chatbot, echo_out, queue=False, **private).then(**answer_args),
    ]
    reset = dict(fn=lambda: ([], [], "", "", None), outputs=[c.chatbot, turns, c.copy, c.question, pending],
                 cancels=events, queue=False, **private)
    c.new.click(**reset)
    c.chatbot.clear(**reset)  # the chatbot's own trash icon must forget the conversation too


def _wire_docs(service: AnswerService, settings: Settings, c: ChatParts, d: DocParts, demo: gr.Blocks) -> None:
    def refresh():
        docs = service.documents()
        return documents.document_rows(docs), gr.update(choices=documents.document_choices(docs))

    def upload(files, progress=gr.Progress()):
        paths = [Path(f) for f in (files or [])]
        progress(0.0, desc="Đang kiểm tra tệp…")
        outcome = documents.ingest_uploads(
            service, paths, settings.max_file_mb, progress=lambda frac, desc: progress(frac, desc=desc)
        )
        return outcome.message, *refresh()

    d.upload.upload(upload, d.upload, [d.status, d.table, c.doc_filter],
                    concurrency_id=MODEL_GROUP, api_visibility="private")
    demo.load(refresh, outputs=[d.table, c.doc_filter], queue=False, api_visibility="private")


def _wire_api(service: AnswerService, settings: Settings) -> None:
    def ask(question: str, doc_ids: list[str] | None = None, history: list[list[str]] | None = None) -> dict:
        """Answer one question; returns the answer JSON (answer, citations, verified, refused, timings)."""
        try:
            return chat.answer_json(service, question, history, doc_ids, settings.max_question_chars)
        except (BaocaoError, ValueError) as err:
            raise gr.Error(str(err)) from err

    def list_documents() -> list[dict]:
        """The documents in the index, with their manifest metadata."""
        return service.documents()

    gr.api(ask, api_name="ask", concurrency_id=MODEL_GROUP)
    gr.api(list_documents, api_name="documents", queue=False)
