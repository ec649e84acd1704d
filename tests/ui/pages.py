"""Page helpers shared by the browser tests: open the app, ask, wait for the answer, upload."""

from __future__ import annotations


def open_app(new_context, url):
    page = new_context().new_page()
    page.goto(url)
    page.wait_for_selector("#bc-question textarea")
    return page


def ask(page, question: str) -> None:
    page.fill("#bc-question textarea", question)
    page.click("#bc-send")


def final_answer(page):
    """The last assistant message, once its badge (the end of the answer) is shown."""
    bot = page.locator("[data-testid='bot']").last
    bot.locator(".bc-badge").wait_for()
    return bot


def upload(page, paths) -> None:
    page.get_by_role("tab", name="Tài liệu").click()
    with page.expect_file_chooser() as chooser:
        page.click("#bc-upload")
    chooser.value.set_files([str(p) for p in paths])
