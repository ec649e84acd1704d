"""The self-contained HTML report of an eval run (inline CSS and SVG, no JavaScript, no links).

An analyst reads it top-down: what was run, the headline rates with 95% intervals, latency,
rates by question type and by document, then every failed item with the expected figure and
its evidence next to the system's answer and citations.
"""

from __future__ import annotations

from html import escape

from assistant.eval.svg import bar_chart, histogram

TYPE_LABELS = {
    "body": "Số liệu trong thân bài",
    "footnote": "Số liệu trong chú thích",
    "page_break": "Câu bị ngắt trang",
    "period": "Chọn đúng kỳ/tài liệu",
    "comparison": "So sánh, tính toán",
    "list": "Liệt kê, đếm",
    "unanswerable": "Không có đáp án",
}
HEADLINE = [
    ("pass_rate", "Tỷ lệ đạt (mọi câu)"),
    ("numeric_accuracy", "Đúng số liệu (câu có đáp án)"),
    ("answer_accuracy", "Đúng số liệu và đủ tên liệt kê"),
    ("citation_accuracy", "Trích dẫn chứa bằng chứng (câu đã trả lời)"),
    ("refusal_accuracy", "Từ chối đúng (câu không có đáp án)"),
    ("false_refusal_rate", "Từ chối nhầm (câu có đáp án)"),
    ("verified_rate", "Câu trả lời được xác minh"),
    ("verified_precision", "Đúng số liệu khi đã xác minh"),
    ("recall_at_k", "Recall@k của truy xuất"),
    ("hit_at_k", "Hit@k (đủ bằng chứng trong top k)"),
    ("mrr", "MRR"),
]
GROUP_COLS = [
    ("pass_rate", "Đạt"),
    ("numeric_accuracy", "Số liệu"),
    ("citation_accuracy", "Trích dẫn"),
    ("refusal_accuracy", "Từ chối đúng"),
    ("false_refusal_rate", "Từ chối nhầm"),
    ("hit_at_k", "Hit@k"),
]
CSS = """
body{font-family:system-ui,'Segoe UI',Arial,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:8px 0;font-size:14px}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}
th{background:#f3f3f3;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
.fail td{max-width:340px}.ev{background:#eef7ee}.ans{background:#fff4e5}.bad{color:#b00020;font-weight:600}
.ok{color:#0a7a2f}.small{font-size:12px;color:#555}details{margin:2px 0}
svg .t{font-size:14px;font-weight:600}svg .lb,svg .val{font-size:12px}svg .ax{font-size:11px;fill:#555}
svg .bar{fill:#4a78b5}svg .ci{stroke:#222;stroke-width:2}svg .grid{stroke:#eee}svg .mark{stroke:#b00020;stroke-dasharray:4 3}
"""


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def _secs(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f} s"


def _meta_table(meta: dict) -> str:
    rows = "".join(
        f"<tr><th>{escape(str(k))}</th><td>{escape(str(v))}</td></tr>" for k, v in meta.items()
    )
    return f"<table>{rows}</table>"


def _headline(overall: dict, k: int) -> str:
    head = "<tr><th>Chỉ số</th><th>Giá trị</th><th>Khoảng tin cậy 95%</th><th>n</th></tr>"
    body = ""
    for key, label in HEADLINE:
        m = overall[key]
        ci = m.get("ci")
        ci_txt = f"{_pct(ci[0])} – {_pct(ci[1])}" if ci else "—"
        label = label.replace("@k", f"@{k}").replace("top k", f"top {k}")
        body += f"<tr><td>{escape(label)}</td>"
        body += f"<td class='num'>{_pct(m['value'])}</td><td class='num'>{ci_txt}</td><td class='num'>{m['n']}</td></tr>"
    return f"<table>{head}{body}</table>"


def _latency(lat: dict) -> str:
    names = {
        "first_token_s": "Thời gian đến token đầu",
        "total_s": "Tổng thời gian trả lời",
        "search_s": "Truy xuất (riêng)",
    }
    rows = "".join(
        f"<tr><td>{names[key]}</td><td class='num'>{_secs(v['p50'])}</td><td class='num'>{_secs(v['p95'])}</td>"
        f"<td class='num'>{_secs(v['mean'])}</td><td class='num'>{v['n']}</td></tr>"
        for key, v in lat.items()
    )
    return f"<table><tr><th></th><th>p50</th><th>p95</th><th>trung bình</th><th>n</th></tr>{rows}</table>"


def _groups(groups: dict, labels: dict[str, str] | None = None) -> str:
    head = "<tr><th></th><th>n</th>" + "".join(f"<th>{c}</th>" for _, c in GROUP_COLS) + "</tr>"
    body = ""
    for name, g in groups.items():
        cells = "".join(
            f"<td class='num'>{_pct(g[key]['value'])} <span class='small'>({g[key]['n']})</span></td>"
            for key, _ in GROUP_COLS
        )
        body += f"<tr><td>{escape((labels or {}).get(name, name))}</td><td class='num'>{g['n']}</td>{cells}</tr>"
    return f"<table>{head}{body}</table>"


def _verdict_text(v: dict, answerable: bool) -> str:
    marks = []
    if answerable:
        marks.append(("số liệu", v["numeric"]))
        if v["terms"] is not None:
            marks.append(("tên liệt kê", v["terms"]))
        marks.append(("trích dẫn", v["citation"]))
        marks.append(("từ chối nhầm", None if not v["false_refusal"] else False))
    else:
        marks.append(("từ chối", v["refusal_ok"]))
    if v["retrieval_recall"] is not None:
        marks.append(
            (f"truy xuất (hạng {v['retrieval_rank'] or '—'})", v["retrieval_rank"] is not None)
        )
    out = []
    for name, flag in marks:
        if flag is None:
            continue
        out.append(
            f"<span class='{'ok' if flag else 'bad'}'>{'✓' if flag else '✗'} {escape(name)}</span>"
        )
    return "<br>".join(out)


def _page(page: object) -> str:
    return "" if page is None else f" · trang {escape(str(page))}"


def _failure_row(r: dict) -> str:
    exp = r["expected"]
    expected = escape(exp["answer"] or "(không có trong tài liệu)")
    evidence = "".join(f"<div class='small'>«{escape(e)}»</div>" for e in exp["evidence"])
    if exp.get("notes"):
        evidence += f"<div class='small'>Ghi chú: {escape(exp['notes'])}</div>"
    answer = escape(r["error"] or r["answer"] or "")
    if r["refused"]:
        answer = "<i>[từ chối]</i> " + answer
    cites = "".join(
        f"<details><summary>{escape(str(c['doc_id']))}{_page(c['page'])}</summary>"
        f"<div class='small'>{escape(c['text'][:1200])}</div></details>"
        for c in r["citations"]
    )
    return (
        f"<tr class='fail'><td>{escape(r['id'])}<br><span class='small'>{escape(TYPE_LABELS.get(r['type'], r['type']))}"
        f"<br>{escape(str(r['doc_id'] or ''))}</span></td><td>{escape(r['question'])}</td>"
        f"<td class='ev'>{expected}{evidence}</td><td class='ans'>{answer}</td><td>{cites or '—'}</td>"
        f"<td>{_verdict_text(r['verdicts'], exp['answerable'])}</td></tr>"
    )


def render_html(report: dict) -> str:
    """The whole report as one HTML string."""
    s, k = report["summary"], report["summary"]["k"]
    by_type = s["by_type"]
    bars = [
        (TYPE_LABELS.get(t, t), g["pass_rate"]["value"], g["n"], g["pass_rate"].get("ci"))
        for t, g in by_type.items()
    ]
    ok = [r for r in report["items"] if not r.get("error")]
    failures = [r for r in report["items"] if r["verdicts"]["passed"] is False]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            "<html lang='vi'><head><meta charset='utf-8'>",
            "<title>Báo cáo đánh giá baocao</title>",
            f"<style>{CSS}</style></head><body>",
            "<h1>Báo cáo đánh giá trợ lý baocao</h1>",
            _meta_table(report["meta"]),
            (
                f"<p>{s['counts']['items']} câu hỏi: {s['counts']['answerable']} có đáp án, "
                f"{s['counts']['unanswerable']} không có đáp án; {s['counts']['errors']} câu lỗi khi chạy.</p>"
            ),
            "<h2>Chỉ số chính</h2>",
            _headline(s["overall"], k),
            "<h2>Tỷ lệ đạt theo loại câu hỏi</h2>",
            bar_chart(bars, "Tỷ lệ đạt theo loại (vạch đen: khoảng tin cậy 95%)"),
            _groups(by_type, TYPE_LABELS),
            "<h2>Thời gian</h2>",
            _latency(s["latency"]),
            histogram(
                [r["timings"]["first_token_s"] for r in ok if "first_token_s" in r["timings"]],
                "Thời gian đến token đầu",
            ),
            histogram(
                [r["timings"]["total_s"] for r in ok if "total_s" in r["timings"]],
                "Tổng thời gian trả lời",
            ),
            "<h2>Theo tài liệu</h2>",
            _groups(s["by_doc"]),
            f"<h2>Các câu chưa đạt ({len(failures)})</h2>",
            (
                "<table><tr><th>Mã</th><th>Câu hỏi</th><th>Mong đợi và bằng chứng</th><th>Câu trả lời</th>"
                "<th>Trích dẫn</th><th>Nhận định</th></tr>"
            ),
            *(_failure_row(r) for r in failures),
            "</table>",
            "<p class='small'>Cách đọc: xem eval/README.md.</p></body></html>",
        ]
    )
