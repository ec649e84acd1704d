"""Upload of an XLSX annex and a scanned PDF through the real web page (headless Chromium,
network closed): both go through the real loaders (tables, OCR), cleaner and chunker."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from assistant.errors import DocumentError
from assistant.ingest.pipeline import document_chunks

from .conftest import running_app
from .fakes import FakeAnswerService
from .pages import open_app, upload

pytestmark = pytest.mark.browser

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


class IngestingService(FakeAnswerService):
    """The fake service, except that uploads go through the real ingestion pipeline."""

    def _add_one(self, path: Path, report) -> None:
        try:
            chunks = document_chunks(path, None)
        except DocumentError as err:
            report.errors.append(f"{path.name}: {err.reason}")
            return
        doc_id = chunks[0].doc_id
        self.docs.append({"doc_id": doc_id, "title": chunks[0].doc_title, "issuer": "",
                          "doc_type": "tải lên", "date": "", "period": "", "source_file": path.name})
        self.chunks += chunks
        report.added.append(doc_id)


def make_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Biểu 02: THU CHI NGÂN SÁCH 6 THÁNG ĐẦU NĂM 2024"
    ws.append([])
    ws.append(["Chỉ tiêu", "Dự toán năm", "Ước thực hiện 6 tháng"])
    ws.append(["Thu nội địa", 9000, 5120.5])
    ws["C4"].number_format = "#,##0.0"
    wb.save(path)
    return path


def make_scan_pdf(path: Path) -> Path:
    font = ImageFont.truetype(FONT, size=42)
    image = Image.new("L", (2480, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.text((200, 200), "Kim ngạch xuất khẩu 6 tháng đạt 13.456,7 triệu USD.", font=font, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=0, y=10, w=210)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def ingesting():
    return IngestingService(token_delay=0.0)


@pytest.fixture(scope="module")
def formats_url(ingesting, tmp_path_factory):
    from assistant.config import load_settings

    settings = load_settings(toml_path=tmp_path_factory.mktemp("cfg") / "none.toml", env={})
    with running_app(ingesting, settings) as url:
        yield url


def test_upload_xlsx_and_scanned_pdf(formats_url, ingesting, offline_context, tmp_path, shoot):
    new_context, _ = offline_context
    page = open_app(new_context, formats_url)
    sheet = make_xlsx(tmp_path / "thu-chi-ngan-sach.xlsx")
    scan = make_scan_pdf(tmp_path / "ban-quet-xuat-khau.pdf")
    upload(page, [sheet, scan])
    status = page.locator("#bc-upload-status")
    status.get_by_text("Đã thêm vào kho").wait_for(timeout=120_000)
    assert "thu-chi-ngan-sach" in status.inner_text() and "ban-quet-xuat-khau" in status.inner_text()
    page.locator("#bc-docs").get_by_text("thu-chi-ngan-sach").filter(visible=True).first.wait_for()
    shoot(page, "formats-uploaded")
    texts = [c.text for c in ingesting.chunks]
    assert (
        "Biểu 02: Thu chi ngân sách 6 tháng đầu năm 2024 — Chỉ tiêu: Thu nội địa | "
        "Dự toán năm: 9000 | Ước thực hiện 6 tháng: 5.120,5"
    ) in texts
    assert any("13.456,7 triệu USD" in t for t in texts)
    assert "Traceback" not in page.content()
