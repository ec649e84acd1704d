"""Which conversation a browser is in, and keeping it on disk (no Gradio here).

The browser keeps only a random session id (in its localStorage, via Gradio's BrowserState);
the conversation itself is in a `ConversationStore` on the server. The BrowserState is
encrypted with a secret that must outlive a server restart, so it is kept in a file.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from assistant.chat.store import (
    ConversationStore,
    history,
    new_session_id,
    turn_record,
    valid_session_id,
)
from assistant.chat.state import Conversation
from assistant.config import Settings
from assistant.ui.chat import ChatView

log = logging.getLogger(__name__)

STORAGE_KEY = "baocao-session"


def conversation_store(settings: Settings) -> ConversationStore:
    store = ConversationStore(settings.home / "conversations", settings.conversation_days)
    try:
        removed = store.purge()
    except OSError as err:  # an unreadable folder must not stop the app; it shows in the log
        log.warning("could not purge old conversations: %s", err)
        removed = 0
    if removed:
        log.info("removed %d conversations older than %d days", removed, settings.conversation_days)
    return store


def browser_secret(home: Path) -> str:
    """The key the browser's session id is encrypted with, created once and kept (mode 600)."""
    path = home / "web-secret"
    try:
        secret = path.read_text(encoding="ascii").strip()
        if len(secret) >= 16:
            return secret
    except (OSError, UnicodeDecodeError):
        pass
    secret = secrets.token_hex(16)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secret, encoding="ascii")
        path.chmod(0o600)
    except OSError as err:  # conversations then survive reloads but not restarts
        log.warning("could not keep the browser secret in %s: %s", path, err)
    return secret


def restore(store: ConversationStore, session_id: object) -> tuple[str, list[dict], object]:
    """(session id, chat messages, history) for a page that just loaded; a browser without a
    valid id gets a new one and an empty conversation."""
    if not valid_session_id(session_id):
        return new_session_id(), [], []
    conv = store.load(str(session_id))
    if conv.get("conversation"):  # the follow-up state itself: "còn năm 2023?" works after a reload
        try:
            return str(session_id), list(conv["messages"]), Conversation.from_dict(conv["conversation"])
        except (KeyError, TypeError, ValueError):
            log.warning("conversation state of %s unreadable; follow-ups restart", session_id)
    return str(session_id), list(conv["messages"]), history(conv["turns"])


def remember(store: ConversationStore, session_id: object, question: str, view: ChatView) -> None:
    """Keep the conversation after a finished answer (or an error, so the chat stays as shown)."""
    if not view.done or not valid_session_id(session_id) or not store.enabled:
        return
    sid = str(session_id)
    turns = list(store.load(sid)["turns"])
    if view.answer is not None:
        turns.append(turn_record(question, view.answer.to_dict()))
    try:
        state = view.turns.to_dict() if isinstance(view.turns, Conversation) else None
        store.save(sid, turns, plain_messages(view.messages), state)
    except OSError as err:  # the answer is shown anyway; only the copy on disk is missing
        log.warning("could not save conversation %s: %s", sid, err)


def forget(store: ConversationStore, session_id: object) -> None:
    """"Cuộc trò chuyện mới": the stored conversation is deleted, the session starts clean."""
    if valid_session_id(session_id):
        store.delete(str(session_id))


def plain_messages(messages: list) -> list[dict]:
    """Chat messages as {"role", "content"} with text content, whatever Gradio handed back."""
    out = []
    for m in messages or []:
        role = m.get("role") if isinstance(m, dict) else getattr(m, "role", "")
        content = m.get("content") if isinstance(m, dict) else getattr(m, "content", "")
        if isinstance(content, list):  # Gradio 6 content blocks: [{"type": "text", "text": …}]
            content = "".join(str(b.get("text", "")) for b in content if isinstance(b, dict))
        out.append({"role": str(role), "content": str(content or "")})
    return out
