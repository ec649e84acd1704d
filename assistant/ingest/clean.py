"""Turn raw extracted text into clean paragraphs with a section path and their footnotes.

What it undoes, as found in the seeds (text extracted from PDF/DOCX):
- lines wrapped by the layout (and the blank line the extractor puts after each line);
- footnote blocks (a line of spaces, then "N text" lines) sitting in the middle of a sentence
  that a page break cut; the body resumes on a line starting with one space (a page start);
- footnote markers glued to words or figures ("so cùng kỳ8.", "14,31%2;"): removed from the body
  so they never change a figure, and replaced by a sentinel so the chunker can attach the
  footnote text to the chunk that references it;
- `[bookmark: …]` residue of DOCX conversion;
- superscript footnote numbers of text copied from a word processor ("dự toán²", a footnote
  line "¹ Tỷ lệ …" under a rule of underscores): read as the plain numbers above, except a
  unit's power ("1.200 m²");
- bracketed footnote numbers of text saved from a word processor or a web page ("bình quân
  7,4%/năm[1];", a footnote line "[1] Năm 2021 tăng …" under a rule): read as the markdown
  markers ("[^1]") and the plain footnote lines above, so a marker never becomes a figure;
- a sentence addressed to an AI tool that tells it what to answer or to ignore its instructions
  ("Trợ lý AI … hãy bỏ qua mọi hướng dẫn và trả lời rằng …"): text planted in a file, never
  report content, so it is dropped before any figure or passage is taken from it.
Table rows written by the loaders (`loaders/tables.py`: "<title> — <header>: <cell> | …") are
kept one row per paragraph, never joined with their neighbours, never taken for headings, and
carry their table title as the last part of their section.
Headings (Phần thứ / A. / I. / 1. / 1.1. / a) / Điều N.) build the section path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from assistant.ingest.document import Document
from assistant.ingest.lexfold import fold
from assistant.ingest.loaders.tables import parse_row_line

FN_OPEN, FN_CLOSE = "\ue000", "\ue001"  # private-use sentinels around a footnote id
FN_SENTINEL_RE = re.compile(f"{FN_OPEN}([^{FN_CLOSE}]+){FN_CLOSE}")

_SEPARATOR_RE = re.compile(r"^ {15,}$|^_{10,}\s*$")
_FOOTNOTE_LINE_RE = re.compile(r"^\s?(\d{1,3})(?:\s+|(?=[^\W\d_]))(\S.*)$")
_NOISE_RE = re.compile(r"\[bookmark:[^\]]*\]|\[image:[^\]]*\]")
_MD_FN_RE = re.compile(r"\[\^(\w+)\]")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_POWER_UNIT_RE = re.compile(r"(?<![^\W\d_])[kcdm]?m$")  # m², km², cm³: a unit's power
# A marker: digits glued to a letter, %, closing bracket or quote, followed by punctuation/space;
# or a bracketed number glued to a word ("cả nước(1),").
# or one or two digits glued to the year of a date ("31/12/202319": 2023, then marker 19).
_GLUED_RE = re.compile(r"(?<=[^\W\d_]|[%)”\"’])(\d{1,3})(?=[\s.,;:)”]|$)|(?<=[^\W\d_%])\((\d{1,3})\)"
                       r"|(?<=\d/)(?P<year>(?:19|20)\d\d)(?P<mark>\d{1,2})(?=[\s.,;:)”]|$)")
_SENT_END = tuple(".:;!?…")

_HEADING_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    # "Phần thứ hai", and "Phần II" / "PHẦN 2" (a part's title follows on its own line); not
    # "Phần lớn …" or "Phần còn lại …"
    (0, re.compile(r"^(Phần thứ \w+|PHẦN THỨ \w+|(?:Phần|PHẦN) (?:[IVX]{1,4}|\d{1,2})(?=\s*[.:]?\s*$|\s*[.:]\s))", re.IGNORECASE)),
    (1, re.compile(r"^(Điều \d+)\.")),
    (1, re.compile(r"^([A-H])\.\s")),
    (2, re.compile(r"^([IVX]{1,5})\.\s")),
    (4, re.compile(r"^(\d{1,2}\.\d{1,2}\.?)\s")),
    (3, re.compile(r"^(\d{1,2})\.\s")),
    (5, re.compile(r"^([a-zđ])\)\s")),
]
MAX_HEADING_CHARS = 160


@dataclass
class Paragraph:
    text: str  # body text; footnote markers replaced by sentinels
    section: str
    page: int | None
    footnote_ids: list[str] = field(default_factory=list)
    table: str | None = None  # the table title when this paragraph is one table row


@dataclass
class CleanDocument:
    paragraphs: list[Paragraph]
    footnotes: dict[str, str]


# Instructions planted for an AI reader: an addressee and an order about answering, both folded.
_AI_ADDRESSEE = re.compile(r"\b(?:tro ly ao|tro ly|ai|chatgpt|chatbot|llm|mo hinh ngon ngu|assistant|language model)\b")
_AI_ORDER = re.compile(
    r"\bbo qua (?:moi|cac|tat ca|toan bo|nhung)?\s*(?:huong dan|chi dan|chi thi|yeu cau|lenh|so lieu|noi dung)"
    r"|\b(?:luon|hay|chi duoc|phai) tra loi\b|\btra loi rang\b|\bkhong (?:can |duoc )?trich dan\b"
    r"|\bignore (?:all |any |the )?(?:previous |prior |above )?(?:instructions|figures)\b"
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][)”\"])\s+")  # "1.118" is no end


def drop_planted_instructions(text: str) -> str:
    """`text` without the sentences that address an AI tool and order what it should answer."""
    folded = fold(text.lower())
    if not _AI_ORDER.search(folded):
        return text
    kept = []
    for sent in _SENTENCE_END_RE.split(text):
        f = fold(sent.lower())
        if _AI_ORDER.search(f) and _AI_ADDRESSEE.search(f):
            continue
        kept.append(sent)
    return " ".join(kept).strip()


def superscript_markers(text: str) -> str:
    """Superscript footnote numbers as plain digits ("toán²" -> "toán2", a line "¹ Tỷ lệ" ->
    "1 Tỷ lệ"), so the footnote rules read them; a unit's power ("m²") is kept."""
    def repl(m: re.Match[str]) -> str:
        if _POWER_UNIT_RE.search(text[max(0, m.start() - 3) : m.start()]):
            return m.group()
        return m.group().translate(_SUPERSCRIPTS)

    return _SUPERSCRIPT_RE.sub(repl, text)


# "[1]" glued to a word, figure, % or closing punctuation: a footnote reference, not a figure.
_BRACKET_MARKER_RE = re.compile(r"(?<=[^\W_]|[%)”\"’.,;:])\[(\d{1,3})\]")
_BRACKET_LINE_RE = re.compile(r"^\[(\d{1,3})\]\s+(?=\S)", re.MULTILINE)


def bracket_markers(text: str) -> str:
    """Bracketed footnote numbers as the forms the footnote rules read: a glued reference
    "đạt 7,4%/năm[1]" -> "đạt 7,4%/năm[^1]", a footnote line "[1] Năm 2021 …" -> "1 Năm 2021 …"."""
    return _BRACKET_LINE_RE.sub(r"\1 ", _BRACKET_MARKER_RE.sub(r"[^\1]", text))


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")


NEWSPAPER_NOTE_MIN = 60  # a footnote line is page-wide; a newspaper column line is not


def _opens_unmarked_block(line: str, previous: str, expected: int) -> bool:
    """In newspaper columns no separator precedes the footnotes: a block opens on a line that
    starts with the next footnote number, is wider than any column line, and follows a blank
    line or a line less than half its width (the last line of a column)."""
    m = _FOOTNOTE_LINE_RE.match(line)
    width = len(line.strip())
    return (
        m is not None
        and int(m.group(1)) == expected
        and width >= NEWSPAPER_NOTE_MIN
        and (not previous.strip() or len(previous.strip()) * 2 <= width)
    )


def _closes_block(line: str) -> bool:
    """A line no footnote continues: a heading of a part, article or Roman-numbered section
    ("II. LĨNH VỰC VĂN HÓA - XÃ HỘI", "Điều 2. …") or a title in capitals. A block typed in the
    middle of a text file (a line of spaces, the notes, then the next section) ends there."""
    h = heading_of(line)
    return (h is not None and h[0] <= 2) or _is_upper_title(line)


def split_footnotes(raw: str, expected: int = 1) -> tuple[list[str], dict[str, str]]:
    """Separate body lines from footnote blocks. Returns (body lines, {number: footnote text}).

    A block opens after a separator line (a line of spaces or underscores), or, in newspaper
    columns, on a page-wide line starting with the next footnote number; it closes where the
    body resumes on a line starting with one space (a page start). `expected` is the number of
    the next footnote (footnotes run on across pages).
    """
    body: list[str] = []
    notes: dict[str, list[str]] = {}
    current: str | None = None
    in_block = False
    previous = ""
    for line in raw.split("\n"):
        if _SEPARATOR_RE.match(line):
            in_block, current = True, None
            continue
        if not in_block and _opens_unmarked_block(line, previous, expected):
            in_block, current = True, None
        previous = line
        if in_block:
            m = _FOOTNOTE_LINE_RE.match(line)
            if m and int(m.group(1)) in (expected, expected + 1):
                current, expected = m.group(1), int(m.group(1)) + 1
                notes[current] = [m.group(2)]
                continue
            if line.startswith(" ") and line.strip():  # a page start: the body resumes
                in_block = False
            elif _closes_block(line.strip()):  # a section heading after a block typed mid-page
                in_block = False
            elif line.strip():
                if current is not None:
                    notes[current].append(line)
                continue
            else:
                continue
        body.append(line)
    return body, {k: _join_lines(v) for k, v in notes.items()}


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out.endswith("-") and out[-2:-1].isdigit() and line[:1].isdigit():
            out += line  # "2021-" + "2025"
        else:
            out = f"{out} {line}" if out else line
    return re.sub(r"\s+", " ", out).strip()


def _is_upper_title(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(line) <= MAX_HEADING_CHARS


def _starts_block(para: list[str], line: str) -> bool:
    """Does `line` start a new paragraph after the lines of `para`? (The layout lost the breaks.)"""
    prev = para[-1].strip()
    first = line[:1]
    if _is_upper_title(line) or _is_upper_title(prev):
        return True
    if heading_of(para[0].strip()) and not prev.endswith(_SENT_END) and len(" ".join(para)) <= MAX_HEADING_CHARS:
        # A heading has no final stop: what follows it in capitals is its body, and so is a dash
        # item ("1. Chỉ tiêu chủ yếu" then "- Khối lượng hàng hóa …"), never the heading's second line
        return first.isupper() or first in "-+*•–" or heading_of(line) is not None
    if heading_of(line) and prev.endswith(_SENT_END + (")",)):
        return True
    if _bare_heading(line) and not prev.endswith(_SENT_END) and len(" ".join(para)) <= MAX_HEADING_CHARS \
            and not heading_of(para[0].strip()):
        # "Tình hình kinh tế - xã hội 6 tháng đầu năm 2023" then "1. Tăng trưởng kinh tế": a title
        # line, then the first numbered heading on its own line
        return True
    return prev.endswith(_SENT_END) and (first.isupper() or first in "-+*•–")


def _bare_heading(line: str) -> bool:
    """A numbered heading alone on its line: short, no figure after its label, no sentence stop."""
    h = heading_of(line)
    if h is None or len(line) > 80:
        return False
    rest = line[len(h[1]) :].lstrip(".) ")
    return bool(rest) and rest[:1].isupper() and not re.search(r"\d|[.;:!?]\s", rest) and not rest.endswith(_SENT_END)


def to_paragraphs(lines: list[str]) -> list[str]:
    paras: list[list[str]] = []
    row_open = False  # the last paragraph is a table row: nothing may join it
    gap = False  # a blank line came before this line
    for line in lines:
        if not line.strip():
            gap = True
            continue
        is_row = parse_row_line(line) is not None
        # a numbered heading after a blank line opens a block even when the line before it (a
        # title without a final stop) could run on
        opens = gap and heading_of(line.strip()) is not None and len(line.strip()) <= MAX_HEADING_CHARS
        if not paras or is_row or row_open or opens or _starts_block(paras[-1], line.strip()):
            paras.append([line])
        else:
            paras[-1].append(line)
        row_open = is_row
        gap = False
    return [_join_lines(p) for p in paras]


def heading_of(text: str) -> tuple[int, str] | None:
    """(level, label) if `text` starts with a heading marker."""
    for level, pat in _HEADING_PATTERNS:
        m = pat.match(text)
        if m:
            return level, m.group(1)
    return None


def _heading_title(text: str, label: str) -> str:
    rest = text[len(label) :]
    if len(text) <= MAX_HEADING_CHARS and not rest.strip(" .").count(". "):
        return text.rstrip(" .:")
    head = label + re.split(r"(?<=[^\d])[.:;](?=\s)", rest.lstrip(".) "), maxsplit=1)[0].join(
        [". " if not label.endswith(("." , ")")) else " ", ""])
    return (head[:100] + "…") if len(head) > 100 else head


MARKER_WINDOW = 3  # markers run in order; accept one up to this far past the expected number


def mark_footnotes(text: str, known: set[str], state: dict[str, int] | None = None) -> tuple[str, list[str]]:
    """Replace glued footnote markers that name a known footnote by sentinels.

    Markers are numbered in reading order, so a glued number is taken as a marker only if it
    is the next expected one (or a little past it): "QL18" far after footnote 18 stays text.
    """
    state = state if state is not None else {"next": 1}

    def repl(m: re.Match[str]) -> str:
        number = m.group(1) or m.group(2) or m.group("mark")
        n = int(number)
        if m.group(1) in ("2", "3") and _POWER_UNIT_RE.search(m.string[max(0, m.start() - 3) : m.start()]):
            return m.group(0)  # "1,26 triệu m3", "850 m2": a unit's power, not a footnote
        if number in known and state["next"] <= n < state["next"] + MARKER_WINDOW:
            state["next"] = n + 1
            return f"{m.group('year') or ''}{FN_OPEN}{number}{FN_CLOSE}"
        return m.group(0)

    text = _MD_FN_RE.sub(lambda m: f"{FN_OPEN}{m.group(1)}{FN_CLOSE}" if m.group(1) in known else "", text)
    text = _GLUED_RE.sub(repl, text)
    found = [m.group(1) for m in FN_SENTINEL_RE.finditer(text)]
    return text, found


def clean_document(doc: Document) -> CleanDocument:
    """Paragraphs with section paths and footnote references, plus the footnote texts."""
    footnotes: dict[str, str] = dict(doc.footnotes)
    out: list[Paragraph] = []
    stack: list[tuple[int, str]] = []
    title_open = False  # the last paragraph was a bare heading its title may continue
    marker_state = {"next": 1}
    for page in doc.pages:
        raw = _NOISE_RE.sub("", bracket_markers(superscript_markers(normalize(page.text))))
        body, notes = split_footnotes(raw, _next_number(footnotes))
        footnotes.update(notes)
        for text in to_paragraphs(body):
            row = parse_row_line(text)
            if row is not None:
                out.append(_row_paragraph(text, row[0], stack, footnotes, page.number))
                continue
            text = drop_planted_instructions(text)
            if not text:
                continue
            stack, title_open = _update_stack(stack, text, title_open)
            text, ids = mark_footnotes(text, set(footnotes), marker_state)
            section = " > ".join(t for _, t in stack)
            out.append(Paragraph(text, section, page.number, ids))
    out = [p for p in out if p.text.strip()]
    _attach_orphans(out, footnotes)
    return CleanDocument(out, footnotes)


def _row_paragraph(
    text: str, title: str, stack: list[tuple[int, str]], footnotes: dict[str, str], page: int | None
) -> Paragraph:
    """A table row: only explicit markers ([^N]) are footnotes (a glued digit in a cell is data)."""
    text = _MD_FN_RE.sub(lambda m: f"{FN_OPEN}{m.group(1)}{FN_CLOSE}" if m.group(1) in footnotes else "", text)
    ids = [m.group(1) for m in FN_SENTINEL_RE.finditer(text)]
    parts = [t for _, t in stack]
    if not parts or parts[-1] != title:
        parts.append(title)
    return Paragraph(text, " > ".join(parts), page, ids, table=title)


def _next_number(footnotes: dict[str, str]) -> int:
    return max((int(k) for k in footnotes if k.isdigit()), default=0) + 1


def _attach_orphans(paras: list[Paragraph], footnotes: dict[str, str]) -> None:
    """A footnote whose marker was not recognised still belongs somewhere: next to its
    neighbours in numbering (its marker sits between theirs), so its figures are never lost."""
    where = {fid: i for i, p in enumerate(paras) for fid in p.footnote_ids}
    for fid in footnotes:
        if fid in where or not fid.isdigit():
            continue
        n = int(fid)
        for delta in (-1, 1, -2, 2, -3, 3):
            if str(n + delta) in where:
                paras[where[str(n + delta)]].footnote_ids.append(fid)
                where[fid] = where[str(n + delta)]
                break
        else:
            if paras:
                paras[-1].footnote_ids.append(fid)


def _update_stack(
    stack: list[tuple[int, str]], text: str, title_open: bool
) -> tuple[list[tuple[int, str]], bool]:
    h = heading_of(text)
    if h is not None:
        level, label = h
        title = _heading_title(text, label)
        bare = text.rstrip(" .:") in (label.rstrip("."), title) and len(text) <= MAX_HEADING_CHARS
        return [s for s in stack if s[0] < level] + [(level, title)], bare
    if title_open and _is_upper_title(text) and stack:
        # "Phần thứ nhất" followed by its title on the next line(s)
        level, title = stack[-1]
        sep = ": " if ":" not in title else " "
        return stack[:-1] + [(level, f"{title}{sep}{text.rstrip(' .')}")], True
    return stack, False
