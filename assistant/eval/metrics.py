"""Aggregate per-item verdicts into rates, with bootstrap confidence intervals, and latency.

With ~150-200 items a rate moves by several points between two honest runs, so every headline
rate carries a 95% percentile-bootstrap interval (fixed seed: the same rows give the same
interval). Breakdowns by question type and by document carry the rate and its n only.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

N_BOOT = 2000
SEED = 20240630


def bootstrap_ci(
    values: Sequence[float], *, n_boot: int = N_BOOT, alpha: float = 0.05, seed: int = SEED
) -> tuple[float, float] | None:
    """Percentile bootstrap interval of the mean of `values` (0/1 flags or any numbers)."""
    if not values:
        return None
    if n_boot < 1 or not 0 < alpha < 1:
        raise ValueError("n_boot must be >= 1 and 0 < alpha < 1")
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(rng.choices(values, k=n)) / n for _ in range(n_boot))
    return percentile(means, 100 * alpha / 2), percentile(means, 100 * (1 - alpha / 2))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation, like numpy's default."""
    if not values:
        raise ValueError("percentile of an empty list")
    if not 0 <= q <= 100:
        raise ValueError("q must be within 0..100")
    s = sorted(values)
    pos = (len(s) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def rate(flags: Sequence[float], ci: bool = True) -> dict:
    """{"value", "n", "ci"}: the mean of `flags` (None when there are none) and its interval."""
    flags = [float(f) for f in flags]
    out: dict = {"value": (sum(flags) / len(flags)) if flags else None, "n": len(flags)}
    if ci:
        interval = bootstrap_ci(flags)
        out["ci"] = list(interval) if interval else None
    return out


def latency(values: Sequence[float | None]) -> dict:
    vals = [v for v in values if v is not None]
    if not vals:
        return {"n": 0, "p50": None, "p95": None, "mean": None}
    return {
        "n": len(vals),
        "p50": percentile(vals, 50),
        "p95": percentile(vals, 95),
        "mean": sum(vals) / len(vals),
    }


def _flags(
    rows: list[dict], key: str, where: Callable[[dict], bool] = lambda r: True
) -> list[float]:
    return [
        float(r["verdicts"][key]) for r in rows if where(r) and r["verdicts"].get(key) is not None
    ]


def _answered(r: dict) -> bool:
    return not r["verdicts"]["refused"] and not r.get("error")


def group_metrics(rows: list[dict], k: int, ci: bool = True) -> dict:
    """The rates over `rows` (all items, or one type, or one document)."""
    answerable = [r for r in rows if r["expected"]["answerable"]]
    ranks = [
        r["verdicts"]["retrieval_rank"]
        for r in answerable
        if r["verdicts"]["retrieval_recall"] is not None
    ]
    return {
        "n": len(rows),
        "pass_rate": rate(_flags(rows, "passed"), ci),
        "numeric_accuracy": rate(_flags(answerable, "numeric"), ci),
        "answer_accuracy": rate(_flags(answerable, "passed"), ci),
        "citation_accuracy": rate(_flags(answerable, "citation", _answered), ci),
        "refusal_accuracy": rate(_flags(rows, "refusal_ok"), ci),
        "false_refusal_rate": rate(_flags(answerable, "false_refusal"), ci),
        "verified_rate": rate(_flags(rows, "verified", _answered), ci),
        "verified_precision": rate(
            _flags(
                answerable, "numeric", lambda r: _answered(r) and bool(r["verdicts"]["verified"])
            ),
            ci,
        ),
        "recall_at_k": rate(_flags(answerable, "retrieval_recall"), ci),
        "hit_at_k": rate([float(x is not None and x <= k) for x in ranks], ci),
        "mrr": rate([1.0 / x if x else 0.0 for x in ranks], ci),
    }


def summarize(rows: list[dict], k: int) -> dict:
    """Headline rates with intervals, latency, and breakdowns by type and by document."""
    by_type: dict[str, list[dict]] = {}
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_type.setdefault(r["type"], []).append(r)
        by_doc.setdefault(r["doc_id"] or "(không gắn tài liệu)", []).append(r)
    ok = [r for r in rows if not r.get("error")]
    return {
        "k": k,
        "counts": {
            "items": len(rows),
            "answerable": sum(r["expected"]["answerable"] for r in rows),
            "unanswerable": sum(not r["expected"]["answerable"] for r in rows),
            "errors": len(rows) - len(ok),
        },
        "overall": group_metrics(rows, k),
        "latency": {
            "first_token_s": latency([r["timings"].get("first_token_s") for r in ok]),
            "total_s": latency([r["timings"].get("total_s") for r in ok]),
            "search_s": latency([r["timings"].get("search_s") for r in ok]),
        },
        "by_type": {t: group_metrics(v, k) for t, v in sorted(by_type.items())},
        "by_doc": {d: group_metrics(v, k, ci=False) for d, v in sorted(by_doc.items())},
    }
