"""Where a span sits in the raw extracted file: inside a footnote, or next to a page break.

The seeds keep the layout of the PDF: a footnote block is a line of spaces followed by lines
that start with the footnote number; the body resumes on a line that starts with one space; a
page break may leave only a page number or a running header between two halves of a sentence.
"""

from __future__ import annotations

import re

from assistant.eval.textnorm import normalize

_SEPARATOR_RE = re.compile(r"^\s{10,}$")
_PAGE_START_RE = re.compile(r"^ \S")
MAX_FOOTNOTE_LINES = 8
SPLIT_DISTANCE = 600  # a page-break item's evidence must be this close to the break (chars)


def footnote_regions(raw: str, number: str) -> list[str]:
    """Texts of the lines that start footnote `number` and continue it (normalised)."""
    lines = raw.split("\n")
    start = re.compile(rf"^\s?{re.escape(number)}\s*(?=\D)")
    nxt = re.compile(rf"^\s?{int(number) + 1}\s*\D") if number.isdigit() else None
    regions = []
    for i, line in enumerate(lines):
        if not start.match(line):
            continue
        taken, blanks = [line], 0
        for follow in lines[i + 1 : i + 1 + 2 * MAX_FOOTNOTE_LINES]:
            if not follow.strip():
                blanks += 1
                if blanks >= 2:
                    break
                continue
            blanks = 0
            if (
                (nxt and nxt.match(follow))
                or _SEPARATOR_RE.match(follow)
                or _PAGE_START_RE.match(follow)
            ):
                break
            taken.append(follow)
            if len(taken) >= MAX_FOOTNOTE_LINES:
                break
        regions.append(normalize(" ".join(taken)))
    return regions


def footnote_problems(evidence: tuple[str, ...], number: str | None, raws: list[str]) -> list[str]:
    """Each evidence span must lie inside footnote `number` of one of the raw texts."""
    if not number:
        return ["câu chú thích cần 'footnote' (số chú thích)"]
    regions = [r for raw in raws for r in footnote_regions(raw, number)]
    missing = [e for e in evidence if not any(normalize(e) in r for r in regions)]
    return [f"bằng chứng không nằm trong chú thích {number}: {e!r}" for e in missing]


def _flex(text: str) -> str:
    return r"\s+".join(re.escape(w) for w in text.split())


def split_problems(
    split_at: str | None, evidence: tuple[str, ...], raw: str, norm: str
) -> list[str]:
    """`split_at` ("before|after") must straddle a page break or footnote block in `raw`, and the
    evidence must sit near it in the normalised text `norm`."""
    if not split_at or split_at.count("|") != 1:
        return ["câu ngắt trang cần 'split_at' dạng 'trước|sau'"]
    before, after = (s.strip() for s in split_at.split("|"))
    pat = re.compile(_flex(before) + r"[ \t]*\n(?P<mid>(?:[^\n]*\n){1,150}?)[ \t]*" + _flex(after))
    if not any(m.group("mid").strip() for m in pat.finditer(raw)):
        return [f"không thấy ngắt trang/chú thích giữa {before!r} và {after!r}"]
    anchors = [
        m.start() for s in (before, after) for m in re.finditer(re.escape(normalize(s)), norm)
    ]
    spans = [m.start() for e in evidence for m in re.finditer(re.escape(normalize(e)), norm)]
    if not any(abs(a - s) <= SPLIT_DISTANCE for a in anchors for s in spans):
        return ["bằng chứng ở xa chỗ ngắt trang"]
    return []
