"""OCR of scanned pages and images with Tesseract's Vietnamese model (pytesseract).

One image in, the page text out, with the words whose reading Tesseract was unsure of: a figure
read with a confidence below UNSURE_BELOW is kept in the text (dropping it would lose it) but
reported, so that nothing downstream trusts it silently. Low-resolution scans are enlarged to
about 300 dpi first, which is what Tesseract's models were trained on; a page whose words are
read with a mean confidence below REFUSE_BELOW is too poor to index and is refused with the
resolution it had.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field

from PIL import Image, ImageOps

from assistant.errors import DocumentError

log = logging.getLogger(__name__)

LANG = "vie"
TARGET_DPI = 300
UNSURE_BELOW = 75.0  # a figure read below this confidence (0-100) is flagged
REFUSE_BELOW = 45.0  # a page read below this mean confidence is refused
NO_TESSERACT = (
    "cần Tesseract OCR với gói tiếng Việt để đọc bản quét "
    "(apt-get install tesseract-ocr tesseract-ocr-vie)"
)
NO_TEXT = "không nhận ra chữ nào trong ảnh (OCR)"


@dataclass
class OcrPage:
    text: str
    mean_confidence: float
    unsure: list[dict] = field(default_factory=list)  # {"text", "confidence"} of doubtful figures
    words: int = 0


def _tesseract():
    import pytesseract  # imported here: only scans need it

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise FileNotFoundError("tesseract")
    return pytesseract


def check_available(source: str) -> None:
    """Raise a DocumentError naming the missing package when Tesseract or `vie` is absent."""
    try:
        langs = _tesseract().get_languages(config="")
    except Exception as err:  # binary missing or not runnable
        raise DocumentError(source, NO_TESSERACT) from err
    if LANG not in langs:
        raise DocumentError(source, NO_TESSERACT)


def prepare(image: Image.Image, dpi: float | None) -> Image.Image:
    """Greyscale, upright (EXIF), enlarged to about TARGET_DPI when the scan is coarser."""
    image = ImageOps.exif_transpose(image).convert("L")
    if dpi and dpi < TARGET_DPI * 0.8:
        factor = min(TARGET_DPI / dpi, 4.0)
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.LANCZOS)
    return image


def ocr_image(image: Image.Image, dpi: float | None = None) -> OcrPage:
    """Text of one page image, lines in reading order, paragraphs separated by a blank line."""
    tess = _tesseract()
    data = tess.image_to_data(prepare(image, dpi), lang=LANG, config="--psm 3", output_type=tess.Output.DICT)
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences, unsure = [], []
    for i, word in enumerate(data["text"]):
        word, conf = word.strip(), float(data["conf"][i])
        if not word or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(word)
        confidences.append(conf)
        if conf < UNSURE_BELOW and any(c.isdigit() for c in word):
            unsure.append({"text": word, "confidence": round(conf, 1)})
    out, last_par = [], None
    for (block, par, _), words in lines.items():
        if last_par is not None and (block, par) != last_par:
            out.append("")
        out.append(" ".join(words))
        last_par = (block, par)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage("\n".join(out), mean, unsure, len(confidences))


def _readable(page: OcrPage) -> bool:
    return page.words >= 3 and page.mean_confidence >= REFUSE_BELOW


def _refusal(results: list[OcrPage], dpis: list[float | None]) -> str:
    if sum(r.words for r in results) < 10:
        return NO_TEXT
    mean = sum(r.mean_confidence * r.words for r in results) / max(sum(r.words for r in results), 1)
    known = [d for d in dpis if d]
    res = f", ảnh {round(min(known))} dpi" if known else ""
    return (
        f"OCR không đọc được chắc chắn (độ tin cậy trung bình {round(mean)}%{res}); "
        "hãy quét lại ở 300 dpi"
    )


def ocr_pages(images, source: str, total: int) -> tuple[dict[int, str], dict]:
    """OCR every (page number, image, dpi) of `images`, logging progress.

    Returns {page number: text} and the notes for Document.meta: "ocr_pages" (pages read by
    OCR), "ocr_uncertain" ({"page", "text", "confidence"} of doubtful figures) and
    "ocr_poor_pages" (pages kept although read with a low mean confidence). Refuses the file
    when no page could be read.
    """
    check_available(source)
    texts: dict[int, str] = {}
    results, dpis = [], []
    meta: dict = {"ocr_pages": [], "ocr_uncertain": [], "ocr_poor_pages": []}
    for done, (number, image, dpi) in enumerate(images, start=1):
        log.info("OCR %s: page %d (%d/%d)", source, number, done, total)
        page = ocr_image(image, dpi)
        results.append(page)
        dpis.append(dpi)
        meta["ocr_pages"].append(number)
        texts[number] = page.text if page.words else ""
        meta["ocr_uncertain"] += [{"page": number, **u} for u in page.unsure]
        if page.words and not _readable(page):
            meta["ocr_poor_pages"].append(number)
    if results and not any(_readable(r) for r in results):
        raise DocumentError(source, _refusal(results, dpis))
    if meta["ocr_uncertain"]:
        log.warning("%s: %d figures read by OCR with low confidence: %s", source,
                    len(meta["ocr_uncertain"]), [u["text"] for u in meta["ocr_uncertain"][:10]])
    return texts, meta
