"""Two small inline-SVG plots for the HTML report: rate bars with intervals, and a histogram.

Plain SVG strings, no JavaScript and no external files, so a report opens anywhere offline.
"""

from __future__ import annotations

from html import escape

from assistant.eval.metrics import percentile


def bar_chart(
    rows: list[tuple[str, float | None, int, list[float] | None]], title: str, width: int = 640
) -> str:
    """Horizontal bars of rates in 0..1: (label, value, n, [lo, hi] or None) each."""
    bar_h, gap, left, right, top = 22, 8, 190, 60, 30
    height = top + len(rows) * (bar_h + gap) + 30
    plot_w = width - left - right
    parts = [
        _svg_open(width, height, title),
        f'<text x="{left}" y="18" class="t">{escape(title)}</text>',
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * plot_w
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 24}" class="grid"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 8}" class="ax" text-anchor="middle">{int(tick * 100)}%</text>'
        )
    for i, (label, value, n, ci) in enumerate(rows):
        y = top + i * (bar_h + gap)
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" class="lb" text-anchor="end">{escape(label)} (n={n})</text>'
        )
        if value is None:
            parts.append(f'<text x="{left + 4}" y="{y + 15}" class="ax">—</text>')
            continue
        parts.append(
            f'<rect x="{left}" y="{y}" width="{value * plot_w:.1f}" height="{bar_h}" class="bar"/>'
        )
        end = value
        if ci:
            x1, x2, ym = left + ci[0] * plot_w, left + ci[1] * plot_w, y + bar_h / 2
            parts.append(f'<line x1="{x1:.1f}" y1="{ym}" x2="{x2:.1f}" y2="{ym}" class="ci"/>')
            end = max(value, ci[1])
        parts.append(
            f'<text x="{left + end * plot_w + 4:.1f}" y="{y + 15}" class="val">{value * 100:.1f}%</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def histogram(
    values: list[float], title: str, unit: str = "s", bins: int = 12, width: int = 640
) -> str:
    """A histogram of `values` with p50/p95 markers."""
    height, left, right, top, bottom = 220, 50, 20, 30, 40
    parts = [
        _svg_open(width, height, title),
        f'<text x="{left}" y="18" class="t">{escape(title)}</text>',
    ]
    if not values:
        parts.append(f'<text x="{left}" y="{height / 2}" class="ax">không có số liệu</text></svg>')
        return "\n".join(parts)
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - lo) / span * bins))] += 1
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(counts)
    bw = plot_w / bins
    for i, c in enumerate(counts):
        h = c / peak * plot_h
        x, y = left + i * bw, top + plot_h - h
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" class="bar"><title>{c}</title></rect>'
        )
    for frac in (0, 0.5, 1):
        x = left + frac * plot_w
        parts.append(
            f'<text x="{x:.1f}" y="{height - 22}" class="ax" text-anchor="middle">{lo + frac * span:.1f}{unit}</text>'
        )
    for name, q in (("p50", 0.5), ("p95", 0.95)):
        v = percentile(values, q * 100)
        x = left + (v - lo) / span * plot_w
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" class="mark"/>'
        )
        parts.append(f'<text x="{x + 3:.1f}" y="{top + 10}" class="ax">{name} {v:.1f}{unit}</text>')
    parts.append(
        f'<text x="{left}" y="{height - 4}" class="ax">n = {len(values)}, cột cao nhất = {peak}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _svg_open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">'
    )
