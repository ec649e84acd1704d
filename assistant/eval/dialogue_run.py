"""Run a conversation set: each conversation through one `Conversation` state, turn by turn.

Records are written per turn into `items.jsonl` as the item harness does (so report.json and
report.html score every turn the usual way), with the standalone question and how the turn was
read. A conversation is reused on resume only when every turn of it has a clean record with the
same question: a changed turn reruns the whole conversation, since later turns depend on it.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

from assistant.chat.service import AnswerService
from assistant.chat.state import Conversation
from assistant.eval.conversations import Dialogue, grafted
from assistant.eval.harness import Search, open_records, question_sha, write_report
from assistant.eval.scoring import score
from assistant.types import Answer

CONVERSATIONS_JSON = "conversations.json"


def _ask(service: AnswerService, question: str, conv: Conversation) -> tuple[dict, float]:
    t0 = time.perf_counter()
    final = None
    for kind, payload in service.ask_stream(question, conv):
        final = payload if kind == "final" else final
    if not isinstance(final, Answer):
        raise TypeError("dịch vụ không trả về sự kiện 'final' với một Answer")
    return final.to_dict(), time.perf_counter() - t0


def run_dialogue(d: Dialogue, service: AnswerService, search: Search | None, k: int) -> list[dict]:
    conv = Conversation()
    out = []
    for item, follow in zip(d.turns, d.follows):
        rec = {"id": item.id, "question_sha": question_sha(item.question), "k": k, "error": None,
               "asked": True, "answer": None, "follow": follow, "hits": None}
        try:
            rec["answer"], total = _ask(service, item.question, conv)
            standalone = rec["answer"].get("standalone_question") or item.question
            rec["hits"] = [h.to_dict() for h in search(standalone, k)] if search else None
            rec["timings"] = {"total_s": round(total, 4), "first_token_s": round(total, 4)}
        except Exception as e:  # noqa: BLE001 (one failing turn must not end the run)
            rec["error"] = f"{type(e).__name__}: {e}"
        rec["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        out.append(rec)
    return out


def _reusable(d: Dialogue, records: dict[str, dict], k: int) -> bool:
    return all((r := records.get(it.id)) and not r.get("error") and r.get("k") == k
               and r.get("question_sha") == question_sha(it.question) for it in d.turns)


def run_dialogues(dialogues: list[Dialogue], service: AnswerService, search: Search | None, out_dir: Path,
                  *, k: int = 5, resume: bool = True, meta: dict | None = None, progress=None) -> dict:
    out_dir = Path(out_dir)
    path, records = open_records(out_dir, resume)
    with path.open("a", encoding="utf-8") as fh:
        for n, d in enumerate(dialogues, 1):
            if _reusable(d, records, k):
                continue
            if progress:
                progress(n, len(dialogues), d.id)
            for rec in run_dialogue(d, service, search, k):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                fh.flush()
                records[rec["id"]] = rec
    items = [it for d in dialogues for it in d.turns]
    summary = write_report(items, records, out_dir, k, meta)
    summary["conversations"] = summarize_dialogues(dialogues, records, k)
    (out_dir / CONVERSATIONS_JSON).write_text(json.dumps(summary["conversations"], ensure_ascii=False, indent=1),
                                              encoding="utf-8")
    return summary


def summarize_dialogues(dialogues: list[Dialogue], records: dict[str, dict], k: int) -> dict:
    """Turns right (overall and by follow-up kind), conversations fully right, grafted turns."""
    by: dict[str, list[int]] = {}
    graft, whole, failed = [], 0, []
    for d in dialogues:
        ok_all = True
        for n, (it, follow) in enumerate(zip(d.turns, d.follows)):
            rec = records.get(it.id, {})
            ok = bool(score(it, rec, k).passed)
            by.setdefault(follow, [0, 0])
            by[follow][0] += ok
            by[follow][1] += 1
            ok_all &= ok
            if not ok:
                failed.append({"id": it.id, "question": it.question, "follow": follow,
                               "standalone": (rec.get("answer") or {}).get("standalone_question"),
                               "answer": ((rec.get("answer") or {}).get("answer") or rec.get("error") or "")[:300]})
            prev = records.get(d.turns[n - 1].id, {}).get("answer") if n else None
            if n and follow == "new" and grafted(it.question, rec.get("answer"), prev):
                graft.append(it.id)
        whole += ok_all
    right, total = sum(v[0] for v in by.values()), sum(v[1] for v in by.values())
    return {"turns": total, "turns_right": right, "turn_accuracy": right / total if total else None,
            "conversations": len(dialogues), "conversations_all_right": whole,
            "by_follow": {f: {"right": r, "n": t} for f, (r, t) in sorted(by.items())},
            "grafted": len(graft), "grafted_ids": graft, "failed": failed}


def format_dialogue_summary(c: dict) -> str:
    lines = [f"Lượt hỏi đúng:       {c['turns_right']}/{c['turns']} ({(c['turn_accuracy'] or 0) * 100:.1f}%)",
             f"Hội thoại đúng hết:  {c['conversations_all_right']}/{c['conversations']}",
             f"Ghép nhầm chỉ tiêu:  {c['grafted']}"]
    lines += [f"  {f:<11} {v['right']}/{v['n']}" for f, v in c["by_follow"].items()]
    return "\n".join(lines)
