"""Plain-text rendering of an answer with its sources (terminal, copy-to-clipboard)."""

from __future__ import annotations

from assistant.types import Answer, Hit


def source_line(n: int, hit: Hit) -> str:
    c = hit.chunk
    page = f", trang {c.page}" if c.page else ""
    return f"[{n}] {c.doc_title} — {c.section or '(không có mục)'}{page}"


def badge(a: Answer) -> str:
    if a.refused:
        return "Không có trong tài liệu"
    if not a.verified:
        return "CHƯA KIỂM CHỨNG được số liệu: " + ", ".join(a.unverified_numbers)
    return "Đã kiểm chứng số liệu với nguồn"


def answer_as_text(a: Answer, with_passages: bool = False) -> str:
    lines = [a.answer, "", f"({badge(a)})"]
    if a.citations:
        lines.append("Nguồn:" if not a.refused else "Các đoạn gần nhất:")
        for n, h in enumerate(a.citations, 1):
            lines.append(source_line(n, h))
            if with_passages:
                lines.append("    " + h.chunk.text.replace("\n", "\n    "))
    return "\n".join(lines)
