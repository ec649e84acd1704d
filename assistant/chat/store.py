"""Web conversations kept on disk, one JSON file per browser session, so a conversation
survives a page reload and a server restart.

A conversation is `{"session_id", "updated", "turns": [...], "messages": [...]}`: each turn is
`{"question", "standalone_question", "answer": <answer JSON>}` (what follow-ups are resolved
against), `messages` is the chat as it was shown. Files are written atomically (temporary file,
then rename) and removed once older than the retention period.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import time
import uuid
from pathlib import Path

log = logging.getLogger(__name__)

_SESSION_ID = re.compile(r"^[0-9a-f]{32}$")
DAY_S = 86400


def new_session_id() -> str:
    return uuid.uuid4().hex


def valid_session_id(session_id: object) -> bool:
    """Session ids come from the browser: only our own shape may name a file."""
    return isinstance(session_id, str) and bool(_SESSION_ID.match(session_id))


def turn_record(question: str, answer: dict) -> dict:
    """One stored turn: the question as asked, as understood, and the answer JSON."""
    standalone = answer.get("standalone_question") or question
    return {"question": question, "standalone_question": standalone, "answer": answer}


def history(turns: list[dict]) -> list[tuple[str, str]]:
    """The (question, answer text) pairs follow-up questions are resolved against."""
    return [(t["question"], str(t.get("answer", {}).get("answer", ""))) for t in turns]


class ConversationStore:
    def __init__(self, root: Path, retention_days: int = 30):
        self.root = Path(root)
        self.retention_days = retention_days

    @property
    def enabled(self) -> bool:
        return self.retention_days > 0

    def _path(self, session_id: str) -> Path:
        if not valid_session_id(session_id):
            raise ValueError(f"invalid session id: {session_id!r}")
        return self.root / f"{session_id}.json"

    def load(self, session_id: str) -> dict:
        """The stored conversation, or an empty one (unknown, expired or unreadable)."""
        empty = {"session_id": session_id, "turns": [], "messages": []}
        if not self.enabled or not valid_session_id(session_id):
            return empty
        path = self._path(session_id)
        try:
            if time.time() - path.stat().st_mtime > self.retention_days * DAY_S:
                path.unlink(missing_ok=True)
                return empty
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return empty
        except (OSError, ValueError):
            log.warning("conversation %s unreadable; starting a new one", path)
            return empty
        return {**empty, **{k: data[k] for k in ("turns", "messages", "updated", "conversation") if k in data}}

    def save(self, session_id: str, turns: list[dict], messages: list[dict],
             conversation: dict | None = None) -> None:
        """`conversation`: the follow-up state (chat/state.py `Conversation.to_dict()`), if any."""
        if not self.enabled:
            return
        path = self._path(session_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"session_id": session_id, "updated": time.time(), "turns": turns, "messages": messages}
        if conversation is not None:
            data["conversation"] = conversation
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def delete(self, session_id: str) -> None:
        if valid_session_id(session_id):
            self._path(session_id).unlink(missing_ok=True)

    def purge(self, now: float | None = None) -> int:
        """Remove conversations older than the retention period; returns how many."""
        if not self.root.is_dir():
            return 0
        cutoff = (now or time.time()) - self.retention_days * DAY_S
        removed = 0
        for path in self.root.glob("*.json"):
            if not self.enabled or path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
