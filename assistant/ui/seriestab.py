"""The "Chỉ tiêu" tab's logic: an indicator typed or picked, its series as table, chart and
sources, and the CSV / XLSX files to download. No Gradio here (app.py wires it)."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from assistant.errors import BaocaoError
from assistant.generation.seriesout import change_line, cited_chunks, empty_text, rows, source_label
from assistant.ui.seriesview import chart_svg, table_html, write_csv, write_xlsx

# Indicators most provincial socio-economic reports give; any other can be typed.
SUGGESTED = [
    "tăng trưởng GRDP", "quy mô GRDP", "GRDP bình quân đầu người", "thu ngân sách nhà nước",
    "chi ngân sách", "xuất khẩu", "nhập khẩu", "vốn đầu tư phát triển", "chỉ số sản xuất công nghiệp",
    "giá trị sản xuất công nghiệp", "tổng mức bán lẻ hàng hóa và dịch vụ", "khách du lịch",
    "tỷ lệ hộ nghèo", "tỷ lệ xã đạt chuẩn nông thôn mới", "chỉ số giá tiêu dùng",
]


@dataclass
class SeriesView:
    html: str
    csv: str | None = None  # path of the file to download, None when there is nothing
    xlsx: str | None = None


def _year(value) -> int | None:
    if value in (None, "", 0):  # an empty number field sends 0
        return None
    year = int(value)
    if not 1900 <= year <= 2100:
        raise ValueError(f"Năm không hợp lệ: {value}")
    return year


def sources_html(series) -> str:
    quoted: dict[str, tuple[str, list[str]]] = {}
    for p in series.points:
        for s in p.sources:
            quoted.setdefault(s.chunk_id, (source_label(s), []))[1].append(s.sentence)
    items = [f'<li class="bc-series-source"><b>[{n}]</b> {escape(label)}<br><i>'
             + " … ".join(f"“{escape(t)}”" for t in dict.fromkeys(sents)) + "</i></li>"
             for n, (label, sents) in enumerate(quoted.values(), 1)]
    return f'<div class="bc-sources-title">Nguồn ({len(items)})</div><ol class="bc-series-sources">{"".join(items)}</ol>'


def show_series(service, indicator: str, year_from=None, year_to=None, out_dir: Path | None = None) -> SeriesView:
    """The tab's view for one indicator; a bad input or an empty series is a Vietnamese message."""
    indicator = (indicator or "").strip()
    if not indicator:
        return SeriesView('<div class="bc-status">Hãy chọn hoặc nhập một chỉ tiêu.</div>')
    try:
        series = service.series(indicator, year_from=_year(year_from), year_to=_year(year_to))
    except (BaocaoError, ValueError) as err:
        return SeriesView(f'<div class="bc-badge bc-error">⚠ {escape(str(err))}</div>')
    if not series.points:
        return SeriesView(f'<div class="bc-badge bc-refused">ℹ {escape(empty_text(series))}</div>')
    points = [{**p.to_dict(), "citations": r.cites} for p, r in zip(series.points, rows(series))]
    change = change_line(series)
    n_docs = len({s.doc_id for p in series.points for s in p.sources})
    head = (f'<div class="bc-answer">{escape(indicator)}: {len(points)} số liệu từ {n_docs} tài liệu, '
            f'{len(cited_chunks(series))} đoạn trích.</div>')
    html = "\n".join([
        head, table_html(points), chart_svg(points, indicator),
        f'<div class="bc-change">{escape(change)}</div>' if change else "", sources_html(series)])
    folder = Path(out_dir or tempfile.mkdtemp(prefix="baocao-series-"))
    stem = re.sub(r"[^\w]+", "-", indicator.lower()).strip("-")[:60] or "chi-tieu"
    return SeriesView(html, str(write_csv(points, folder / f"{stem}.csv")),
                      str(write_xlsx(points, folder / f"{stem}.xlsx", indicator)))
