"""The chat turn as a generator of screen states, independent of Gradio.

`respond` consumes `AnswerService.ask_stream` and yields a `ChatView` after each event, so the
evidence is on screen as soon as retrieval ends and the answer grows token by token. The
conversation (`turns`) is per browser session and is what follow-up questions are resolved
against.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.chat.export import write_both
from assistant.chat.service import AnswerService, Turn
from assistant.chat.state import Conversation
from assistant.errors import BaocaoError
from assistant.types import Answer, Hit
from assistant.ui import render

log = logging.getLogger(__name__)

Message = dict  # {"role": "user" | "assistant", "content": str}, Gradio's messages format
INTERNAL_ERROR = "Đã xảy ra lỗi khi trả lời câu hỏi này. Vui lòng thử lại hoặc báo quản trị viên."


@dataclass
class ChatView:
    """What the chat shows after one step: the messages, the conversation, the text to copy."""

    messages: list[Message]
    turns: Conversation
    copy: str
    done: bool = False
    understood: str = ""  # the standalone question of the last answer, editable and resendable
    exports: list[str] = field(default_factory=list)  # the conversation as .docx and .md
    answer: Answer | None = None  # on the final view of an answered question


def as_state(turns) -> Conversation:
    """The session's conversation: a fresh one for a new session; (question, answer) pairs kept."""
    if isinstance(turns, Conversation):
        return turns
    return Conversation(turns=[{"question": q, "answer": a} for q, a in (turns or [])])


def export_dir(conv: Conversation) -> Path:
    return Path(tempfile.gettempdir()) / "baocao-export" / conv.conversation_id


def _assistant(content: str) -> Message:
    return {"role": "assistant", "content": content}


def waiting_messages(question: str, messages: list[Message]) -> list[Message]:
    """The question shown at once, with a "waiting for its turn" note until answering starts."""
    return [*messages, {"role": "user", "content": question}, _assistant(render.waiting_message())]


def too_long(question: str, max_chars: int) -> str | None:
    if len(question) > max_chars:
        return f"Câu hỏi quá dài ({len(question)} ký tự; tối đa {max_chars})."
    return None


def respond(
    service: AnswerService,
    question: str,
    messages: list[Message],
    turns: Conversation | list | None,
    doc_ids: list[str] | None,
    copy: str = "",
    max_chars: int = 2000,
) -> Iterator[ChatView]:
    """Ask one question and yield the screen after each step; the last view has done=True."""
    turns = as_state(turns)
    question = question.strip()
    if not question:
        yield ChatView(messages, turns, copy, done=True)
        return
    shown = [*messages, {"role": "user", "content": question}]
    problem = too_long(question, max_chars)
    if problem:
        yield ChatView([*shown, _assistant(render.error_message(problem))], turns, copy, done=True)
        return
    yield ChatView([*shown, _assistant(render.streaming_message(question, "", None))], turns, copy)
    try:
        yield from _stream(service, question, shown, turns, doc_ids or None, copy)
    except BaocaoError as err:
        yield ChatView([*shown, _assistant(render.error_message(str(err)))], turns, copy, done=True)
    except Exception:  # one failed answer must not take the session down; the log has the detail
        log.exception("answering %r failed", question)
        yield ChatView(
            [*shown, _assistant(render.error_message(INTERNAL_ERROR))], turns, copy, done=True
        )


def _stream(
    service: AnswerService,
    question: str,
    shown: list[Message],
    turns: Conversation,
    doc_ids: list[str] | None,
    copy: str,
) -> Iterator[ChatView]:
    evidence: list[Hit] = []
    partial = ""
    position = None
    for kind, value in service.ask_stream(question, turns, doc_ids):
        if kind == "evidence":
            evidence = list(value)  # type: ignore[call-overload]
        elif kind == "queued":
            position = int(value)  # type: ignore[call-overload]
        elif kind == "token":
            partial += str(value)
        elif kind == "final":
            answer: Answer = value  # type: ignore[assignment]
            content = render.final_message(answer, evidence)
            if answer.conversation_id != turns.conversation_id:  # a service that keeps no state
                turns.turns.append({**answer.to_dict(), "question": question})
            files = [str(p) for p in write_both(turns.turns, export_dir(turns))]
            understood = answer.standalone_question or question
            view = ChatView([*shown, _assistant(content)], turns, render.copy_text(answer), True, understood, files)
            view.answer = answer
            yield view
            return
        else:
            continue
        content = render.streaming_message(question, partial, evidence, position)
        yield ChatView([*shown, _assistant(content)], turns, copy)
    raise BaocaoError("Không nhận được câu trả lời hoàn chỉnh; vui lòng thử lại.")


def answer_json(
    service: AnswerService,
    question: str,
    history: list[Turn] | None = None,
    doc_ids: list[str] | None = None,
    max_chars: int = 2000,
) -> dict:
    """The `ask` API: the answer as the JSON shape of DESIGN.md. Raises BaocaoError/ValueError."""
    question, turns = _api_input(question, history, max_chars)
    return service.ask(question, turns, doc_ids or None).to_dict()


def _api_input(question: str, history, max_chars: int) -> tuple[str, list[Turn]]:
    """The API's question, checked, and its history as (question, answer) pairs."""
    question = (question or "").strip()
    if not question:
        raise ValueError("Câu hỏi trống.")
    problem = too_long(question, max_chars)
    if problem:
        raise ValueError(problem)
    return question, [(str(q), str(a)) for q, a in (history or [])]


def stream_json(
    service: AnswerService,
    question: str,
    history: list[Turn] | None = None,
    doc_ids: list[str] | None = None,
    max_chars: int = 2000,
) -> Iterator[dict]:
    """The `ask_stream` API: {"event": "evidence", "citations"}, {"event": "queued", "position"}
    while waiting for the model, then {"event": "final", "answer"}. Raises BaocaoError/ValueError."""
    question, turns = _api_input(question, history, max_chars)
    for kind, value in service.ask_stream(question, turns, doc_ids or None):
        if kind == "evidence":
            yield {"event": "evidence", "citations": [h.to_dict() for h in value]}  # type: ignore[attr-defined]
        elif kind == "queued":
            yield {"event": "queued", "position": value}
        elif kind == "final":
            yield {"event": "final", "answer": value.to_dict()}  # type: ignore[attr-defined]
