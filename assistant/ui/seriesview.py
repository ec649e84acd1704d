"""An indicator series on screen and on disk: the table, a line chart of actual vs target, CSV
and XLSX files.

Pure functions of the series' points (`Point.to_dict()` with `citations`), no Gradio. The chart
is an inline SVG drawn here: nothing is fetched, it renders offline in the chat and the tab.
"""

from __future__ import annotations

import csv
from collections import Counter
from html import escape
from pathlib import Path

from assistant.generation.series import Source
from assistant.generation.seriesout import KIND_LABELS, signed, source_label
from assistant.numbers import format_vn

W, H, LEFT, RIGHT, TOP, BOTTOM = 640, 300, 70, 20, 34, 78
LINES = (("Thực hiện / ước", ("actual", "estimate"), "#1f6feb"), ("Kế hoạch / mục tiêu", ("target",), "#d97706"))
EXPORT_HEADERS = ["Kỳ", "Từ ngày", "Đến ngày", "Giá trị", "Đơn vị", "Loại", "Khác nguồn", "Nguồn", "Trích dẫn"]


def display_unit(points: list[dict]) -> tuple[str, float]:
    """The unit most points are written in, and its scale: every value is drawn in it."""
    unit, scale = Counter((p["unit"], p.get("scale") or 1.0) for p in points).most_common(1)[0][0]
    return unit, scale


def _y(p: dict, scale: float) -> float:
    return p["value"] * (p.get("scale") or 1.0) / scale


def chart_svg(points: list[dict], title: str) -> str:
    """Actual (and estimated) figures against targets, one x position per period in time order."""
    if not points:
        return ""
    unit, scale = display_unit(points)
    labels = list(dict.fromkeys(p["period"]["label"] for p in points))
    ys = [_y(p, scale) for p in points]
    lo, hi = min(0.0, min(ys)), max(ys) or 1.0
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    x = {lab: LEFT + (i + 0.5) * pw / len(labels) for i, lab in enumerate(labels)}
    y = lambda v: TOP + ph - (v - lo) / ((hi - lo) or 1.0) * ph
    svg = (f'<svg class="bc-chart" xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
           f'viewBox="0 0 {W} {H}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>')
    out = [svg,
           f'<text x="{LEFT}" y="16" font-size="13" font-weight="600">{escape(title)} ({escape(unit)})</text>']
    for k in range(5):
        v = lo + (hi - lo) * k / 4
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
                   f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" font-size="11" text-anchor="end">{format_vn(v, 2)}</text>')
    for lab in labels:
        out.append(f'<text font-size="10" text-anchor="end" transform="translate({x[lab]:.1f},{H - BOTTOM + 14}) '
                   f'rotate(-30)">{escape(lab)}</text>')
    for n, (name, kinds, color) in enumerate(LINES):
        pts = [p for p in points if p["kind"] in kinds]
        out += _line(pts, x, y, scale, color, name)
        if pts:
            out.append(f'<text class="bc-legend" x="{LEFT + 200 * n}" y="{H - 8}" font-size="12" fill="{color}">'
                       f'● {escape(name)}</text>')
    return "".join(out) + "</svg>"


def _line(pts: list[dict], x: dict, y, scale: float, color: str, name: str) -> list[str]:
    first = {}
    for p in pts:  # differing figures of one period: the line goes through the first, all are dots
        first.setdefault(p["period"]["label"], p)
    path = " ".join(f"{x[lab]:.1f},{y(_y(p, scale)):.1f}" for lab, p in first.items())
    line = (f'<polyline class="bc-line" data-series="{escape(name)}" fill="none" stroke="{color}" '
            f'stroke-width="2" points="{path}"/>')
    out = [line] if len(first) > 1 else []
    for p in pts:
        fill = "white" if p["kind"] == "estimate" or p.get("differs") else color
        tip = f'{p["period"]["label"]}: {signed(p["value"], p["text"])} {p["unit"]} ({KIND_LABELS.get(p["kind"], p["kind"])})'
        out.append(f'<circle class="bc-dot" cx="{x[p["period"]["label"]]:.1f}" cy="{y(_y(p, scale)):.1f}" r="4" '
                   f'fill="{fill}" stroke="{color}" stroke-width="2"><title>{escape(tip)}</title></circle>')
    return out


def table_html(points: list[dict]) -> str:
    """Kỳ | Giá trị | Loại | Nguồn [n]; differing figures of one period are flagged."""
    head = "<tr><th>Kỳ</th><th>Giá trị</th><th>Loại</th><th>Nguồn</th></tr>"
    body = []
    for p in points:
        unit = p["unit"] if p["unit"] == "%" else f" {p['unit']}"
        flag = ' <span class="bc-differs" title="Các báo cáo nêu số khác nhau cho kỳ này">⚠ khác nguồn</span>' \
            if p.get("differs") else ""
        cites = " ".join(f"[{n}]" for n in p.get("citations", []))
        body.append(f'<tr class="bc-point"><td>{escape(p["period"]["label"])}</td><td>{escape(signed(p["value"], p["text"]) + unit)}{flag}'
                    f'</td><td>{escape(KIND_LABELS.get(p["kind"], p["kind"]))}</td><td>{escape(cites)}</td></tr>')
    return f'<table class="bc-series">{head}{"".join(body)}</table>'


def export_rows(points: list[dict]) -> list[list]:
    """One row per source of each point; the value a number in the unit written."""
    out = []
    for p in points:
        for s in p["sources"]:
            src = Source(**s)
            out.append([p["period"]["label"], p["period"].get("start"), p["period"].get("end"), p["value"], p["unit"],
                        KIND_LABELS.get(p["kind"], p["kind"]), "có" if p.get("differs") else "", source_label(src),
                        src.sentence])
    return out


def write_csv(points: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: spreadsheet apps read UTF-8
        w = csv.writer(fh)
        w.writerow(EXPORT_HEADERS)
        w.writerows(export_rows(points))
    return path


def write_xlsx(points: list[dict], path: Path, title: str) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append([title])
    ws.append(EXPORT_HEADERS)
    for row in export_rows(points):
        ws.append(row)
    for col, width in zip("ABCDEFGHI", (22, 12, 12, 12, 14, 18, 10, 60, 80)):
        ws.column_dimensions[col].width = width
    wb.save(path)
    return path


def series_body(answer) -> str:
    """A series answer in the chat: its first line, the table, the chart, the computed change."""
    lines = answer.answer.splitlines()
    title = (answer.request or {}).get("series", {}).get("indicator") or lines[0]
    change = [line for line in lines[1:] if not line.startswith("- ")]
    parts = [f'<div class="bc-answer">{escape(lines[0])}</div>', table_html(answer.facts),
             chart_svg(answer.facts, title)]
    parts += [f'<div class="bc-change">{escape(line)}</div>' for line in change]
    return "\n".join(parts)
