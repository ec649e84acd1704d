"""The Gradio web app: builds the layout and wires its events to an `AnswerService`.

Only the ui package imports gradio. The logic behind each event lives in chat.py,
documents.py and render.py, which are tested without a browser. Questions (chat and the `ask`
APIs) run up to `settings.web_workers` at once, so each user's evidence shows as soon as their
retrieval ends; the model itself is behind a queue with positions (generation/queue.py).
Uploads share one concurrency group. The conversation is kept per browser (sessions.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no telemetry calls from the server

import gradio as gr

from assistant.chat.service import AnswerService
from assistant.config import Settings
from assistant.errors import BaocaoError
from assistant.ui import chat, documents, seriestab, sessions
from assistant.ui.layout import (
    EXAMPLES,
    INTRO,
    TITLE,
    ChatParts,
    DocParts,
    SeriesParts,
    chat_tab,
    docs_tab,
    series_tab,
)

__all__ = ["EXAMPLES", "build_app"]

MODEL_GROUP = "model"
ANSWER_GROUP = "answer"


def build_app(
    service: AnswerService, settings: Settings, examples: list[str] | None = None
) -> gr.Blocks:
    """The whole web app for one service; call `.launch()` (see server.py) to serve it."""
    docs = service.documents()
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(INTRO, elem_id="bc-title")
        turns = gr.State(None)  # the session's Conversation (chat/state.py), made on the first question
        store = sessions.conversation_store(settings)
        session = gr.BrowserState(
            None, storage_key=sessions.STORAGE_KEY, secret=sessions.browser_secret(settings.home)
        )
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                c = chat_tab(docs, EXAMPLES if examples is None else examples)
            with gr.Tab("Tài liệu", id="docs"):
                d = docs_tab(docs)
            with gr.Tab("Chỉ tiêu", id="series"):
                sp = series_tab(seriestab.SUGGESTED)
        _wire_chat(service, settings, c, turns, (store, session))
        _wire_docs(service, settings, c, d, demo)
        _wire_series(service, sp)
        demo.load(
            lambda sid: sessions.restore(store, sid),
            inputs=[session],
            outputs=[session, c.chatbot, turns],
            queue=False,
            api_visibility="private",
        )
        _wire_api(service, settings)
    return demo


def _wire_chat(
    service: AnswerService, settings: Settings, c: ChatParts, turns: gr.State, kept: tuple
) -> None:
    """Two steps per question: an instant echo (not queued, so a waiting user sees their question
    and "waiting" at once), then the answer, in the answer group (the model's own queue is
    inside the service). A finished answer is kept on disk for the browser's session."""
    pending = gr.State(None)  # (question, messages before it) between the two steps
    store, session = kept  # the conversation on disk, and the browser's session id

    def echo(question, messages):
        question = (question or "").strip()
        if not question:
            return gr.skip(), gr.skip(), None
        return chat.waiting_messages(question, messages or []), "", (question, messages or [])

    def echo_example(evt: gr.SelectData, messages):
        return echo(evt.value.get("text", ""), messages)

    def answer(job, history, doc_ids, copy, sid):
        if job is None:  # the echo step found no question
            yield (gr.skip(),) * 6
            return
        question, before = job
        for view in chat.respond(
            service,
            question,
            before,
            history,
            doc_ids,
            copy or "",
            settings.max_question_chars,
        ):
            sessions.remember(store, sid, question, view)
            yield view.messages, view.turns, view.copy, *_done_parts(view)

    private = {"api_visibility": "private"}
    answer_args = dict(
        fn=answer,
        inputs=[pending, turns, c.doc_filter, c.copy, session],
        outputs=[c.chatbot, turns, c.copy, c.understood, *c.downloads],
        concurrency_id=ANSWER_GROUP,
        concurrency_limit=max(1, settings.web_workers),
        show_progress="minimal",
        **private,
    )
    echo_out = [c.chatbot, c.question, pending]
    triggers = [
        (c.question.submit, echo, [c.question, c.chatbot]),
        (c.send.click, echo, [c.question, c.chatbot]),
        (c.chatbot.example_select, echo_example, [c.chatbot]),
        (c.resend.click, echo, [c.understood, c.chatbot]),  # the corrected question, one click
    ]
    events = [
        trigger(fn, inputs, echo_out, queue=False, **private).then(**answer_args)
        for trigger, fn, inputs in triggers
    ]
    hidden = gr.update(value=None, visible=False)

    def new_conversation(sid):
        sessions.forget(store, sid)
        return [], None, "", "", None, "", hidden, hidden

    reset = dict(
        fn=new_conversation,
        inputs=[session],
        outputs=[c.chatbot, turns, c.copy, c.question, pending, c.understood, *c.downloads],
        cancels=events,
        queue=False,
        **private,
    )
    c.new.click(**reset)
    c.chatbot.clear(**reset)  # the chatbot's own trash icon must forget the conversation too


def _done_parts(view: chat.ChatView) -> tuple:
    """The understood question and the download buttons: updated once an answer is final."""
    if not view.done:
        return gr.skip(), gr.skip(), gr.skip()
    files = [gr.update(value=f, visible=True) for f in view.exports] or [gr.skip(), gr.skip()]
    return (view.understood or gr.skip()), *files


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


def _wire_series(service: AnswerService, sp: SeriesParts) -> None:
    """The indicator's series from the facts alone: no model, so not in the model's queue group."""

    def show(indicator, year_from, year_to):
        v = seriestab.show_series(service, indicator, year_from, year_to)
        return (v.html, gr.update(value=v.csv, visible=v.csv is not None),
                gr.update(value=v.xlsx, visible=v.xlsx is not None))

    args = dict(fn=show, inputs=[sp.indicator, sp.year_from, sp.year_to],
                outputs=[sp.view, sp.csv, sp.xlsx], api_visibility="private")
    sp.show.click(**args)
    sp.indicator.select(**args)


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

    def ask_stream(
        question: str, doc_ids: list[str] | None = None, history: list[list[str]] | None = None
    ) -> Iterator[dict]:
        """Answer one question step by step: {"event": "evidence", "citations"} once retrieval
        ends, {"event": "queued", "position"} while waiting for the model, then
        {"event": "final", "answer"} with the answer JSON."""
        try:
            yield from chat.stream_json(
                service, question, history, doc_ids, settings.max_question_chars
            )
        except (BaocaoError, ValueError) as err:
            raise gr.Error(str(err)) from err

    workers = max(1, settings.web_workers)
    gr.api(ask, api_name="ask", concurrency_id=ANSWER_GROUP, concurrency_limit=workers)
    gr.api(ask_stream, api_name="ask_stream", concurrency_id=ANSWER_GROUP, concurrency_limit=workers)
    gr.api(list_documents, api_name="documents", queue=False)
