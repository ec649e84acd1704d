"""The document panel logic: table rows, filter choices, upload checks and ingestion."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import DocumentError
from assistant.ui import documents

from .fakes import FakeAnswerService


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_rows_and_choices_follow_the_manifest():
    docs = FakeAnswerService().documents()
    rows = documents.document_rows(docs)
    assert len(rows[0]) == len(documents.HEADERS)
    assert rows[0][0] == "bc-ktxh-6t-2024" and rows[0][2] == "UBND tỉnh Bắc Giang"
    assert documents.document_choices(docs)[1] == (
        "Báo cáo tình hình kinh tế - xã hội năm 2022",
        "bc-ktxh-2022",
    )
    assert documents.document_rows([{"doc_id": "x"}]) == [["x", "", "", "", "", ""]]


def test_check_upload(tmp_path):
    assert documents.check_upload(write(tmp_path, "a.txt", b"abc"), 1) is None
    assert documents.check_upload(write(tmp_path, "B.PDF", b"%PDF"), 1) is None
    assert "không được hỗ trợ" in documents.check_upload(write(tmp_path, "a.numbers", b"x"), 1)
    assert "rỗng" in documents.check_upload(write(tmp_path, "e.txt", b""), 1)
    assert "1 MB" in documents.check_upload(write(tmp_path, "big.txt", b"x" * (1024 * 1024 + 1)), 1)


def test_ingest_adds_good_files_and_reports_bad_ones(tmp_path):
    service = FakeAnswerService()
    good = write(
        tmp_path, "nong-thon-moi.txt", "Báo cáo nông thôn mới\n\nCó 1.234 xã đạt chuẩn.".encode()
    )
    bad = write(tmp_path, "hong.txt", b"\xff\xfe\x00\x81")
    wrong = write(tmp_path, "bang.xlsx", b"x")
    seen = []
    outcome = documents.ingest_uploads(
        service, [good, bad, wrong], 10, progress=lambda f, d: seen.append(d)
    )
    assert outcome.added == ["nong-thon-moi"]
    assert any("hong.txt" in p for p in outcome.problems) and any(
        "bang.xlsx" in p for p in outcome.problems
    )
    assert "nong-thon-moi" in [d["doc_id"] for d in service.documents()]
    assert seen and seen[-1] == "Xong"
    assert outcome.message.count("✗") == 2 and "✓" in outcome.message


def test_only_rejected_files_never_reach_the_service(tmp_path):
    service = FakeAnswerService()
    outcome = documents.ingest_uploads(service, [write(tmp_path, "a.doc", b"x")], 10)
    assert outcome.added == [] and len(service.documents()) == 2 and outcome.problems


def test_domain_and_unexpected_errors_become_messages(tmp_path):
    class Raising(FakeAnswerService):
        def __init__(self, error):
            super().__init__()
            self.error = error

        def add_documents(self, paths, progress=None):
            raise self.error

    path = write(tmp_path, "a.pdf", b"%PDF-1.4 broken")
    doc_err = documents.ingest_uploads(
        Raising(DocumentError("a.pdf", "tệp PDF bị hỏng")), [path], 10
    )
    assert doc_err.problems == ["a.pdf: tệp PDF bị hỏng"]
    crash = documents.ingest_uploads(Raising(RuntimeError("segfault-ish")), [path], 10)
    assert "lỗi hệ thống" in crash.problems[0] and "segfault" not in crash.message


def test_empty_message():
    assert documents.UploadOutcome().message == "Chưa chọn tệp nào."
