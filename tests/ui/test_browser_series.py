"""The "Chỉ tiêu" tab and a series answer in the chat, in a real headless Chromium with the
outside network unreachable (fake service, real series code): the table and the chart are
shown, and the downloaded CSV and XLSX are read back."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from .pages import ask, final_answer, open_app

pytestmark = pytest.mark.browser


def test_series_tab_shows_table_chart_and_downloads(app_url, offline_context, shoot, tmp_path):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    page.get_by_role("tab", name="Chỉ tiêu").click()
    page.locator("#bc-series-indicator input").fill("tăng trưởng GRDP")
    page.click("#bc-series-show")
    view = page.locator("#bc-series-view")
    view.locator("table.bc-series").wait_for()
    rows = view.locator("tr.bc-point")
    assert rows.count() == 4
    assert rows.nth(2).inner_text().split("\t")[:3] == ["năm 2023", "14,5%", "kế hoạch/mục tiêu"]
    assert view.locator(".bc-differs").count() == 2  # 19,1 and 19,3 for 2022, not merged
    chart = view.locator("svg.bc-chart")
    assert chart.is_visible() and chart.locator("polyline.bc-line").count() == 1
    assert chart.locator("circle.bc-dot").count() == 4
    assert "Báo cáo tình hình kinh tế - xã hội năm 2022" in view.locator(".bc-series-sources").inner_text()
    shoot(page, "series")

    with page.expect_download() as got:
        page.click("#bc-series-csv")
    path = tmp_path / "series.csv"
    got.value.save_as(path)
    with open(path, encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    assert [float(r[3]) for r in table[1:]] == [19.1, 19.3, 14.5, 14.14]

    with page.expect_download() as got:
        page.click("#bc-series-xlsx")
    path = tmp_path / "series.xlsx"
    got.value.save_as(path)
    ws = load_workbook(path).active
    assert [r[3] for r in ws.iter_rows(min_row=3, values_only=True)] == [19.1, 19.3, 14.5, 14.14]
    assert all(r[7] for r in ws.iter_rows(min_row=3, values_only=True))  # the source column


def test_chat_answers_a_question_over_time_with_table_and_chart(app_url, offline_context, shoot):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    ask(page, "Tăng trưởng GRDP qua các năm thế nào?")
    bot = final_answer(page)
    assert bot.locator("table.bc-series tr.bc-point").count() == 4
    assert bot.locator("svg.bc-chart circle.bc-dot").count() == 4
    assert "14,14%" in bot.locator("table.bc-series").inner_text()
    assert "Nguồn trích dẫn (3)" in bot.locator(".bc-sources-title").inner_text()
    shoot(page, "chat-series")
