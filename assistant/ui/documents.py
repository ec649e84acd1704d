"""The document panel's logic: the table of reports, the chat filter, and ingesting uploads.

No Gradio here: the app wires these functions to components, tests call them directly.
Uploads are checked (type, size) before the service sees them, so a wrong file gets a
readable Vietnamese message instead of a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.chat.service import AnswerService, IngestReport
from assistant.errors import BaocaoError
from assistant.ingest.loaders import SUPPORTED_EXTENSIONS

log = logging.getLogger(__name__)

ALLOWED_SUFFIXES = SUPPORTED_EXTENSIONS
HEADERS = ["Mã", "Tên tài liệu", "Cơ quan ban hành", "Loại", "Ngày", "Kỳ báo cáo"]
_FIELDS = ["doc_id", "title", "issuer", "doc_type", "date", "period"]


def document_rows(docs: list[dict]) -> list[list[str]]:
    """One table row per document, in the order of HEADERS."""
    return [[str(d.get(f) or "") for f in _FIELDS] for d in docs]


def document_choices(docs: list[dict]) -> list[tuple[str, str]]:
    """(label, doc_id) pairs for the chat's document filter."""
    return [(str(d.get("title") or d["doc_id"]), d["doc_id"]) for d in docs]


def vector_message(service: AnswerService) -> str:
    """"Đang tạo vector: 120/310 đoạn" while new passages wait for their vectors (they are
    already found by keywords and figures meanwhile), else nothing."""
    status = getattr(service, "vector_status", None)
    message = status() if status else ""
    return f"{message} — tài liệu mới đã tra cứu được theo từ khoá và số liệu." if message else ""


def check_upload(path: Path, max_mb: int) -> str | None:
    """Why this file cannot be ingested, in Vietnamese, or None if it may be tried."""
    if path.suffix.lower() not in ALLOWED_SUFFIXES:
        return f"{path.name}: định dạng không được hỗ trợ (chỉ nhận {', '.join(ALLOWED_SUFFIXES)})."
    size = path.stat().st_size
    if size == 0:
        return f"{path.name}: tệp rỗng."
    if size > max_mb * 1024 * 1024:
        return f"{path.name}: tệp lớn hơn giới hạn {max_mb} MB."
    return None


@dataclass
class UploadOutcome:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        """A short Markdown summary for the panel."""
        lines = []
        if self.added:
            lines.append(f"✓ Đã thêm vào kho và lập chỉ mục: {', '.join(self.added)}.")
        if self.unchanged:
            lines.append(f"ℹ Đã có sẵn, không thay đổi: {', '.join(self.unchanged)}.")
        lines += [f"✗ {p}" for p in self.problems]
        return "\n\n".join(lines) or "Chưa chọn tệp nào."


def ingest_uploads(
    service: AnswerService,
    paths: list[Path],
    max_mb: int,
    progress: Callable[[float, str], None] | None = None,
) -> UploadOutcome:
    """Check the files, ingest the acceptable ones, and collect what happened to each."""
    outcome = UploadOutcome()
    accepted = []
    for path in paths:
        problem = check_upload(path, max_mb)
        if problem:
            outcome.problems.append(problem)
        else:
            accepted.append(path)
    if not accepted:
        return outcome
    try:
        report: IngestReport = service.add_documents([str(p) for p in accepted], progress=progress)
    except BaocaoError as err:
        outcome.problems.append(str(err))
        return outcome
    except Exception:  # the panel must survive any ingestion failure; the log keeps the detail
        log.exception("ingesting %s failed", accepted)
        outcome.problems.append(
            "Không thể thêm tài liệu do lỗi hệ thống; xem nhật ký để biết chi tiết."
        )
        return outcome
    outcome.added += report.added
    outcome.unchanged += report.unchanged
    outcome.problems += report.errors
    return outcome
