"""Agreement between hand-labelled figures (`eval/facts/labels_*.jsonl`) and the facts the
extractor makes, field by field. `python -m assistant.eval.factlabels` rewrites
`eval/facts/agreement.md`; a test recomputes it.

A label is matched to the fact with the same figure text whose sentence holds the label's
context around the figure; a label with no such fact disagrees on every field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.generation.request import terms_of
from assistant.ingest.chunk import chunk_document
from assistant.ingest.clean import clean_document
from assistant.ingest.corpus import load_manifest
from assistant.ingest.facts import extract_facts, same_place
from assistant.ingest.loaders import load_document
from assistant.ingest.periods import Period, find_periods
from assistant.ingest.profile import profile_dict
from assistant.numbers import unit_of
from assistant.types import Fact

FIELDS = ("unit", "period", "place", "role", "kind", "indicator")
BARS = {"unit": 0.98, "period": 0.95, "place": 0.95, "role": 0.95, "kind": 0.95, "indicator": 0.90}


def _collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Match:
    label: dict
    fact: Fact | None
    agree: dict[str, bool]


def document_facts(path: Path, entry: dict | None = None) -> list[Fact]:
    entry = entry or {"doc_id": path.stem, "source_file": path.name}
    doc = load_document(path, entry)
    chunks = chunk_document(doc, clean_document(doc))
    profile = profile_dict(doc.doc_id, "\n".join(p.text for p in doc.pages), entry, doc.title)
    return extract_facts(chunks, profile)


def find_fact(label: dict, facts: list[Fact]) -> Fact | None:
    ctx, text = _collapse(label["context"]), label["text"]
    # the figure as a whole number, not the "3" inside "(13)"
    found = re.search(rf"(?<![\d])(?<![\d][.,]){re.escape(text)}(?![\d]|[.,]\d)", ctx)
    i = found.start() if found else ctx.find(text)
    left = ctx[max(0, i - 15) : i].strip()
    right = ctx[i + len(text) : i + len(text) + 15].strip()[:8]
    loose = None  # same figure, nearly the same words before it
    for f in (f for f in facts if f.text == text):
        before, after = _collapse(f.sentence[: f.start]), _collapse(f.sentence[f.end :])
        if before.endswith(left) and after.startswith(right[: len(after)]):
            return f
        if loose is None and left[-6:] in before[-20:]:
            loose = f
    return loose


def _period(value) -> Period | None:
    if not value:
        return None
    if isinstance(value, dict):
        return Period.from_dict(value)
    ps = find_periods(str(value))
    return ps[0] if ps else None


def compare(label: dict, f: Fact | None) -> dict[str, bool]:
    if f is None:
        return {k: False for k in FIELDS}
    lu, fu = unit_of(label.get("unit") or ""), unit_of(f.unit or "")
    unit_ok = (label.get("unit") or "") == (f.unit or "") or (lu.base == fu.base and lu.scale == fu.scale and lu.base != "")
    lp, fp = _period(label.get("period")), _period(f.period)
    place_ok = (not label.get("place") and not f.place) or same_place(label.get("place"), f.place)
    want = set(terms_of(label.get("indicator") or ""))
    have = set(terms_of(f.indicator or ""))
    ind_ok = bool(want) and len(want & have) / len(want) >= 0.6
    return {"unit": unit_ok, "period": lp == fp, "place": place_ok, "role": label.get("role") == f.role,
            "kind": label.get("kind") == f.kind, "indicator": ind_ok}


def load_labels(folder: Path) -> list[dict]:
    out = []
    for p in sorted(folder.glob("labels_*.jsonl")):
        out += [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def run(root: Path) -> list[Match]:
    labels = load_labels(root / "eval" / "facts")
    entries = {e["source_file"]: e for e in load_manifest(root / "corpus")}
    cache: dict[str, list[Fact]] = {}
    out = []
    for lab in labels:
        name = lab["doc"]
        if name not in cache:
            path = root / "corpus" / name if (root / "corpus" / name).is_file() else root / "eval" / "other" / name
            cache[name] = document_facts(path, entries.get(name))
        f = find_fact(lab, cache[name])
        out.append(Match(lab, f, compare(lab, f)))
    return out


def table(matches: list[Match]) -> str:
    groups = {"seeds (s*)": [m for m in matches if m.label["id"].startswith("s")],
              "other provinces (o*)": [m for m in matches if m.label["id"].startswith("o")],
              "all": matches}
    lines = ["| field | bar | " + " | ".join(f"{g} n={len(ms)}" for g, ms in groups.items()) + " |",
             "|---|---|" + "---|" * len(groups)]
    for field in ("matched",) + FIELDS:
        row = [field, f"{BARS[field]:.0%}" if field in BARS else ""]
        for ms in groups.values():
            ok = sum(1 for m in ms if (m.fact is not None if field == "matched" else m.agree[field]))
            row.append(f"{ok / max(len(ms), 1):.1%} ({ok})")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    from assistant.config import ROOT

    matches = run(ROOT)
    text = ("# Fact extraction vs hand labels\n\nRecomputed by `python -m assistant.eval.factlabels` "
            "(and checked by `tests/ingest/test_fact_labels.py`). Labels: `eval/facts/labels_*.jsonl`, "
            "schema in `LABELS.md`.\n\n" + table(matches))
    (ROOT / "eval" / "facts" / "agreement.md").write_text(text, encoding="utf-8")
    print(text)
    for m in matches:
        bad = [k for k, v in m.agree.items() if not v]
        if bad:
            f = m.fact
            got = {k: (getattr(f, k) if f else None) for k in bad}
            print(m.label["id"], m.label["text"], bad, {k: m.label.get(k) for k in bad}, "->", got)


if __name__ == "__main__":
    main()
