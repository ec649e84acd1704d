"""A series as rows, text and the change between its first and last actual figures.

The arithmetic is done here, in code; the table and the CLI text read the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.errors import IndexMissingError
from assistant.generation.factpick import FactIndex
from assistant.generation.series import Point, Series, build_series
from assistant.ingest.facts import bare_place
from assistant.numbers import format_vn
from assistant.retrieval.store import current_version, read_facts, read_manifest

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


def cited_chunks(series: Series) -> list[str]:
    """The chunks the series cites, in order: [n] is the place of a source's chunk here."""
    return list(dict.fromkeys(s.chunk_id for p in series.points for s in p.sources))


def signed(value: float, text: str) -> str:
    """The figure as written, with a minus when it is a fall ("giảm 11,9%" -> "-11,9")."""
    return f"-{text}" if value < 0 and not text.startswith(("-", "−")) else text


def rows(series: Series) -> list[Row]:
    order = {cid: n for n, cid in enumerate(cited_chunks(series), 1)}
    return [Row(p.period.get("label", ""), p.value, signed(p.value, p.text), p.unit, p.kind, p.differs,
                sorted({order[s.chunk_id] for s in p.sources}), [source_label(s) for s in p.sources])
            for p in series.points]


def _span(p: Point) -> str:
    label = p.period.get("label", "")
    return label.rsplit(" ", 1)[0] if label[-4:].isdigit() else label


def first_last(series: Series) -> tuple[Point, Point] | None:
    """The first and last actual (or estimated) figures of the span most of them share (years
    with years, half-years with half-years): a quarter is never compared with a year."""
    actual = [p for p in series.points
              if p.kind in ("actual", "estimate") and not p.period.get("label", "").startswith("giai đoạn")]
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
    line = _change(series, *pair)
    differing = [p.period["label"] for p in pair if p.differs]
    if line and differing:
        line += (f" Lưu ý: {' và '.join(dict.fromkeys(differing))} có số liệu khác nhau giữa các báo cáo; "
                 "mức thay đổi tính theo số liệu đứng trước trong bảng.")
    return line


def _change(series: Series, a: Point, b: Point) -> str | None:
    da, db = a.period["label"], b.period["label"]
    ea, eb = ("ước " if p.kind == "estimate" else "" for p in (a, b))
    ta, tb = signed(a.value, a.text), signed(b.value, b.text)
    if series.unit == "%":
        diff = b.value - a.value
        word = "tăng" if diff >= 0 else "giảm"
        return f"Từ {da} ({ea}{ta}%) đến {db} ({eb}{tb}%): {word} {format_vn(abs(diff), 2)} điểm phần trăm."
    va, vb = a.value * a.scale, b.value * b.scale
    if not va or not vb:
        return None
    if max(va / vb, vb / va) > 20:  # a unit slip in a source ("nghìn tỷ" for "tỷ"), not a change
        return (f"Không tính mức thay đổi từ {da} ({a.text} {a.unit}) đến {db} ({b.text} {b.unit}): hai số "
                "chênh nhau quá lớn, có thể do đơn vị ghi trong báo cáo; hãy đối chiếu nguồn.")
    pct = (vb - va) / abs(va) * 100
    word = "tăng" if pct >= 0 else "giảm"
    return (f"Từ {da} ({ea}{a.text} {a.unit}) đến {db} ({eb}{b.text} {b.unit}): {word} "
            f"{format_vn(abs(pct), 1)}%.")


def empty_text(series: Series) -> str:
    return f"Các báo cáo hiện có không nêu số liệu nào của chỉ tiêu “{series.indicator}”."


def summary_lines(series: Series) -> list[str]:
    """The points, one line each with their [n], and the change computed here."""
    what = " — mức tăng/giảm (%)" if series.growth and "trưởng" not in series.indicator.lower() else ""
    where = f" — {series.place}" if series.place and bare_place(series.place) not in series.indicator.lower() else ""
    lines = [f"{series.indicator[:1].upper()}{series.indicator[1:]}{where} qua các kỳ{what} ({len(series.points)} số liệu):"]
    for r in rows(series):
        flag = " (các nguồn khác nhau)" if r.differs else ""
        unit = r.unit if r.unit == "%" or (r.unit or "").startswith("/") else f" {r.unit}"
        cites = "".join(f"[{n}]" for n in r.cites)
        lines.append(f"- {r.period}: {r.text}{unit} — {KIND_LABELS.get(r.kind, r.kind)}{flag} {cites}")
    change = change_line(series)
    return lines + ([change] if change else [])


def series_text(series: Series) -> str:
    """The table as plain text for the terminal, with the quoted sources."""
    if not series.points:
        return empty_text(series)
    lines = summary_lines(series)
    lines.append("Nguồn:")
    quoted = {}
    for p in series.points:
        for s in p.sources:
            quoted.setdefault(s.chunk_id, (source_label(s), []))[1].append(s.sentence)
    for n, (label, sentences) in enumerate(quoted.values(), 1):
        lines.append(f"[{n}] {label}: " + " … ".join(f"“{t}”" for t in dict.fromkeys(sentences)))
    return "\n".join(lines)
