"""A series as rows, text and the change between its first and last actual figures.

The arithmetic is done here, in code; the table and the CLI text read the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.generation.factpick import FactIndex
from assistant.generation.series import Point, Series, build_series
from assistant.numbers import format_vn
from assistant.retrieval.store import current_version, read_facts, read_manifest
from assistant.errors import IndexMissingError

KIND_LABELS = {"actual": "thực hiện", "estimate": "ước thực hiện", "target": "kế hoạch/mục tiêu"}
HEADERS = ["Kỳ", "Giá trị", "Đơn vị", "Loại", "Khác nguồn", "Nguồn"]


@dataclass
class Row:
    period: str
    value: float  # in the unit written (so 13,96 % is 13.96; 96.058 tỷ đồng is 96058)
    text: str
    unit: str
    kind: str
    differs: bool
    cites: list[int]  # [n] of each source, 1-based over the series
    sources: list[str]  # "title · mục … · trang n"


def series_index(index_dir: Path) -> tuple[FactIndex, dict[str, dict]]:
    manifest = read_manifest(index_dir)
    version = current_version(index_dir)
    if manifest is None or version is None:
        raise IndexMissingError(f"chưa có chỉ mục tại {index_dir} — chạy `baocao setup` hoặc `baocao ingest`")
    docs = manifest.get("documents", {})
    facts = read_facts(version / "facts.jsonl")
    return FactIndex(facts, {d: m.get("place") for d, m in docs.items()}), docs


def load_series(index_dir: Path, indicator: str, place: str | None = None,
                year_from: int | None = None, year_to: int | None = None) -> Series:
    index, docs = series_index(index_dir)
    return build_series(index, docs, indicator, place, year_from, year_to)


def source_label(s) -> str:
    parts = [s.doc_title]
    if s.section:
        parts.append(f"mục {s.section}")
    if s.page is not None:
        parts.append(f"trang {s.page}")
    return " · ".join(parts)


def rows(series: Series) -> list[Row]:
    out, n = [], 0
    for p in series.points:
        cites = list(range(n + 1, n + 1 + len(p.sources)))
        n += len(p.sources)
        out.append(Row(p.period.get("label", ""), p.value, p.text, p.unit, p.kind, p.differs, cites,
                       [source_label(s) for s in p.sources]))
    return out


def _span(p: Point) -> str:
    label = p.period.get("label", "")
    return label.rsplit(" ", 1)[0] if label[-4:].isdigit() else label


def first_last(series: Series) -> tuple[Point, Point] | None:
    """The first and last actual figures of the span most actual figures share (years with
    years, half-years with half-years): a quarter is never compared with a year."""
    actual = [p for p in series.points if p.kind == "actual" and not p.period.get("label", "").startswith("giai đoạn")]
    spans: dict[str, list[Point]] = {}
    for p in actual:
        spans.setdefault(_span(p), []).append(p)
    best = max(spans.values(), key=len, default=[])
    if len(best) < 2 or best[0].period == best[-1].period:
        return None
    return best[0], best[-1]


def change_line(series: Series) -> str | None:
    pair = first_last(series)
    if pair is None:
        return None
    a, b = pair
    da, db = a.period["label"], b.period["label"]
    if series.unit == "%":
        diff = b.value - a.value
        word = "tăng" if diff >= 0 else "giảm"
        return f"Từ {da} ({a.text}%) đến {db} ({b.text}%): {word} {format_vn(abs(diff), 2)} điểm phần trăm."
    va, vb = a.value * a.scale, b.value * b.scale
    if not va:
        return None
    pct = (vb - va) / abs(va) * 100
    word = "tăng" if pct >= 0 else "giảm"
    return (f"Từ {da} ({a.text} {a.unit}) đến {db} ({b.text} {b.unit}): {word} "
            f"{format_vn(abs(pct), 1)}%.")


def series_text(series: Series) -> str:
    """The table as plain text for the terminal."""
    if not series.points:
        return f"Các báo cáo hiện có không nêu số liệu nào của chỉ tiêu “{series.indicator}”."
    lines = [f"Chỉ tiêu: {series.indicator}"]
    for r in rows(series):
        flag = " (khác nguồn)" if r.differs else ""
        cites = "".join(f"[{n}]" for n in r.cites)
        lines.append(f"- {r.period}: {r.text} {r.unit} — {KIND_LABELS.get(r.kind, r.kind)}{flag} {cites}")
    change = change_line(series)
    if change:
        lines.append(change)
    lines.append("Nguồn:")
    n = 0
    for p in series.points:
        for s in p.sources:
            n += 1
            lines.append(f"[{n}] {source_label(s)}: “{s.sentence}”")
    return "\n".join(lines)
