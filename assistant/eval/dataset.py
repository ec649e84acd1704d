"""The eval set: one JSON object a line in `eval/*.jsonl`, loaded into `Item`s and filtered.

Schema (see eval/README.md): id, question, type, doc_id, answer, value, unit, evidence,
answerable, notes; optional extras per type (footnote, split_at, operands/op, expected_terms,
absent_terms/absent_near/absent_window, blank, other_docs, decimals). `load_items` rejects a
malformed line with a ValueError naming the line; `check_items` (checker.py) then proves the
items against the corpus.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.eval.compare import source_decimals

TYPES = ("body", "footnote", "page_break", "period", "comparison", "list", "unanswerable")
_REQUIRED = (
    "id",
    "question",
    "type",
    "doc_id",
    "answer",
    "value",
    "unit",
    "evidence",
    "answerable",
)
_OPTIONAL = (
    "notes",
    "footnote",
    "split_at",
    "operands",
    "op",
    "expected_terms",
    "absent_terms",
    "absent_near",
    "absent_window",
    "blank",
    "other_docs",
    "decimals",
    "also_in",
    "category",
)
OPS = ("sub", "add", "div", "pct_change")


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    type: str
    doc_id: str | None
    answer: str | None
    value: float | None
    unit: str | None
    evidence: tuple[str, ...]
    answerable: bool
    notes: str = ""
    footnote: str | None = None  # footnote number holding the evidence ("footnote" items)
    split_at: str | None = None  # "before|after" around a page break ("page_break" items)
    operands: tuple[str, ...] = ()  # figures as written that the computed value comes from
    op: str | None = None  # "sub", "add", "div" or "pct_change" over the operands
    expected_terms: tuple[str, ...] = ()  # names a list answer must contain
    absent_terms: tuple[str, ...] = ()  # unanswerable: these must not occur (near absent_near)
    absent_near: str | None = None
    absent_window: int = 300
    blank: str | None = None  # unanswerable: the draft's blank, as written ("đứng thứ …/63")
    other_docs: tuple[str, ...] = ()  # further documents the evidence may come from
    decimals: int | None = None  # override of the source's rounding
    also_in: tuple[str, ...] = ()  # other passages that state the same fact, each enough alone
    category: str = ""  # the trap the item tests: neighbour, other_place, other_period, …

    @property
    def docs(self) -> tuple[str, ...]:
        return ((self.doc_id,) if self.doc_id else ()) + self.other_docs

    @property
    def tolerance_decimals(self) -> int:
        """Decimals the source (or the computed answer) was written with."""
        if self.decimals is not None:
            return self.decimals
        if self.value is None:
            return 0
        return source_decimals(self.answer or "", self.value, self.unit)

    def to_dict(self) -> dict:
        return asdict(self)


def _tuple(v: object, name: str, line: int) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return tuple(v)
    raise ValueError(f"dòng {line}: '{name}' phải là chuỗi hoặc danh sách chuỗi")


def item_from_dict(d: dict, line: int = 0) -> Item:
    """Validate one decoded line and build an Item. Raises ValueError with the line number."""
    missing = [k for k in _REQUIRED if k not in d]
    unknown = [k for k in d if k not in _REQUIRED + _OPTIONAL]
    if missing or unknown:
        raise ValueError(f"dòng {line}: thiếu {missing} / thừa {unknown}")
    if d["type"] not in TYPES:
        raise ValueError(f"dòng {line}: loại câu hỏi không hợp lệ {d['type']!r}")
    if not isinstance(d["question"], str) or not d["question"].strip():
        raise ValueError(f"dòng {line}: câu hỏi rỗng")
    if not isinstance(d["answerable"], bool) or (d["type"] == "unanswerable") == d["answerable"]:
        raise ValueError(f"dòng {line}: 'answerable' phải là false đúng với loại 'unanswerable'")
    value = d["value"]
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise ValueError(f"dòng {line}: 'value' phải là số hoặc null")
    if d.get("op") is not None and d["op"] not in OPS:
        raise ValueError(f"dòng {line}: 'op' phải là một trong {OPS}")
    return Item(
        id=str(d["id"]),
        question=d["question"],
        type=d["type"],
        doc_id=d["doc_id"],
        answer=d["answer"],
        value=None if value is None else float(value),
        unit=d["unit"],
        evidence=_tuple(d["evidence"], "evidence", line),
        answerable=d["answerable"],
        notes=d.get("notes") or "",
        footnote=d.get("footnote"),
        split_at=d.get("split_at"),
        operands=_tuple(d.get("operands"), "operands", line),
        op=d.get("op"),
        expected_terms=_tuple(d.get("expected_terms"), "expected_terms", line),
        absent_terms=_tuple(d.get("absent_terms"), "absent_terms", line),
        absent_near=d.get("absent_near"),
        absent_window=int(d.get("absent_window") or 300),
        blank=d.get("blank"),
        other_docs=_tuple(d.get("other_docs"), "other_docs", line),
        decimals=d.get("decimals"),
        also_in=_tuple(d.get("also_in"), "also_in", line),
        category=d.get("category") or "",
    )


def read_jsonl(path: Path | str) -> Iterator[tuple[int, object]]:
    """(line number, parsed value) of each line of a JSON-lines set; blank lines and lines
    starting with "#" are skipped, a malformed line raises ValueError naming it."""
    for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            yield n, json.loads(raw)
        except json.JSONDecodeError as e:
            raise ValueError(f"dòng {n}: JSON không hợp lệ ({e.msg})") from e


def load_items(path: Path | str) -> list[Item]:
    """Read an eval set. Blank lines and lines starting with "#" are skipped."""
    items: list[Item] = []
    for n, d in read_jsonl(path):
        if not isinstance(d, dict):
            raise ValueError(f"dòng {n}: mỗi dòng phải là một đối tượng JSON")  # noqa: TRY004 (bad input file)
        items.append(item_from_dict(d, n))
    return items


def select_items(
    items: list[Item],
    limit: int | None = None,
    types: list[str] | None = None,
    docs: list[str] | None = None,
    per_type: int | None = None,
) -> list[Item]:
    """The items of the given types and documents, in set order, at most `limit` of them.

    `per_type` keeps only the first N items of each type: a small slice that still covers
    every kind of question (the CI smoke run).
    """
    if types:
        bad = [t for t in types if t not in TYPES]
        if bad:
            raise ValueError(
                f"loại câu hỏi không hợp lệ: {', '.join(bad)}; các loại: {', '.join(TYPES)}"
            )
    if (limit is not None and limit < 0) or (per_type is not None and per_type < 0):
        raise ValueError("limit và per_type phải >= 0")
    out = [
        it
        for it in items
        if (not types or it.type in types) and (not docs or any(d in docs for d in it.docs))
    ]
    if per_type is not None:
        out = _first_per_type(out, per_type)
    return out if limit is None else out[:limit]


def _first_per_type(items: list[Item], n: int) -> list[Item]:
    counts: dict[str, int] = {}
    out = []
    for it in items:
        if counts.get(it.type, 0) < n:
            counts[it.type] = counts.get(it.type, 0) + 1
            out.append(it)
    return out


def set_fingerprint(items: list[Item]) -> str:
    """A short hash of the selected items, so two runs can tell whether they used the same set."""
    blob = json.dumps([it.to_dict() for it in items], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]
