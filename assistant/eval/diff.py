"""`baocao eval --compare OLD NEW`: what changed between two runs (items fixed, broken, deltas).

Both runs are read from their report.json. An item is "fixed" when it did not pass in OLD
and passes in NEW, "broken" the other way round; the same is reported per verdict (figure,
citation, refusal, retrieval) so a drop in citations is visible even when figures held.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.eval.harness import REPORT_JSON

VERDICTS = {
    "numeric": "số liệu",
    "citation": "trích dẫn",
    "refusal_ok": "từ chối đúng",
    "terms": "tên liệt kê",
}
METRICS = {
    "pass_rate": "Tỷ lệ đạt",
    "numeric_accuracy": "Đúng số liệu",
    "citation_accuracy": "Trích dẫn đúng",
    "refusal_accuracy": "Từ chối đúng",
    "false_refusal_rate": "Từ chối nhầm",
    "verified_rate": "Được xác minh",
    "hit_at_k": "Hit@k",
    "mrr": "MRR",
}
LATENCY = {"first_token_s": "Token đầu p50", "total_s": "Tổng thời gian p50"}


def load_report(run_dir: Path | str) -> dict:
    path = Path(run_dir) / REPORT_JSON
    if not path.is_file():
        raise ValueError(f"không thấy {path}: thư mục này chưa có lượt chạy eval")
    return json.loads(path.read_text(encoding="utf-8"))


def _retrieved(v: dict) -> bool | None:
    return None if v.get("retrieval_recall") is None else v.get("retrieval_rank") is not None


def compare_runs_dict(old_dir: Path | str, new_dir: Path | str) -> dict:
    """Fixed/broken items overall and per verdict, items only in one run, and metric deltas."""
    old, new = load_report(old_dir), load_report(new_dir)
    o_items = {r["id"]: r for r in old["items"]}
    n_items = {r["id"]: r for r in new["items"]}
    common = [i for i in n_items if i in o_items]
    out: dict = {
        "old": old["meta"],
        "new": new["meta"],
        "same_set": old["meta"].get("set_fingerprint") == new["meta"].get("set_fingerprint"),
        "only_old": sorted(set(o_items) - set(n_items)),
        "only_new": sorted(set(n_items) - set(o_items)),
        "question_changed": [i for i in common if o_items[i]["question"] != n_items[i]["question"]],
        "fixed": [
            i
            for i in common
            if o_items[i]["verdicts"]["passed"] is False
            and n_items[i]["verdicts"]["passed"] is True
        ],
        "broken": [
            i
            for i in common
            if o_items[i]["verdicts"]["passed"] is True
            and n_items[i]["verdicts"]["passed"] is False
        ],
        "verdicts": {},
        "metrics": {},
    }
    for key in list(VERDICTS) + ["retrieved"]:
        get = _retrieved if key == "retrieved" else (lambda v, key=key: v.get(key))
        pairs = [(i, get(o_items[i]["verdicts"]), get(n_items[i]["verdicts"])) for i in common]
        out["verdicts"][key] = {
            "fixed": [i for i, a, b in pairs if a is False and b is True],
            "broken": [i for i, a, b in pairs if a is True and b is False],
        }
    o_sum, n_sum = old["summary"], new["summary"]
    for key in METRICS:
        a, b = o_sum["overall"][key]["value"], n_sum["overall"][key]["value"]
        out["metrics"][key] = {
            "old": a,
            "new": b,
            "delta": None if a is None or b is None else b - a,
        }
    for key in LATENCY:
        a, b = o_sum["latency"][key]["p50"], n_sum["latency"][key]["p50"]
        out["metrics"][key] = {
            "old": a,
            "new": b,
            "delta": None if a is None or b is None else b - a,
        }
    return out


def _fmt(key: str, v: float | None, signed: bool = False) -> str:
    if v is None:
        return "—"
    if key in LATENCY:
        return f"{v:+.2f} s" if signed else f"{v:.2f} s"
    return f"{v * 100:+.1f} điểm" if signed else f"{v * 100:.1f}%"


def compare_runs(old_dir: Path | str, new_dir: Path | str) -> str:
    """The comparison as text for the terminal (Vietnamese)."""
    d = compare_runs_dict(old_dir, new_dir)
    lines = [f"So sánh: {old_dir} → {new_dir}"]
    if not d["same_set"]:
        lines.append("Lưu ý: hai lượt chạy dùng bộ câu hỏi khác nhau; chỉ so các câu có ở cả hai.")
    lines.append("")
    lines.append(f"{'Chỉ số':<22}{'cũ':>10}{'mới':>10}{'chênh lệch':>14}")
    for key, label in {**METRICS, **LATENCY}.items():
        m = d["metrics"][key]
        lines.append(
            f"{label:<22}{_fmt(key, m['old']):>10}{_fmt(key, m['new']):>10}{_fmt(key, m['delta'], True):>14}"
        )
    lines.append("")
    lines.append(f"Câu được sửa ({len(d['fixed'])}): {', '.join(d['fixed']) or '—'}")
    lines.append(f"Câu bị hỏng ({len(d['broken'])}): {', '.join(d['broken']) or '—'}")
    for key, label in {**VERDICTS, "retrieved": "truy xuất đủ bằng chứng"}.items():
        v = d["verdicts"][key]
        if v["fixed"] or v["broken"]:
            lines.append(
                f"  {label}: +{len(v['fixed'])} ({', '.join(v['fixed']) or '—'}), -{len(v['broken'])} ({', '.join(v['broken']) or '—'})"
            )
    if d["only_old"] or d["only_new"]:
        lines.append(
            f"Chỉ có ở lượt cũ: {', '.join(d['only_old']) or '—'}; chỉ có ở lượt mới: {', '.join(d['only_new']) or '—'}"
        )
    if d["question_changed"]:
        lines.append(f"Câu hỏi đã sửa nội dung: {', '.join(d['question_changed'])}")
    return "\n".join(lines)
