"""Measure OCR quality on the seed reports: render their text to page images, OCR them back.

Each sampled page (45 wrapped lines of a seed) is drawn in DejaVu Sans 11 pt at 200 dpi,
like a clean office scan, then read by the same OCR code ingestion uses. Printed per page and
in total: character accuracy (1 - edit distance / reference length, whitespace collapsed) and
the share of figures (assistant.numbers.find_numbers) recovered exactly, plus how many
wrongly read figures were flagged as uncertain.

    .venv/bin/python scripts/ocr_accuracy.py --pages 2            # 2 pages of each seed
    .venv/bin/python scripts/ocr_accuracy.py --pages 3 --doc bc-ktxh-2022
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.ingest.loaders.ocr import ocr_image  # noqa: E402
from assistant.numbers import find_numbers  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 200
PAGE_W, PAGE_H = int(8.27 * DPI), int(11.69 * DPI)  # A4
MARGIN = int(0.8 * DPI)
LINES_PER_PAGE = 45


def pages_of(text: str, chars_per_line: int) -> list[str]:
    """The seed wrapped to the page width, cut into pages of LINES_PER_PAGE lines."""
    lines = []
    for para in text.split("\n"):
        para = " ".join(para.split())
        if para:
            lines += textwrap.wrap(para, chars_per_line)
    return ["\n".join(lines[i : i + LINES_PER_PAGE]) for i in range(0, len(lines), LINES_PER_PAGE)]


def render(page_text: str, font: ImageFont.FreeTypeFont) -> Image.Image:
    image = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(image)
    line_h = int(font.size * 1.5)
    for i, line in enumerate(page_text.split("\n")):
        draw.text((MARGIN, MARGIN + i * line_h), line, font=font, fill=0)
    return image


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def measure(ref: str, image: Image.Image) -> dict:
    page = ocr_image(image, dpi=DPI)
    a, b = squash(ref), squash(page.text)
    ref_figs = Counter(m.text for m in find_numbers(a))
    got_figs = Counter(m.text for m in find_numbers(b))
    recovered = sum((ref_figs & got_figs).values())
    wrong = ref_figs - got_figs
    flagged = {u["text"] for u in page.unsure}
    return {
        "chars": len(a),
        "errors": edit_distance(a, b),
        "figures": sum(ref_figs.values()),
        "recovered": recovered,
        "missed": sorted(wrong.elements())[:10],
        "flagged": len(page.unsure),
        "flagged_words": sorted(flagged)[:10],
        "mean_confidence": round(page.mean_confidence, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2, help="pages sampled per seed (spread evenly)")
    ap.add_argument("--doc", action="append", help="doc_id to measure (default: all seeds)")
    ap.add_argument("--json", action="store_true", help="print the per-page results as JSON")
    args = ap.parse_args()
    manifest = json.loads((ROOT / "corpus" / "manifest.json").read_text("utf-8"))["documents"]
    font = ImageFont.truetype(FONT, size=round(11 * DPI / 72))
    chars_per_line = int((PAGE_W - 2 * MARGIN) / (font.getlength("n") * 1.05))
    total = Counter()
    for entry in manifest:
        if args.doc and entry["doc_id"] not in args.doc:
            continue
        text = (ROOT / "corpus" / entry["source_file"]).read_text("utf-8")
        pages = pages_of(text, chars_per_line)
        step = max(len(pages) // args.pages, 1)
        for n in list(range(0, len(pages), step))[: args.pages]:
            started = time.time()
            r = measure(pages[n], render(pages[n], font))
            total.update({k: r[k] for k in ("chars", "errors", "figures", "recovered", "flagged")})
            print(
                f"{entry['doc_id']} p{n + 1}: chars {1 - r['errors'] / r['chars']:.2%}, "
                f"figures {r['recovered']}/{r['figures']}, flagged {r['flagged']}, "
                f"conf {r['mean_confidence']}, {time.time() - started:.0f}s; missed {r['missed']}",
                flush=True,
            )
            if args.json:
                print(json.dumps({"doc_id": entry["doc_id"], "page": n + 1, **r}, ensure_ascii=False))
    if total["chars"]:
        print(
            f"TOTAL: character accuracy {1 - total['errors'] / total['chars']:.2%} "
            f"({total['errors']} errors in {total['chars']} chars); figures recovered exactly "
            f"{total['recovered']}/{total['figures']} = {total['recovered'] / max(total['figures'], 1):.2%}; "
            f"uncertain words flagged {total['flagged']}"
        )


if __name__ == "__main__":
    main()
