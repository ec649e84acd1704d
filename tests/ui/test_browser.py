"""The web app in a real headless Chromium with the outside network unreachable, on the fake
service: streaming with evidence first, citations, follow-ups, filter, upload, badges."""

from __future__ import annotations

import threading

import pytest

from assistant.ui.app import EXAMPLES

from .pages import ask, final_answer, open_app, upload

pytestmark = pytest.mark.browser

Q_INDUSTRY = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2024 theo giá hiện hành đạt bao nhiêu?"
Q_BUDGET = "Tổng thu ngân sách nhà nước 6 tháng đầu năm 2024 đạt bao nhiêu?"
UPLOAD_TEXT = (
    "Báo cáo kết quả xây dựng nông thôn mới năm 2024\n\n"
    "Đến hết năm 2024, toàn tỉnh có 1.234 hợp tác xã nông nghiệp kiểu mới hoạt động hiệu quả.\n"
)


def test_first_load_shows_examples_and_documents(app_url, offline_context, shoot):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    for example in EXAMPLES:
        assert page.locator("#bc-chat").get_by_text(example).is_visible()
    assert (
        page.locator("#bc-filter")
        .get_by_text("Báo cáo tình hình kinh tế - xã hội năm 2022")
        .is_visible()
    )
    shoot(page, "chat")
    page.get_by_role("tab", name="Tài liệu").click()
    table = page.locator("#bc-docs")
    table.get_by_text("bc-ktxh-6t-2024").filter(visible=True).first.wait_for()
    assert table.get_by_text("UBND tỉnh Bắc Giang").filter(visible=True).count() >= 1
    shoot(page, "documents")


def test_evidence_first_then_streamed_answer_with_citation(app_url, fake, offline_context, shoot):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    fake.hold_after_evidence = threading.Event()
    try:
        ask(page, Q_INDUSTRY)
        bot = page.locator("[data-testid='bot']").last
        bot.get_by_text(
            "Đoạn văn tìm được ("
        ).wait_for()  # evidence on screen, model still "writing"
        assert bot.locator(".bc-status").inner_text() == "Đang soạn câu trả lời…"
        assert bot.locator(".bc-badge").count() == 0
        shoot(page, "evidence-before-answer")
    finally:
        fake.hold_after_evidence.set()
        fake.hold_after_evidence = None
    bot = final_answer(page)
    assert bot.locator(".bc-answer mark.bc-fig", has_text="315.145").is_visible()
    assert bot.locator(".bc-ok").is_visible()
    source = bot.locator("details.bc-source").first
    assert "[1]" in source.locator("summary").inner_text()
    assert "trang 4" in source.locator("summary").inner_text()
    assert not source.locator(".bc-passage").is_visible()  # collapsed until opened
    source.locator("summary").click()
    assert source.locator(".bc-passage mark.bc-fig", has_text="315.145").is_visible()
    copy = page.locator("#bc-copy textarea").input_value()
    assert "315.145" in copy and "Nguồn:" in copy and "trang 4" in copy
    shoot(page, "answer-source-open")


def test_follow_up_uses_conversation_and_new_conversation_forgets_it(
    app_url, fake, offline_context, shoot
):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    ask(page, Q_BUDGET)
    assert "10.111,7" in final_answer(page).inner_text()
    ask(page, "Còn năm 2022 thì sao?")
    page.locator("[data-testid='bot']").nth(1).locator(".bc-badge").wait_for()
    second = final_answer(page).inner_text()
    assert "18.525,5" in second and "Câu hỏi được hiểu là" in second
    assert fake.calls[-1].history and fake.calls[-1].history[0][0] == Q_BUDGET
    shoot(page, "follow-up")
    page.click("#bc-new")
    page.locator("#bc-chat").get_by_text(EXAMPLES[0]).wait_for()
    assert page.locator("[data-testid='bot']").count() == 0
    assert page.locator("#bc-copy textarea").input_value() == ""
    ask(page, "Còn năm 2022 thì sao?")
    final_answer(page)
    assert fake.calls[-1].history == []


def test_example_question_is_asked_on_click(app_url, offline_context):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    page.locator("#bc-chat").get_by_text(EXAMPLES[0]).click()
    assert "315.145" in final_answer(page).inner_text()
    assert page.locator("[data-testid='user']").first.inner_text().strip() == EXAMPLES[0]


def test_document_filter_limits_the_search(app_url, fake, offline_context):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    page.locator("#bc-filter").get_by_text("Báo cáo tình hình kinh tế - xã hội năm 2022").click()
    ask(page, Q_INDUSTRY)
    answer = final_answer(page).inner_text()
    assert fake.calls[-1].doc_ids == ["bc-ktxh-2022"]
    assert "315.145" not in answer


def test_badges_for_unverified_and_not_in_reports(app_url, offline_context, shoot):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    ask(page, "Dự báo giá trị sản xuất công nghiệp cả năm 2024?")
    assert "650.000" in final_answer(page).locator(".bc-unverified").inner_text()
    ask(page, "Dân số tỉnh Lạng Sơn?")
    page.locator("[data-testid='bot']").nth(1).locator(".bc-badge").wait_for()
    assert final_answer(page).locator(".bc-refused").is_visible()
    shoot(page, "badges")


def test_upload_shows_progress_then_the_document_can_be_asked(
    app_url, fake, offline_context, tmp_path, shoot
):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    path = tmp_path / "bao-cao-nong-thon-moi-2024.txt"
    path.write_text(UPLOAD_TEXT, encoding="utf-8")
    fake.hold_ingest = threading.Event()
    try:
        upload(page, [path])
        page.get_by_text(f"Đang đọc {path.name}").filter(
            visible=True
        ).first.wait_for()  # visible progress
        shoot(page, "upload-progress")
    finally:
        fake.hold_ingest.set()
        fake.hold_ingest = None
    page.locator("#bc-upload-status").get_by_text("Đã thêm vào kho").wait_for()
    page.locator("#bc-docs").get_by_text("bao-cao-nong-thon-moi-2024").filter(
        visible=True
    ).first.wait_for()
    shoot(page, "upload-done")
    page.get_by_role("tab", name="Hỏi đáp").click()
    assert (
        page.locator("#bc-filter")
        .get_by_text("Báo cáo kết quả xây dựng nông thôn mới năm 2024")
        .is_visible()
    )
    ask(page, "Có bao nhiêu hợp tác xã nông nghiệp kiểu mới năm 2024?")
    bot = final_answer(page)
    assert bot.locator(".bc-answer mark.bc-fig", has_text="1.234").is_visible()
    assert "bao-cao-nong-thon-moi-2024.txt" in page.locator("#bc-copy textarea").input_value()
    shoot(page, "asked-uploaded")


def test_bad_files_get_a_readable_message(app_url, offline_context, tmp_path, shoot):
    new_context, _ = offline_context
    page = open_app(new_context, app_url)
    sheet = tmp_path / "so-lieu.numbers"  # .xlsx is supported since issue 11
    sheet.write_bytes(b"PK\x03\x04 not really")
    broken = tmp_path / "hong.txt"
    broken.write_bytes(b"\xff\xfe\x00\x81\x82")
    upload(page, [sheet, broken])
    status = page.locator("#bc-upload-status")
    status.get_by_text("so-lieu.numbers: định dạng không được hỗ trợ").wait_for()
    assert "hong.txt: không đọc được nội dung" in status.inner_text()
    assert "Traceback" not in page.content()
    shoot(page, "bad-files")
