"""Scanned pages saved as images (PNG, JPEG, TIFF, multi-page TIFF) read through OCR.

Each frame is one page, numbered from 1. The scan's resolution comes from the file's dpi tag
when it has one (a 72-dpi scan is enlarged before OCR and refused if still unreadable).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageSequence

from assistant.errors import DocumentError
from assistant.ingest.document import Page
from assistant.ingest.loaders.base import Extracted, first_line
from assistant.ingest.loaders.ocr import ocr_pages

CORRUPT = "ảnh hỏng hoặc không đọc được"


def _open(data: bytes, source: str) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError as err:
        raise DocumentError(source, "ảnh quá lớn (quá nhiều điểm ảnh)") from err
    except Exception as err:  # PIL raises OSError, SyntaxError, ValueError... on bad input
        raise DocumentError(source, CORRUPT) from err
    return image


def _dpi(image: Image.Image) -> float | None:
    dpi = image.info.get("dpi")
    try:
        return float(dpi[0]) if dpi and float(dpi[0]) > 1 else None
    except (TypeError, ValueError, IndexError):
        return None


def read_image(data: bytes, path: Path) -> Extracted:
    source = str(path)
    image = _open(data, source)
    total = getattr(image, "n_frames", 1)
    frames = (
        (n, frame.copy(), _dpi(image))
        for n, frame in enumerate(ImageSequence.Iterator(image), start=1)
    )
    texts, meta = ocr_pages(frames, source, total)
    pages = [Page(number=n, text=t) for n, t in sorted(texts.items())]
    heading = next((first_line(p.text) for p in pages if p.text.strip()), None)
    return Extracted(pages=pages, heading=heading, meta=meta)
