"""Score indicator series against hand-labelled points (`eval/series.jsonl`).

Each item names an indicator and every point the documents give for it (period, value as
written, unit, kind, document). A system point is *right* when an expected point has its kind,
its period (or a listed alternative) and the same quantity; a system point that matches no
expected point and no `ignore` entry is an *intruder* (the labels list every point of the
indicator, so an extra point is another indicator's). Differing figures flagged are counted.

    python -m assistant.eval.series [--set eval/series.jsonl] [--index NAME] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from assistant.generation.series import Point, Series
from assistant.numbers import parse_number, same_quantity


def load(path: Path) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for it in items:
        if not it.get("indicator") or not isinstance(it.get("points"), list):
            raise ValueError(f"{path}: mục {it.get('id')} thiếu 'indicator' hoặc 'points'")
    return items


def _periods(e: dict) -> set[str]:
    return {e["period"]["label"], *e.get("alt_periods", [])}


def matches(p: Point, e: dict) -> bool:
    return (p.kind == e["kind"] and p.period.get("label") in _periods(e)
            and same_quantity(p.value, p.unit, parse_number(e["value"]), e["unit"]))


def ignored(p: Point, item: dict) -> bool:
    return any(p.period.get("label") == g["period"]["label"] and abs(p.value - parse_number(g["value"])) < 1e-9
               for g in item.get("ignore", []))


def same_figure(p: Point, e: dict) -> bool:
    return same_quantity(p.value, p.unit, parse_number(e["value"]), e["unit"])


def score_item(item: dict, series: Series) -> dict:
    """Right points; misplaced ones (a figure of this indicator with the wrong period or kind);
    intruders (a figure this indicator never has: another indicator's)."""
    found = [e for e in item["points"] if any(matches(p, e) for p in series.points)]
    missed = [e for e in item["points"] if e not in found]
    extra = [p for p in series.points if not any(matches(p, e) for e in item["points"]) and not ignored(p, item)]
    misplaced = [p for p in extra if any(same_figure(p, e) for e in item["points"])]
    intruders = [p for p in extra if p not in misplaced]
    return {
        "id": item["id"], "indicator": item["indicator"], "expected": len(item["points"]), "right": len(found),
        "missed": [f"{e['period']['label']} {e['kind']} {e['value']} {e['unit']}" for e in missed],
        "misplaced": [_show(p) for p in misplaced],
        "intruders": [_show(p) for p in intruders],
        "differs": sum(p.differs for p in series.points),
    }


def _show(p: Point) -> str:
    return f"{p.period.get('label')} {p.kind} {p.text} {p.unit} ({p.sources[0].doc_id})"


def summarize(rows: list[dict]) -> dict:
    expected = sum(r["expected"] for r in rows)
    right = sum(r["right"] for r in rows)
    return {"items": len(rows), "expected_points": expected, "right_points": right,
            "recall": round(right / expected, 4) if expected else None,
            "misplaced": sum(len(r["misplaced"]) for r in rows),
            "intruders": sum(len(r["intruders"]) for r in rows),
            "differing_flagged": sum(r["differs"] for r in rows)}


def check_labels(items: list[dict], corpus_dirs: list[Path]) -> list[str]:
    """Each labelled value must be written in its document (labels are read from documents)."""
    problems = []
    for it in items:
        for e in it["points"]:
            path = next((d / e["doc"] for d in corpus_dirs if (d / e["doc"]).is_file()), None)
            if path is None:
                problems.append(f"{it['id']}: không thấy tài liệu {e['doc']}")
            elif not re.search(rf"(?<![\d.,]){re.escape(e['value'])}(?![\d])", path.read_text(encoding="utf-8")):
                problems.append(f"{it['id']}: {e['value']} không có trong {e['doc']}")
    return problems


def run(items: list[dict], build) -> dict:
    """`build(indicator, place)` -> Series."""
    rows = [score_item(it, build(it["indicator"], it.get("place"))) for it in items]
    return {"summary": summarize(rows), "items": rows}


def format_report(result: dict) -> str:
    s = result["summary"]
    head = (f"Chỉ tiêu: {s['items']} · điểm đúng {s['right_points']}/{s['expected_points']} "
            f"({(s['recall'] or 0) * 100:.1f}%) · sai kỳ/loại {s['misplaced']} · "
            f"điểm lạc (chỉ tiêu khác) {s['intruders']} · "
            f"số liệu khác nguồn được đánh dấu {s['differing_flagged']}")
    lines = [head]
    for r in result["items"]:
        lines.append(f"- {r['id']} {r['indicator']}: {r['right']}/{r['expected']}")
        lines += [f"    thiếu: {m}" for m in r["missed"]] + [f"    sai kỳ/loại: {x}" for x in r["misplaced"]]
        lines += [f"    lạc: {x}" for x in r["intruders"]]
    return "\n".join(lines)


def series_eval(set_file: Path, settings, as_json: bool = False) -> int:
    from assistant.generation.series import build_series
    from assistant.generation.seriesout import series_index

    items = load(set_file)
    for p in check_labels(items, [settings.corpus_dir, settings.eval_dir / "other"]):
        print(f"cảnh báo: {p}", file=sys.stderr)
    index, docs = series_index(settings.index_dir)
    result = run(items, lambda ind, place: build_series(index, docs, ind, place))
    print(json.dumps(result, ensure_ascii=False, indent=1) if as_json else format_report(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    from assistant.config import load_settings

    ap = argparse.ArgumentParser(prog="python -m assistant.eval.series")
    ap.add_argument("--set", dest="set_file", type=Path, default=Path("eval/series.jsonl"))
    ap.add_argument("--index", dest="index_name")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    return series_eval(args.set_file, load_settings(None, index_name=args.index_name), args.json)


if __name__ == "__main__":
    sys.exit(main())
