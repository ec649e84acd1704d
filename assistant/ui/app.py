"""The Gradio web app: builds the layout and wires its events to an `AnswerService`.

Only the ui package imports gradio. The logic behind each event lives in chat.py,
documents.py and render.py, which are tested without a browser. Every event that touches the
models shares one concurrency group, so `settings.concurrency` bounds the work the models do
at once, whoever asks (chat, upload or the `ask` API).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no telemetry calls from the server

import gradio as gr

from assistant.chat.service import AnswerService
from assistant.config import Settings
from assistant.errors import BaocaoError
from assistant.ui import chat, documents
from assistant.ui.layout import EXAMPLES, INTRO, TITLE, ChatParts, DocParts, chat_tab, docs_tab

__all__ = ["EXAMPLES", "build_app"]

MODEL_GROUP = "model"


def build_app(
    service: AnswerService, settings: Settings, examples: list[str] | None = None
) -> gr.Blocks:
    """The whole web app for one service; call `.launch()` (see server.py) to serve it."""
    docs = service.documents()
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(INTRO, elem_id="bc-title")
        turns = gr.State([])
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                c = chat_tab(docs, EXAMPLES if examples is None else examples)
            with gr.Tab("Tài liệu", id="docs"):
                d = docs_tab(docs)
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
        for view in chat.respond(
            service,
            question,
            before,
            history or [],
            doc_ids,
            copy or "",
            settings.max_question_chars,
        ):
            yield view.messages, view.turns, view.copy

    private = {"api_visibility": "private"}
    answer_args = dict(
        fn=answer,
        inputs=[pending, turns, c.doc_filter, c.copy],
        outputs=[c.chatbot, turns, c.copy],
        concurrency_id=MODEL_GROUP,
        show_progress="minimal",
        **private,
    )
    echo_out = [c.chatbot, c.question, pending]
    triggers = [
        (c.question.submit, echo, [c.question, c.chatbot]),
        (c.send.click, echo, [c.question, c.chatbot]),
        (c.chatbot.example_select, echo_example, [c.chatbot]),
    ]
    events = [
        trigger(fn, inputs, echo_out, queue=False, **private).then(**answer_args)
        for trigger, fn, inputs in triggers
    ]
    reset = dict(
        fn=lambda: ([], [], "", "", None),
        outputs=[c.chatbot, turns, c.copy, c.question, pending],
        cancels=events,
        queue=False,
        **private,
    )
    c.new.click(**reset)
    c.chatbot.clear(**reset)  # the chatbot's own trash icon must forget the conversation too


def _wire_docs(
    service: AnswerService, settings: Settings, c: ChatParts, d: DocParts, demo: gr.Blocks
) -> None:
    def refresh():
        docs = service.documents()
        return documents.document_rows(docs), gr.update(choices=documents.document_choices(docs))

    def upload(files, progress=gr.Progress()):  # noqa: B008 (Gradio injects progress this way)
        paths = [Path(f) for f in (files or [])]
        progress(0.0, desc="Đang kiểm tra tệp…")
        outcome = documents.ingest_uploads(
            service,
            paths,
            settings.max_file_mb,
            progress=lambda frac, desc: progress(frac, desc=desc),
        )
        return outcome.message, *refresh()

    d.upload.upload(
        upload,
        d.upload,
        [d.status, d.table, c.doc_filter],
        concurrency_id=MODEL_GROUP,
        api_visibility="private",
    )
    demo.load(refresh, outputs=[d.table, c.doc_filter], queue=False, api_visibility="private")
    # new documents are searchable before their vectors exist; show how far those have come
    gr.Timer(2.0).tick(lambda: documents.vector_message(service), outputs=d.vectors, queue=False,
                       api_visibility="private")


def _wire_api(service: AnswerService, settings: Settings) -> None:
    def ask(
        question: str, doc_ids: list[str] | None = None, history: list[list[str]] | None = None
    ) -> dict:
        """Answer one question; returns the answer JSON (answer, citations, verified, refused, timings)."""
        try:
            return chat.answer_json(
                service, question, history, doc_ids, settings.max_question_chars
            )
        except (BaocaoError, ValueError) as err:
            raise gr.Error(str(err)) from err

    def list_documents() -> list[dict]:
        """The documents in the index, with their manifest metadata."""
        return service.documents()

    gr.api(ask, api_name="ask", concurrency_id=MODEL_GROUP)
    gr.api(list_documents, api_name="documents", queue=False)
