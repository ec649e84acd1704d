"""`baocao eval`: prove the set, run it (or a slice) on the configured pipeline, print the summary.

baocao eval [--set FILE] [--limit N] [--type T]... [--doc ID]... [--out DIR] [--no-resume]
            [--retrieval-only]
baocao eval --compare OLD_DIR NEW_DIR
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

from assistant.config import Settings
from assistant.eval.checker import check_items
from assistant.eval.conversations import is_conversation_set, load_dialogues
from assistant.eval.dataset import load_items, select_items
from assistant.eval.diff import compare_runs
from assistant.eval.harness import REPORT_HTML, REPORT_JSON, run_eval

log = logging.getLogger(__name__)


def default_out(s: Settings, set_file: Path) -> Path:
    """A stable folder per pipeline and set, so rerunning the same command resumes it."""
    name = f"{set_file.stem}__{s.llm_model}__{s.index_name}"
    return s.eval_dir / "runs" / re.sub(r"[^\w.-]+", "-", name)


def run_meta(s: Settings, set_file: Path) -> dict:
    """What an analyst needs to know to reproduce or compare a run."""
    return {
        "set_file": str(set_file),
        "llm_model": s.llm_model,
        "embed_model": s.embed_model,
        "index": s.index_name,
        "answer_mode": s.answer_mode,
        "temperature": s.temperature,
        "seed": s.seed,
        "chunk_size": s.chunk_size,
        "chunk_overlap": s.chunk_overlap,
        "retrieval_k": s.k,
        "git_commit": _git_commit(),
    }


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
        return out.stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def format_summary(summary: dict) -> str:
    o, lat = summary["overall"], summary["latency"]

    def pct(m: dict) -> str:
        if m["value"] is None:
            return "—"
        ci = m.get("ci")
        return (
            f"{m['value'] * 100:.1f}%"
            + (f" [{ci[0] * 100:.1f}–{ci[1] * 100:.1f}]" if ci else "")
            + f" (n={m['n']})"
        )

    def secs(v: float | None) -> str:
        return "—" if v is None else f"{v:.1f} s"

    return "\n".join(
        [
            f"Đúng số liệu:        {pct(o['numeric_accuracy'])}",
            f"Trích dẫn đúng:      {pct(o['citation_accuracy'])}",
            f"Từ chối đúng:        {pct(o['refusal_accuracy'])}",
            f"Từ chối nhầm:        {pct(o['false_refusal_rate'])}",
            f"Được xác minh:       {pct(o['verified_rate'])}",
            f"Hit@{summary['k']} / MRR:         {pct(o['hit_at_k'])} / {pct(o['mrr'])}",
            f"Token đầu p50/p95:   {secs(lat['first_token_s']['p50'])} / {secs(lat['first_token_s']['p95'])}",
            f"Tổng thời gian p50/p95: {secs(lat['total_s']['p50'])} / {secs(lat['total_s']['p95'])}",
            f"Lỗi khi chạy:        {summary['counts']['errors']}",
        ]
    )


def eval_command(args, s: Settings) -> int:
    """Entry point used by assistant.cli (args from its `eval` sub-parser)."""
    if getattr(args, "compare", None):
        old, new = args.compare
        print(compare_runs(old, new))
        return 0
    set_file = Path(args.set_file or s.eval_dir / "questions.jsonl")
    if set_file.stem.startswith("series"):  # indicator series: points, not questions
        from assistant.eval.series import series_eval

        return series_eval(set_file, s)
    if is_conversation_set(set_file):
        return conversation_command(args, s, set_file)
    items = load_items(set_file)
    problems = check_items(items, s.corpus_dir)
    for p in problems:
        print(f"cảnh báo: câu hỏi chưa được chứng minh với corpus hiện tại: {p}", file=sys.stderr)
    items = select_items(items, args.limit, args.type, args.doc)
    if not items:
        print("Không có câu hỏi nào khớp bộ lọc --type/--doc/--limit.", file=sys.stderr)
        return 2
    from assistant.chat.pipeline import Service  # heavy imports only when a run really starts

    service = Service(s, with_generator=not args.retrieval_only)
    search = lambda q, k: service.searcher.search(q, k)
    out = Path(args.out or default_out(s, set_file))
    print(f"Chạy {len(items)} câu hỏi → {out}", file=sys.stderr)
    summary = run_eval(
        items,
        None if args.retrieval_only else service,
        search,
        out,
        k=s.k,
        resume=not args.no_resume,
        progress=True,
        meta=run_meta(s, set_file),
    )
    print(format_summary(summary))
    print(f"Báo cáo: {out / REPORT_HTML}  (dữ liệu: {out / REPORT_JSON})")
    return 1 if problems else 0


def conversation_command(args, s: Settings, set_file: Path) -> int:
    """`baocao eval --set eval/conversations.jsonl`: every turn scored, grafted indicators counted."""
    from assistant.chat.pipeline import Service
    from assistant.eval.dialogue_run import format_dialogue_summary, run_dialogues

    dialogues = load_dialogues(set_file)
    problems = check_items([it for d in dialogues for it in d.turns], s.corpus_dir)
    for p in problems:
        print(f"cảnh báo: lượt hỏi chưa được chứng minh với corpus hiện tại: {p}", file=sys.stderr)
    dialogues = dialogues[: args.limit] if args.limit else dialogues
    service = Service(s)
    out = Path(args.out or default_out(s, set_file))
    print(f"Chạy {len(dialogues)} hội thoại → {out}", file=sys.stderr)
    summary = run_dialogues(dialogues, service, lambda q, k: service.searcher.search(q, k), out, k=s.k,
                            resume=not args.no_resume, meta=run_meta(s, set_file),
                            progress=lambda n, t, i: print(f"[{n}/{t}] {i}", file=sys.stderr, flush=True))
    print(format_summary(summary))
    print(format_dialogue_summary(summary["conversations"]))
    print(f"Báo cáo: {out / REPORT_HTML}  (dữ liệu: {out / REPORT_JSON}, {out / 'conversations.json'})")
    return 1 if problems else 0
