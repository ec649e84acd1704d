"""Run an eval set through an AnswerService and a searcher; write items.jsonl, report.json/html.

Each finished item is appended to `out_dir/items.jsonl` at once (answer, retrieved hits,
timings), so an interrupted run resumes where it stopped: a second run asks only the items
that have no record yet, or whose question changed, or that ended in an error. Verdicts are
computed from the records at the end, never stored as the truth.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from assistant.chat.service import AnswerService
from assistant.eval.dataset import Item, set_fingerprint
from assistant.eval.metrics import summarize
from assistant.eval.report import render_html
from assistant.eval.scoring import result_row
from assistant.types import Answer, Hit

log = logging.getLogger(__name__)
Search = Callable[[str, int], list[Hit]]
RECORDS, REPORT_JSON, REPORT_HTML = "items.jsonl", "report.json", "report.html"


def question_sha(question: str) -> str:
    return hashlib.sha256(question.encode("utf-8")).hexdigest()[:16]


def run_item(item: Item, service: AnswerService | None, search: Search | None, k: int) -> dict:
    """Search one question and ask it (unless `service` is None: a retrieval-only run),
    timing the first token and the final answer."""
    rec: dict = {
        "id": item.id,
        "question_sha": question_sha(item.question),
        "k": k,
        "error": None,
        "asked": service is not None,
        "answer": None,
    }
    timings: dict[str, float | None] = {}
    try:
        if search is not None:
            t0 = time.perf_counter()
            rec["hits"] = [h.to_dict() for h in search(item.question, k)]
            timings["search_s"] = time.perf_counter() - t0
        else:
            rec["hits"] = None
        if service is not None:
            rec["answer"], timings["first_token_s"], timings["total_s"] = _ask(
                service, item.question
            )
    except Exception as e:  # noqa: BLE001  (one failing item must not end a two-hour run)
        log.warning("eval item %s failed: %s", item.id, e)
        rec["error"] = f"{type(e).__name__}: {e}"
        rec.setdefault("hits", None)
    rec["timings"] = {key: round(v, 4) for key, v in timings.items() if v is not None}
    rec["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    return rec


def _ask(service: AnswerService, question: str) -> tuple[dict, float, float]:
    """(answer dict, first-token seconds, total seconds) from the service's event stream."""
    final, first = None, None
    t0 = time.perf_counter()
    for kind, payload in service.ask_stream(question):
        if kind == "token" and first is None:
            first = time.perf_counter() - t0
        elif kind == "final":
            final = payload
    total = time.perf_counter() - t0
    if not isinstance(final, Answer):
        raise TypeError("dịch vụ không trả về sự kiện 'final' với một Answer")
    # No token streamed (a refusal, an extractive answer): the user sees text at the end.
    return final.to_dict(), (first if first is not None else total), total


def open_records(out_dir: Path | str, resume: bool) -> tuple[Path, dict[str, dict]]:
    """The run folder's records file and the records already in it (none unless resuming)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / RECORDS
    if not resume and path.exists():
        path.unlink()
    return path, load_records(path)


def load_records(path: Path) -> dict[str, dict]:
    """Records already written, by item id (the last one wins); a torn last line is ignored."""
    out: dict[str, dict] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and "id" in rec:
            out[rec["id"]] = rec
    return out


def reusable(rec: dict | None, item: Item, k: int, with_search: bool, with_service: bool) -> bool:
    return (
        rec is not None
        and not rec.get("error")
        and rec.get("question_sha") == question_sha(item.question)
        and rec.get("k") == k
        and (rec.get("hits") is not None or not with_search)
        and (rec.get("asked", True) or not with_service)
    )


def _progress(items: list[Item], enabled: bool) -> Iterable[Item]:
    if not enabled:
        return items
    try:
        from tqdm import tqdm
    except ImportError:  # tqdm is a dependency, but a bare environment still gets a counter
        return _plain_progress(items)
    return tqdm(items, desc="baocao eval", unit="câu", file=sys.stderr)


def _plain_progress(items: list[Item]) -> Iterator[Item]:
    for n, it in enumerate(items, 1):
        print(f"[{n}/{len(items)}] {it.id}", file=sys.stderr, flush=True)
        yield it


def run_eval(
    items: list[Item],
    service: AnswerService | None,
    search: Search | None,
    out_dir: Path,
    *,
    k: int = 5,
    resume: bool = True,
    progress: bool = True,
    meta: dict | None = None,
) -> dict:
    """Run (or resume) the items; write items.jsonl, report.json, report.html; return the summary.

    `service=None` runs retrieval only (no answers are scored); `search=None` skips retrieval.
    """
    if service is None and search is None:
        raise ValueError("cần ít nhất dịch vụ trả lời hoặc hàm tìm kiếm")
    if k < 1:
        raise ValueError("k phải >= 1")
    if not items:
        raise ValueError("không có câu hỏi nào để chạy")
    out_dir = Path(out_dir)
    path, records = open_records(out_dir, resume)
    todo = [
        it
        for it in items
        if not reusable(records.get(it.id), it, k, search is not None, service is not None)
    ]
    log.info("eval: %d items, %d to run, %d reused", len(items), len(todo), len(items) - len(todo))
    with path.open("a", encoding="utf-8") as fh:
        for item in _progress(todo, progress):
            rec = run_item(item, service, search, k)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            fh.flush()
            records[item.id] = rec
    if search is None:  # a run without a searcher does not score retrieval, even from old records
        records = {i: {**r, "hits": None} for i, r in records.items()}
    if service is None:  # nor does a retrieval-only run score answers
        records = {i: {**r, "answer": None, "asked": False} for i, r in records.items()}
    return write_report(items, records, out_dir, k, meta, reused=len(items) - len(todo))


def write_report(
    items: list[Item],
    records: dict[str, dict],
    out_dir: Path,
    k: int,
    meta: dict | None,
    reused: int = 0,
) -> dict:
    """Score every item from its record and write report.json and report.html."""
    rows = [result_row(it, records[it.id], k) for it in items]
    summary = summarize(rows, k)
    report = {
        "meta": {
            **(meta or {}),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "k": k,
            "n_items": len(items),
            "reused_items": reused,
            "set_fingerprint": set_fingerprint(items),
        },
        "summary": summary,
        "items": rows,
    }
    (out_dir / REPORT_JSON).write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (out_dir / REPORT_HTML).write_text(render_html(report), encoding="utf-8")
    return summary
