"""A document's profile from its own text: place, issuing body, type, date and the period it
reports on — for any report, with no list of provinces or documents.

The title block (first lines), the headings and the signature line say what a report is about.
`corpus/manifest.json` may override any field by hand (origin "manifest"); without it every
field is extracted (origin "extracted"), and a field nothing supports stays None with a note.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.ingest.gazetteer import PROVINCES
from assistant.ingest.lexfold import fold
from assistant.ingest.periods import (
    Period,
    date_spans,
    doc_period,
    find_period_spans,
    is_basis,
    is_date,
)

_UP = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
_NAME_WORD = rf"[{_UP}][^\s,.;:?!()\[\]\"“”/]*"
# A proper name: one to four capitalised syllables on one line ("Hà Nam", "Bà Rịa - Vũng Tàu").
# One space between syllables: a title block set in two columns ("TỈNH HÀ TĨNH     Độc lập - …")
# separates the columns with a run of spaces.
NAME = rf"{_NAME_WORD}(?:[ \t](?:-[ \t])?{_NAME_WORD}){{0,3}}"
_PROVINCE_RE = re.compile(rf"(?:(?i:tỉnh)|(?-i:TỈNH))[ \t]+({NAME})")
_CITY_RE = re.compile(rf"(?:(?i:thành phố)|TP\.?)[ \t]*({NAME})")
_ISSUER_PREFIX_RE = re.compile(
    rf"(?i:cục thống kê|ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|hđnd)[ \t]({NAME})"
)
_NOT_NAMES = {"ủy", "uỷ", "đoàn", "lộ"}
_ISSUERS = [
    (r"(?:ủy|uỷ) ban nhân dân|ubnd", "UBND"),
    (r"hội đồng nhân dân|hđnd", "HĐND"),
    (r"cục thống kê", "Cục Thống kê"),
    # since 2025 a province's statistics office is "Thống kê tỉnh X", under the national Cục Thống kê
    (r"(?<!cục )thống kê (?:tỉnh|thành phố)", "Thống kê"),
    (r"ban chấp hành đảng bộ", "Ban Chấp hành Đảng bộ"),
    (r"tỉnh (?:ủy|uỷ)", "Tỉnh ủy"),
]
_DOC_TYPES = [
    ("báo cáo chính trị", r"báo cáo chính trị"),
    ("thông cáo báo chí", r"thông cáo báo chí"),
    ("nghị quyết", r"^\s*nghị quyết\b"),
    ("thông báo kết luận", r"thông báo\s+kết luận|^\s*thông báo\b"),
    ("kế hoạch", r"^\s*kế hoạch\b"),
    ("diễn văn", r"^\s*(?:diễn văn|bài phát biểu|phát biểu)\b"),
    ("báo cáo", r"báo cáo|tình hình kinh tế"),
]
_DATE_WORDS = re.compile(r"(?:^|,)[ \t]*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)", re.IGNORECASE | re.MULTILINE)
_DATE_NUM = re.compile(r"(?:^|,)[ \t]*ngày\s+(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)", re.IGNORECASE | re.MULTILINE)
_PARTY_TERM = re.compile(r"(?i)(?:nhiệm\s+kỳ\s*|\()(20\d\d)\s*[-–]\s*(20\d\d)")
_CONGRESS = re.compile(r"đại hội.{0,80}?nhiệm\s+kỳ\s+(20\d\d)\s*[-–]\s*(20\d\d)", re.IGNORECASE | re.DOTALL)


@dataclass
class Profile:
    place: str | None = None
    issuer: str | None = None
    doc_type: str = "khác"
    date: str | None = None
    period: Period | None = None
    title: str | None = None
    notes: list[str] = field(default_factory=list)


def title_case(name: str) -> str:
    """ "HÀ NAM" -> "Hà Nam"; names already in title case are kept."""
    if name.isupper():
        return " ".join(w if w == "-" else w[:1] + w[1:].lower() for w in name.split())
    return name


def _clean_name(name: str) -> str | None:
    name = re.sub(r"^(?i:tỉnh|thành phố)[ \t]+", "", name.strip())
    words = re.split(r"[ \t]+", name)
    while words and words[-1].lower() in {"số", "ngày", "năm", "tháng", "quý"}:
        words.pop()
    if not words or words[0].lower() in _NOT_NAMES:
        return None
    return title_case(" ".join(words))


def head_lines(text: str, n: int = 14) -> list[str]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return [ln for ln in lines[:n] if not ln.lower().startswith("căn cứ")]


_PERSON_BEFORE = re.compile(r"(?i)(chủ tịch|giám đốc|bí thư|đồng chí|trưởng ban|phó ban)[^,.;\n]{0,25}$")


def _names(rx: re.Pattern[str], text: str):
    for m in rx.finditer(text):
        if _PERSON_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "Phó Chủ tịch UBND tỉnh Mai Sơn": a person, not a place
        name = _clean_name(m.group(1))
        if name:
            yield name


# The issuing body of a district or commune ("ỦY BAN NHÂN DÂN / HUYỆN KIM SƠN", "UBND THỊ XÃ X",
# "HUYỆN ỦY X", "CHI CỤC THỐNG KÊ HUYỆN X"): its report is about that district, not the province.
_STATE_MOTTO = re.compile(r"(?i)cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam|cộng\s+hoà\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam"
                          r"|độc\s+lập\s*-\s*tự\s+do\s*-\s*hạnh\s+phúc")
_BODY = r"(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|hđnd|chi cục thống kê|phòng thống kê|ban chấp hành đảng bộ)"
_LOCAL_LEVELS = {"huyện": "huyện", "thị xã": "thị xã", "thành phố": "thành phố", "tp": "thành phố", "quận": "quận",
                 "xã": "xã", "phường": "phường", "thị trấn": "thị trấn", "đặc khu": "đặc khu"}
_LOCAL_BODY_RE = re.compile(
    rf"(?i:^|(?<=\n)|{_BODY}[ \t]+)(?P<level>(?i:huyện|thị xã|thành phố|tp\.?|quận|xã|phường|thị trấn|đặc khu))[ \t]+(?P<name>{NAME})"
)
_LOCAL_PARTY_RE = re.compile(rf"^(?P<level>(?i:huyện|thị|thành))[ \t]+(?i:ủy|uỷ)[ \t]+(?P<name>{NAME})", re.MULTILINE)


def title_column(text: str, n: int = 4) -> str:
    """The left column of the first lines of a title block, the state motto removed: the issuing
    body ("ỦY BAN NHÂN DÂN" over "HUYỆN KIM SƠN"), the document number."""
    out = []
    for ln in head_lines(text, n):
        ln = _STATE_MOTTO.sub(" ", ln)
        ln = re.split(r"\t|\s{2,}", ln.strip())[0]
        if ln.strip():
            out.append(ln.strip())
    return "\n".join(out)


def _proper(name: str) -> str:
    """A name cut where the upper-case title-block name ends ("KIM SƠN Độc" -> "KIM SƠN")."""
    words = name.split()
    if words and words[0].isupper():
        words = [w for w in words[: next((i for i, w in enumerate(words) if not w.isupper()), len(words))]]
    return " ".join(words)


_PROVINCE_KEYS = {fold(p.lower()) for p in PROVINCES}


def find_local_body(text: str) -> str | None:
    """The district, town or commune whose body issued the document ("huyện Kim Sơn"), from the
    title block; None for a province's or a centrally-run city's document."""
    col = title_column(text)
    for m in list(_LOCAL_BODY_RE.finditer(col)) + list(_LOCAL_PARTY_RE.finditer(col)):
        level = m.group("level").lower().rstrip(".")
        level = {"thị": "thị xã", "thành": "thành phố"}.get(level, _LOCAL_LEVELS.get(level, level))
        name = _clean_name(_proper(m.group("name")))
        if not name or len(name) < 2:
            continue
        if level == "thành phố" and fold(name.lower()) in _PROVINCE_KEYS:
            return None  # a centrally-run city is a province-level place
        return f"{level} {name}"
    return None


def find_place(text: str) -> str | None:
    """The place a document is about: the district or commune whose body issued it, else the
    province (or centrally-run city) named in its title block, else the one the text names most."""
    local = find_local_body(text)
    if local:
        return local
    # not footnote lines; not the state motto beside the body ("CỤC THỐNG KÊ      Độc lập - …")
    head = "\n".join(_STATE_MOTTO.sub(" ", ln) for ln in head_lines(text, 12) if not ln[:1].isdigit())
    votes: Counter[str] = Counter()
    for rx, weight_head, weight_body in ((_PROVINCE_RE, 10, 1), (_ISSUER_PREFIX_RE, 8, 0)):
        for name in _names(rx, head):
            votes[name] += weight_head
        for name in _names(rx, text[:200_000]) if weight_body else ():
            votes[name] += weight_body
    if votes:
        name, count = votes.most_common(1)[0]
        if count >= 2:  # one passing mention ("sau tỉnh Trà Vinh") does not make a report's place
            return name
    cities: Counter[str] = Counter()
    for m in _CITY_RE.finditer(head):
        if (name := _clean_name(m.group(1))):
            cities[name] += 1
    return cities.most_common(1)[0][0] if cities else None


def _level_after_issuer(low: str, issuer: str) -> str | None:
    """The level the issuing body names right after its name ("cục thống kê tỉnh x" -> "tỉnh"):
    a report by a province's office that also names a city of the same name is the province's."""
    pat = "(?<!cục )thống kê" if issuer == "Thống kê" else next(p for p, n in _ISSUERS if n == issuer)
    m = re.search(rf"(?:{pat})\s*(tỉnh|thành phố|tp\b)", low)
    if not m:
        return None
    return "tỉnh" if m.group(1) == "tỉnh" else "thành phố"


# A department of a province's People's Committee on the line under it ("UBND TỈNH X" over
# "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"): the department issued the document.
_DEPARTMENT_RE = re.compile(r"^(?:SỞ|Sở)\s+(?P<name>[^\d\n:]{3,80}?)\s*$", re.MULTILINE)


def _department(text: str) -> str | None:
    """ "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Sở Kế hoạch và Đầu tư": the first word of each part capitalised."""
    m = _DEPARTMENT_RE.search(title_column(text))
    if not m:
        return None
    words = m.group("name").split()
    if not words or not all(w.isupper() or not w[:1].isalpha() for w in words):
        return None
    return "Sở " + _sentence_case(words)


# A body under another in the title block ("UBND TỈNH X" over "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
# "TỔNG CỤC THUẾ" over "CỤC THUẾ TỈNH X", "HĐND TỈNH X" over "BAN KINH TẾ - NGÂN SÁCH", "CỤC THỐNG
# KÊ" over "CHI CỤC THỐNG KÊ TỈNH X"), or a newspaper's masthead ("BÁO X ĐIỆN TỬ"): that body issued it.
_SUB_BODY = re.compile(r"^(?P<body>CHI CỤC|CỤC|SỞ|BAN|PHÒNG|TRUNG TÂM|KHO BẠC NHÀ NƯỚC|BẢO HIỂM XÃ HỘI|THỐNG KÊ|THANH TRA)"
                       r"(?=\s)(?P<rest>[^\d:]*)$")
_BODY_WORDS = {"CHI CỤC": "Chi cục", "CỤC": "Cục", "SỞ": "Sở", "BAN": "Ban", "PHÒNG": "Phòng",
               "TRUNG TÂM": "Trung tâm", "KHO BẠC NHÀ NƯỚC": "Kho bạc Nhà nước",
               "BẢO HIỂM XÃ HỘI": "Bảo hiểm xã hội", "THỐNG KÊ": "Thống kê", "THANH TRA": "Thanh tra"}
_MASTHEAD = re.compile(r"^BÁO[ \t]+(?!CÁO\b)(?P<name>[^\d:]+?)(?:[ \t]+ĐIỆN[ \t]+TỬ)?$")
# "CHI CỤC THỐNG KÊ TỈNH X"; not "BAN VĂN HÓA - XÃ HỘI"
_OWN_PLACE = re.compile(r"(?<![-–])[ \t](?P<level>TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG)[ \t]+(?!HỘI\b)(?P<name>[^\d:]+)$")
_PROPER_WORDS = {"công thương": "Công Thương", "nhà nước": "Nhà nước",
                 "ngân hàng chính sách xã hội": "Ngân hàng Chính sách xã hội"}


def _sentence_case(words: list[str]) -> str:
    """ "KINH TẾ - NGÂN SÁCH" -> "Kinh tế - Ngân sách": the first word of each part capitalised."""
    out, cap = [], True
    for w in words:
        low = w.lower()
        out.append(low[:1].upper() + low[1:] if cap and low not in ("và", "-") else low)
        cap = low in ("và", "-") or low.endswith(",")  # "Văn hóa, Thể thao và Du lịch"
    text = " ".join(out)
    for low, proper in _PROPER_WORDS.items():
        text = re.sub(rf"(?i)\b{low}\b", proper, text)
    return text


def _subordinate_body(text: str, place: str | None) -> str | None:
    lines = []
    for ln in title_column(text, 5).splitlines():
        if ln.lower().startswith(("số", "v/v")):
            break
        lines.append(ln.strip())
    if not lines:
        return None
    m = _MASTHEAD.match(lines[0])
    if m and m.group("name").isupper():
        return f"Báo {title_case(m.group('name').strip())}"
    for i in range(len(lines) - 1, 0, -1):  # the lowest body under another
        branch = re.match(r"^CHI NHÁNH\b(?P<rest>[^\d:]*)$", lines[i])
        if branch and lines[i].isupper() and lines[i - 1].isupper():
            # "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM" over "CHI NHÁNH TỈNH X": the branch of that body in X
            parent = re.sub(r"\s+VIỆT NAM$", "", lines[i - 1].strip())
            own = _OWN_PLACE.search(" " + branch.group("rest").strip())
            where = f" {own.group('level').lower()} {title_case(own.group('name').strip())}" if own else ""
            return f"{_sentence_case(parent.split())} chi nhánh{where}"
        m = _SUB_BODY.match(lines[i])
        if not m or not lines[i].isupper():
            continue
        rest = m.group("rest").strip()
        for nxt in lines[i + 1 :]:  # "SỞ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI": one name on two lines
            if not (nxt.isupper() and (re.match(r"(?:VÀ|-|–)\s", nxt) or re.search(r"(?:\s-|\sVÀ)$", rest))):
                break
            rest = f"{rest} {nxt.strip()}"
        own = _OWN_PLACE.search(" " + rest)
        if own:
            rest = rest[: len(rest) - len(own.group(0)) + 1].strip()
        bare_level = re.fullmatch(r"(TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN)", rest)  # "THANH TRA TỈNH" under "UBND TỈNH X"
        rest = "" if bare_level else rest
        name = _BODY_WORDS[m.group("body")] + (f" {_sentence_case(rest.split())}" if rest else "")
        if own:
            return f"{name} {own.group('level').lower()} {title_case(own.group('name').strip())}"
        parent = " ".join(lines[:i])
        if not place:
            return name
        if re.match(r"(?:huyện|thị xã|thành phố|quận|xã|phường|thị trấn|đặc khu)\s", place):
            return f"{name} {place}"  # "UBND HUYỆN X" over "BAN CHỈ ĐẠO …": the district's body
        lvl = re.search(rf"\b(TỈNH|THÀNH PHỐ)[ \t]+{re.escape(place.upper())}\b", parent)
        level = lvl.group(1).lower() if lvl else ("thành phố" if _is_city(text, place) else "tỉnh")
        council = re.search(r"HỘI ĐỒNG NHÂN DÂN|HĐND", parent)
        return f"{name} {'HĐND ' if council else ''}{level} {place}"
    return None


def find_issuer(text: str, place: str | None) -> str | None:
    sub = _subordinate_body(text, place)
    if sub:
        return sub
    department = _department(text)  # "SỞ …" alone at the top
    if department:
        return f"{department} {'thành phố' if place and _is_city(text, place) else 'tỉnh'} {place}" if place else department
    head = "\n".join(head_lines(text, 12)) + "\n" + text[:3000]
    head = re.sub(r"(?im)^[ \t]*kính gửi\b.*$", "", head)  # the addressee did not issue it
    low = head.lower()
    best: tuple[int, str] | None = None
    for pat, name in _ISSUERS:
        m = re.search(pat, low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best is None:
        return None
    if best[1] == "Cục Thống kê" and not re.search(r"cục thống kê\s*(?:tỉnh|thành phố|tp)\b", low) \
            and re.search(r"(?<!cục )thống kê (?:tỉnh|thành phố)", low):
        # "CỤC THỐNG KÊ" over "THỐNG KÊ TỈNH X": the national office above, the province's below issued it
        best = (best[0], "Thống kê")
    if best[1] == "Tỉnh ủy":
        return f"Tỉnh ủy {place}" if place else "Tỉnh ủy"
    if not place:
        return best[1]
    if re.match(r"(?:huyện|thị xã|thành phố|quận|xã|phường|thị trấn|đặc khu)\s", place):
        return f"{best[1]} {place}"  # "UBND huyện Kim Sơn"
    level = _level_after_issuer(title_column(text).lower(), best[1]) or _level_after_issuer(low, best[1])
    return f"{best[1]} {level or _level_of(place, head)} {place}"


def _level_of(place: str, head: str) -> str:
    """"tỉnh" or "thành phố" for a province-level place: the title block's "TỈNH X" first; else a
    city "thành phố X" written in full ("thành phố Điện Biên Phủ" is another place than "Điện Biên")."""
    if re.search(rf"\bTỈNH[ \t]+{re.escape(place.upper())}(?![^\W\d_])", head):
        return "tỉnh"
    for m in re.finditer(rf"(?i)\bthành phố\s+{re.escape(place)}(?![^\W\d_])", head):
        nxt = re.match(r"[ \t]+(\w)", head[m.end():])
        if not (nxt and nxt.group(1).isupper()):
            return "thành phố"
    return "tỉnh"


def _is_city(head: str, place: str) -> bool:
    return bool(re.search(rf"(?i)\bthành phố\s+{re.escape(place)}", head) or re.search(
        rf"\bTHÀNH PHỐ\s+{re.escape(place.upper())}", head))


def find_doc_type(text: str) -> str:
    """From the title block first; a specific phrase anywhere near the top ("báo cáo chính
    trị") beats a body line that happens to start with "Nghị quyết"."""
    head = "\n".join(head_lines(text, 12)).lower()
    # the first kind the title block names: "BÁO CÁO / Kết quả năm 2023, kế hoạch năm 2024" is a report
    found = [(m.start(), i, name) for i, (name, pat) in enumerate(_DOC_TYPES)
             if (m := re.search(pat, head, re.MULTILINE))]
    if found:
        return min(found)[2]
    top = text[:20_000].lower()
    for name in ("báo cáo chính trị", "thông cáo báo chí"):
        if name in top:
            return name
    top = text[:3000].lower()
    for name, pat in _DOC_TYPES:
        if re.search(pat, top, re.MULTILINE):
            return name
    return "khác"


def find_date(text: str) -> str | None:
    """The document's date: from the title block or the signature line ("…, ngày 29 tháng 9
    năm 2024"), else the first dated line near the top."""
    for chunk in ("\n".join(head_lines(text, 12)), text[-1500:]):
        for rx in (_DATE_WORDS, _DATE_NUM):
            m = rx.search(chunk)
            if m:
                d, mo, y = (int(g) for g in m.groups())
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _title_period(lines: list[str]) -> Period | None:
    """The period of the first title line naming one; "quý III và 9 tháng năm 2024" or "tháng 10
    và 10 tháng" is a report on the longer, cumulative period (the month is inside it)."""
    for ln in lines:
        dates = date_spans(ln)
        found = [p for start, _, p in find_period_spans(ln)
                 if not (is_date(ln, start) or is_basis(ln, start) or any(a <= start < b for a, b in dates)
                         or (p.span == "term" and _BODY_TERM.search(ln[max(0, start - 30) : start])))]
        if found:
            years = [p.year for p in found if p.year]
            found = [p if p.year else p.with_year(years[-1] if years else None) for p in found]
            # "Kết quả … năm 2024 và phương hướng, nhiệm vụ năm 2025": the period reported on, not
            # the one the plan part looks ahead to (a plan document names only its own)
            ahead = [p for start, _, p in find_period_spans(ln) if re.search(
                r"(?:phương hướng|nhiệm vụ|kế hoạch|mục tiêu|định hướng)[^;.]{0,30}$", ln[max(0, start - 45) : start].lower())]
            reported = [p for p in found if p not in ahead or p.year is None]
            found = reported or found
            return max(found, key=_length)
    return None


# "HĐND tỉnh … khóa XV, nhiệm kỳ 2021 - 2026": the term of the body that speaks, not the period it reports on
_BODY_TERM = re.compile(r"(?i)\bkhóa\s+[IVXLC]+\s*,?\s*$")


def _length(p: Period) -> int:
    if p.span == "term":
        return 12 * ((p.end_year or 0) - (p.year or 0) + 1)
    if p.span == "school":
        return 9
    m = p.months()
    return m[1] - m[0] + 1 if m else 0


def find_period(text: str, doc_type: str, date: str | None) -> Period | None:
    """The period a document reports on.

    A congress report ("Đại hội … nhiệm kỳ 2025-2030") reviews the term that ends when the
    congress meets; any other report names its period in its title block, else in the
    headings it repeats most."""
    head = head_lines(text, 14)
    m = _CONGRESS.search(text[:20_000])
    if m and doc_type == "báo cáo chính trị":
        start = int(m.group(1))
        # the party's own term ("nhiệm kỳ", "năm năm qua (2020-2025)") before a plan's "giai đoạn"
        previous = [Period("term", int(a), int(b)) for a, b in _PARTY_TERM.findall(text) if int(b) == start]
        previous += [p for _, _, p in find_period_spans(text) if p.span == "term" and p.end_year == start]
        return previous[0] if previous else Period("term", start - 5, start)
    # the title, joined when set on two lines ("… trên địa bàn tỉnh X" over "tháng 11 và 11 tháng
    # năm 2024"), before the first lines of a title block that may push it past them
    title = find_title(text)
    p = _title_period(head[:8]) or (_title_period([title]) if title else None)
    if p is None:
        headings = [ln for ln in text.splitlines() if ln.strip() and ln.strip().isupper()]
        counts = Counter(p for ln in headings for s, _, p in find_period_spans(ln) if not is_basis(ln, s))
        p = counts.most_common(1)[0][0] if counts else None
    if p is None and date:  # a speech or letter with no period in its title: the year it speaks of most,
        # up to the year it is dated (the next year's are targets)
        counts = Counter(p for s, _, p in find_period_spans(text[:20_000]) if p.span == "year" and p.year
                         and p.year <= int(date[:4]) and not is_basis(text, s) and not is_date(text, s))
        p = counts.most_common(1)[0][0] if counts else None
    if p is not None and p.year is None:
        years = re.findall(r"\b(20\d\d)\b", "\n".join(head))
        year = int(date[:4]) if date else (int(Counter(years).most_common(1)[0][0]) if years else None)
        p = p.with_year(year)
    return p


def find_title(text: str) -> str | None:
    lines = head_lines(text, 14)
    for i, ln in enumerate(lines):
        if re.fullmatch(r"(?i)(báo cáo|nghị quyết|thông báo|thông cáo báo chí|kế hoạch)\s*", ln) and i + 1 < len(lines):
            title = lines[i + 1]
            # a title set on two lines: the second starts in lower case ("và kế hoạch … năm 2025")
            for nxt in lines[i + 2 : i + 4]:
                if not nxt[:1].islower():
                    break
                title = f"{title} {nxt}"
            return f"{title_case(ln.strip()).capitalize()} {title}"[:200]
    for ln in lines[:10]:
        if find_period_spans(ln) and len(ln) > 15 and not _DATE_WORDS.search(ln):
            return (ln[:1] + ln[1:].lower() if ln.isupper() else ln)[:200]
    return None


def extract_profile(text: str) -> Profile:
    place = find_place(text)
    doc_type = find_doc_type(text)
    date = find_date(text)
    period = find_period(text, doc_type, date)
    prof = Profile(place=place, issuer=find_issuer(text, place), doc_type=doc_type, date=date,
                   period=period, title=find_title(text))
    if place is None:
        prof.notes.append("không xác định được địa phương")
    if period is None:
        prof.notes.append("không xác định được kỳ báo cáo")
    return prof


def profile_dict(doc_id: str, text: str, entry: dict, fallback_title: str = "") -> dict:
    """The document record of `baocao documents --json`: extracted, with the manifest entry's
    non-empty fields taking precedence."""
    prof = extract_profile(text)
    origin = "extracted"
    period = prof.period.to_dict() if prof.period else None
    over = {k: entry.get(k) for k in ("title", "place", "issuer", "doc_type", "date") if entry.get(k)}
    if entry.get("period"):
        p = doc_period(entry)
        if p is not None:
            period = p.to_dict()
            origin = "manifest"
    if "place" in over:
        origin = "manifest"
    return {
        "doc_id": doc_id,
        "title": over.get("title") or prof.title or fallback_title,
        "place": over.get("place", prof.place),
        "issuer": over.get("issuer", prof.issuer),
        "doc_type": over.get("doc_type", prof.doc_type),
        "date": over.get("date", prof.date),
        "period": period,
        "source_file": entry.get("source_file", ""),
        "sha256": entry.get("sha256", ""),
        "origin": origin,
        "notes": prof.notes,
    }
