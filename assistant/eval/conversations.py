"""Conversation eval sets: one conversation a line, `{"id", "turns": [turn…]}`.

Each turn is an eval item (the fields of eval/README.md, id given as "<conversation>.<n>") plus
`follow`: how it relates to the turn before (new, period, place, component, reference,
comparison, refusal). Turns are proven against the corpus like any item and scored like one
(scoring.py); a conversation adds one verdict: a turn that names its own indicator must not be
answered with the previous indicator grafted onto it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.eval.dataset import Item, item_from_dict, read_jsonl
from assistant.generation.request import parse_request
from assistant.ingest.lexfold import fold

FOLLOWS = ("new", "period", "place", "component", "reference", "comparison", "refusal")


@dataclass(frozen=True)
class Dialogue:
    id: str
    turns: tuple[Item, ...]
    follows: tuple[str, ...]


def is_conversation_set(path: Path | str) -> bool:
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.lstrip().startswith("#"):
            return '"turns"' in raw
    return False


def load_dialogues(path: Path | str) -> list[Dialogue]:
    """Read a conversation set; a malformed line raises ValueError naming the line."""
    out = []
    for n, d in read_jsonl(path):
        turns = d.get("turns") if isinstance(d, dict) else None
        if not isinstance(turns, list) or not turns or "id" not in d:
            raise ValueError(f"dòng {n}: mỗi dòng cần 'id' và danh sách 'turns'")
        out.append(_dialogue(str(d["id"]), turns, n))
    return out


def _dialogue(cid: str, turns: list[dict], line: int) -> Dialogue:
    items, follows = [], []
    for k, t in enumerate(turns, 1):
        follow = t.get("follow", "new")
        if follow not in FOLLOWS:
            raise ValueError(f"dòng {line}: 'follow' phải là một trong {FOLLOWS}")
        rest = {key: v for key, v in t.items() if key != "follow"}
        items.append(item_from_dict({"id": f"{cid}.{k}", **rest}, line))
        follows.append(follow)
    return Dialogue(cid, tuple(items), tuple(follows))


def grafted(question: str, answer: dict | None, previous: dict | None) -> bool:
    """Did the answer to a question naming its own indicator carry the previous indicator's
    words that the question does not use? (terms of the request the answer was given for)"""
    if not answer or not previous:
        return False
    asked = {fold(t) for t in parse_request(question).terms}
    return bool((_terms(answer) & _terms(previous)) - asked)


def _terms(answer: dict) -> set[str]:
    """The indicator terms an answer was given for: its request, else its standalone question
    read without proper names (a place carried over is not an indicator)."""
    req = answer.get("request")
    if req:
        return {fold(t) for t in req.get("terms", [])}
    text = answer.get("standalone_question") or answer.get("question") or ""
    words = text.split()
    plain = " ".join(w for n, w in enumerate(words) if n == 0 or not w[:1].isupper() or w.isupper())
    return {fold(t) for t in parse_request(plain).terms}
