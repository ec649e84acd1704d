"""The series on screen and on disk without a browser: table, chart, tab view, CSV and XLSX
read back, and the chat message of a series answer (fake service, real series code)."""

import csv

from openpyxl import load_workbook

from assistant.ui import render
from assistant.ui.seriestab import show_series
from assistant.ui.seriesview import chart_svg, table_html

from .fakes import FakeAnswerService


def _points(service, indicator="tăng trưởng GRDP"):
    from assistant.generation.seriesout import rows

    s = service.series(indicator)
    return [{**p.to_dict(), "citations": r.cites} for p, r in zip(s.points, rows(s))]


def test_chart_draws_actual_line_and_target_dot_offline():
    svg = chart_svg(_points(FakeAnswerService()), "tăng trưởng GRDP")
    assert svg.startswith("<svg") and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert svg.count('class="bc-line"') == 1 and 'data-series="Thực hiện / ước"' in svg
    assert svg.count('class="bc-dot"') == 4  # 19,1 and 19,3 (2022), 14,14 (H1 2024), 14,5 (target 2023)
    assert "Kế hoạch / mục tiêu" in svg and "năm 2023: 14,5 % (kế hoạch/mục tiêu)" in svg


def test_table_flags_the_period_two_reports_disagree_on():
    html = table_html(_points(FakeAnswerService()))
    assert html.count('class="bc-point"') == 4 and html.count("⚠ khác nguồn") == 2
    assert "<td>năm 2023</td><td>14,5%</td><td>kế hoạch/mục tiêu</td>" in html


def test_tab_view_writes_csv_and_xlsx_with_numbers_and_sources(tmp_path):
    view = show_series(FakeAnswerService(), "tăng trưởng GRDP", None, None, tmp_path)
    assert "bc-series" in view.html and "<svg" in view.html and "Nguồn (3)" in view.html
    with open(view.csv, encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    assert table[0][:4] == ["Kỳ", "Từ ngày", "Đến ngày", "Giá trị"]
    assert [(r[0], float(r[3]), r[5]) for r in table[1:]] == [
        ("năm 2022", 19.1, "thực hiện"), ("năm 2022", 19.3, "thực hiện"),
        ("năm 2023", 14.5, "kế hoạch/mục tiêu"), ("6 tháng đầu năm 2024", 14.14, "thực hiện")]
    assert all(r[7].startswith("Báo cáo tình hình kinh tế") for r in table[1:])
    ws = load_workbook(view.xlsx).active
    values = [row[3] for row in ws.iter_rows(min_row=3, values_only=True)]
    assert values == [19.1, 19.3, 14.5, 14.14] and all(isinstance(v, float) for v in values)


def test_tab_messages_for_bad_input():
    fake = FakeAnswerService()
    assert "Hãy chọn hoặc nhập" in show_series(fake, "  ").html
    bad = show_series(fake, "tăng trưởng GRDP", 12)
    assert "Năm không hợp lệ" in bad.html and bad.csv is None
    none = show_series(fake, "số vụ cháy rừng")
    assert "không nêu số liệu nào" in none.html and none.xlsx is None


def test_chat_message_of_a_series_answer_has_table_chart_and_sources():
    fake = FakeAnswerService()
    answer = fake.ask("Tăng trưởng GRDP qua các năm thế nào?")
    html = render.final_message(answer, [])
    assert answer.mode == "series" and 'class="bc-series"' in html and "<svg" in html
    assert "Nguồn trích dẫn (3)" in html and "bc-badge bc-ok" in html
