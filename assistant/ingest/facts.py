"""Facts: every figure of a document tied to its indicator, place, period, kind, role and basis.

Rules over the clause structure of Vietnamese reports, no model: a sentence is cut into
clauses at ", ; : ( )"; the words of a clause before its verb ("đạt", "tăng", "chiếm", …) name
the indicator, and a clause that starts with its verb ("…, tăng 32% so cùng kỳ, bằng 62,9%
dự toán") belongs to the indicator of the clause before. The period comes from the clause,
else the sentence, else the nearest heading, else the document; a period after "so / so với /
cùng kỳ" is a basis, never the period. The place comes from the clause ("huyện Kim Bảng"),
else the document. Table rows (`Biểu 01 — Chỉ tiêu: … | Kế hoạch 2024: …`) give one fact per
cell, period and kind from the column header.

A figure that is not a quantity — a date, a year, a document number, a footnote marker, a
list numeral, an article number, an ordinal — gets no fact; `non_fact_reason` says why.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.ingest.gazetteer import PROVINCES, Gazetteer, document_gazetteer
from assistant.ingest.lexfold import fold
from assistant.ingest.loaders.tables import parse_row_line
from assistant.ingest.periods import (
    Period,
    date_spans,
    doc_period,
    find_period_spans,
    is_basis,
    is_date,
)
from assistant.ingest.profile import _UP, NAME
from assistant.numbers import COUNT_UNITS, Mention, Unit, find_numbers, read_unit
from assistant.types import Chunk, Fact

# Bump when the rules change: indexes built under other rules re-read their documents.
FACTS_VERSION = 83

_SENT_SPLIT = re.compile(r"(?<=[.;!?…])\s+(?=[A-ZĐÀ-Ỹ(\-–+*\"“])|\n+")
_CLAUSE_BOUNDARY = re.compile(r";|:|,\s")
_FOOTNOTE_PREFIX = re.compile(r"^\[Chú thích [^\]]+\]\s*")
# A place's name may run onto the next line (a wrapped column), but a line opening with one of these
# words starts a new sentence ("… cấp huyện" / "Đến cuối năm …" is no district called "Đến")
_LINE_OPENERS = ("(?:Đến|Trong|Theo|Tính|Các|Những|Ngoài|Về|Với|Tuy|Nhìn|Sau|Từ|Riêng|Qua|Do|Nhờ|Hiện|Dự|Ước|Có|Đã"
                 "|Được|Tổng|Toàn|Cả|Tháng|Quý|Năm|Kết|Thực|Tình|Trên|Đối|Để|Tiếp|Giảm|Tăng|Số|Tỷ|Thu|Chi|Giá|Vốn)")
PLACE_RE = re.compile(
    rf"\b(?P<kind>(?i:huyện|thành phố|thị xã|quận|xã|phường|thị trấn|đặc khu|tỉnh|vùng)|TP\.?)(?:[ \t]+|[ \t]*\n[ \t]*(?!{_LINE_OPENERS}\b))(?![{_UP}]{{2,}}\b)(?P<name>{NAME})"
    r"|(?P<nation>(?i:cả nước|toàn quốc))"
)

# Role cues, searched in the folded text before a figure; the nearest one wins.
_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("level", re.compile(r"\b(?:tang len|giam con|giam xuong|con|dat|la|co(?! von (?:dau tu )?(?:truc tiep )?nuoc ngoai\b)|voi|(?<!khai )khoang(?! san\b)|thu hut|cap moi|thanh lap moi|len|xuong)\b"
                         r"|\b(?:tang|giam) tu\s*$")),  # "tăng từ 21,69% … lên 57,1%": both are levels
    # "giảm còn 1%", "tăng lên 57,1%" state the level reached, not the change
    ("change+", re.compile(r"\b(?:tang(?! truong| tu\b| len\b)(?: them)?|vuot|cao hon|nhieu hon|tang gap|gap)\b|\(\+\s*$")),
    ("change-", re.compile(r"\b(?:giam(?! ngheo| tu\b| con\b| xuong\b)|thap hon|it hon|(?<!thu )hut)\b|\(-\s*$")),
    ("share_whole", re.compile(r"\bchiem(?: ty trong| ty le)?\b")),
    ("share", re.compile(r"\b(?:bang|hoan thanh)\b")),
    # folded "thu" is also "thu" (revenue): a bare "thứ" is read on the written text (_is_rank)
    ("rank", re.compile(r"\b(?:dung thu|xep thu|xep hang|hang thu|vi tri thu)\s*$")),
]
_PLAN_AFTER = re.compile(r"^\s*(?:so\s+(?:voi\s+)?)?(?:ke hoach|kh\b|du toan|muc tieu|chi tieu|nghi quyet)")
_BASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"cung ky"), "cùng kỳ"),
    (re.compile(r"\bso\s+(?:voi\s+)?(?:thang|ky)\s+truoc"), "tháng trước"),
    (re.compile(r"\bso\s+(?:voi\s+)?nam\s+truoc"), "năm trước"),
    (re.compile(r"\bso\s+(?:voi\s+)?dau nam"), "đầu năm"),
    (re.compile(r"\bdu toan"), "dự toán"),
    (re.compile(r"ke hoach|\bkh\b"), "kế hoạch"),
    (re.compile(r"muc tieu|chi tieu|nghi quyet"), "mục tiêu"),
    (re.compile(r"\bso\s+(?:voi\s+)?quy\s+truoc"), "quý trước"),
    (re.compile(r"\bso\s+(?:voi\s+)?ky\s+goc"), "kỳ gốc"),
]
# "so với quý IV/2024", "so với tháng 12 năm trước", "so với cuối năm 2024", "so với thời điểm
# 31/12/2023": a period named right after "so (với)" is the basis of the change before it
_PERIOD_BASIS = re.compile(r"\bso\s+(?:voi\s+)?(?:(?:thoi diem|cuoi|het)\s+)?")
_ESTIMATE = re.compile(r"\b(?:uoc|du bao)\b")
_TARGET = re.compile(r"\b(?:ke hoach|muc tieu|chi tieu|phan dau|dinh huong|de ra|du toan|phan dau dat)\b"
                     # "giao" is a plan only as "giao" (assigned), not in nouns: giao thông, giao dịch, …
                     r"|\bgiao\b(?! (?:thong|dich|luu|thuong|nhan|hang|tiep|thua|khoan|rung|ban|duc|vien|trinh|su)\b)")
# A plan word as the basis a figure is measured against, not the kind of the figure:
# "vượt 2,6% kế hoạch", "08 chỉ tiêu vượt kế hoạch", "vượt chỉ tiêu Quốc hội giao 5%"
_BASIS_TARGET = re.compile(
    r"(?:%|\bso(?: voi)?|\bdat|\bvuot(?: muc)?|\bhoan thanh|\bbang|\d)\s*"
    r"(?:ke hoach|kh|chi tieu|muc tieu|du toan|nghi quyet)\b(?:[^\d,;.()]{0,30}?\b(?:giao|de ra)\b)?")


_PLAN_THEN_BRACKET = re.compile(r"\b(?:ke hoach|muc tieu|chi tieu|du toan)\b(?:[^\d()]|\b20\d\d\b){0,40}\(\s*$")


def _place_aside(text: str) -> bool:
    """"(cả nước giảm 0,17%": a bracket opened by a place and a verb of change, before its figure."""
    m = PLACE_RE.match(text.strip())
    return bool(m) and bool(re.fullmatch(r"\s*(?:cung ky\s*)?(?:tang|giam|dat|la|bang|uoc tang|uoc giam|uoc dat)?\s*",
                                         fold(text.strip()[m.end():].lower())))


def _target_cues(folded: str, raw: str | None = None) -> list[int]:
    """Positions of plan words in `folded` (the text before a figure) that make the figure a
    plan. A plan word is a basis instead when it follows a figure ("2,6% kế hoạch", "09 chỉ tiêu")
    or a verb of a figure before it ("09 chỉ tiêu đạt kế hoạch"), or leads straight to the figure
    ("vượt chỉ tiêu giao 5%"); "vượt mục tiêu Đại hội (32,4%)" still states the plan's value."""
    spans = []
    for m in _BASIS_TARGET.finditer(folded):
        after = folded[m.end():]
        lead_figure = m.group(0)[:1] in "%0123456789"
        figure_before = re.search(r"\d[^()]*$", folded[: m.start()]) is not None
        if raw is not None and re.match(r"(?:[^\d()]|\b20\d\d\b){0,40}\(\s*[\d.,]+\s*[^\d(),;]{0,25}\)", raw[m.end():]) \
                and re.fullmatch(r"(?:[^\d()]|\b20\d\d\b){0,40}\(\s*", raw[m.end() : len(folded)]):
            continue  # "bằng 92% mục tiêu Nghị quyết (15.000 tỷ đồng)": the bracket states the plan's value
        if not after.strip() and re.search(r"\b(?:chua|khong)\s*$", folded[: m.start()]) and m.group(0).startswith("dat"):
            continue  # "chưa đạt mục tiêu 47%": the figure a plan was not met at is the plan's value
        if lead_figure or not after.strip() or (figure_before and "(" not in after):
            spans.append(m.span())
    return [m.start() for m in _TARGET.finditer(folded) if not any(a <= m.start() < b for a, b in spans)]


# A head that names only places or a class of them ("Nổi bật các huyện", "địa phương chưa"),
# or only the verb "thu"/"chi" of a place ("Thành phố X thu 1.862 tỷ đồng")
# A sentence about several places of one level, and a bare name with its figure in brackets
_LISTED_LEVEL = re.compile(r"(?i)\b(?:các|những|một số|\d+)\s+(xã|phường|thị trấn|huyện|thị xã|quận)\b")
_NAME_BRACKET = re.compile(rf"(?<=[\s,;:])((?:[{_UP}][a-zà-ỹđ]+)(?:[ \t]+[{_UP}][a-zà-ỹđ]+){{0,3}})\s*\(\s*(?:tăng|giảm|đạt)?\s*\d")
# A superlative that singles one place out: "cao nhất huyện", "thấp nhất tỉnh", "lớn nhất"
_SUPERLATIVE = re.compile(r"(?i)\s*\b(?:cao|thấp|lớn|nhỏ|nhiều|ít)\s+nhất(?:\s+(?:huyện|tỉnh|thành phố|toàn\s+\w+|cả\s+nước))?")
# The whole area as a clause's head: "toàn huyện còn 1.846 hộ nghèo" (where, not what)
_WHOLE_SCOPE = re.compile(r"(?:toan|ca|tren dia ban)\s+(?:tinh|huyen|xa|thanh pho|thi xa|phuong|quan|thi tran|vung)")
_PLACE_CLASS = re.compile(
    r"^(?:(?:noi bat|cac|nhung|mot so|co|chua|deu|gom|rieng|con lai|dia phuong|huyen|thi xa|thanh pho|quan|"
    r"xa|phuong|thi tran|tinh|trong do|thu|chi|dat|la)(?:\s+|$))*"
    r"(?:dia phuong|huyen|thi xa|thanh pho|quan|thu|chi)(?:\s+(?:chua|deu|co|thu|chi|dat))*$")
# "từ đầu năm 2021 đến nay"
_SINCE = re.compile(r"\btu dau nam (20\d\d) (?:den|toi) nay\b")
# words that may open a statement before the place it is about: "Riêng huyện X …", "Tại thị xã Y, …"
_PLACE_LEAD = re.compile(r"\s*(?:rieng|trong do|con|tai|doi voi)\s+")
# a statement about the report's month: "Trong tháng, nhóm giáo dục tăng …" (not "trong tháng 8")
_IN_THE_MONTH = re.compile(r"\s*(?:trong|rieng|tinh rieng) thang(?: nay| bao cao)?\s*,")
# an average per year: "bình quân hằng năm", "bình quân 14%/năm"
# (an average over years; "thu nhập bình quân", "tiền lương bình quân", "giá bình quân" are levels of a year)
_AVERAGE = re.compile(r"\b(?<!thu nhap )(?<!luong )(?<!gia )(?<!nang suat )binh quan(?! dau nguoi)\b|%\s*/\s*nam\b")
# indexes published once a year, whose rank is for the edition's year
ANNUAL_INDEX = re.compile(r"\b(?:pci|papi|par index|sipas|ict index|ddci)\b")
_PLAN_HEADING = re.compile(r"\b(?:ke hoach|nhiem vu|muc tieu|phuong huong|giai phap|chi tieu|dinh huong)\b")
_LEAD = re.compile(
    r"^(?:\s+|(?:(?:so (?:voi )?)?cung ky(?: nam truoc)?|trong do|rieng|con|va|voi|ngoai ra|ben canh do|tinh chung|"
    r"luy ke|cu the|theo do|dong thoi|nhu vay|nhin chung|nhung|tuy nhien|the hien|ca nam|toan tinh|trong|den nay|"
    r"den|tu|so|cua|uoc|tinh den|nay|tinh tu dau nam den nay|cong don|hien nay|hien(?! dai)|tuong ung)\b)+"
)
_TRAIL = re.compile(
    r"(?:\s+|\b(?:uoc|dat|la|co|(?<!khai )khoang(?! san\b)|tren|duoi|gan|hon|voi|tong|muc|so|con|len|xuong|tai|thuc hien|bang|"
    r"lan luot|tiep tuc|da|duoc|chiem|tang|giam|vuot|cao|thap|nhat|ty trong|ty le|cua|tinh|toan tinh"
    r"|tuong ung)\b|[\s,;:]+)+$"
)
_STOP_ONLY = re.compile(r"^(?:\s|tinh|toan|nam|thang|quy|cac|nhung|mot|so|chung|nay|do|dau|cuoi|hien)*$")
_NON_FACT_BEFORE = [
    ("date", re.compile(r"(?i)ngày\s*$")),
    ("doc-number", re.compile(r"(?i)(?<!chỉ )(?<![\w])số\s*:?\s*$")),
    ("reference", re.compile(
        r"(?i)\b(?:điều|khoản|chương|mục|phần|luật|nghị định|quyết định|chỉ thị|kết luận|thông tư|"
        r"nghị quyết|quốc lộ|ql|tỉnh lộ|đt|đh|đường tỉnh|covid|phụ lục|biểu|bảng|mẫu)\s*\.?\s*$")),
    ("ordinal", re.compile(r"(?i)\b(?:lần thứ|kỳ họp thứ|khóa|khoá|phiên|số thứ tự|stt)\s*$")),
]


def _name_end(before: str) -> bool:
    """"Kim Bảng 112,4%": a proper name ending in a reference word ("Bảng") is no reference."""
    words = before.split()[-2:]
    return len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words) and not words[0].isupper()


@dataclass
class Context:
    doc_id: str
    place: str | None
    period: Period | None
    reference_end: str | None  # ISO date: figures for periods after it are plans
    resolution: bool  # a resolution's task sections state targets
    gazetteer: Gazetteer | None = None  # places written by bare name
    province: str | None = None  # the province a city's or district's report names most


def place_name(m: re.Match[str]) -> str | None:
    """The place a PLACE_RE match names: "huyện Kim Bảng", a province by its bare name, "cả nước"."""
    if m.group("nation"):
        return "cả nước"
    kind = m.group("kind").lower().rstrip(".")
    kind = "thành phố" if kind == "tp" else kind
    return m.group("name") if kind == "tỉnh" else f"{kind} {m.group('name')}"


# A body named after a place: "Công ty Cổ phần Lọc hóa dầu Bình Sơn", "Bệnh viện Đa khoa Kim Sơn",
# "KCN Phố Nối": the bare name is part of the body's name, not where the figure is
_BODY_NAME = re.compile(r"(?:(?:Tổng )?[Cc]ông ty|Tập đoàn|Nhà máy|Ngân hàng|Bệnh viện|Trường|Cảng|Sân bay|Khu công nghiệp|"
                        r"KCN|Cụm công nghiệp|CCN|Khu kinh tế|Chi nhánh|Hợp tác xã|HTX|Trung tâm|Ban quản lý)"
                        r"(?:\s+(?!(?:ở|tại|của|trên|thuộc|và|với|cho|các|huyện|tỉnh|xã|thị xã|thành phố)\b)[^\s,;:()]+){0,5}\s+$")


def _in_a_name(sent: str, start: int) -> bool:
    """Is the bare place name at `start` the tail of a company's, a hospital's, a zone's name?"""
    return _BODY_NAME.search(sent[max(0, start - 60) : start]) is not None


def same_place(a: str | None, b: str | None) -> bool:
    """"tỉnh Nghệ An" == "Nghệ An"; "huyện Kim Bảng" != "Kim Bảng" only by level word. A town
    named like its province is not the province: "thành phố Quảng Ngãi" is the provincial
    capital, not tỉnh Quảng Ngãi (the centrally-run cities are their own province)."""
    if not a or not b:
        return False
    if fold(bare_place(a)) != fold(bare_place(b)):
        return False
    return _is_local(a) == _is_local(b) or fold(bare_place(a)) not in _province_names()


def _is_local(name: str) -> bool:
    """Named with the level word of a place inside a province: "thành phố X", "thị xã X", "huyện X"."""
    return re.match(r"(?i)^(?:thành phố|tp\.?|thị xã|tx\.?|huyện|quận)\s+", name.strip()) is not None


@functools.cache
def _province_names() -> frozenset[str]:
    capitals = {"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"}  # centrally-run: "thành phố" is the province
    return frozenset(fold(bare_place(p)) for p in PROVINCES) - capitals



def bare_place(name: str) -> str:
    """A place's name without its level word, lower case: "Thành phố Cần Thơ" -> "cần thơ"."""
    bare = re.sub(r"^(?:tỉnh|thành phố|tp\.?|huyện|thị xã|quận)\s+", "", name.lower().strip())
    return re.sub(r"\s*-\s*", " - ", bare)  # "Bà Rịa-Vũng Tàu" is "Bà Rịa - Vũng Tàu"


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT_SPLIT.split(text) if s and s.strip()]


def non_fact_reason(sent: str, m: Mention, blocked: list[tuple[int, int]], unit_len: int = 0) -> str | None:
    """Why the figure `m` of `sent` is not a quantity, or None if it is one."""
    if any(a <= m.start < b for a, b in blocked):
        return "period"
    before, after = sent[max(0, m.start - 30) : m.start], sent[m.end : m.end + 3]
    if m.start > 0 and (sent[m.start - 1].isalpha() or re.search(r"[^\W\d_]-$", before)):
        return "marker"
    if after[:1].isalpha() and not unit_len:
        return "code"
    if re.match(r"[-/][A-ZĐ]", after):
        return "doc-number"
    if re.match(r",\d", after):
        return "cut"  # read short: "36,4/10.000 dân" is no figure "36"
    if m.value is not None and m.value <= 10 and not m.percent and not unit_len \
            and re.match(r"(?i)\s*năm(?!\s+\d{4}(?!\s*[-–]))(?!\w)", sent[m.end : m.end + 20]) \
            and not re.search(r"(?i)(?:thứ|hạng|top)\s*$", before):
        return "years-count"  # "tổng thu 5 năm ước đạt …", "5 năm 2021-2025": a span of years, not a figure
    if m.text in ("1.000", "10.000", "100.000") and re.match(r"(?i)\s*(?:người\s+)?dân(?!\w)", sent[m.end : m.end + 12]) \
            and re.search(r"(?i)(?:/|(?<!có )(?<!hơn )(?:trên|mỗi)\s)\s*$", before):
        return "per-head"  # "số bác sĩ trên 10.000 dân đạt 13,2": the denominator of a rate's name
    if m.value is not None and 1 <= m.value <= 5 and m.value.is_integer() and not m.percent \
            and re.match(r"(?i)\s*sao(?!\w)", sent[m.end : m.end + 6]) \
            and re.search(r"(?i)(?:sản phẩm|OCOP|khách sạn|cơ sở lưu trú|hạng|đạt|từ)\s*$", before):
        return "stars"  # "46 sản phẩm 4 sao", "khách sạn 5 sao": a grade in the name, not a figure
    if re.search(r"(?i)(?<!\w)(?:dưới|trên|từ|đủ|đến|độ\s+tuổi|ngoài)\s*$", before) \
            and re.match(r"(?i)\s*tuổi(?!\w)", sent[m.end : m.end + 8]):
        return "age-bound"  # "trẻ em dưới 5 tuổi": part of the indicator's name, not a figure
    if re.search(r"(?i)(?<!\w)từ\s*$", before) and re.match(r"(?i)\s*(?:%|[^\W\d_]+(?:/[\d.]*\s*[^\W\d_]+)*)?\s*(?:lên|xuống)(?!\w)",
                                                        sent[m.end : m.end + 30]):
        return "from-value"  # "tăng từ 73,4 lên 74,7": the start of a change with no period of its own
    for reason, rx in _NON_FACT_BEFORE:
        if rx.search(before) and not (reason == "reference" and _name_end(before)):
            return reason
    if m.value is not None and m.start > 0 and sent[m.start - 1] == "(" and after[:1] == ")" and m.value < 100:
        return "list-numeral"
    if m.value is not None and m.start == 0 and after[:1] in (".", ")") and m.value < 100:
        return "list-numeral"
    if (m.start == 0 or sent[max(0, m.start - 2) : m.start] == ". ") and re.match(r" [A-ZĐÀ-Ỹ]", sent[m.end : m.end + 2]) and not unit_len and not m.percent:
        return "marker"  # a footnote's own number at the start of its text
    if (m.value is not None and re.fullmatch(r"(?:19|20)\d\d", m.text) and not unit_len and not m.percent):
        return "year"
    return None


def _of_standard(sent: str, start: int) -> bool:
    """"(theo chuẩn giai đoạn 2021-2026)": the period of a standard, not of the figure."""
    return bool(re.search(r"\bchuan(?: ngheo| moi)?\s*$", fold(sent[max(0, start - 20) : start].lower())))


def _is_rank(pre: str, post_folded: str) -> bool:
    """"đứng thứ 2", "thứ 13", "nhóm 10 tỉnh dẫn đầu": a place in a ranking."""
    pre = pre.lower().rstrip()
    return pre.endswith("thứ") or (pre.endswith("nhóm") and post_folded.lstrip().startswith(("tinh", "dia phuong")))


def _rank_fraction(sent: str, m: Mention) -> tuple[float, str] | None:
    """"xếp thứ 12/63" or "đứng 5/63 tỉnh": a rank written as a fraction."""
    fm = re.fullmatch(r"(\d{1,2})/(\d{1,2})", m.text)
    if not fm:
        return None
    pre = fold(sent[max(0, m.start - 25) : m.start].lower())
    post = fold(sent[m.end : m.end + 12].lower())
    if re.search(r"(?:thu|hang|xep|dung|vi tri)\s*$", pre) or post.strip().startswith("tinh"):
        return float(fm.group(1)), fm.group(2)
    return None


def _part_fraction(sent: str, m: Mention, unit) -> tuple[float, str] | None:
    """"có 363/465 xã đạt chuẩn": a count of things out of a total (the count's figure, as written)."""
    fm = re.fullmatch(r"(\d{1,3}(?:\.\d{3})*|\d+)/(\d{1,3}(?:\.\d{3})*|\d+)", m.text)
    if not fm or not unit.is_count:
        return None
    a, b = (float(x.replace(".", "")) for x in fm.groups())
    return (a, fm.group(1)) if 0 < a <= b and b > 1 else None


# a crop season: "vụ Đông Xuân 2021-2022", "vụ Hè Thu", "vụ Mùa" (folded)
_SEASON_NAMES = r"(?:dong xuan|he thu|thu dong|chiem xuan|chiem|mua(?! ban)|xuan)\b"
_SEASON = re.compile(r"\bvu (?:lua )?(?:dong xuan|he thu|thu dong|chiem xuan|chiem|mua(?! ban)|xuan|dong)\b")


# a head that is only a verb of sowing or planting, after a label or a subject ("Vụ Mùa: gieo cấy",
# "toàn thành phố đã gieo cấy", "cấy")
_SOWN = re.compile(r"^(?P<label>[^:]*:\s*)?(?:(?:(?:toan|ca) (?:tinh|thanh pho|huyen)|da|duoc|ca nam)\s+)*"
                   r"(?P<verb>gieo cay|gieo trong|gieo sa|xuong giong|cay|trong)$")


_SOWN_CROP = re.compile(r"^(?:[^:]*:\s*)?dien tich (?:gieo cay|gieo trong|gieo sa|xuong giong|cay|trong) (?P<crop>.+)$")


def _sown_area(indicator: str, unit: str | None, after: str, before: list[str] = ()) -> str:
    """"gieo cấy 3.260 ha lúa", "huyện X cấy 7.815 ha": an area whose head is only the verb of
    sowing is the sown area of the crop named after the unit ("diện tích gieo cấy lúa"); with no
    crop named, of the crop whose sown area the sentence stated before (`before`: the indicators
    of its earlier figures in the same unit) — "toàn tỉnh cấy 41.300 ha lúa mùa; trong đó huyện X
    cấy 9.200 ha" is the district's part of that area."""
    if unit != "ha" or not indicator:
        return indicator
    m = _SOWN.match(fold(indicator.lower()))
    if not m:
        return indicator
    crop = re.split(r"[,;.()]", after)[0].strip()
    crop = crop if 1 <= len(crop.split()) <= 3 and not re.search(r"\d", crop) \
        and not _VERB.search(crop.lower()) else ""
    for b in reversed(before) if not crop else ():
        whole = _SOWN_CROP.match(fold(b.lower()))
        if whole:
            crop = b[whole.start("crop") :]
            break
    label = indicator[: m.end("label")] if m.group("label") else ""
    verb = indicator[m.start("verb") :]
    return f"{label}diện tích {verb} {crop}".strip()


_BARE_CROP_MEASURE = re.compile(r"(?:tong )?(?:nang suat|san luong)(?: (?:lua|binh quan(?: chung)?|thu hoach|dat duoc))?")
_AREA_OF_CROP = re.compile(r"\d[\d.,]*\s*ha\s+([^\W\d_][^,;.()\d]{1,40})")


def _crop_measure(indicator: str, before: str) -> str:
    """"xuống giống 41.200 ha lúa Đông Xuân, năng suất bình quân đạt 62,5 tạ/ha": a yield or an
    output named only by its measure is of the crop whose area the sentence gave before it."""
    if not indicator or not _BARE_CROP_MEASURE.fullmatch(fold(indicator.lower())):
        return indicator
    found = list(_AREA_OF_CROP.finditer(before))
    if not found:
        return indicator
    crop = found[-1].group(1).strip()
    if not 1 <= len(crop.split()) <= 4 or _VERB.search(crop.lower()) \
            or re.match(r"(?:voi|va|cua|trong|so|tang|giam|dat|bang|nang suat|san luong)\b", fold(crop.lower())):
        return indicator
    return f"{indicator} {crop}"


# "… 164 hồ sơ với số tiền 912,5 tỷ đồng": the amount named only by a generic money word
_AMOUNT_WORD = re.compile(r"^\s*(?:voi|co|tuong ung|cua)?\s*(?:tong\s+)?(?:so tien|tien|tri gia|gia tri|kinh phi)\s*(?:la|dat)?\s*:?\s*$")


def _amount_of_count(sent: str, out: list[dict]) -> None:
    """"Hoàn trước kiểm sau 164 hồ sơ với số tiền 912,5 tỷ đồng": an amount written right after a
    count, named only by a money word, is the amount of what was counted: its indicator is the
    count's, with the money word ("hoàn trước kiểm sau (số tiền)")."""
    for prev, d in zip(out, out[1:]):
        if prev["role"] != "count" or not prev["indicator"] or d["role"] != "level" or d["unit"] == "%":
            continue
        if not _AMOUNT_WORD.match(fold(sent[prev["_end"] : d["start"]].lower())) \
                or not _AMOUNT_WORD.match(fold((d["indicator"] or "").lower())):
            continue
        d["indicator"] = f"{prev['indicator']} ({(d['indicator'] or 'số tiền').strip()})"


_ITEM_LINE = re.compile(r"\s*[-–*+•]\s")  # a list item's line: "- …", "* …", "+ …"
_JOINED = re.compile(r"^(?P<noun>[^\d,;.:]{0,60}?)\s*(?:,\s*|\s+(?:và|hoặc)\s+)(?P<verb>[^\d,;.:()]{0,30}?)\s*$")
_NOUN_STOP = re.compile(r"[,;.:()]|\s(?:và|hoặc|với|gồm|tăng|giảm|bằng|đạt|so|chiếm|trong|của|tại|ở|cho|trên|từ|đến|năm|tháng|quý)\s")
_LEADING_AUX = re.compile(r"^(?:(?:toàn|cả)\s+(?:tỉnh|huyện|thành phố|thị xã|xã|phường|ngành)\s+)?(?:(?:đã|đang|được|sẽ|có|và|ước|ước tính|dự kiến)\s+)*",
                          re.IGNORECASE)


def _noun_after(sent: str, d: dict) -> str:
    """The noun a count names after its figure, as written: its count unit and the words up to a
    stop ("6.842 xe ô tô", "38.650 giấy phép lái xe (GPLX)"); a figure of no unit stops at a verb."""
    tail = sent[d["end"] : d["end"] + 80]
    stop = re.compile(r"[,;.:(]") if d["unit"] else _NOUN_STOP
    words = stop.split(tail + " ", 1)[0].split()[:8]
    noun = " ".join(words)
    abbr = re.match(r"\s*\(([A-ZĐ]{2,}\d*)\)", tail[tail.find(noun) + len(noun):]) if words else None
    return f"{noun} ({abbr.group(1)})" if abbr else noun


def _a_noun(words: str) -> bool:
    """Words after a figure that can name what it counts: no figure, no verb, no stop word."""
    f = fold(words.lower())
    return bool(words) and not re.search(r"\d", words) and not _NOT_A_COUNT.match(f) \
        and not _VERB.match(words.lower()) and not _PREDICATE_START.match(f)


def _counted(d: dict) -> bool:
    """A count, or a figure of no unit and no scale (a count of the noun after it)."""
    return d["role"] in ("count", "level") and d["unit"] != "%" and (
        d["unit"] in COUNT_UNITS or (not d["unit"] and d.get("scale") in (None, 1, 1.0)))


def _bare(noun: str, d: dict) -> bool:
    """The count unit alone: "làm chết 11 người" names itself by its verb."""
    return fold(noun.lower()) == fold((d["unit"] or "").lower())


def _broken(d: dict, crossing: str = "") -> bool:
    """An indicator that is empty, holds a figure, or runs into the next count's verb."""
    ind = fold((d["indicator"] or "").lower())
    return not ind or re.search(r"\d", ind) is not None or bool(crossing and fold(crossing.lower()) in ind)


def _joined_counts(sent: str, out: list[dict]) -> None:
    """"đăng ký mới 6.842 xe ô tô và 48.265 xe mô tô", "cấp mới 38.650 giấy phép lái xe và cấp đổi
    21.480 GPLX", "tiếp nhận 1.200 hồ sơ và trả kết quả 1.150 hồ sơ": counts joined by "và" or ","
    each name the noun after their own figure; the second's verb is its own when it has one, else
    the first's. (A figure of no unit counts only a noun that is neither a verb nor a stop word.)"""
    for prev, d in zip(out, out[1:]):
        if not (_counted(prev) and _counted(d)) or prev["_end"] > d["start"]:
            continue
        gap = _JOINED.match(sent[prev["_end"] : d["start"]])
        if gap is None or (not prev["unit"] and not gap.group("noun").strip()):
            continue
        noun_prev = " ".join((sent[prev["end"] : prev["_end"]] + " " + gap.group("noun")).split())
        noun_d = _noun_after(sent, d)
        if fold(noun_d.lower()) in fold(noun_prev.lower()) and len(noun_d) < len(noun_prev) \
                and fold(noun_d.lower()) != fold((d["unit"] or "").lower()):
            noun_d = noun_prev  # "38.650 giấy phép lái xe (GPLX) và cấp đổi 21.480 GPLX"
        if not (_a_noun(noun_prev) and _a_noun(noun_d)):
            continue
        verb2 = _LEADING_AUX.sub("", gap.group("verb").strip() + " ").strip()
        ind_prev = fold((prev["indicator"] or "").lower())
        if _broken(prev, verb2) or (fold(noun_prev.lower()) not in ind_prev and not _bare(noun_prev, prev)):
            before = re.split(r"[\d,;:()]", sent[: prev["start"]])[-1]
            verb1 = " ".join(_LEADING_AUX.sub("", " ".join(before.split()[-6:]) + " ").split())
            verb1 = "" if _PLACE_CLASS.match(fold(verb1.lower())) else verb1
            prev["indicator"] = f"{verb1} {noun_prev}".strip()
        else:  # the words before the first noun in its indicator: its verb ("UBND tỉnh đã ban hành")
            tail = fold(noun_prev.lower())
            verb1 = prev["indicator"][: len(ind_prev) - len(tail)].strip() if ind_prev.endswith(tail) else ""
        if not _bare(noun_d, d) or _broken(d):
            d["indicator"] = f"{verb2 or verb1} {noun_d}".strip()
        elif verb2 and not _bare(noun_prev, prev) and fold(noun_d.lower()) == fold(noun_prev.split()[0].lower()):
            # "thêm 18 xã đạt chuẩn NTM nâng cao, lũy kế toàn tỉnh có 41 xã": the same things, under a new verb
            d["indicator"] = f"{verb2} {noun_prev}"


def _parts_of_whole(sent: str, out: list[dict]) -> None:
    """"Trong 22 chỉ tiêu chủ yếu, có 17 chỉ tiêu đạt, 5 chỉ tiêu không đạt": the parts counted
    after a whole that opens the sentence are of that whole ("chỉ tiêu chủ yếu không đạt")."""
    opening = re.match(r"\s*trong\s+(?:tong so\s+|so\s+)?(?=\d)", fold(sent.lower()))
    if len(out) < 2 or not opening or out[0]["start"] != opening.end():  # "Trong 6 tháng, …" is no whole
        return
    whole, unit = out[0], out[0]["unit"]
    if whole["role"] != "count" or not unit or not whole["indicator"].lower().startswith(unit.lower()):
        return
    qualifier = whole["indicator"][len(unit) :].strip()
    if not qualifier:
        return
    for d in out[1:]:
        ind = d["indicator"]
        if d["role"] == "count" and d["unit"] == unit and ind.lower().startswith(unit.lower()) \
                and qualifier.lower() not in ind.lower():
            d["indicator"] = f"{ind[: len(unit)]} {qualifier}{ind[len(unit) :]}"


def _season_named(text: str) -> str:
    """The last crop season a text names ("Vụ lúa Đông Xuân 2024 - 2025 … đã thu hoạch" ->
    "Vụ lúa Đông Xuân")."""
    found = list(_SEASON.finditer(fold(text.lower())))
    return text[found[-1].start() : found[-1].end()] if found else ""


def section_season(section: str) -> str:
    """The crop season a section is about: "… > b. Vụ Hè Thu" -> "Vụ Hè Thu"."""
    last = re.sub(r"^\s*(?:[a-zđ]|\d{1,2})[.)]\s*", "", section.split(" > ")[-1]) if section else ""
    m = _SEASON.match(fold(last.lower()))
    return last[: m.end()] if m else ""


def _with_season(indicator: str, sent: str, part: int, start: int, season: str = "") -> str:
    """"a) Vụ Hè Thu: gieo cấy 20.150 ha lúa, năng suất 47,8 tạ/ha": the season named in the
    figure's statement, or in the label that opens the sentence, or the season the sentence opens
    with, or the season its section is about, qualifies an indicator that names none ("năng suất
    vụ Hè Thu")."""
    if not indicator or re.search(r"\bvu\b|\blua " + _SEASON_NAMES, fold(indicator.lower())):
        return indicator  # "sản lượng lúa Đông Xuân" names its season
    folded = fold(sent.lower())
    colon = sent.find(":")
    label = folded[:colon] if 0 < colon < start and len(sent[:colon].split()) <= 8 else ""
    found = list(_SEASON.finditer(folded, part, start)) or list(_SEASON.finditer(label))
    # "(vụ Đông Xuân và vụ lúa trong mô hình tôm - lúa)": a bracket that names what a total takes in
    found = [m for m in found if folded.count("(", 0, m.start()) <= folded.count(")", 0, m.start())]
    if not found:
        # "Tổng sản lượng lương thực cả năm đạt …" under a season's heading is the whole year's
        whole_year = re.search(r"\b(?:ca nam|toan nam|tong san luong)\b", folded[part:start])
        return f"{indicator} {season}" if season and not whole_year else indicator
    if re.search(r"\b(?:ca nam|toan nam)\b", folded[found[-1].end() : start]):
        return indicator  # "(vụ Đông Xuân …) đạt …, bằng 39,4% kế hoạch sản lượng lúa cả năm": the year's
    return f"{indicator} {sent[found[-1].start() : found[-1].end()]}"


def _clauses(sent: str, period_starts: set[int] = frozenset()) -> list[tuple[int, int]]:
    """Clauses cut at ", ; :" — except a comma inside an enumeration of periods ("quý I, quý II")."""
    # "(GRDP, giá so sánh 2010)": a bracket that names, with no figure in it, is one phrase
    naming = [(b.start(), b.end()) for b in re.finditer(r"\([^()]*\)", sent)
              if not re.search(r"\d", re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", "", b.group()))]
    cuts = [0] + [m.end() for m in _CLAUSE_BOUNDARY.finditer(sent)
                  if not (m.group() == ", " and m.end() in period_starts)
                  and not any(a < m.start() < b for a, b in naming)] + [len(sent)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _role(pre_folded: str, post_folded: str, is_percent: bool, unit_is_count: bool) -> tuple[str, int]:
    """(role, position of the cue in `pre_folded`; -1 when no cue)."""
    best, pos = "level", -1
    for role, rx in _CUES:
        for m in rx.finditer(pre_folded):
            if m.start() >= pos:
                best, pos = role, m.start()
    if best == "share" and re.match(r"\s*(?:so voi\s+)?tong\b", post_folded):
        best = "share_whole"
    plan_after = bool(_PLAN_AFTER.match(post_folded))
    if best == "share" or (is_percent and best == "level" and plan_after):
        # "bằng 98,0% so với tháng trước": a ratio to a basis period is read like a share of a plan
        against = re.match(r"\s*so(?: voi)?\s+(?:thang|ky|nam|cung ky|thang cung ky)\b", post_folded)
        best = "share_plan" if plan_after or against or "cung ky" in post_folded[:30] else "level"
    if best == "level" and unit_is_count:
        best = "count"
    return best, pos


def _basis(post_folded: str, raw_folded: str | None = None) -> str | None:
    """The basis written first after a figure: "đạt 15% kế hoạch, cao hơn cùng kỳ …" is of the plan.
    `raw_folded`: the same text with its period phrases kept, running on past the next figure (a
    named period basis is read there: "so với tháng 12/2022" holds the figures 12 and 2022)."""
    # "giảm 4,29 điểm phần trăm, vượt kế hoạch đề ra": the next clause's verb measures the figure
    # against the plan; the figure itself is no change over the plan
    cut = re.search(r",\s*(?:vuot|dat|bang|hoan thanh|chua dat|khong dat|cao hon|thap hon)\b", post_folded)
    shut = post_folded.find(")")
    if 0 <= shut < (post_folded.find("(") if "(" in post_folded else len(post_folded)) and (cut is None or shut < cut.start()) \
            and not re.match(r"\s*(?:so\b|cung ky)", post_folded[shut + 1 :]):  # "(+4,58%) so với 31/12/2023": its basis
        cut = re.compile(r"\)").search(post_folded, shut)  # "(tăng 8,06%) nhưng chưa đạt mục tiêu": the bracket's figure ends there
    if cut:
        post_folded = post_folded[: cut.start()]
        raw_folded = raw_folded[: cut.start()] if raw_folded is not None else None
    found = [(m.start(), name.format(*m.groups())) for rx, name in _BASES for m in [rx.search(post_folded)] if m]
    raw = post_folded if raw_folded is None else raw_folded
    for m in _PERIOD_BASIS.finditer(raw):
        if m.start() >= len(post_folded):  # past the next figure: its basis, not this one's
            break
        spans = find_period_spans(raw[m.end():])
        if spans and spans[0][0] == 0:
            found.append((m.start(), _period_basis_name(raw, m, spans[0])))
            break
    return min(found, key=lambda x: x[0])[1] if found else None


def _period_basis_name(post_folded: str, m: re.Match[str], span) -> str:
    """How a period basis is written back: its label ("quý IV năm 2024"), "cuối năm 2024" for the
    end of a year, "tháng 12 năm trước" when its year is the one before the figure's."""
    _, end, period = span
    written = post_folded[m.end() : m.end() + end]
    label = period.label()
    if period.year is None:  # "tháng 12" of no year
        label = label.removesuffix(" năm")
        if re.match(r"\s+nam truoc\b", post_folded[m.end() + end:]):
            return f"{label} năm trước"
    if period.span == "year" and (re.search(r"\b(?:cuoi|het)\s*$", post_folded[m.start() : m.end()])
                                  or re.search(r"31/12|cuoi nam", written)):
        return f"cuối năm {period.year}"
    return label


# "có 59/154 xã đạt chuẩn": a count of a whole; "31/10/2025", "tháng 10/2025" are dates
_FRACTION_BEFORE = re.compile(r"(?<![\d/.,])(?:\d{1,3}(?:\.\d{3})+|\d{1,4})/(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:\.\d{3})+|\d{1,4})(?![\d/])\s+[^\W\d]")


# A comparison whose bracketed figure is the level of the same indicator for another period or place
_COMPARED = re.compile(r"\b(?:thap hon|cao hon|nhieu hon|it hon|lon hon|nho hon|nhanh hon|cham hon|so voi|(?<!dong )bang|gap|vuot)\b")
_PLAN_WORD = re.compile(r"\b(?:ke hoach|kh|du toan|muc tieu|chi tieu|nghi quyet|quy dinh|toi da|toi thieu|giao)\b")


# A list heading's level of places: "của một số phường", "các huyện", "một số phường, xã"
_LEVELS = r"(?:phường|xã|huyện|thị xã|thành phố|quận|thị trấn)"
_LIST_LEVEL = re.compile(rf"(?i)(?:\s+(?:của|ở|tại))?\s*\b(?:một số|các|những)\s+({_LEVELS})(?:\s*(?:,|và)\s*{_LEVELS})*\b")


# words of a statement, not of a list item's name ("Tân Yên vượt 224,4%", "dịch vụ chiếm 43%")
_LABEL_VERB = re.compile(r"(?i)(?<!\w)(?:đạt|tăng|giảm|chiếm|bằng|vượt|là|có|còn|được|đón|gồm|với|so|nâng|đưa|"
                         r"trong đó|riêng|tương ứng|khoảng|trên|dưới|gần|hơn)(?!\w)")


# Who sets a plan: "Dự toán thu … Trung ương giao 2.450 tỷ đồng, Hội đồng nhân dân tỉnh giao 2.650"
_ASSIGNER = (r"(?:Trung ương|Chính phủ|Thủ tướng(?: Chính phủ)?|Quốc hội|Bộ Tài chính|"
             r"(?:Hội đồng nhân dân|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|UBND)(?:\s+(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường))?|"
             r"tỉnh|huyện|thành phố|thị xã)")
_ASSIGNED_ONLY = re.compile(rf"(?i)^{_ASSIGNER}\s+(?:giao|đề ra|phê duyệt)$")
_ASSIGNED_TAIL = re.compile(rf"(?i)^(?P<base>\S.*?)\s+{_ASSIGNER}\s+(?:giao|đề ra|phê duyệt)$")
# "bằng 96,5% dự toán Hội đồng nhân dân tỉnh giao (3.198,3 tỷ đồng)": the plan's own value
_PLAN_PHRASE = re.compile(r"^\s*(?:so\s+(?:voi\s+)?)?(ke hoach|du toan|muc tieu|chi tieu)\b[^\d()%;]{0,70}$")


# A bracket that opens on the same period of the year before: its figure is that period's
_PRIOR_BRACKET = re.compile(r"\(\s*(?:so voi\s+)?(?:cung ky(?:\s+nam\s+truoc)?|nam truoc)\s*,?\s*(?:uoc\s+)?(?:tang|giam|dat|la)?\s*$")


# A basis that opens the sentence and holds for its changes: "So với tháng trước, …"
_OPENING_BASIS = re.compile(r"^\s*so\s+(?:voi\s+)?(?:(?:thang|ky|nam)\s+truoc|cung ky(?:\s+nam\s+truoc)?)\b")


# What stays of the previous figure's basis before the next figure of the same clause:
# "tăng 3,8% so với tháng trước và tăng 11,2% …" leaves "so với tháng trước và".
_LEFTOVER = re.compile(
    r"^\s*(?:(?:so\s+)?(?:voi\s+)?(?:cung ky|thang truoc|ky truoc|nam truoc|dau nam|ke hoach|kh|du toan|muc tieu)\b"
    r"(?:\s+nam\s+truoc)?)?\s*(?:va\b|,)?\s*")


# written forms: folded, "có" (has) and "cơ" (as in "cơ cấu") are one word
_VERB = re.compile(r"(?<!\w)(?:tiếp tục|chuyển dịch|chuyển|đạt|(?<!tốc độ )(?<!mức )tăng(?! trưởng| thêm)|giảm|là|có(?! vốn (?:đầu tư )?(?:trực tiếp )?nước ngoài)|được|ổn định|duy trì|"
                   r"gồm|như sau|ước|(?<!đầu tư )thực hiện|xảy ra|phục hồi|dịch chuyển|mở rộng|đứng|xếp)(?!\w)")


# "Ủy ban nhân dân tỉnh ước tổng thu … đạt", "Ban nhận thấy, tỷ lệ thu …": the body that reports
# or judges a figure, with its verb, opens the sentence but names no indicator (written form:
# folded "ban", "sở" are also "bán", "số")
_REPORTER = re.compile(
    r"(?i)^\s*(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|hđnd|sở|ban|cục|chi cục|chính phủ|"
    r"tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|huyện ủy|huyện uỷ|thường trực)(?:\s+[^\s\d,;:()]+){0,8}?\s+"
    r"(?:ước tính|ước|dự kiến|dự báo|nhận thấy|thấy rằng|đánh giá|cho rằng|nhận định|báo cáo)\s*,?\s+(?=\S)")


def _subject(lead: str, limit: int = 8) -> str:
    """The subject that opens a sentence: its words before the first verb, at most eight;
    an opening adverbial ("Phân theo địa bàn, …", "Theo số liệu …, …") is passed over."""
    parts = [p for p in lead.split(",") if p.strip()]
    while len(parts) > 1 and _ADVERBIAL.match(fold(parts[0].lower().strip())):
        parts = parts[1:]
    lead = ",".join(parts) if parts else ""
    reporter = _REPORTER.match(lead)
    if reporter:
        lead = lead[reporter.end():]
    lead = lead.split(",")[0] if lead.strip() else ""
    m = _VERB.search(lead.lower())
    while m is not None and m.group(0) == "đạt" and re.match(r"(?i)\s*(?:tỷ lệ|số|tổng số)\s", lead) \
            and re.match(r"\s+(?:chuẩn|yêu cầu|tiêu chí)\b", lead[m.end():].lower()):
        m = _VERB.search(lead.lower(), m.end())  # "tỷ lệ trường đạt chuẩn quốc gia": a rate of those that did
    words = _clean_indicator(lead[: m.start()] if m else lead).split()
    # "… sử dụng đất", "… cơ sở": words kept at the end are no words more
    land = 1 if words and words[-1].lower() == "đất" else 2 if " ".join(words[-2:]).lower() == "cơ sở" else 0
    return " ".join(words) if 0 < len(words) - land <= limit else ""


# A clause head that opens with its predicate has no subject of its own ("là địa phương …",
# "dự kiến đến hết năm …", "để cả năm đạt …", "sau …", "tuy có giảm …").
_PREDICATE_START = re.compile(
    r"^(?:la|da|dang|se|duoc(?! si\b)|bi(?! thuong)|du kien|phan dau|tuy|song|nhung|de|nham|xep|dan dau|dung|nam trong|"
    r"tuong duong|cao hon|thap hon|hoan thanh|xay ra|het|sau|truoc|vao|tiep den|tiep theo|keo theo|"
    # folded "nâng" (raise) is also "năng" of năng suất, năng lực, năng lượng (nouns)
    r"dong gop vao|gop phan|nang(?! suat\b| luc\b| luong\b)|dua|giup|vuot|chua dat|khong dat)\b")
_LEAD_IN = re.compile(r"(?:phan dau|du kien|du bao)\s+(?:(?:den het|den|het|nam|trong)\s+)*")
_FILLER_ONLY = re.compile(r"^(?:\s|muc tieu|ke hoach|chi tieu|dai hoi|de ra|giao|nghi quyet|den|nam|dat|khoang|phan dau)*$")


_ADVERBIAL = re.compile(r"(?:phan theo|theo|trong|ve|den|tinh|tai|so|voi|nho|do|vi|ben canh|ngoai|sau|truoc|tu|qua|ket qua)\b")


# A measure noun that names no indicator by itself: "giá trị (giá hiện hành)", "tổng số", "mức".
_GENERIC = re.compile(r"^(?:gia tri|tong so|so luong|tong|muc|ket qua|con so|quy mo)(?:\s*\([^)]*\))?(?:\s+ca nam)?\s*$")


def _completed(indicator: str, earlier: list[str]) -> str:
    """"giải ngân vốn đầu tư công đạt …; thị xã X có tỷ lệ giải ngân cao nhất, đạt 82,4%": a short
    form that ends with the start of an indicator named before takes that indicator's rest."""
    words = indicator.split()
    for e in reversed(earlier):
        ew = e.split()
        for k in range(min(len(words), len(ew) - 1), 1, -1):  # at least two words in common
            if [w.lower() for w in words[-k:]] == [w.lower() for w in ew[:k]]:
                return " ".join(words + ew[k:])
    return indicator


def _antecedent(noun: str, before: str, last_sentence: str) -> str:
    """"khu vực này": the first "khu vực <name>" written before (not "các khu vực …"), up to its verb."""
    for text in (before, last_sentence):
        for m in re.finditer(rf"(?i)(?<!các )(?<!những ){noun}\s+((?:\S+\s*){{1,6}})", text):
            words = []
            for w in m.group(1).split():
                fw = fold(w.lower().strip(",;:."))
                if fw in ("nay", "do", "tren") or _VERB.match(w.lower()) or fw in _ANTECEDENT_STOP or not fw.isalnum():
                    break
                words.append(w.strip(",;:."))
            if words and not re.search(r"[,;:.]", " ".join(words)):
                return f"{m.group(0)[: len(noun)]} {' '.join(words)}"
    return ""


_ANTECEDENT_STOP = {"ngay", "van", "da", "dang", "se", "luon", "dong", "giu", "tiep", "cua", "trong", "tai", "o", "voi"}


# Words that may open a sentence before its first figure without naming an indicator: a running
# total ("lũy kế", "tính chung", "cộng dồn"), the verb of the figure, "ước"
_RUNNING_WORDS = {"luy", "ke", "tinh", "chung", "cong", "don", "ca", "uoc", "dat", "duoc", "thuc", "hien",
                  "la", "den", "het", "nay", "trong", "rieng"}


def _running_opening(head: str, periods) -> bool:
    """The folded text before a sentence's first figure is a period and such words only."""
    chars = list(head)
    spans = [(a, b) for a, b, _ in periods if a < len(head)]
    if not spans:
        return False
    for a, b, _ in periods:
        chars[a:b] = " " * (min(b, len(head)) - a)
    words = re.findall(r"[a-z]+", "".join(chars))
    return all(w in _RUNNING_WORDS for w in words)


def _absolute(unit: str | None) -> bool:
    """A unit of an amount ("ha", "tấn", "tỷ đồng"), not of a ratio or a rank."""
    return bool(unit) and unit not in ("%", "lần", "điểm %", "điểm phần trăm", "bậc", "rank")


# A sentence that opens on the result of the sentence before: "Với mức tăng trên, …"
_RESULT_BEFORE = re.compile(r"^\s*(?:voi\s+)?(?:ket qua|muc tang(?: truong)?|toc do tang(?: truong)?)\s+(?:nay|tren|do)\b")
# "kết quả này", "mức tăng trên": a figure named by reference to the one before it
_ANAPHOR = re.compile(r"^(?:voi\s+)?(?:ket qua|muc tang(?: truong)?|muc giam|toc do(?: tang(?: truong)?)?|con so|"
                      r"so lieu|chi so|ty le|muc)(\s+)(?:nay|tren|noi tren|do)\b")
# A share: "chiếm 43,81%", "chiếm tỷ trọng 87,9%", "chiếm khoảng 30%"
_SHARE_CUE = re.compile(r"\bchiem(?:\s+(?:ty trong|ty le|khoang|gan|hon|tren|toi|den))*\s*$")
_SHARE_NAMED = re.compile(r"^(?:ty trong|ty le|co cau|phan|so)\b")
# Words after a share's figure that are no whole: a basis, a change, a conjunction
_NOT_A_WHOLE = re.compile(r"^(?:so|tang|giam|ke hoach|cung ky|va|trong|tren|cua|cao|thap|bang|dat|vuot|"
                          r"con|lan luot|tuong ung|ca nuoc|toan)\b")
_WHOLE_STOP = re.compile(r"\s(?:tiếp tục|chuyển dịch|dịch chuyển|chuyển|đạt|là|có(?! vốn (?:đầu tư )?(?:trực tiếp )?nước ngoài)|gồm|tăng|giảm|được|như sau|"
                         r"theo|của|năm|tháng|quý)\b|\s{2,}", re.IGNORECASE)


# A count's scope opens its head, after words of time and focus: "Riêng trong các KCN, …",
# "Lũy kế đến nay trong các KCN thu hút …"
_SCOPE = re.compile(r"(?i)\s*(?:(?:riêng|lũy kế|tính chung|tính đến nay|đến nay|hiện nay|từ đầu năm đến nay)[\s,]+)*"
                    r"(trong|tại|ở)\s+(?=\S)")
# Words after a counted noun that are no part of what is counted: a basis, a change, a conjunction
# ("510 dự án còn hiệu lực" is counted by its state, unlike "chiếm 40%, còn lại …")
_NOT_A_COUNT = re.compile(r"^(?:so|tang|giam|va|trong|tren|cua|bang|dat|vuot|lan luot|tuong ung|gom|voi|chiem)\b")
_COPULA = re.compile(r"^(?:co|dat|la|voi|khoang|gom|len|xuong|con)?$")


_RATE_ONLY = re.compile(r"^(?:dat\s+)?(?:ty le|muc)?\s*$")


def _is_anaphor(indicator: str) -> bool:
    """"kết quả này", "tỷ lệ đó" name the figure before; "tỷ lệ đô thị hóa" (folded alike) does not."""
    m = _ANAPHOR.match(fold(indicator.lower()))
    return m is not None and indicator[m.end(1) : m.end()].lower().strip() in {"này", "trên", "nói trên", "đó"}


# "đã giải ngân", "đã thu hoạch": an action done, named by its verb (not a linking verb such as
# "đạt", "là", "tăng", which take their subject from elsewhere)
_DONE_VERB = re.compile(
    r"(?i)^(?:đã|đang)\s+(?!(?:tăng|giảm|đạt|là|vượt|có|bằng|chiếm|được|giữ|duy trì|hoàn thành|xếp|đứng)(?!\w))"
    r"([^\W\d_]+(?:\s+[^\W\d_]+){0,2})$")
# "Kế hoạch vốn đầu tư công", "Dự toán thu NSNN": what was planned
_PLANNED = re.compile(r"(?i)^(?:tổng\s+)?(?:kế hoạch|dự toán|chỉ tiêu)(?:\s+giao)?\s+(\S.*)$")


# "Vốn đầu tư công năm 2023 kế hoạch giao": the plan word after the thing planned
_PLANNED_AFTER = re.compile(r"(?i)^(\S.*?)\s+(?:kế hoạch|dự toán)(?:\s+(?:được\s+)?giao)?$")
_PARTS_AFTER = re.compile(r"\btrong do\b")
# A person's office said beside the name ("Theo ông A, Giám đốc Sở Công Thương, kim ngạch …"): an
# aside, not the first item of a noun phrase
_OFFICE = re.compile(r"(?:ong |ba )?(?:pho )?(?:giam doc|tong giam doc|chu tich|bi thu|truong ban|truong phong|"
                     r"cuc truong|chi cuc truong|thu truong|bo truong)\b")


def _predicate_only(indicator: str) -> bool:
    f = fold(indicator.lower())
    return bool(_PREDICATE_START.match(f) or _FILLER_ONLY.match(f))


def _noun_phrase_before(stripped: str, clauses: list[tuple[int, int]], c0: int) -> str:
    """Clauses before `c0`, cut off by ", " only, that hold no figure and no verb: the first
    items of a noun phrase ("hàng hóa, dịch vụ"; "điện, khí đốt, nước nóng, …")."""
    start = c0
    for a, b in reversed([(a, b) for a, b in clauses if b <= c0]):
        text = stripped[a:b]
        if b != start or not text.endswith(", ") or re.search(r"\d", text) or _VERB.search(text.lower()):
            break
        if len(re.sub(r"(?i)^\s*trong đó\s+", "", text).split()) > 8 or ":" in text or ";" in text or (
                _ADVERBIAL.match(fold(text.lower().strip())) and not fold(text.lower().strip()).startswith("trong do")) \
                or _OFFICE.match(fold(text.lower().strip())):
            break
        start = a
    return stripped[start:c0]


_KEPT_WORDS = re.compile(r"(?i)\bđất\b|\bcơ sở\b")


def _clean_indicator(raw: str) -> str:
    """The indicator phrase of a clause head: connectors, verbs and fillers trimmed."""
    text = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", raw)).strip(" ,;:-–()\"“”*+•")
    reporter = _REPORTER.match(text)
    if reporter:
        text = text[reporter.end():]
    folded = fold(text.lower())
    lead = _LEAD.match(folded)
    if lead and lead.end():
        text, folded = text[lead.end():], folded[lead.end():]
    # folded "đất" (land) is also "đạt" (reached), "cơ sở" also "có số": "thu tiền sử dụng đất đạt",
    # "trung học cơ sở" keep their last words
    trail = _TRAIL.search(fold(_KEPT_WORDS.sub(lambda w: w.group()[:-1] + "x", text.lower())))
    if trail and trail.start() < len(folded):
        text, folded = text[: trail.start()], folded[: trail.start()]
    text = re.sub(r"^[Cc]ó\s+(?=\S)", "", text)  # "có tỷ lệ giải ngân …": "có" (has), never "cơ" of "cơ cấu"
    text = re.sub(r"(?:\s+(?:chỉ|Chỉ))+$", "", text)  # "chỉ đạt": folded "chi" is also "chi" (spending)
    text = re.sub(r"^(?:[a-zđ]\)|\(?\d{1,2}\))\s*", "", text)  # list markers "a)", "(5)"
    text = re.sub(r"(?i)^(?:tính\s+)?(?:đến|từ)(?:\s+hết)?\s*,\s*", "", text)  # "a) Đến <date blanked>, …"
    text = re.sub(r"(?i)^tính\s+(?=(?:đã|đang)\s)", "", text)  # "tính đến <date blanked> đã giải ngân"
    words = text.split()
    if len(words) > 16:  # a long head: a naming bracket at its end goes before the head's own words
        bare = re.sub(r"\s*\((?:[^()\d\s]+\s+){3,}[^()\d]*\)?\s*$", "", text)  # not "(SIPAS)"
        if bare != text and len(bare.split()) >= 2:
            words = bare.split()
    if len(words) > 16:
        words = words[-16:]
    text = " ".join(words).strip(" ,;:-–").lstrip(")").rstrip("(").strip()
    text = re.sub(r"(?i)[\s,;:]*\btrong đó\s*$", "", text)  # "…, trong đó 84 trường": the parts' lead-in
    if text.count(")") > text.count("(") and not text.startswith(")") and not text[text.rfind(")") + 1 :].strip(" ,;:-–"):
        text = ""  # "tiểu học, cơ sở), trong đó 84 trường": a head cut inside a bracket names nothing
    if text.count("(") > text.count(")"):
        text += ")"  # "Tăng trưởng kinh tế (GRDP)" keeps its bracket
    elif text.count(")") > text.count("("):
        text = text.replace(")", "", 1) if text.startswith(")") else text
    return "" if _STOP_ONLY.match(fold(text.lower())) else text


def _blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = " "
    return "".join(chars)


_BRACKET_VERB = re.compile(r"\s*(?:uoc\s+)?(?:tang|giam|dat|la|bang)?\s*:?\s*")


class SentenceReader:
    """Facts of one sentence, given its document context and heading period."""

    def __init__(self, ctx: Context, heading_period: Period | None, plan_section: bool):
        self.last_indicator = ""  # the first indicator of the sentence read before
        self.last_indicators: list[str] = []  # all of them, in order
        self.ctx = ctx
        self.heading_period = heading_period
        self.plan_section = plan_section
        self.topic = ""  # what the nearest heading is about ("Thu, chi ngân sách nhà nước")
        self.season = ""  # the crop season the section is about ("Vụ Hè Thu")
        # the crop season a statement opens with, kept over its parts after ";" ("Vụ lúa Đông
        # Xuân … xuống giống 142.350 ha; đến ngày 20/3 đã thu hoạch 98.600 ha")
        self.opening_season = ""
        self.last_sentence = ""
        self.parts_open = False  # the sentence before listed parts after "trong đó" and ended on ";"
        # the period last named in the paragraph so far (see _widens)
        self.carried: Period | None = None
        self.in_list = False  # a line of a list opened by a line ending with ":"
        self.colon_list = False  # the next part of a ";" list opened by ":" ("Cùng kỳ năm 2024: A …; B …")
        # terms named by the headings or the document ("nhiệm kỳ 2025-2030")
        self.terms: list[Period] = [p for p in (heading_period, ctx.period) if p is not None and p.span == "term"]
        self.last_facts: list[dict] = []  # the facts of the sentence read before
        self.anchor_facts: list[dict] = []  # a footnote's: the facts of the sentence that references it
        self.open_list: tuple[str, str, str] | None = None  # (place level, measure, label) of a list going on after ";"

    def read(self, sent: str) -> list[dict]:
        self._raw_folded = fold(sent.lower())
        lead = re.match(r"\s*(?:(?:[a-z]|\d{1,2})[.)]\s*|[-+•]\s*)?", self._raw_folded).end()
        opener = _SEASON.match(self._raw_folded, lead)
        if opener:
            self.opening_season = sent[opener.start() : opener.end()]
        elif not sent[lead : lead + 1].islower():  # a new statement, not the part after a ";"
            self.opening_season = ""
        # "Trong đó: nguồn A …; nguồn B …": figures after "trong đó" are parts of the whole named before,
        # and so are those of the next sentences the splitter cut from the same ";" list
        parts_lead = _PARTS_AFTER.search(self._raw_folded)
        parts_from = 0 if self.parts_open else (parts_lead.end() if parts_lead else None)
        spans = find_period_spans(sent)
        blocked = [(a, b) for a, b, _ in spans] + date_spans(sent)
        # "Cùng kỳ năm 2024: …" opens a statement of the report's span in that year (no basis)
        opening = {a for a, _, _ in spans
                   if re.fullmatch(r"\s*(?:[-–+*•]\s*)?(?:trong\s+|vao\s+|tai\s+)?cung ky\s*", fold(sent[:a].lower()))}
        periods = [(a, b, self._span_period(sent, a, p, None) if a in opening else p) for a, b, p in spans
                   if (a in opening or not is_basis(sent, a)) and not is_date(sent, a) and not _of_standard(sent, a)]
        periods = sorted(periods + self._since_spans(sent))
        # "(năm 2020 là 34,2%)": a bracket that states a figure of its own period is an aside;
        # its period is no period of the figures after it
        asides = [(b.start(), b.end()) for b in re.finditer(r"\([^()]*\)", sent)
                  if re.search(r"\d[.,]?\d*\s*%|\d\s+[^\W\d]", b.group())
                  and any(b.start() < a and e <= b.end() for a, e, _ in periods)]
        places = [(m.start(), m.end(), place_name(m)) for m in PLACE_RE.finditer(sent)]
        places = [(a, b, p) for a, b, p in places if p]
        if self.ctx.gazetteer is not None:
            places = sorted(places + [(a, b, p) for a, b, p in self.ctx.gazetteer.find(sent)
                                      if not any(x < b and a < y for x, y, _ in places) and not _in_a_name(sent, a)])
        listed = _LISTED_LEVEL.search(sent)
        if listed:  # "Các xã có tỷ lệ hộ nghèo cao là Hang Kia (31,7%) và Pà Cò (28,4%)": bare names of that level
            level = listed.group(1).lower()
            for b in _NAME_BRACKET.finditer(sent, listed.end()):
                if not any(x < b.end(1) and b.start(1) < y for x, y, _ in places) and not _in_a_name(sent, b.start(1)):
                    places = sorted(places + [(b.start(1), b.end(1), f"{level} {b.group(1)}")])
        # dates ("đến ngày 25/3/2025") say when, not what: blanked like periods and places
        # "số hộ nghèo đầu năm 2025": the point of the year goes with its period, not the indicator
        points = [(a - len(p.group(0)), a) for a, _, _ in spans for p in [re.search(r"(?i)\b(?:đầu|cuối)\s+$", sent[max(0, a - 6) : a])] if p]
        stripped = _blank_spans(sent, [(a, b) for a, b, _ in spans] + [(a, b) for a, b, _ in places] + date_spans(sent) + points)
        # folded "cơ sở" is also "có số": no verb of a figure ("trung học cơ sở 47,2%")
        folded = fold(re.sub(r"(?i)\bcơ sở\b", "cx sx", stripped).lower())
        clauses = _clauses(sent, {a for a, _, _ in spans})
        mentions = find_numbers(sent)
        out: list[dict] = []
        prev: dict | None = None
        respectively = self._respectively(sent, periods, mentions)
        brackets = [(b.start(), b.end()) for b in re.finditer(r"\([^()]*\)", sent)]
        whole = ""  # the whole that the shares of this sentence are parts of, once named
        claimed: set[int] = set()  # periods that belong to a "từ X <kỳ>" start value only
        trailing: set[int] = set()  # periods written right after a figure
        for i, m in enumerate(mentions):
            unit = read_unit(sent, m.end)
            rank = _rank_fraction(sent, m) if m.value is None else None
            counted = _part_fraction(sent, m, unit) if m.value is None and rank is None else None
            if m.value is None and rank is None and counted is None:
                continue
            if rank is None and non_fact_reason(sent, m, blocked, unit.length):
                continue
            c0, _ = next(((a, b) for a, b in clauses if a <= m.start < b), (0, len(sent)))
            closed = next(((k, e) for k, e in asides if prev is not None and k < prev["start"] < e <= m.start), None)
            if closed is not None:
                # "đạt 9,6 (chỉ tiêu năm 2024 là 10; mục tiêu năm 2030 là 19); số dược sĩ đạt 2,1": a figure
                # after an aside carries on from the figure before the aside, not from the aside's own
                prev = next((d for d in reversed(out) if d["start"] < closed[0] and not d.get("part")), None) \
                    if not any(d["start"] < closed[0] for d in out if d.get("part")) else None
            if closed is None and prev is not None:
                # "bằng 96,5% dự toán (3.198,3 tỷ đồng), giảm 5,8% so với năm 2022": a figure after a
                # bracket that held only the figure before it carries on from the one before the bracket
                shut_on = next(((k, e) for k, e in brackets if k < prev["start"] < e <= m.start
                                and (not re.search(r"[^\W\d_]", fold(sent[k + 1 : prev["start"]].lower()))
                                     or _place_aside(sent[k + 1 : prev["start"]]))), None)
                if shut_on is not None:
                    prev = next((d for d in reversed(out) if d["start"] < shut_on[0]
                                 and d["start"] >= sent.rfind(";", 0, shut_on[0]) + 1), prev)
            part = sent.rfind(";", 0, c0) + 1  # "…; số xã đạt chuẩn kiểu mẫu là 12/154 xã, đạt 7,79%"
            if prev is not None and prev["_end"] <= part and len(_clean_indicator(
                    re.sub(r"[\d.,/%]+", " ", stripped[part:c0])).split()) >= 2:
                prev = None  # a new statement with its own subject after ";" inherits nothing before it
            lo = max(c0, prev["_end"] if prev and prev["_end"] > c0 else c0)
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(sent)
            post = folded[m.end + unit.length : min(nxt, m.end + unit.length + 60)]
            pre = folded[lo : m.start]
            if rank is not None:
                cue_m = list(re.finditer(r"\b(?:dung|xep|hang|vi tri)?\s*(?:thu)?\s*$", pre))
                role, cue = "rank", (cue_m[-1].start() if cue_m else -1)
                value, unit_name, scale = rank[0], "rank", 1.0
            else:
                role, cue = _role(pre, post, m.percent, unit.is_count)
                value, unit_name, scale = (counted[0] if counted else m.value), ("%" if m.percent else unit.unit), unit.scale
                if role == "rank" or (not m.percent and _is_rank(sent[lo : m.start], folded[m.end : m.end + 12])):
                    role, unit_name, scale = "rank", "rank", 1.0
            of_count = None  # the count out of a total this share is the rate of
            fraction = _FRACTION_BEFORE.search(sent[max(lo - 70, 0) : m.start]) if role == "level" and m.percent else None
            if fraction:
                role = "share_whole"
                at = max(lo - 70, 0) + fraction.start()
                of_count = next((d for d in reversed(out) if d["start"] == at and d["role"] == "count"), None)  # "có 59/154 xã đạt chuẩn, đạt 38,3%": the share of the whole
            sign = None
            if role.startswith("change"):
                sign = "-" if role == "change-" else "+"
                role = "change"
                value = -value if sign == "-" else value
            head_end = lo + cue if cue >= 0 else m.start
            head = stripped[lo:head_end]
            if cue >= 0 and re.match(r"voi\s+\S", pre[cue:]):  # "9.820 ha với năng suất 65,1 tạ/ha": the words after "với" name it
                named_after = stripped[lo + cue + 3 : m.start]
                if 1 <= len(named_after.split()) <= 6 and not _VERB.search(named_after.lower()) \
                        and not _STOP_ONLY.match(fold(named_after.lower())):
                    # "21 dự án cấp mới với vốn đăng ký 1.425,3 triệu USD": what the figure before
                    # counts ("cấp mới") still qualifies it
                    qual = _clean_indicator(stripped[lo : lo + cue]) if lo > c0 else ""
                    keep = qual and len(qual.split()) <= 5 and not re.search(r"\d", qual)
                    head = f"{named_after.strip()} {qual}" if keep else named_after
            k = head.rfind("(")
            if k >= 0 and ")" not in head[k:] and head[k + 1 :].strip():  # "… (vượt mục tiêu … đứng thứ 15": the bracket's own words
                head = head[k + 1 :]
            if lo > c0:  # after a figure of the same clause: drop what is left of its basis
                head = head[len(head) - len(_LEFTOVER.sub("", fold(head.lower()), count=1)):]
            head = re.sub(r"(?i)^(\s*)(?:phấn đấu\s+)?(?:duy trì|giữ vững)\s+(?=\S+\s+\S+\s+\S+\s+\S)", r"\1", head)
            example = re.search(r"(?i)\bnhư:?\s+(?=\S)", head)
            if example and len(head.split()) > 8:  # "… thấp như Chỉ số hài lòng … (SIPAS) xếp thứ 38": the example names it
                head = head[example.end():]
            scoped = _SCOPE.match(head)  # "trong các KCN …": read before a long head is cut to its subject
            # a long head: its subject names the figure (one of up to ten words rather than a head
            # cut to its last sixteen)
            subject = _subject(head) or (_subject(head, 10) if len(head.split()) > 16 else "")
            if len(head.split()) > 8 and subject:
                head = subject
            elif lo == c0 and len(_clean_indicator(head).split()) <= 8:  # "hàng hóa, dịch vụ đạt …"
                head = _noun_phrase_before(stripped, clauses, c0) + head
            indicator = self._not_a_place(_clean_indicator(head))
            lead_in = _LEAD_IN.match(fold(indicator.lower()))
            if lead_in and lead_in.end() < len(indicator):  # "Phấn đấu tốc độ tăng GRDP … đạt": the rest names it
                indicator = _clean_indicator(indicator[lead_in.end():])
            # a place of its own named in the statement, not one that shares the document's name
            # ("thành phố X" in a report of province X: its figure must not read as the province's)
            named = any(part <= a < m.start and not same_place(p, self.ctx.place) for a, _, p in places)
            if re.match(r"(?i)(?:do|nhờ|vì|bởi)\s", indicator):  # written form: folded "do" is also "độ"
                # "năm 2021 do tác động của dịch COVID-19 chỉ tăng 5,1%": a cause names no figure;
                # "do ảnh hưởng của bão nên năng suất chỉ đạt …": what follows "nên" does
                effect = re.search(r"\s(?:nên|vì vậy|do đó)\s+(\S.*)$", indicator)
                indicator = _clean_indicator(effect.group(1)) if effect else ""
            raised = re.match(r"(?i)(?:nâng|đưa)\s+(\S.*)$", indicator)
            if raised and len(raised.group(1).split()) >= 2 and re.search(r"\b(?:len|den)\s*$", pre):
                # "nâng tổng số sản phẩm OCOP toàn tỉnh lên 173": what is raised names the figure
                indicator = _clean_indicator(raised.group(1))
            weak = bool(indicator) and (_predicate_only(indicator) or (fold(indicator.lower()) in ("chua", "khong") and re.search(r"\b(?:chua|khong) dat\b", pre) is not None))
            # "…, chưa đạt mục tiêu 47%": the figure the plan was not met at
            to_figure = re.search(r"\b(?:len|xuong|xuong con)\s*$", pre) is not None
            if prev is not None and to_figure and prev["_end"] > part and re.search(
                    r"\b(?:tang|giam) tu\b", folded[prev["_clause"] : prev["start"]]):
                weak = True  # "tăng từ 29,2% đầu nhiệm kỳ lên 32,1%": the same indicator, at its end
            sibling = None
            if to_figure and not weak and m.percent:
                # "…; công nghiệp - xây dựng tăng từ 58,4% lên 60,3%": the words before "tăng từ" name it
                # (the start value, with no period of its own, is no fact)
                cut = re.match(r"(?i)^(.*?\S)\s+(?:tăng|giảm)\s+từ\s+[\d.,]+\s*%?\s*(?:\S+\s*)?$", head)
                if cut and len(cut.group(1).split()) <= 8:
                    indicator = self._not_a_place(_clean_indicator(cut.group(1)))
                    # a from-to statement after an earlier one of the same sentence ("tỷ trọng A giảm từ
                    # 10,6% năm 2020 xuống 7,8% năm 2025; B tăng từ 58,4% lên 60,3%") is its sibling
                    sibling = next((d for d in reversed(out) if d.get("_to") and d["unit"] == "%"), None)
            if re.search(r"\b(?:va|hoac)$", fold(indicator.lower())):
                weak = True  # "…, cao nhất từ trước đến nay và đứng thứ 2": a fragment joined to the figure before
            weak_head = indicator if weak else ""
            done = _DONE_VERB.match(indicator) if weak else None
            done_thing = False
            # the statement before: in this sentence before its ";", or the sentence before that ended on ";"
            before = prev if prev is not None and prev["_end"] <= part else None
            if done and before is None and prev is None and part == 0 and self.last_sentence.rstrip().endswith(";"):
                before = {"indicator": next((x for x in reversed(self.last_indicators) if x), "")}
            if done and before is not None:
                # "Kế hoạch vốn X là 5.862 tỷ đồng; đến ngày … đã giải ngân 879 tỷ đồng": a new statement
                # whose verb names the figure; its object is the thing planned before the ";"
                # ("giải ngân vốn X"), else the verb alone ("đã thu hoạch 98.600 ha" is no sown area)
                verb = done.group(1)
                planned = _PLANNED.match(before["indicator"] or "") or _PLANNED_AFTER.match(before["indicator"] or "")
                thing = planned.group(1) if planned else ""
                if thing:
                    same = fold(thing.lower()).startswith(fold(verb.lower()))
                    indicator, weak, weak_head = thing if same else f"{verb} {thing}", False, ""
                    done_thing = True
                elif role != "count":  # a count names its noun after the figure ("thi hành xong 9.639 vụ việc")
                    indicator, weak, weak_head = verb, False, ""
            if weak:  # "…, là địa phương …", "dự kiến …": the subject is elsewhere
                indicator = ""
            if _GENERIC.match(fold(indicator.lower())) and c0 > 0:  # "…; giá trị cả năm đạt …"
                subject = _subject(stripped[:c0])
                indicator = f"{subject}: {indicator}" if subject and not _GENERIC.match(fold(subject.lower())) else indicator
            if not indicator and role == "count":  # "có 512 doanh nghiệp thành lập mới"
                tail = " ".join(re.split(r"[,;.()]|\s(?:và|hoặc|với|gồm)\s+(?=\d)", sent[m.end : m.end + 100])[0].split()[:12])
                bare_noun = len(tail.split()) <= len(unit_name.split())  # "lũy kế có 41 xã": as before
                same_unit = next((d for d in reversed(out) if d["unit"] == unit_name and d["indicator"]), None) \
                    if bare_noun and prev and part > 0 else None  # "…, chiếm 15,91%; cuối năm còn 498 hộ": the count before
                indicator = prev["indicator"] if bare_noun and prev and prev["unit"] == unit_name else \
                    same_unit["indicator"] if same_unit else tail
                if bare_noun and prev and prev["unit"] != unit_name and prev["indicator"] \
                        and re.fullmatch(r"\s*[^\d,;.()]{1,30},\s*", sent[prev["end"] : m.start]):
                    indicator = f"{prev['indicator']} {tail}"  # "đã ban hành 05 Chỉ thị, 812 Quyết định": one verb, a list of things
                verb = re.sub(r"^(?:đã|đang|được|có|sẽ)\s+", "", weak_head or self._count_verb(stripped, lo, cue, m.start),
                              flags=re.IGNORECASE)
                if indicator == tail and verb and not _PREDICATE_START.match(fold(verb.lower())):
                    indicator = f"{verb} {tail}"  # "đã tạo việc làm mới cho 17.469 lao động"
                    scope = _SCOPE.match(stripped[part:c0])  # "Riêng trong các KCN, …, đã thu hút thêm 22 dự án"
                    if scope and c0 > part and not re.search(r"\d", stripped[part:c0]):
                        where = _clean_indicator(stripped[part + scope.end() : c0].split(",")[0])
                        indicator += f" {scope.group(1).lower()} {where}" if where else ""
            elif role == "count" and scoped and indicator:
                tail = " ".join(re.split(r"[,;.()]", sent[m.end + unit.length : m.end + 70])[0].split()[:8])
                where = scoped.group(1)
                verb = self._count_verb(stripped, lo, cue, m.start)
                if tail and _NOT_A_COUNT.match(fold(tail.lower())):
                    tail = ""
                if tail or verb:  # "trong các KCN có 403 DN đang hoạt động", "… thu hút 510 dự án còn hiệu lực"
                    indicator = " ".join(x for x in (verb, unit_name, tail, where.lower(), indicator) if x)
            if (not indicator or _STOP_ONLY.match(fold(_clean_indicator(head).lower()))) and role == "level" \
                    and not m.percent and unit.unit and (cue >= 0 or not _clean_indicator(head)):
                # "tỉnh thu hút được 341,82 triệu USD vốn đầu tư trực tiếp nước ngoài": the noun after
                # the amount names what it measures
                tail = re.split(r"[,;.()]", stripped[m.end + unit.length : m.end + unit.length + 70])[0].strip()
                verb = _clean_indicator(stripped[lo + cue : m.start])
                if 2 <= len(tail.split()) <= 8 and not _NOT_A_WHOLE.match(fold(tail.lower())) \
                        and not re.search(r"\d", tail):
                    indicator = f"{verb} {tail}".strip()
                elif not indicator and 2 <= len(verb.split()) <= 10 and not re.search(r"\d", verb) \
                        and "(" not in stripped[lo : m.start] and not _NOT_A_WHOLE.match(fold(verb.lower())) \
                        and not re.match(r"(?:ke hoach|kh|muc tieu|du toan|chi tieu|cung ky|nam truoc)\b", fold(verb.lower())):
                    # "- Thu hút vốn FDI đăng ký 250 triệu USD;": nothing after the amount, the verb and
                    # its object before it name it
                    indicator = verb
            if fold(indicator.lower()) == "dong gop":  # "đóng góp 12,42 điểm phần trăm vào mức tăng trưởng chung"
                # the tail ends at the next statement ("… và chiếm tỷ trọng 30,6%"), not inside its figure
                tail = re.split(r"[,;.()\d]|\s(?:và|đồng thời)\s", stripped[m.end + unit.length : m.end + unit.length + 70])[0].strip()
                if re.match(r"(?i)vào\s+\S", tail):
                    indicator = f"{indicator} {tail}"
                # whose contribution: the figure's before it in the statement, else the subject that
                # opens the sentence, or the statement before ("Khu vực dịch vụ phục hồi …: tăng 13,25%;
                # đóng góp 4,04 điểm % …")
                subject = (prev or {}).get("indicator") or (_subject(stripped[:c0]) if c0 > 0 else self.last_indicator)
                if subject and "dong gop" not in fold(subject.lower()) and not _PLACE_CLASS.match(fold(subject.lower())):
                    indicator = f"{subject} {indicator}"
            if not indicator and prev is None and c0 > 0:  # the subject sits in an earlier clause
                lead = re.split(r"\s(?:là|có|đạt|gồm)\s+[\d.,/]+", stripped[part:c0])[0]
                lead = _clean_indicator(lead) if part and len(_clean_indicator(lead).split()) <= 10 else ""
                indicator = lead or _subject(stripped[:c0]) or self._not_a_place(
                    _clean_indicator(stripped[part:head_end]))
                indicator = "" if _predicate_only(indicator) else indicator
            if role == "level" and indicator and unit_name in ("nghìn", "ngàn", "triệu", "tỷ", "vạn") and not m.percent:
                # "đã tiếp nhận và xử lý 48,62 triệu hóa đơn điện tử": a bare magnitude counts the noun after it
                noun = re.split(r"[,;.()]|\s(?:và|hoặc|của|trong|tại|ở|tăng|giảm|bằng|đạt|so|với|cho)\s",
                                sent[m.end + unit.length : m.end + unit.length + 50])[0].strip()
                if 1 <= len(noun.split()) <= 4 and not re.search(r"\d", noun) and noun[:1].islower() \
                        and not _NOT_A_COUNT.match(fold(noun.lower())) and not _VERB.match(noun.lower()) \
                        and fold(noun.lower()) not in fold(indicator.lower()):
                    indicator = f"{indicator} {noun}"
            if role == "count" and indicator and _WHOLE_SCOPE.fullmatch(fold(_clean_indicator(indicator).lower())):
                # "toàn huyện còn 1.846 hộ nghèo": the scope says where; the noun after the figure what is counted
                tail = " ".join(re.split(r"[,;.()]", sent[m.end + unit.length : m.end + unit.length + 60])[0].split()[:6])
                if tail and not re.search(r"\d", tail) and not _NOT_A_COUNT.match(fold(tail.lower())) \
                        and not _VERB.match(tail.lower()):
                    indicator = f"{unit_name} {tail}"
            from_whole = False
            if indicator and m.percent and _SHARE_CUE.search(pre):  # "dịch vụ chiếm 43,81%": a share of a whole
                indicator, whole = self._share_of(indicator, sent, stripped, m.end + unit.length, whole)
            elif not indicator and m.percent and _SHARE_CUE.search(pre) and (
                    prev is None or any(part <= a < m.start for a, _, _ in places)):
                # "Huyện X chiếm 42,3% giá trị sản xuất công nghiệp toàn tỉnh; thành phố Y chiếm 8,9%":
                # a place's share of a whole measures the whole
                tail = re.split(r"[,;.()]", stripped[m.end + unit.length : m.end + unit.length + 80])[0]
                tail = re.sub(r"(?i)\s+(?:toàn|cả|của)\s+(?:tỉnh|thành phố|huyện)\s*$|\s+$", "", tail).strip()
                if 1 <= len(tail.split()) <= 8 and not _NOT_A_WHOLE.match(fold(tail.lower())):
                    whole = tail
                indicator, from_whole = whole, bool(whole)
            if indicator and c0 > 0 and sent[:c0].rstrip().endswith(":") and prev is None:
                lead = _subject(stripped[: c0 - 1].rsplit(";", 1)[-1])  # "Cơ cấu kinh tế …: dịch vụ …"
                if lead and fold(lead.lower()) not in fold(indicator.lower()) and not _PLACE_CLASS.match(fold(lead.lower())):
                    indicator = f"{lead}: {indicator}"
            if of_count is not None and of_count["indicator"] and (
                    not indicator or _RATE_ONLY.match(fold(indicator.lower()))):
                # "đã giải quyết xong 1.901/2.156 đơn (KN 247, …), đạt tỷ lệ 88,2%": the rate of that count,
                # not of the bracket's last item
                indicator = f"tỷ lệ {of_count['indicator']}"
            aside_count = False
            if not indicator and role == "level" and not m.percent and not unit.unit and m.value is not None \
                    and prev is not None and prev["role"] == "count" \
                    and re.fullmatch(r"\s*(?:và|hoặc)\s*", sent[prev["_end"] : m.start]):
                # "1.445 bác sĩ và 318 dược sĩ đại học": a figure of no known unit counts the noun after it
                noun = re.split(r"[,;.()]|\s(?:và|hoặc|của|trong|tại|ở)\s", sent[m.end : m.end + 60])[0].strip()
                if 1 <= len(noun.split()) <= 5 and not re.search(r"\d", noun) and noun[:1].islower() \
                        and not _NOT_A_COUNT.match(fold(noun.lower())) and not _VERB.match(noun.lower()) \
                        and not _PREDICATE_START.match(fold(noun.lower())):
                    indicator, aside_count = noun, True
            if role == "level" and not m.percent and not unit.unit and m.value is not None \
                    and (prev is None or indicator):
                # "cơ quan hải quan tiếp nhận 61.240 tờ khai xuất khẩu": a figure of no unit and no name
                # counts the noun after it, with the verb before it
                noun = _NOUN_STOP.split(" " + sent[m.end : m.end + 60] + " ", 1)[0].split()[:5]
                noun = " ".join(noun)
                verb = " ".join(re.split(r"[\d,;:()]", sent[: m.start])[-1].split()[-4:])
                if noun[:1].islower() and _a_noun(noun) and fold(noun.lower()) not in fold(indicator.lower()):
                    indicator = f"{indicator} {noun}" if indicator else f"{verb} {noun}".strip()
            running = re.fullmatch(r"(binh quan|tinh chung|luy ke|cong don)(?: ca)?", fold(indicator.lower()))
            named_before = next((d["indicator"] for d in reversed(out) if d["indicator"]), "") or (
                self.last_indicator if part == 0 and self.last_sentence.rstrip().endswith(";") else "")
            if running and named_before:
                # "CPI tháng 6 tăng 0,21%…; bình quân 6 tháng tăng 2,86%": the average of the one named before
                indicator = f"{named_before} bình quân" if running.group(1) == "binh quan" \
                    and "binh quan" not in fold(named_before.lower()) else named_before
            inherited = not indicator and prev is not None
            if inherited and prev["indicator"] and role == "change" and unit.is_count:
                # "…, bị thương 160 người; giảm 05 người chết": the noun after a counted change names it,
                # not the figure before (a change with no indicator before it stays without one)
                tail = re.split(r"[,;.()]", sent[m.end + unit.length : m.end + unit.length + 40])[0].strip()
                if 1 <= len(tail.split()) <= 3 and not re.search(r"\d", tail) \
                        and not _NOT_A_WHOLE.match(fold(tail.lower())):
                    indicator, inherited = f"{unit_name} {tail}", False
            if inherited:
                indicator = prev["indicator"]
                if m.percent and prev["role"] == "count" and indicator and re.fullmatch(
                        r"\s*(?:dat\s+)?ty le\s*(?:la|dat)?\s*", fold(head.lower())):
                    indicator = f"tỷ lệ {indicator}"  # "84 trường đạt chuẩn, tỷ lệ 66,7%": the rate of that count
                if _absolute(unit_name) and prev["unit"] != unit_name:
                    # "sản lượng ước đạt 2.478,6 nghìn tấn…; huyện X dẫn đầu với 88.450 ha lúa": the
                    # figure before in the same unit
                    indicator = next((d["indicator"] for d in reversed(out) if d["unit"] == unit_name and d["indicator"]),
                                     indicator)
            if not indicator and self.last_indicator and _RESULT_BEFORE.match(fold(sent.lower())) \
                    and len({x for x in self.last_indicators if x}) == 1:
                # "Với mức tăng trên, Cần Thơ xếp thứ 46/63": the figure of the sentence before
                indicator = ("mức tăng " if "tang" in _RESULT_BEFORE.match(fold(sent.lower())).group(0) else "") \
                    + self.last_indicator
            if not indicator and prev is None and self.last_indicator \
                    and len({x for x in self.last_indicators if x}) == 1 and _running_opening(folded[: m.start], periods):
                # "Lũy kế 9 tháng ước đạt 44.926,3 tỷ đồng": a sentence that opens on a period alone
                # carries on the one indicator of the sentence before
                indicator = self.last_indicator
            if not indicator and role == "rank":  # "đứng thứ 8 cả nước … về kết quả thu hút nguồn vốn FDI"
                about = re.match(r"[^;]*?\b(?:về|trong)\s+((?:kết quả|chỉ số)?[^,;.()]+)", sent[m.end : m.end + 150])
                if about and 1 <= len(about.group(1).split()) <= 10 and not PLACE_RE.match(about.group(1)):
                    indicator = _clean_indicator(about.group(1))
            if indicator and not inherited and not done_thing:
                # the sentence before too: "Kim ngạch xuất khẩu hàng hóa tháng 8 …. Lũy kế 8 tháng,
                # kim ngạch xuất khẩu đạt …" is the same indicator, shortened
                indicator = _completed(indicator, [x for x in self.last_indicators if x] + [d["indicator"] for d in out])
                short_total = re.fullmatch(r"(?i)(tổng)\s+(\S+)((?:\s+\d+\s+năm)?)", indicator)
                total_of = next((d["indicator"] for d in reversed(out) if short_total and d["indicator"]
                                 and fold(d["indicator"].lower()).split()[0] == fold(short_total.group(2).lower())), "")
                if total_of:  # "Thu ngân sách … tăng 16%/năm; tổng thu 5 năm ước đạt …": the total of the one named before
                    indicator = f"{short_total.group(1)} {total_of[0].lower()}{total_of[1:]}{short_total.group(3)}"
            if named and _PLACE_CLASS.match(fold(indicator.lower())):
                # "Có 04 địa phương có mức thu …, gồm: Thành phố X đạt …", "Nổi bật các huyện: X vượt …":
                # the head names the places, not the measure; the section's topic ("Thu, chi ngân sách") does
                indicator = self._topic_for(folded[: m.start]) or indicator
            this = re.search(r"(?i)\b(khu vực|ngành|lĩnh vực|loại hình|nhóm)\s+này\b", indicator)
            if this:  # "Khu vực DN FDI ngày càng …; GTSX khu vực này đạt …": the one named before
                named_before = _antecedent(this.group(1), sent[: m.start] if m.start else "", self.last_sentence)
                if named_before:
                    indicator = indicator[: this.start()] + named_before + indicator[this.end():]
            if indicator and _is_anaphor(indicator):  # "với kết quả này, … đứng thứ 16"
                indicator = next((f["indicator"] for f in reversed(out) if f["indicator"]),
                                 self.last_indicator)
            after = self._period_after(sent, periods, m.end + unit.length)
            start_of_rise = after is not None and re.search(r"\b(?:tang|giam) tu\s*$", pre) is not None
            if start_of_rise:  # "tăng từ 21,69% năm 2020 lên 57,1%": 2020 is the start's, not the figures' after it
                claimed |= {a for a, _, p in periods if p is after}
            # "chiếm 75%, tăng 1,7% năm 2021; thành phố X chiếm 8,9%": a period written right after a
            # figure is that figure's, and does not reach past the ";" that ends its statement
            gone = {a for a in trailing if a < part}
            from_prev = prev is not None and not prev.get("_from") and not (prev.get("_trail") and prev["_end"] <= part)
            # "tăng 9,4% (cùng kỳ năm 2023 tăng 0,6%), đóng góp 8,5 điểm": a period inside a closed
            # bracket, and the figure inside it, say nothing of the figures after the bracket
            shut = [(k, e) for k, e in brackets if e <= m.start and sent[e : m.start].strip()]  # "(… năm 2024) 8 tỷ": its label
            from_prev = from_prev and not any(k < prev["_end"] <= e for k, e in shut)
            period = (respectively.get(i) or after
                      or self._period_before_bracket(sent, spans, m.start, prev)
                      or self._period([x for x in periods if x[0] not in claimed and x[0] not in gone
                                       and not any(k < x[0] < e for k, e in shut)
                                       and not any(k < x[0] < e <= m.start for k, e in asides)], m.start,
                                      prev if from_prev else None))
            if after is not None and not start_of_rise:
                trailing |= {a for a, _, p in periods if p is after}
            scope = places
            if role == "rank":  # "đứng đầu vùng …, đứng thứ 3 toàn quốc": a region or the nation is the ranking's scope
                scope = [p for p in places if p[2] != "cả nước" and not p[2].lower().startswith("vùng ")]
            opening = [p for p in scope if p[0] < 3 or (part > 0 and part <= p[0] <= part + 2)
                       or (p[0] >= part and _PLACE_LEAD.fullmatch(folded[part : p[0]]))]
            place = self._nearest(scope, m.start, c0)
            if place is None and re.search(r"\b(?:toan|ca) (?:tinh|thanh pho)\b", folded[c0:m.start]):
                place = self.ctx.place
            elif place is None and from_whole:  # "thành phố Y đứng thứ hai, chiếm 21,4%"
                place = self._nearest(scope, m.start, part) or (prev["place"] if prev else self._nearest(opening, m.start, 0))
            elif place is None and inherited:
                # "…; xã B thấp nhất, đạt 31,5 triệu đồng": a place written after the figure before,
                # in this statement, is this figure's
                own_place = self._nearest(scope, m.start, part) if part > prev["_end"] else None
                place = own_place or prev["place"]
                if own_place and own_place != prev["place"]:
                    # "xã A có thu nhập cao nhất huyện, đạt X; xã B thấp nhất, đạt Y": B's figure is of the
                    # indicator, not of A's superlative
                    indicator = _SUPERLATIVE.sub("", indicator).strip() or indicator
            elif place is None and not re.search(r"\b(?:toan|ca) (?:tinh|thanh pho)\b", folded[c0:m.start]):
                # the place that opens the sentence, or the statement after its ";"
                place = self._nearest(opening, m.start, 0)
            # "ước đạt X, tăng Y%": both estimated; "tháng 4 ước đạt X, …, 4 tháng đạt Y": Y names
            # its own period, so its own clause says whether it is estimated
            own_period = any(c0 <= a < m.start for a, _, _ in periods)
            chain = prev["_chain"] if inherited and not weak and not own_period else c0
            opened = self._period_bracket_start(sent, spans, m.start)
            if opened is not None:  # "…, thấp hơn kế hoạch là 7% (năm 2022 tăng 8,82%)": the bracket's own words
                c0k = chain = max(opened, c0)
            else:
                c0k = c0
            kind = self._kind(folded[: m.start], role, period, c0k, chain, out, place or self.ctx.place)
            if kind == "target" and role == "level" and not unit_name and inherited and prev["unit"] \
                    and prev["unit"] != "rank" and m.value is not None and not re.match(r"\s*[^\W\d_]", sent[m.end : m.end + 3]):
                # "đạt 9,6 bác sĩ/10.000 dân (chỉ tiêu năm 2024 là 10,0)": the plan is in the unit of its figure
                unit_name, scale = prev["unit"], prev["scale"]
            if kind == "target" and role == "level" and m.percent and inherited and prev["role"] == "change" \
                    and prev["unit"] == "%" and prev["basis"] not in ("kế hoạch", "mục tiêu", "dự toán") \
                    and not re.search(r"[;()]", sent[prev["end"] : m.start]) and re.search(
                        r"\b(?:thap hon|cao hon|vuot|chua dat|khong dat|so voi)\b", folded[prev["end"] : m.start]):
                # "ước tăng 3,45%, thấp hơn kế hoạch đề ra là 7,0%": the plan of that growth is a growth too
                role = "change"
            if role == "level" and m.percent and re.match(r"(?:ty trong|co cau)\b", fold(indicator.lower())):
                role = "share_whole"  # "Cơ cấu kinh tế: công nghiệp 64,4%", "tỷ trọng … lên 32,1%"
            raw_post = self._raw_folded[m.end + unit.length : m.end + unit.length + 60]
            basis = _basis(post, raw_post) if role in ("change", "share_plan", "share_whole") else None
            if basis is None and role == "change":  # "So với tháng trước, nhóm A tăng 0,4%; …"
                basis = _basis(_OPENING_BASIS.match(folded).group(0)) if _OPENING_BASIS.match(folded) else None
            own = bool(respectively.get(i) or after or any(a < m.start and a not in claimed for a, _, _ in periods)
                       or self._period_before_bracket(sent, spans, m.start, prev))
            if sibling is not None and not any(part <= a < m.start for a, _, _ in periods):
                period = sibling["period"]
                if sibling["role"] == "share_whole" and re.search(r"\bty trong\b", fold(sibling["indicator"].lower())) \
                        and not re.search(r"\b(?:ty trong|ty le|co cau)\b", fold(indicator.lower())):
                    indicator, role = f"tỷ trọng {indicator}", "share_whole"
            period = self._adjust_period(period, own, role, kind, folded[c0 : m.start], post, basis,
                                         sent[max(0, m.start - 40) : m.start], m.percent,
                                         bool(_IN_THE_MONTH.match(folded[part:])))
            if period is not None and period.year and period.span != "term" \
                    and _PRIOR_BRACKET.search(self._raw_folded[max(0, m.start - 40) : m.start]):
                # "tăng 8,4% (cùng kỳ năm trước tăng 6,9%)": the bracket's figure is of the year before
                period = Period(period.span, period.year - 1)
            if not own and kind == "actual" and role in ("level", "rank", "change") \
                    and ANNUAL_INDEX.search(fold(indicator.lower())):
                period = self._edition(period)
            if role == "count" and indicator and unit_name:
                # "công nhận 52 sản phẩm OCOP": a name in capitals right after the counted noun is
                # what is counted ("sản phẩm OCOP", "dự án FDI"), whatever the verb before
                named = re.match(r"\s+([A-ZĐ]{2,}\d*)(?![\w-])", sent[m.end + unit.length : m.end + unit.length + 20])
                if named and named.group(1).lower() not in indicator.lower():
                    indicator = f"{indicator} {unit_name} {named.group(1)}"
            if role in ("count", "change") and re.fullmatch(r"(?:lam\s+)?(?:chet|bi thuong|mat tich)", fold(indicator.lower())) and out:
                # "Tai nạn giao thông xảy ra 48 vụ, làm chết 39 người": what caused the deaths opens the sentence
                cause = _subject(stripped[: out[0]["start"]])
                if cause and not _PLACE_CLASS.match(fold(cause.lower())):
                    indicator = f"{cause} {indicator}"
            indicator = _sown_area(indicator, unit_name, stripped[m.end + unit.length : m.end + unit.length + 40],
                                   [d["indicator"] for d in out if d["unit"] == unit_name])
            if unit_name and unit_name != "ha":
                indicator = _crop_measure(indicator, sent[: m.start])
            written = " ".join(sent[m.end : m.end + unit.length].split())
            if role == "count" and indicator and unit_name and len(written.split()) > len(unit_name.split()) \
                    and fold(written.lower()) not in fold(indicator.lower()) and not re.search(r"\d", written):
                # "các cơ sở lưu trú phục vụ 1.126.400 lượt khách (quốc tế)": the unit as written, and
                # the words after it, name what is counted
                tail = " ".join(_NOUN_STOP.split(" " + sent[m.end + unit.length : m.end + unit.length + 40] + " ", 1)[0]
                                .split()[:3])
                if not (tail[:1].islower() and _a_noun(tail)):
                    tail = ""
                indicator = f"{indicator} {written} {tail}".strip()
            indicator = _with_season(indicator, sent, part, m.start, self.opening_season or self.season)
            shown = m.text.split("/")[0] if m.value is not None else m.text  # "91,16/100 điểm": the score
            fact = {
                "value": value, "text": counted[1] if counted else shown, "unit": unit_name, "scale": scale,
                "role": role, "basis": basis, "kind": kind, "period": period, "place": place or self.ctx.place,
                "indicator": indicator, "start": m.start, "end": m.start + len(counted[1] if counted else shown),
                "_end": m.end + unit.length, "_clause": c0, "_chain": chain,
                "_from": start_of_rise, "_trail": after is not None and period is after,
                "_to": to_figure and after is not None,
                "part": parts_from is not None and m.start >= parts_from,
            }
            out.append(fact)
            if counted is None and not aside_count:  # "có 40/98 xã …, đạt 40,8%": the share after a count out of a total reads as before
                prev = fact  # ("992 DN và 86 chi nhánh, tăng 12,2%": the change is of the first count)
        self._comparative_brackets(sent, stripped, out, brackets, places, spans)
        self._place_brackets(sent, out, brackets)
        self._place_after(sent, out)
        self._list_items(sent, stripped, out)
        self._unnamed(sent, out)
        anchored = next((x["period"] for x in self.anchor_facts if x["period"] is not None and x["kind"] != "target"), None)
        default = self.heading_period.with_year(self._context_year()) if self.heading_period else self.ctx.period
        if anchored is not None and anchored.span != "term" and not periods:
            # a footnote that names no period is of the period of the sentence that references it
            # ("Giải ngân … đến ngày 30/9 đạt …³" — "³ một số huyện giải ngân thấp: A 31,5%")
            for d in out:
                if d["kind"] != "target" and d["period"] == default:
                    d["period"] = anchored
        self._respective_to_last(sent, out)
        _joined_counts(sent, out)
        self._opening_basis(sent, out)
        _parts_of_whole(sent, out)
        _amount_of_count(sent, out)
        own = [x for x in periods if x[0] not in claimed and not any(k < x[0] < e for k, e in asides)]
        if own:
            self.carried = self._period(own, len(sent), None)
        self.last_indicator = next((f["indicator"] for f in out if f["indicator"]), "" if out else self.last_indicator)
        self.colon_list = sent.rstrip().endswith(";") and (":" in sent or self.colon_list)
        self.last_sentence = sent
        self.parts_open = parts_from is not None and sent.rstrip().endswith(";")
        self.last_indicators = [f["indicator"] for f in out]
        self.last_facts = out
        return out

    @staticmethod
    def _place_after(sent: str, out: list[dict]) -> None:
        """"IIP tăng 9,87% so với cùng kỳ, thấp hơn mức tăng 10,6% của cả nước": a figure compared
        with ("cao/thấp hơn mức …") and followed by "của <place>" is that place's, for the same basis."""
        for i, d in enumerate(out):
            after = re.match(r"\s*(?:của|ở|tại)\s+", sent[d["_end"]:])
            if not after or i == 0:
                continue
            m = PLACE_RE.match(sent, d["_end"] + after.end())
            if not m or not re.search(r"\b(?:cao|thap|nhanh|cham|lon|nho) hon (?:so voi )?(?:muc|toc do|ty le|chi so)?[^\d,;]{0,25}$",
                                      fold(sent[: d["start"]].lower())):
                continue
            outside = [x for x in out[:i] if sent.count("(", 0, x["start"]) <= sent.count(")", 0, x["start"])]
            b = outside[-1] if outside else out[i - 1]  # the figure compared, not one in a bracket beside it
            d["place"] = place_name(m)
            if d["role"] == "change" and b["role"] == "change" and not d["basis"] and d["unit"] == b["unit"]:
                d["basis"] = b["basis"]

    @staticmethod
    def _place_brackets(sent: str, out: list[dict], brackets) -> None:
        """"CPI giảm 0,18% so với tháng trước (cả nước giảm 0,17%)": a change of another place in a
        bracket right after a change is measured against the same basis, of the same indicator."""
        for k, e in brackets:
            inside = [d for d in out if k < d["start"] < e]
            before = [d for d in out if d["_end"] <= k]
            if len(inside) != 1 or not before or not _place_aside(sent[k + 1 : inside[0]["start"]]):
                continue
            d, b = inside[0], before[-1]
            if re.search(r"\d", sent[b["_end"] : k]) or d["role"] != "change" or b["role"] != "change" \
                    or d["basis"] or d["unit"] != b["unit"]:
                continue
            d["basis"] = b["basis"]
            if not d["indicator"]:
                d["indicator"] = b["indicator"]

    def _comparative_brackets(self, sent: str, stripped: str, out: list[dict], brackets, places, spans) -> None:
        """"ước đạt 6,12%, thấp hơn năm 2022 (9,02%) nhưng cao hơn mức tăng chung của cả nước
        (5,05%)": a figure alone in a bracket right after a comparison with a basis is the LEVEL of
        the same indicator as the figure compared (its role, unit and basis: a growth rate stays a
        growth rate, a share of plan a share of plan) for that basis — a period named there is its
        period, a place its place; "thấp hơn" gives it no direction of its own. "… tỉnh A (64,8%) và
        tỉnh B (68,2%)": a bracket after "và" goes on the comparison before it."""
        raw = self._raw_folded
        done: dict[int, dict] = {}  # index of a figure read so -> the figure compared
        for i, d in enumerate(out):
            if _ASSIGNED_ONLY.match(d["indicator"] or ""):
                # "… Trung ương giao 2.450 tỷ đồng, Hội đồng nhân dân tỉnh giao 2.650 tỷ đồng": the same
                # plan, set by another body
                base = next((t.group("base") for x in reversed(out[:i])
                             for t in [_ASSIGNED_TAIL.match(x["indicator"] or "")] if t), "")
                if base:
                    d["indicator"] = f"{base} {d['indicator']}"
            k = sent.rfind("(", 0, d["start"])
            if k < 0 or sent[k + 1 : d["start"]].strip() or re.search(r"\d\s*/\s*\d", sent[d["start"] : d["_end"] + 1]):
                continue  # "(470/491 vụ)": a count out of another, no level ("triệu đồng/người" is a unit)
            close = sent.find(")", d["_end"])
            if close < 0 or sent[d["_end"] : close].strip():
                continue
            lo = max([x["_end"] for x in out[:i] if x["_end"] <= k] + [sent.rfind(";", 0, k) + 1])
            phrase = raw[lo:k]
            plan = _PLAN_PHRASE.match(phrase)
            if plan and i and out[i - 1]["role"] == "share_plan" and out[i - 1]["_end"] == lo and out[i - 1]["indicator"] \
                    and d["kind"] == "target" and d["role"] == "level":
                # "bằng 96,5% dự toán HĐND tỉnh giao (3.198,3 tỷ đồng)": the plan of the indicator of
                # that share, with who set it
                main_ind = out[i - 1]["indicator"]
                said = re.sub(r"\s+", " ", sent[lo + plan.start(1) : k]).strip(" ,")
                word = sent[lo + plan.start(1) : lo + plan.end(1)]
                rest = said[len(word) :].strip()
                if re.search(rf"(?i)\b{_ASSIGNER}\s+(?:giao|đề ra|phê duyệt)\b", rest) and len(said.split()) <= 10 \
                        and not fold(main_ind.lower()).startswith(plan.group(1)):
                    name = f"{main_ind[:1].lower()}{main_ind[1:]}" if not main_ind[1:2].isupper() else main_ind
                    d["indicator"] = f"{word} {name} {rest}"
                elif not d["indicator"] or _ASSIGNED_ONLY.match(d["indicator"]):
                    d["indicator"] = main_ind
                continue
            went_on = i - 1 in done and re.fullmatch(r"\)?\s*(?:,|va|hoac)\s+[^\d()]{0,60}", phrase)
            if not went_on:  # the comparison's own clause: "đạt 14,5% kế hoạch, thấp hơn …" is no plan's
                lo += max(phrase.rfind(", ") + 1, phrase.rfind(")") + 1, 0)
                phrase = raw[lo:k]
            last = list(_COMPARED.finditer(phrase))
            basis_words = phrase[last[-1].end():] if last else ""
            if not went_on and (not last or len(basis_words) > 70 or _PLAN_WORD.search(basis_words)):
                continue
            if went_on:
                main = done[i - 1]
            else:
                cands = [x for j, x in enumerate(out[:i]) if x["end"] <= lo and x["unit"] == d["unit"]
                         and x["role"] != "rank" and j not in done
                         and not any(a < x["start"] < b for a, b in brackets)]
                if re.search(r"\b(?:muc|toc do) (?:tang|giam)\b", phrase) and any(x["role"] == "change" for x in cands):
                    cands = [x for x in cands if x["role"] == "change"]
                elif i and out[i - 1]["role"] == "change" and re.match(r"\s*so\b", raw[out[i - 1]["_end"] : k]):
                    # "tăng 0,76 điểm so với năm 2020 (63,98 điểm)": the basis's own level, not a change
                    cands = [x for x in cands if x["role"] != "change"]
                part = sent.rfind(";", 0, k) + 1
                main = next((x for x in reversed(cands) if x["start"] >= part), None) or (cands[-1] if cands else None)
            if main is None and d["unit"] == "%":
                main = self._compared_rate(sent, stripped, d, k)
            if main is None:
                continue
            # the basis: a period named in the comparison, a place named there
            period = main["period"]
            named = [(a, p) for a, b, p in spans if lo <= a and b <= k and not is_date(sent, a) and p.year]
            if named:
                period = self._span_period(sent, named[-1][0], named[-1][1], main)
            elif re.search(r"\b(?:cung ky|nam truoc)\b", phrase) and period is not None and period.year \
                    and period.span != "term":
                period = Period(period.span, period.year - 1)
            where = [p for a, b, p in places if lo <= a and b <= k]
            place = where[-1] if where else main["place"]
            if not where and re.search(r"\b(?:cua|toan) tinh\b|\bchung (?:cua )?tinh\b", phrase) \
                    and self.ctx.place and _is_local(self.ctx.place):
                # "thấp hơn tỷ lệ chung của tỉnh (16,2%)" in a city's report: its province's figure
                place = self.ctx.province
                if not place:
                    d["_drop"] = True
                    continue
            value = abs(d["value"])
            if main["role"] == "change":
                sign = -1 if re.search(r"\bmuc giam\b", phrase) else 1 if re.search(r"\bmuc tang\b", phrase) \
                    else (-1 if main["value"] < 0 else 1)
                value *= sign
            d.update(role=main["role"], basis=main["basis"], unit=main["unit"], scale=main["scale"],
                     indicator=main["indicator"], value=value, period=period, place=place,
                     kind=main["kind"] if period == main["period"] else "actual")
            done[i] = main
        out[:] = [d for d in out if not d.get("_drop")]

    def _compared_rate(self, sent: str, stripped: str, d: dict, k: int) -> dict | None:
        """"Tỷ lệ thu 9 tháng so với dự toán của tỉnh thấp hơn … nhưng cao hơn tỉnh A (64,8%)": with
        no figure of its own to compare, the rate the statement opens with is the one compared."""
        part = sent.rfind(";", 0, k) + 1
        first = _COMPARED.search(self._raw_folded, part, k)
        while first is not None and first.group(0) == "so voi":  # "tỷ lệ … so với dự toán" is in the name
            first = _COMPARED.search(self._raw_folded, first.end(), k)
        if first is None:
            return None
        head = stripped[part : first.start()]
        head = head[max(head.rfind(",") + 1, 0):] if not _REPORTER.match(head) else head
        name = _clean_indicator(re.sub(r"(?i)\s+(?:của|toàn)\s+(?:tỉnh|huyện|thành phố|thị xã)\s*$", "", head))
        f = fold(name.lower())
        if not re.match(r"(?:ty le|toc do|muc tang)\b", f) or re.search(r"\d", name) or len(name.split()) > 14:
            return None
        plan = re.search(r"\bso (?:voi )?(du toan|ke hoach)\b", f)
        return {"role": "share_plan" if plan else "level", "basis": ("dự toán" if plan.group(1) == "du toan" else "kế hoạch") if plan else None,
                "unit": "%", "scale": d["scale"], "indicator": name, "value": 1.0, "period": d["period"],
                "place": self.ctx.place, "kind": "actual"}

    def _list_items(self, sent: str, stripped: str, out: list[dict]) -> None:
        """"Thu ngân sách quý I của một số phường: Phú Cường 86,4 tỷ đồng; Hiệp Thành 72,5 tỷ đồng",
        "một số huyện giải ngân thấp: Bảo Lâm 31,5%, Hà Quảng 33,8%", "Tỷ lệ trường đạt chuẩn theo cấp
        học: mầm non 61,2%; tiểu học 58,4%": items "name figure" after a heading are each the heading's
        measure — of the place the name is, at the level the heading names ("một số phường"), or of
        the part the label names. A list cut into sentences at its ";" goes on in the next ones."""
        colon = sent.find(":")
        going_on = self.open_list is not None and colon < 0
        if colon < 0 and not going_on:
            self.open_list = None
            return
        if going_on:
            level, measure, hs, colon = *self.open_list[:2], 0, -1
            has = None
        else:
            hs = max(sent.rfind(";", 0, colon), sent.rfind(". ", 0, colon)) + 1
            heading = stripped[hs:colon]
            lv = _LIST_LEVEL.search(heading)
            level = lv.group(1).lower() if lv else ""
            if lv:
                heading = heading[: lv.start()] + " " + heading[lv.end():]
            has = re.search(r"(?i)\bcó\s+((?:tỷ lệ|mức|số)\s+[^\d,;:]+?)\s+(?:dưới|trên|thấp|cao|từ|chưa|không|vượt)\b", heading)
            if has and len(has.group(1).split()) >= 3:  # "Một số chủ đầu tư có tỷ lệ giải ngân dưới 40% kế hoạch là"
                measure = has.group(1)  # ("có mức thu trên 800 tỷ đồng": too bare to name the figures)
            elif has:
                measure = ""
            elif _ADVERBIAL.match(fold(heading.strip().lower())) or re.search(r"(?i)\b(?:như|gồm|là|sau)\s*$", heading):
                measure = ""  # "Theo nguồn vốn: …", "… bao gồm: …", "… như: …": a grouping, no measure
            else:  # the heading's subject: "Các sản phẩm chủ lực tiếp tục phát triển" names "Các sản phẩm chủ lực"
                measure = re.sub(r"(?i)\s+(?:phân |chia )?theo\s+[^,;:]*$|\s+(?:là|gồm|như sau)\s*$", "", heading.strip())
                measure = _subject(measure) if "," not in measure else ""
            measure = re.sub(r"(?i)(?:\s+(?:đạt|rất|khá|còn|là))*\s+(?:thấp|cao|chậm|nhanh|khá|tốt|lớn|nhỏ|nhất|dẫn đầu)(?:\s+nhất)?\s*$",
                             "", measure.strip())
            measure = _clean_indicator(measure)
            if not measure or len(measure.split()) > 10 or re.search(r"\d", measure) \
                    or _PREDICATE_START.match(fold(measure.lower())) \
                    or (not has and re.search(r"(?i)\b(?:như|gồm|là|sau)$", measure)):
                self.open_list = None  # "… như: A, B", "đã thực hiện miễn giảm: …": no measure named
                return
        if not going_on:  # "giải ngân" after "Giải ngân vốn ba chương trình …" (the footnote's sentence) is that
            earlier = self.last_facts + [x for x in out if x["start"] < hs] + self.anchor_facts
            measure = _completed(measure, [x["indicator"] for x in earlier if x["indicator"]])
        items = [d for d in out if d["start"] > colon]
        done = 0
        for j, d in enumerate(items):
            before = max([x["_end"] for x in out if x["_end"] <= d["start"]] + [colon + 1, hs])
            # items of places are cut at ",", labels of parts only at ";" ("nông, lâm nghiệp 25,2%")
            cut = max(sent.rfind(x, before, d["start"]) for x in ((";", ",", ":") if level else (";", ":")))
            label = sent[max(cut + 1, before) : d["start"]].strip(" ,;:(")
            if not label or len(label.split()) > 8 or re.search(r"\d", label) or _VERB.search(label.lower()) \
                    or _LABEL_VERB.search(label):
                continue
            own = PLACE_RE.search(label) or (self.ctx.gazetteer.find(label) if self.ctx.gazetteer else None)
            if level and not own and re.fullmatch(rf"(?:[{_UP}][\w-]*\s*){{1,4}}", label):
                d["place"] = f"{level} {label}"  # "Hiệp Thành" in a list of "một số phường"
                d["indicator"] = measure
            elif own and (level or has):
                d["indicator"] = measure
            elif not level and not own and d["role"] in ("level", "count") \
                    and fold((d["indicator"] or "").lower()).endswith(fold(_clean_indicator(label).lower()) or "\0"):
                d["indicator"] = f"{measure}: {_clean_indicator(label)}"  # "mầm non 61,2%": the part the label names
            else:
                continue
            done += 1
        self.open_list = (level, measure, "") if done and sent.rstrip().endswith(";") else None

    def _unnamed(self, sent: str, out: list[dict]) -> None:
        """Figures still with no indicator: "Huyện X còn 52,3% hộ nghèo; huyện Y 49,8%" names it
        after the first figure ("tỷ lệ hộ nghèo"), and the figures after it with no name of their own
        are of it; a footnote's figures are of the sentence that references it, and a sentence that
        opens on "Trong đó", "Riêng" breaks down the figure of the sentence before in the same unit."""
        named = ""
        for d in out:
            if d["indicator"]:
                named = ""
                continue
            if not named and d["unit"] == "%" and d["role"] == "level":
                whole = re.match(r"[^,;.()]*(?:[;.]|$)", sent[d["_end"] :])  # "52,3% hộ nghèo;", not "100% xã, phường"
                tail = whole.group(0).strip(" ;.") if whole else ""
                if 1 <= len(tail.split()) <= 4 and tail[:1].islower() and not re.search(r"\d", tail) \
                        and not _NOT_A_WHOLE.match(fold(tail.lower())) and not _VERB.match(tail.lower()) \
                        and not _PREDICATE_START.match(fold(tail.lower())) and not _PLAN_WORD.match(fold(tail.lower())):
                    named = f"tỷ lệ {tail}"
            if not named:
                source = self.anchor_facts or (self.last_facts if re.match(
                    r"\s*(?:trong do|rieng|cu the)\b", self._raw_folded) else [])
                named = next((x["indicator"] for x in reversed(source) if x["indicator"] and x["unit"] == d["unit"]), "")
            d["indicator"] = named

    @staticmethod
    def _count_verb(stripped: str, lo: int, cue: int, start: int) -> str:
        """The verb a count is the object of ("thu hút thêm 22 dự án", "cấp mới 40 giấy phép"),
        not a bare "có", "đạt", "là"."""
        if cue < 0:
            return ""
        raw = stripped[lo + cue : start]
        if re.search(r"[()\[\],;:]", raw) or len(raw.split()) > 4 or _COPULA.match(fold(raw.split()[0].lower()) if raw.split() else ""):
            return ""  # "… còn hiệu lực (gồm 394": no verb of its own
        return _clean_indicator(raw)

    def _respective_to_last(self, sent: str, out: list[dict]) -> None:
        """"Cơ cấu tương ứng của năm trước lần lượt là 22,8%; 25,8% và 47,2%": figures given
        "respectively" for the items of the sentence before, one each, in its order."""
        f = fold(sent.lower())
        k = f.find("lan luot")
        if k < 0 or "tuong ung" not in f[:k]:
            return
        listed = [d for d in out if d["start"] > k]
        before = self.last_indicators
        if len(listed) >= 2 and len(listed) == len(before) and all(before):
            for d, ind in zip(listed, before):
                d["indicator"] = ind
                if d["role"] == "level" and d["unit"] == "%" and re.match(r"(?:ty trong|co cau)\b", fold(ind.lower())):
                    d["role"] = "share_whole"

    @staticmethod
    def _share_of(part: str, sent: str, stripped: str, end: int, whole: str) -> tuple[str, str]:
        """"Về cơ cấu, nông nghiệp chiếm 20,39% GRDP; dịch vụ chiếm 43,81%": each figure is the
        share of its part in the whole named after the first figure, or by the sentence's
        opening "Cơ cấu …". Returns the indicator and the whole."""
        if _SHARE_NAMED.match(fold(part.lower())) or len(part.split()) > 8:
            return part, whole
        tail = re.split(r"[,;.()\n]", sent[end : end + 50])[0].strip()
        if tail and 1 <= len(tail.split()) <= 4 and not _NOT_A_WHOLE.match(fold(tail.lower())):
            whole = tail
        if not whole:
            lead = re.match(r"\s*(?:Về\s+)?cơ cấu\s+([^,;:(]{2,40})", stripped, re.IGNORECASE)
            words = _WHOLE_STOP.split(lead.group(1))[0].split() if lead else []
            whole = "cơ cấu " + " ".join(words[:3]) if words else ""
        return (f"tỷ trọng {part} trong {whole}" if whole else f"tỷ trọng {part}"), whole

    def _topic_for(self, before_folded: str) -> str:
        """The section's topic for a figure whose head names only places; of a topic naming two
        things ("Thu, chi ngân sách nhà nước") the one the sentence speaks of ("thu"), else none."""
        both = re.match(r"^(\w+),\s+(\w+)\s+(.+)$", self.topic)
        if not both:
            return self.topic
        a, b, rest = both.groups()
        has = [re.search(rf"\b{fold(w.lower())}\b", before_folded) is not None for w in (a, b)]
        if has == [True, False]:
            return f"{a} {rest}"
        if has == [False, True]:
            return f"{b[:1].upper()}{b[1:]} {rest}"
        return ""

    def _since_spans(self, sent: str) -> list[tuple[int, int, Period]]:
        """"Từ đầu năm 2021 đến nay": the span from that year to the end of what the document
        reports on (a term when it runs over several years)."""
        ctx = self.ctx.period
        if ctx is None:
            return []
        last = ctx.end_year if ctx.span == "term" else ctx.year
        out = []
        for m in _SINCE.finditer(fold(sent.lower())):
            y = int(m.group(1))
            if last and y < last:
                out.append((m.start(), m.end(), Period("term", y, last)))
            elif last and y == last and ctx.span != "term":
                out.append((m.start(), m.end(), ctx))
        return out

    def _adjust_period(self, period: Period | None, own: bool, role: str, kind: str, head: str, post: str,
                       basis: str | None, raw_before: str = "", percent: bool = False,
                       month_opening: bool = False) -> Period | None:
        """What the period of a figure means beyond the phrase it was read from:
        - an average per year ("bình quân hằng năm", "%/năm") over a term is the term's figure;
        - "đến 31/01" after a yearly report's year counts that year (the plan's disbursement time);
        and, when the figure names no period of its own:
        - a planned rank in an annual index (PCI, PAPI, PAR Index, SIPAS…) is for the year of the
          period (an actual one keeps the report's period: questions name the report, not the edition);
        - a rank over a term has no period (a standing is at a time, not over five years);
        - a planned rate over a term (not an average) is planned for the term's last year;
        - a figure "trong tháng" or against "tháng trước", or in a statement that opens with
          "Trong tháng, …", is the last month of the period."""
        ctx = self.ctx.period
        if period is not None and period.span == "m1" and ctx is not None and ctx.span == "year" \
                and period.year == (ctx.year or 0) + 1 and re.search(r"\b31/0?1/", raw_before):
            return ctx
        # the average words of the figure's own clause: "còn 0,68%, bình quân mỗi năm giảm …" is no average
        if period is not None and period.span == "year" and _AVERAGE.search(head[-80:] + " " + re.split(r"[,;(]", post)[0][:12]):
            term = next((t for t in self.terms if t.end_year == period.year), None)
            if term is not None:
                return term
        if own or period is None:
            return period
        if role == "rank" and kind == "target" and ANNUAL_INDEX.search(head) and period.end() is not None:
            return Period("year", period.end().year)
        if role == "rank" and period.span == "term":
            return None
        if period.span == "term" and kind == "target" and percent and role in ("level", "share_whole") \
                and not _AVERAGE.search(head[-80:] + " " + post[:12]):
            return Period("year", period.end_year)  # "mục tiêu Đại hội (32,4%)": a rate planned for the term's end
        if (period.span.startswith(("first", "q")) or period.span == "h1") and (
                basis == "tháng trước" or month_opening or re.search(r"\b(?:trong thang|thang nay)\b", head)):
            return Period(f"m{period.months()[1]}", period.year)
        return period

    def _edition(self, period: Period | None) -> Period | None:
        """An annual index (PCI, PAPI, PAR Index, SIPAS …) is published in the year after the one
        it measures: a result a report of year Y states without its year is of Y-1 at the latest
        ("Chỉ số PAR Index đạt 88,65/100 điểm" in a report on 2022 is the 2021 edition)."""
        ctx, ref = self.ctx.period, self.ctx.reference_end
        if period is None or ctx is None or ctx.span == "term" or not ref or period.year != int(ref[:4]):
            return period
        return Period("year", period.year - 1)

    def _opening_basis(self, sent: str, out: list[dict]) -> None:
        """"… xảy ra 142 vụ, làm chết 118 người. So với năm 2023, giảm 17 vụ (giảm 10,7%), giảm 9 người
        chết (giảm 7,1%)": the basis opens the sentence and holds for all its changes, and each
        counted change is of the count of the sentence before that counts the same noun; a
        percentage in a bracket right after a change is of the same indicator."""
        m = re.match(r"\s*(?:[-–+*•]\s*)?so\s+(?:voi\s+)?([^,;:]{3,30}?)\s*,", self._raw_folded)
        if m is None or not re.search(r"\b(?:nam|thang|quy|ky|cung ky|dau nam|truoc)\b", m.group(1)):
            return
        basis = " ".join(sent[m.start(1) : m.end(1)].split())
        before = [g for g in self.last_facts if g["role"] in ("count", "level") and g["indicator"]]
        last = None
        for d in out:
            if d["role"] != "change":
                last = None
                continue
            if d["basis"] is None:
                d["basis"] = basis
            if d["unit"] != "%":
                noun = fold(_noun_after(sent, d).lower()).split()
                same = [g for g in before if g["unit"] == d["unit"]
                        and all(w in fold(f"{g['indicator']} {g['unit']}".lower()).split() for w in noun[1:])]
                if len(same) == 1 or (same and noun[1:]):
                    d["indicator"] = same[0]["indicator"]
                last = d
            elif last is not None and re.fullmatch(r"[^\d(),;]{0,30}\(\s*(?:tang|giam)?\s*", fold(sent[last["_end"] : d["start"]].lower())):
                d["indicator"] = last["indicator"]  # "giảm 17 vụ (giảm 10,7%)": the same count's rate

    def _not_a_place(self, indicator: str) -> str:
        """"Nghệ An đứng thứ 16": a head that is only the place names no indicator."""
        return "" if self.ctx.place and same_place(indicator, self.ctx.place) else indicator

    @staticmethod
    def _nearest(spans, pos: int, lo: int):
        before = [(a, v) for a, b, v in spans if b <= pos and a >= lo]
        return before[-1][1] if before else None

    @staticmethod
    def _period_after(sent: str, periods, end: int) -> Period | None:
        """"giảm từ 21,9% năm 2021 xuống còn 11,57% năm 2024": a period right after the figure
        (a space apart, no comma: ", năm 2024 …" starts the next clause)."""
        return next((p for a, _, p in periods if end <= a <= end + 2 and p.year and not sent[end:a].strip()), None)

    def _period_before_bracket(self, sent: str, spans, start: int, prev: dict | None) -> Period | None:
        """"cao hơn mức tăng của cùng kỳ năm 2023 (6,27%)": a bracketed figure right after a
        period phrase, basis or not, is that period's figure ("cùng kỳ năm 2023": the span
        reported on, in 2023)."""
        k = sent.rfind("(", 0, start)
        if k < 0:
            return None
        if sent[k + 1 : start].strip():
            # "(cùng kỳ năm 2023 tăng 5,12%)": a bracket that opens on a period and only a verb
            # before the figure gives the figure of that period
            inner = next(((a, p) for a, b, p in spans if k < a and b <= start and not is_date(sent, a)
                          and re.fullmatch(r"\(\s*(?:cung ky\s+)?", fold(sent[k:a].lower()))
                          and _BRACKET_VERB.fullmatch(fold(sent[b:start].lower()))), None)
            if inner is None:
                return None
            return self._span_period(sent, *inner, prev) if inner[1].year else None
        found = next(((a, p) for a, b, p in spans if b <= k and not sent[b:k].strip() and not is_date(sent, a)), None)
        return None if found is None else self._span_period(sent, *found, prev)

    @staticmethod
    def _period_bracket_start(sent: str, spans, start: int) -> int | None:
        """Where a bracket opens that holds the figure at `start` after a period phrase and a verb
        only ("(năm 2022 tăng 8,82%)", "(cùng kỳ năm 2023 đạt 5,1%)"): a figure of its own period."""
        k = sent.rfind("(", 0, start)
        if k < 0 or ")" in sent[k:start]:
            return None
        for a, b, p in spans:
            if k < a and b <= start and p.year and re.fullmatch(r"\(\s*(?:cung ky\s+)?", fold(sent[k:a].lower())) \
                    and _BRACKET_VERB.fullmatch(fold(sent[b:start].lower())):
                return k
        return None

    def _span_period(self, sent: str, a: int, p: Period, prev: dict | None) -> Period:
        """The period a bracketed figure's period phrase names: "cùng kỳ năm 2023" is the span
        reported on (its own or its paragraph's), in 2023."""
        if p.span == "year" and p.year and fold(sent[:a].lower()).rstrip().endswith("cung ky"):
            own = (prev["period"] if prev else None) or self.heading_period or self.ctx.period
            return Period(own.span, p.year) if own and own.span != "term" else p
        return p.with_year(self._context_year())

    def _period(self, periods, pos: int, prev: dict | None) -> Period | None:
        before = [p for a, b, p in periods if b <= pos]
        if before:
            p = before[-1]  # a period without its year takes the nearest year named before it
            years = [q.year for q in before if q.year]
            later = [q.year for _, _, q in periods if q.year]
            return p.with_year(years[-1] if years else self._context_year() or (later[-1] if later else None))
        if prev is not None and prev["period"] is not None:
            return prev["period"]
        if (self.in_list or self.colon_list) and self.carried is not None and self.carried.span != "term":
            # an item of a list (after "…:" on its own line, or the next part of a ";" list) is of
            # the period its statement named ("Cùng kỳ năm 2024: A 2.147.530 người; B 149.594 người")
            return self.carried
        default = self.heading_period.with_year(self._context_year()) if self.heading_period else self.ctx.period
        if self._widens(self.carried, default):
            return self.carried
        return default

    @staticmethod
    def _widens(carried: Period | None, default: Period | None) -> bool:
        """Is `carried` the months to date that hold `default` (a month, a quarter) and end with
        it? A heading "tháng 4 và 4 tháng đầu năm" reports the months to date, as a title does,
        and a sentence naming no period continues the one its paragraph named last only when so:
        "tháng 10 … lũy kế 10 tháng đạt X. Thành phố Y thu Z" (Z is of the 10 months); a quarter
        named inside a half-year's paragraph is a detail, the next sentence is of the half-year."""
        if carried is None or default is None or carried == default or "term" in (carried.span, default.span):
            return False
        if carried.span == "year":  # "… trong quý IV để cả năm đạt …": a whole year is a goal's, not a running total's
            return False
        cs, ce, ds, de = carried.start(), carried.end(), default.start(), default.end()
        return None not in (cs, ce, ds, de) and ce == de and cs < ds

    def _context_year(self) -> int | None:
        if self.heading_period and self.heading_period.year:
            return self.heading_period.year
        p = self.ctx.period
        if p is None:
            return None
        return p.end_year if p.span == "term" else p.year

    @staticmethod
    def _respectively(sent: str, periods, mentions) -> dict[int, Period]:
        """"quý I và quý II đạt lần lượt 13,96% và 14,31%": the i-th figure, the i-th period."""
        f = fold(sent.lower())
        k = f.find("lan luot")
        if k < 0:
            return {}
        stop = f.find(";", k)
        stop = len(f) if stop < 0 else stop
        ps = [p for a, b, p in periods if b <= k]
        ms = [i for i, m in enumerate(mentions) if k < m.start < stop and m.value is not None]
        if len(ps) < 2 or len(ms) != len(ps[-len(ms):]) or len(ms) < 2:
            return {}
        ps = ps[-len(ms):]
        years = [p.year for p in ps if p.year]
        return {i: p.with_year(years[-1] if years else None) for i, p in zip(ms, ps)}

    def _kind(self, before_folded: str, role: str, period: Period | None, c0: int, chain: int,
              earlier: list[dict] = (), place: str | None = None) -> str:
        """Estimate when "ước" heads the figure's own clause chain; a "dự kiến" figure is an
        estimate inside the report's period and a plan beyond it. A plan word that is the basis
        of a figure ("vượt 2,6% kế hoạch", "đạt kế hoạch", "vượt chỉ tiêu … giao") makes no plan."""
        if "du kien" in before_folded[chain:]:
            return "target" if self._after_reference(period, period_end=True) else "estimate"
        est = [m.start() for m in _ESTIMATE.finditer(before_folded[chain:])]
        raw = self._raw_folded  # the whole sentence, places and periods not blanked
        tgt = _target_cues(before_folded[chain:], raw[chain:]) if role != "share_plan" else []
        estimated = (est and (not tgt or est[-1] > tgt[-1])  # the nearer of "ước" and "mục tiêu" decides
                     or re.match(r"\s*uoc\b[^,;:]{0,30}[,:]", before_folded))  # "Ước 6 tháng, …" leads the sentence
        if estimated:  # "ước tăng 8,3%, cao hơn cùng kỳ năm 2023 (6,27%)": a past period is known
            return "actual" if self._before_report(period) else "estimate"
        planned = (
            (role != "share_plan" and _target_cues(before_folded[c0:], raw[c0:]))  # "kế hoạch … là X"
            # "bằng 39,4% kế hoạch sản lượng lúa cả năm 2025 (1.070.000 tấn)": the bracket states the plan
            or (role == "level" and _PLAN_THEN_BRACKET.search(before_folded))
            or "phan dau" in before_folded
            or (self.plan_section and (self.ctx.resolution or self._after_reference(period, period_end=True)))
            or self._after_reference(period)
        )
        if planned:
            return "target"
        # "lượng khách quý I ước đạt X; doanh thu du lịch đạt Y": a figure of the sentence for the
        # same period and place as an estimated one is estimated too (a cumulative "4 tháng đạt Y"
        # after "tháng 4 ước đạt X" is written as known, and a rank is a standing, not estimated)
        end = period.end() if period is not None else None
        if end is not None and role != "rank" and any(
                d["kind"] == "estimate" and d["period"] == period and d["place"] == place for d in earlier):
            return "estimate"
        return "actual"

    def _before_report(self, period: Period | None) -> bool:
        """Does the figure's period end before the period the document reports on begins?"""
        if period is None or self.ctx.period is None:
            return False
        end, start = period.end(), self.ctx.period.start()
        return end is not None and start is not None and end < start

    def _after_reference(self, period: Period | None, period_end: bool = False) -> bool:
        """Is the figure's period (its start; its end inside a plan section) after what the
        document reports on? Such a figure can only be planned."""
        if period is None or self.ctx.reference_end is None:
            return False
        when = period.end() if period_end else period.start()
        return when is not None and when.isoformat() > self.ctx.reference_end


# "Đánh giá kết quả thực hiện kế hoạch năm 2025", "tình hình thực hiện nhiệm vụ": the results of a plan
_CARRIED_OUT = re.compile(r"\bthuc hien(?:\s+(?:cac|ve|nhiem vu|ke hoach|chi tieu|muc tieu|nghi quyet))+\b")


def plan_heading(section: str) -> bool:
    """Does a section path head a plan (tasks, targets, directions) rather than the results of
    one? A plan word that only names what was carried out ("kết quả thực hiện kế hoạch năm
    2025") heads results; "… và phương hướng, nhiệm vụ năm 2026" still heads a plan."""
    return bool(_PLAN_HEADING.search(_CARRIED_OUT.sub(" ", fold(section.lower()))))


def heading_period(section: str, ctx_year: int | None) -> Period | None:
    """The period named by the nearest heading of a section path ("KẾ HOẠCH … NĂM 2023")."""
    for part in reversed(section.split(" > ")):
        # "2. Tổng giá trị sản xuất đạt 5.300 tỷ đồng (năm 2024 ước đạt 4.862,5 tỷ đồng)": a bracket's
        # period is its own figure's, not the section's
        part = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group()), part)
        found = [p for a, _, p in find_period_spans(part) if not is_basis(part, a) and not is_date(part, a)]
        if found:
            found = [p.with_year(ctx_year) for p in found]
            # "tháng 4 và 4 tháng đầu năm": the months to date hold the month (as a title's period)
            wider = [p for p in found if SentenceReader._widens(p, found[0])]
            return max(wider, key=lambda p: p.end() - p.start()) if wider else found[0]
    return None


def section_topic(section: str) -> str:
    """What the nearest heading is about, without its numbering and periods: "5. Thu, chi ngân
    sách nhà nước" gives "Thu, chi ngân sách nhà nước"; a heading written as a sentence ("a. Thu
    ngân sách tháng 10 ước đạt 512,3 tỷ đồng") gives its subject; a long heading gives nothing."""
    last = section.split(" > ")[-1] if section else ""
    last = re.sub(r"^\s*(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*)+", "", last)
    last = _blank_spans(last, [(a, b) for a, b, _ in find_period_spans(last)])
    if re.search(r"\d", last):
        last = _subject(last)
    words = _clean_indicator(last).split()
    return " ".join(words) if 0 < len(words) <= 10 else ""


def document_context(doc_id: str, profile: dict) -> Context:
    period = doc_period(profile) if profile.get("period") else None
    ref = profile.get("date") if profile.get("date") and len(str(profile.get("date"))) >= 7 else None
    if ref and len(ref) == 7:
        ref = ref + "-28"
    end = period.end() if period else None
    reference_end = max(filter(None, [ref, end.isoformat() if end else None]), default=None)
    return Context(doc_id, profile.get("place"), period, reference_end,
                   profile.get("doc_type") == "nghị quyết")


def extract_facts(chunks: list[Chunk], profile: dict) -> list[Fact]:
    """Facts of one document's chunks; a figure seen in two overlapping chunks counts once."""
    if not chunks:
        return []
    ctx = document_context(chunks[0].doc_id, profile)
    named = [place_name(m) for c in chunks for t in [c.text, *c.footnotes] for m in PLACE_RE.finditer(t)]
    ctx.gazetteer = document_gazetteer(filter(None, named), ctx.place)  # in text order: deterministic
    if ctx.place and _is_local(ctx.place):  # a city's report names its own province most ("tỉnh X")
        known = {fold(x.lower()) for x in PROVINCES}
        provinces = Counter(p for p in named if p and fold(p.lower()) in known)
        ctx.province = provinces.most_common(1)[0][0] if provinces else None
    ctx_year = (ctx.period.end_year if ctx.period and ctx.period.span == "term" else ctx.period.year) if ctx.period else None
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    reader, facts_reader_started = None, False
    for chunk in chunks:
        hp = heading_period(chunk.section, ctx_year)
        plan = plan_heading(chunk.section)
        last = reader.last_indicator if facts_reader_started else ""
        reader = SentenceReader(ctx, hp, plan)
        reader.last_indicator, facts_reader_started = last, True
        reader.topic = section_topic(chunk.section)
        season = section_season(chunk.section)
        reader.terms = [p for _, _, p in find_period_spans(chunk.section) if p.span == "term"] + reader.terms
        # (sentence, in a footnote, opens a paragraph, the crop season it is about): a footnote
        # breaks down the sentence that references it, so it is about that sentence's season
        anchors = list(chunk.anchors) + [""] * (len(chunk.footnotes) - len(chunk.anchors))
        parts = [(s, False, k == 0, season, "") for line in chunk.text.split("\n") for k, s in enumerate(split_sentences(line))]
        parts += [(s, True, k == 0, _season_named(a) or season, a) for f, a in zip(chunk.footnotes, anchors)
                  for k, s in enumerate(split_sentences(_FOOTNOTE_PREFIX.sub("", f)))]
        for sent, in_fn, opens, reader.season, anchor in parts:
            # "Lũy kế 11 tháng năm 2024, …. Trong đó:" then "* Xuất khẩu đạt …" lines: the items of a
            # list a line opened with ":" are of the period that line's paragraph named last
            reader.in_list = bool(opens and _ITEM_LINE.match(sent) and (
                reader.in_list or reader.last_sentence.rstrip().endswith(":"))) or (not opens and reader.in_list)
            if opens and not reader.in_list:
                reader.carried = None
                reader.opening_season = ""
                reader.parts_open = False
                reader.open_list = None
                # a footnote breaks down the figures of the sentence that references it
                reader.anchor_facts = SentenceReader(ctx, hp, plan).read(anchor) if in_fn and anchor else []
            for d in _table_or_sentence(reader, sent, ctx):
                key = fold(sent[max(0, d["start"] - 25) : d["end"] + 25].lower())
                if key in seen:
                    j = seen[key]
                    if len(sent) > len(facts[j].sentence):
                        facts[j] = _fact(facts[j].fact_id, chunk, sent, d, in_fn)
                    continue
                seen[key] = len(facts)
                facts.append(_fact(f"{ctx.doc_id}:f{len(facts) + 1}", chunk, sent, d, in_fn))
    return facts


def _fact(fact_id: str, chunk: Chunk, sent: str, d: dict, in_fn: bool) -> Fact:
    p = d["period"]
    return Fact(
        fact_id=fact_id, doc_id=chunk.doc_id, chunk_id=chunk.chunk_id, value=d["value"], text=d["text"],
        unit=d["unit"], scale=d["scale"], role=d["role"], basis=d["basis"], kind=d["kind"],
        period=p.to_dict() if isinstance(p, Period) else p, place=d["place"], indicator=d["indicator"],
        sentence=sent, page=chunk.page, start=d["start"], end=d["end"], section=chunk.section,
        in_footnote=in_fn, part=bool(d.get("part")),
    )


# -- table rows ------------------------------------------------------------------------------
_UNIT_HEADER = re.compile(r"\b(?:don vi|dvt)\b")
_PLACE_HEADER = re.compile(r"\b(?:huyen|dia phuong|don vi hanh chinh|thanh pho|dia ban)\b")


def parse_row(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A table row as the loaders write it (loaders/tables.py), with a label and at least one cell."""
    row = parse_row_line(line)
    return row if row is not None and len(row[1]) >= 2 else None


def _table_or_sentence(reader: SentenceReader, sent: str, ctx: Context) -> list[dict]:
    row = parse_row(sent)
    if row is None:
        return reader.read(sent)
    return _row_facts(reader, sent, row, ctx)


# A column compared with another period or the plan: "So với tháng trước", "So với tháng 12 năm
# trước", "Bình quân 5 tháng so cùng kỳ", "So với cùng kỳ (%) quý II"; its period is read without it
_HEADER_BASIS = re.compile(
    r"\bso(?:\s+voi)?\s+(?:cung ky(?:\s+nam\s+truoc)?|(?:thang|quy|ky|nam)\s+truoc|ke hoach|kh|du toan"
    r"|(?:cuoi\s+)?(?:thang\s+\d{1,2}|quy\s+[ivx]+|nam)(?:\s*/\s*\d{4}|\s+nam\s+(?:truoc|\d{4})|\s+\d{4})?)\b")
# The table's unit named by its caption's closing bracket: "… theo nhóm hàng (%)", "(Đơn vị: tỷ đồng)"
_CAPTION_UNIT = re.compile(r"\(\s*(?:(?:đơn vị(?: tính)?|đvt)\s*:?\s*)?([^()\d]{1,25})\)\s*$", re.IGNORECASE)
# A column of the average over the period ("Bình quân 5 tháng"), another measure than its total
# ("Cộng dồn 11 tháng", "Lũy kế" are the period's own figure: no qualifier)
_AGGREGATE_HEADER = re.compile(r"\b(?:binh quan|trung binh)\b")
CHANGE_CELL_MAX = 50  # a row whose compared cells are all below this (in size) holds changes, not indices


def _compared_values(cells) -> list[float]:
    """The figures of a row's cells whose header compares with a period (not the plan)."""
    out = []
    for h, v in cells[1:]:
        m = _HEADER_BASIS.search(fold(h.lower()))
        if m and not re.search(r"ke hoach|\bkh\b|du toan", m.group(0)):
            out += [n.value for n in find_numbers(v) if n.value is not None][:1]
    return out


_BARE_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)\d\d)(?![\d/.,-])")


# The label column of a table whose rows are indicators ("Chỉ tiêu", "Sản phẩm", "Ngành" …)
_INDICATOR_HEADER = re.compile(r"\b(?:chi tieu|noi dung|danh muc|san pham|mat hang|nganh|linh vuc|nhom|khoan"
                               r"|loai|hang muc|cay trong|vat nuoi|khu vuc kinh te|thanh phan)\b")
# A column about a period, a plan or a comparison: the table's rows are indicators, not bodies
_TIME_HEADER = re.compile(r"\b(?:nam\s+(?:truoc|nay|hoc|\d)|ca nam|\d+\s+thang|thang\s+\d|quy\s+(?:[ivx]+|\d)|ky\s+(?:truoc|bao cao)"
                          r"|ke hoach|kh|uoc|thuc hien|uth|du toan|cung ky|luy ke|so voi|so sanh|muc tieu|chi tieu"
                          r"|tang|giam)\b|\b(?:19|20)\d\d\b")
# The whole of a table of places or bodies: "Toàn tỉnh", "Tổng cộng", "Cộng"
_TOTAL_LABEL = re.compile(r"^(?:tong(?:\s+(?:cong|so|chung))?|cong|chung|toan\s+(?:tinh|huyen|thanh pho|thi xa|xa|phuong"
                          r"|khu|nganh|quan)|ca\s+tinh|tat ca)\b")
# A column header's own unit in brackets: "Diện tích quy hoạch (ha)", "Tỷ lệ lấp đầy (%)"
_HEADER_UNIT = re.compile(r"\s*\(([^()\d]{1,20})\)\s*$")
_BODY_HEADER = re.compile(r"\b(?:khu cong nghiep|kcn|cum cong nghiep|ccn|khu kinh te|doanh nghiep|cong ty|benh vien"
                          r"|truong|chi cuc|nha may|ngan hang|du an|cang|hop tac xa|htx|trung tam|co so)\b")
_LEVEL_HEADER = re.compile(r"^(huyện|xã|phường|thị xã|thành phố|quận|thị trấn)$", re.IGNORECASE)


_COUNT_NOUNS_LONGEST_FIRST = tuple(sorted(COUNT_UNITS, key=len, reverse=True))  # "trạm y tế" before "trạm"


def _counted_by(header: str) -> str:
    """The noun a count column counts, when its header opens with one ("Số xã", "Xã đạt chuẩn NTM",
    "Trong đó dự án FDI", "Trạm y tế có bác sĩ"), else ""."""
    words = re.sub(r"(?i)^(?:trong đó|tổng số|số lượng|số)\s+", "", header.strip()).lower()
    return next((n for n in _COUNT_NOUNS_LONGEST_FIRST
                 if words == n.lower() or words.startswith((n.lower() + " ", n.lower() + ","))), "")


def _rows_are_bodies(cells) -> bool:
    """A table whose columns are indicators and whose rows are places or bodies ("Khu công
    nghiệp | Diện tích (ha) | Tỷ lệ lấp đầy (%)"): no column names a period, a plan or a basis,
    and the label column does not hold indicators."""
    if _INDICATOR_HEADER.search(fold(cells[0][0].lower())):
        return False
    heads = [fold(h.lower()) for h, _ in cells[1:] if not _UNIT_HEADER.search(fold(h.lower()))]
    return bool(heads) and not any(_TIME_HEADER.search(h) for h in heads)


def _row_place(label_header: str, label: str, ctx: Context) -> str | None:
    """The place a row's label names ("Huyện Trà Cú", a bare name the document writes with its
    level elsewhere, "Lục Nam" under a "Huyện" column), else None."""
    m = PLACE_RE.match(label.strip())
    if m and m.end() >= len(label.strip()) - 1:
        return place_name(m)
    if _BODY_HEADER.search(fold(label_header.lower())):  # "Khu công nghiệp | Bình Minh": a zone named after a town
        return None
    found = ctx.gazetteer.find(label) if ctx.gazetteer else []
    if len(found) == 1 and found[0][1] - found[0][0] >= len(label.strip()) - 1:
        return found[0][2]
    lv = _LEVEL_HEADER.match(label_header.strip())
    return f"{lv.group(1).lower()} {label.strip()}" if lv else None


def _row_facts(reader: SentenceReader, line: str, row, ctx: Context) -> list[dict]:
    title, cells = row
    label_header, label = cells[0]
    unit_cell = next((v for h, v in cells[1:] if _UNIT_HEADER.search(fold(h.lower()))), "")
    bodies = _rows_are_bodies(cells)
    if not unit_cell and not any(_UNIT_HEADER.search(fold(h.lower())) for h, _ in cells[1:]):
        m = _CAPTION_UNIT.search(title)  # no unit column: the caption's unit holds for every cell
        unit_cell = m.group(1).strip() if m else ""
    compared = _compared_values(cells)
    # "So với tháng trước: 0,35 | So với cùng kỳ: 4,36": changes, not indices (which are near 100)
    changes = bool(compared) and all(abs(x) < CHANGE_CELL_MAX for x in compared)
    by_place = bool(_PLACE_HEADER.search(fold(label_header.lower())))
    title_period = heading_period(title, reader._context_year())
    out = []
    offset = line.find(" — ") + 3
    for h, v in cells[1:]:
        pos = line.find(f"{h}: {v}", offset)
        offset = pos + len(h) + 2 + len(v) if pos >= 0 else offset
        hf = fold(h.lower())
        if _UNIT_HEADER.search(hf):
            continue
        nums = [n for n in find_numbers(v) if n.value is not None]
        if len(nums) != 1:
            continue
        n = nums[0]
        start = (pos + len(h) + 2 + n.start) if pos >= 0 else 0
        against = _HEADER_BASIS.search(hf)
        own = h[: against.start()] + h[against.end() :] if against else h  # fold keeps offsets
        period = heading_period(own, (title_period.year if title_period else None) or reader._context_year())
        bare = _BARE_YEAR.search(own) if period is None else None
        if bare:  # "Thực hiện 2023 | Kế hoạch 2024 | Ước thực hiện 2024": a column's year written bare
            period = heading_period(f"năm {bare.group(1)}", None)
        period = period or title_period or ctx.period
        if re.search(r"\bso\s+(?:voi\s+)?(?:ke hoach|kh|du toan)\b|%\s*kh\b|so kh"
                     r"|%\s*(?:so\s+(?:voi\s+)?)?(?:ke hoach|du toan|muc tieu)\b"  # "% kế hoạch"
                     r"|\b(?:dat|hoan thanh)\s+(?:ke hoach|kh|du toan)\s*\(%\)", hf):
            role, basis = "share_plan", "kế hoạch"
        elif re.search(r"cung ky|\bck\b", hf):
            role, basis = ("change" if changes else "share_plan"), "cùng kỳ"
        elif against and _basis(against.group(0), against.group(0)):
            # "So với năm 2024 (%): 111,26": an index to the basis unless the row's compared cells are changes
            role, basis = ("change" if changes else "share_plan"), _basis(against.group(0), against.group(0))
        elif re.search(r"\btang\b|\bgiam\b", hf):
            role, basis = "change", None
        else:
            role, basis = "level", None
        if re.search(r"\buoc\b|\buth\b", hf):
            kind = "estimate"
        elif re.search(r"ke hoach|\bkh\b|muc tieu|chi tieu|du toan", hf) and role == "level":
            kind = "target"
        else:
            kind = "actual"
        unit = read_unit(v, n.end)
        own_unit = _HEADER_UNIT.search(h) if bodies else None
        col_unit = own_unit.group(1).strip() if own_unit else unit_cell
        cell_unit = read_unit("1 " + col_unit, 1) if col_unit else None  # "Tỷ đồng" -> tỷ đồng, 1e9
        if cell_unit and cell_unit.unit and not cell_unit.base and re.fullmatch(
                r"[^\W\d_]+(?:\s+[^\W\d_]+){1,2}", col_unit.strip()):
            # "triệu quả", "nghìn lượt khách": a magnitude of a noun no list names keeps its noun
            cell_unit = Unit(col_unit.strip().lower(), cell_unit.scale, col_unit.strip().lower()[len(cell_unit.unit):].strip(),
                             cell_unit.length)
        unit_name = "%" if (n.percent or role != "level" or col_unit.strip() == "%") \
            else (unit.unit or (cell_unit and cell_unit.unit) or col_unit)
        if bodies and not unit_name and role == "level" and float(n.value).is_integer():
            unit_name = _counted_by(h)  # "Xã đạt chuẩn NTM: 4", "Số xã: 12": four communes
        scale = unit.scale if unit.unit else (cell_unit.scale if cell_unit else 1.0)
        if unit_name == "%":  # a rate in a row whose unit column says "tỷ đồng" has no money scale
            scale = 1.0
        if bodies:
            # columns are indicators, rows places or bodies: the column names the indicator, the
            # row the place ("Huyện Trà Cú") or the body it is about ("Khu công nghiệp Hòa Phú")
            measure = h[: own_unit.start()].strip() if own_unit else h
            row_place = _row_place(label_header, label, ctx)
            if row_place or _TOTAL_LABEL.search(fold(label.lower())):
                indicator, place = f"{measure} ({title})", row_place or ctx.place
            else:
                body = label if fold(label_header.lower()) in fold(label.lower()) or _UNIT_HEADER.search(
                    fold(label_header.lower())) or re.search(r"\b(?:ten|stt|tt)\b", fold(label_header.lower())) \
                    else f"{label_header} {label}"
                indicator, place = f"{measure} {body}", ctx.place
        elif by_place:
            indicator, place = f"{h} ({title})", label
        else:
            indicator, place = label, ctx.place
            agg = _AGGREGATE_HEADER.search(fold(own.lower()))
            if agg:  # "Bình quân 5 tháng so cùng kỳ": the column holds the average of the row's indicator
                indicator = f"{label}, {own[agg.start() : agg.end()].lower()}"
        value, text = n.value, n.text
        if re.search(r"[-−–]\s*$", v[: n.start]):  # "-1,84": a fall (a change is written "giảm 1,84")
            value = -value
            if role != "change":  # any other figure keeps its sign as written
                k = len(v[: n.start].rstrip()) - 1
                text, start = v[k : n.end], start - (n.start - k)
        out.append({"value": value, "text": text, "unit": unit_name, "scale": scale, "role": role,
                    "basis": basis, "kind": kind, "period": period, "place": place,
                    "indicator": indicator, "start": start, "end": start + len(text)})
    return out
