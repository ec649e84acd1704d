"""Turn answers and hits into the chat message HTML, and into plain text for copying.

Everything here is a pure function of its arguments (no Gradio), so the look of an answer is
unit-tested without a browser. Chat messages are Markdown with HTML blocks; every piece of
document or model text is HTML-escaped before it is inserted.
"""

from __future__ import annotations

from html import escape

from assistant.numbers import format_vn
from assistant.types import Answer, Chunk, Hit
from assistant.ui.figures import answer_figures, highlight_html, normalize_space
from assistant.ui.seriesview import series_body

WRITING = "Đang soạn câu trả lời…"
SEARCHING = "Đang tìm trong các báo cáo…"
WAITING = "Đang chờ đến lượt xử lý…"


def numbered(hits: list[Hit]) -> list[tuple[int, Hit]]:
    """Pair each hit with its [n]. While streaming, [n] is the passage's place in the evidence
    the model was shown; in a final Answer it is the place in `Answer.citations` (the
    pipeline renumbers the text that way), so both are simply 1-based positions."""
    return list(enumerate(hits, start=1))


def source_label(chunk: Chunk) -> str:
    """The label "Title · mục … · trang n", leaving out what the chunk does not know."""
    parts = [chunk.doc_title or chunk.source_file or chunk.doc_id]
    if chunk.section:
        parts.append(f"mục {chunk.section}")
    if chunk.page is not None:
        parts.append(f"trang {chunk.page}")
    return " · ".join(parts)


def source_html(num: int, hit: Hit, figures: frozenset[str]) -> str:
    """One collapsible source: its label as the summary, the passage with figures marked."""
    chunk = hit.chunk
    passage = highlight_html(normalize_space(chunk.text), figures)
    notes = "".join(
        f'<div class="bc-footnote">{highlight_html(normalize_space(f), figures)}</div>'
        for f in chunk.footnotes
    )
    file_line = (
        f'<div class="bc-file">Tệp: {escape(chunk.source_file)}</div>' if chunk.source_file else ""
    )
    return (
        '<details class="bc-source">'
        f'<summary><span class="bc-num">[{num}]</span> {escape(source_label(chunk))}</summary>'
        f'<div class="bc-passage">{passage}{notes}{file_line}</div></details>'
    )


def sources_html(items: list[tuple[int, Hit]], figures: frozenset[str], title: str) -> str:
    if not items:
        return ""
    body = "".join(source_html(n, h, figures) for n, h in items)
    return (
        f'<div class="bc-sources"><div class="bc-sources-title">{escape(title)}</div>{body}</div>'
    )


def badge_html(answer: Answer) -> str:
    """The verification badge: refused, unverified figures, computed, or checked."""
    if answer.refused:
        return '<div class="bc-badge bc-refused">ℹ Không có trong tài liệu: các báo cáo không nêu thông tin này.</div>'
    if not answer.verified:
        nums = ", ".join(escape(n) for n in answer.unverified_numbers)
        detail = f" Các số không tìm thấy trong nguồn: {nums}." if nums else ""
        return (
            '<div class="bc-badge bc-unverified">⚠ Chưa kiểm chứng được: hãy đối chiếu với nguồn '
            f"trước khi sử dụng.{detail}</div>"
        )
    if answer.mode == "series":
        return '<div class="bc-badge bc-ok">✓ Mỗi số liệu trong bảng có trong đoạn trích dẫn bên dưới; mức thay đổi do máy tính.</div>'
    if answer.mode == "computed":
        return (
            '<div class="bc-badge bc-ok">∑ Số liệu được tính từ các đoạn trích dẫn bên dưới.</div>'
        )
    return '<div class="bc-badge bc-ok">✓ Đã đối chiếu: các con số có trong đoạn trích dẫn.</div>'


def _seconds(value: float) -> str:
    return format_vn(round(value, 1), 1) + " giây"


def timings_html(timings: dict[str, float]) -> str:
    parts = []
    if "retrieve_s" in timings:
        parts.append(f"tìm kiếm {_seconds(timings['retrieve_s'])}")
    if "total_s" in timings:
        parts.append(f"tổng {_seconds(timings['total_s'])}")
    return f'<div class="bc-timing">{" · ".join(parts)}</div>' if parts else ""


def answer_body(text: str, figures: frozenset[str]) -> str:
    return f'<div class="bc-answer">{highlight_html(text.strip(), figures)}</div>'


def waiting_message() -> str:
    return f'<div class="bc-status">{WAITING}</div>'


def queue_status(position: int) -> str:
    """Where an answer waiting for the model stands: "Đang xếp hàng: thứ 3"."""
    return f"Đang xếp hàng: thứ {position} (đang trả lời câu hỏi của người dùng khác)…"


def streaming_message(
    question: str, partial: str, evidence: list[Hit] | None, position: int | None = None
) -> str:
    """The assistant message while the answer is being written: text so far (or the place in
    the queue for the model), then the evidence."""
    if evidence is None:
        return f'<div class="bc-status">{SEARCHING}</div>'
    figures = answer_figures(partial, question)
    if partial:
        head = answer_body(partial + " ▌", figures)
    elif position:
        head = f'<div class="bc-status bc-queued">{queue_status(position)}</div>'
    else:
        head = f'<div class="bc-status">{WRITING}</div>'
    title = f"Đoạn văn tìm được ({len(evidence)}) — đang soạn câu trả lời"
    return head + "\n\n" + sources_html(numbered(evidence), figures, title)


def final_message(answer: Answer, evidence: list[Hit]) -> str:
    """The finished assistant message: answer, badge, cited sources (or the passages looked at)."""
    figures = frozenset() if answer.refused else answer_figures(answer.answer, answer.question)
    parts = [series_body(answer) if answer.mode == "series" else answer_body(answer.answer, figures)]
    standalone = answer.standalone_question
    if standalone and standalone.strip() != answer.question.strip():
        parts.append(f'<div class="bc-standalone">Câu hỏi được hiểu là: {escape(standalone)}</div>')
    parts.append(badge_html(answer))
    if answer.citations:
        items = numbered(answer.citations)
        parts.append(sources_html(items, figures, f"Nguồn trích dẫn ({len(items)})"))
    elif evidence:
        parts.append(sources_html(numbered(evidence), figures, "Các đoạn văn đã xem xét"))
    parts.append(timings_html(answer.timings))
    return "\n\n".join(p for p in parts if p)


def error_message(text: str) -> str:
    return f'<div class="bc-badge bc-error">⚠ {escape(text)}</div>'


def copy_text(answer: Answer) -> str:
    """Answer and sources as plain text, ready to paste into a report."""
    lines = [f"Câu hỏi: {answer.question.strip()}", f"Trả lời: {answer.answer.strip()}"]
    if not answer.refused and not answer.verified:
        nums = ", ".join(answer.unverified_numbers)
        lines.append("(Chưa kiểm chứng được" + (f" các số: {nums}" if nums else "") + ".)")
    if answer.citations:
        lines.append("Nguồn:")
        for num, hit in numbered(answer.citations):
            lines.append(f"[{num}] {source_label(hit.chunk)} (tệp: {hit.chunk.source_file})")
            lines.append(f"    «{normalize_space(hit.chunk.text)}»")
    return "\n".join(lines)
