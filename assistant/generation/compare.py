"""Comparisons over facts: two periods, two places, or exports against imports.

"Tăng trưởng GRDP quý II/2024 cao hơn quý I/2024 bao nhiêu điểm %?", "Xuất khẩu 9 tháng của
Long An nhiều hơn Nghệ An bao nhiêu?", "6 tháng đầu năm 2024 xuất siêu bao nhiêu?": the question
is split into one request per side, each side's fact is chosen as for a single figure, and the
difference (percentage points between two rates), ratio or balance is computed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.generation.request import ABBREVIATIONS, Request, known_places, parse_request, terms_of
from assistant.ingest.lexfold import fold
from assistant.ingest.periods import Period, find_period_spans, is_date
from assistant.numbers import format_vn, unit_of
from assistant.types import Fact

_CUES = re.compile(r"\b(?:cao hon|thap hon|nhieu hon|it hon|lon hon|nho hon|chenh lech|hon\b.{0,30}bao nhieu|gap (?:khoang )?(?:bao nhieu|may) lan"
                   r"|so voi\b.{0,40}(?:tang|giam) (?:bao nhieu|may)|(?:tang|giam)(?: them)? (?:bao nhieu|may)\b.{0,40}\bso voi"
                   r"|(?<=\btang )(?=[^?]{0,60}\bthem (?:bao nhieu|may)\b.{0,40}\bso voi\b)"
                   r"|(?<=\bgiam )(?=[^?]{0,60}\bthem (?:bao nhieu|may)\b.{0,40}\bso voi\b))")
# "cần tăng <chỉ tiêu> thêm bao nhiêu so với năm 2024": the cue is the verb (an empty match after
# it), so the indicator follows it; the sides are the two periods' levels
def _cue(question: str) -> re.Match[str] | None:
    """The comparison cue, searched in the folded question; where the question is written with
    diacritics, "hơn" and "gấp" must be written so ("Hòn Khói", "gập" fold alike)."""
    low = question.lower()
    f = fold(low)
    marked = f != low and len(f) == len(low)
    for m in _CUES.finditer(f):
        w = low[m.start() : m.end()]
        if marked and ((re.search(r"\bhon\b", m.group(0)) and "hơn" not in w)
                       or (m.group(0).startswith("gap") and not w.startswith("gấp"))):
            continue
        return m
    return None


_BALANCE = re.compile(r"\b(?:xuat sieu|nhap sieu|can can thuong mai)\b")
_RATIO = re.compile(r"\bgap (?:khoang )?(?:bao nhieu|may) lan\b")


@dataclass
class Side:
    label: str  # "quý II năm 2024", "Long An", "xuất khẩu"
    request: Request
    question: str  # a single-figure question for retrieval
    latest: bool = False  # "hiện nay": the figure of the latest period, later than the other side's


@dataclass
class Comparison:
    sides: list[Side]
    ratio: bool = False
    balance: bool = False
    growth: bool = False  # "tăng bao nhiêu %": a percentage change between two levels
    same_indicator: bool = True  # one indicator across periods or places (not exports vs imports)


def two_periods(comp: Comparison) -> bool:
    """The sides name two different periods: "tăng bao nhiêu % so với năm 2022" is then computed
    from the two levels, never read from a growth the report states against another basis."""
    return len({tuple(p.label() for p in s.request.periods) for s in comp.sides}) >= 2


def split(req: Request, places: list[str]) -> Comparison | None:
    """The two sides a question compares, or None when it asks for one figure ("tăng bao nhiêu
    so với cùng kỳ" is one growth figure, not a comparison)."""
    f = fold(req.question.lower())
    if _BALANCE.search(f):
        sides = []
        for word in ("xuất khẩu", "nhập khẩu"):
            q = _question(word, req.periods, req.place)
            r = replace(req, question=q, terms=terms_of(word, expand=False), role="level", unit=None)
            sides.append(Side(word, r, q))
        return Comparison(sides, balance=True, same_indicator=False)
    lead = re.match(r"(?i)\s*(so\s+với\s+[^,?]{2,40}),\s*(.+?)\??\s*$", req.question)
    if lead:  # "So với cùng kỳ, tổng thu … tăng thêm bao nhiêu tỷ đồng?": the basis written first
        req = replace(req, question=f"{lead.group(2)} {lead.group(1)}?")
    cue = _cue(req.question)
    if cue is None:
        return None
    left, right = req.question[: cue.start()], req.question[cue.end():]
    if req.unit:  # "… bao nhiêu người?": the unit asked is the difference's, no side's word
        right = re.sub(rf"(?i)\b(bao nhiêu|mấy)\s+{re.escape(req.unit)}\b", r"\1", right)
    needed = bool(re.search(r"\b(?:can|phai)\s+(?:tang|giam)\s*$", fold(left.lower())))
    if cue.start() == cue.end():  # "(cần) tăng <chỉ tiêu> thêm bao nhiêu so với <kỳ>": the indicator follows the verb
        m = re.match(r"(?i)\s*(.*?)\s+thêm\s+(?:bao nhiêu|mấy)\b(.*)$", right)
        if not m:
            return None
        left = re.sub(r"(?i)(?:\b(?:cần|phải|sẽ|dự kiến))?\s*\b(?:tăng|giảm)\s*$", " ", left) + " " + m.group(1)
        right = m.group(2)
    of_plan = _SHARE_OF_PLAN.search(fold(left.lower()))
    if of_plan:  # "tỷ lệ thu … so dự toán HĐND tỉnh giao của A thấp hơn (mức của) B": two shares of plan
        return _shares_of_plan(req, left, right, places)
    indicator = _side_indicator(left, places) or _indicator_words(req.question)
    indicator = re.sub(r"\s+", " ", _KIND_WORDS.sub(" ", indicator)).strip() or _indicator_words(req.question)
    periods = _all_periods(req.question)  # "cao hơn quý I" names the other side, not a basis to drop
    ratio = bool(_RATIO.search(f))
    growth = bool(re.search(r"\b(?:tang|giam)\b.{0,20}(?:bao nhieu|may)\s*(?:%|phan tram)", f))
    # "vốn … năm 2023 cao hơn năm 2022 bao nhiêu %": of two amounts, the relative difference
    growth = growth or bool(re.search(r"\b(?:cao|thap|nhieu|it|lon|nho) hon\b.{0,40}(?:bao nhieu|may)\s*(?:%|phan tram)", f)
                            and not _RATE_WORDS.search(fold(indicator.lower())))
    # "tăng thêm bao nhiêu tỷ đồng so với cùng kỳ": a difference in an amount, two levels apart
    absolute = req.unit not in (None, "%", "điểm %", "lần") and bool(re.search(r"\b(?:tang|giam)\b", f))
    req = replace(req, role=_side_role(indicator, req.role))
    if req.role in ("level", None) and re.search(r"\b(?:muc tang|toc do tang|tang truong|muc giam|toc do giam)\b", fold(right.lower())):
        req = replace(req, role="change")  # "IIP … thấp hơn mức tăng của cả nước": two growth rates compared
    if growth and req.role in ("level", None):  # a percentage change between two levels of any unit
        req = replace(req, unit=None)
    kinds = _side_kinds(left, right, req.kind)
    periods_named = _all_periods(req.question)
    if needed and kinds == [None, None] and len(periods_named) == 2 and all(p.year for p in periods_named) \
            and periods_named[0].year != periods_named[1].year:
        # "năm 2025 cần tăng … thêm bao nhiêu so với năm 2024": what is needed is the later year's
        # target less the earlier year's figure
        later = 0 if periods_named[0].year > periods_named[1].year else 1
        kinds = ["target" if k == later else None for k in range(2)]
    if len(periods) == 1 and periods[0].year and kinds[0] == kinds[1] and (not req.basis or absolute) \
            and _PRIOR_SIDE.match(fold(right.lower())) \
            and (_RATE_WORDS.search(fold(indicator.lower())) or req.role == "change" or absolute):
        # "tăng trưởng GRDP 6 tháng 2023 cao hơn cùng kỳ năm trước bao nhiêu điểm %": the other side
        # is the same span of the year before, the difference that of two rates ("tăng bao nhiêu
        # điểm % so với cùng kỳ" names the basis of one stated change instead: req.basis)
        periods = [periods[0], Period(periods[0].span, periods[0].year - 1)]
    periods = _same_span_of_named_year(periods, right)
    if len(periods) >= 2:
        named = kinds[0] != kinds[1]
        where = _part_places(left, right, req.place, places)
        sides = [_side(_label(p.label(), k if named else None, w if where[0] != where[1] else None),
                       _question(indicator, [p], w), req, places, k)
                 for p, k, w in zip(periods[:2], kinds, where)]
        return Comparison(sides, ratio=ratio, growth=growth)
    if (len(periods) == 1 and kinds[0] == kinds[1] and _NOW.search(fold(left.lower()))
            and _all_periods(right) and not _all_periods(left)):
        # "tỷ lệ … hiện nay tăng bao nhiêu điểm % so với năm 2020": the latest figure against that year's
        p = periods[0]
        now = _side("hiện nay", _question(indicator, [], req.place), req, places, kinds[0])
        sides = [replace(now, latest=True), _side(p.label(), _question(indicator, [p], req.place), req, places, kinds[1])]
        return Comparison(sides, ratio=ratio, growth=growth)
    if len(periods) == 1 and kinds[0] != kinds[1]:  # "thực tế năm 2023 cao hơn chỉ tiêu KH" : actual vs plan
        p = periods[0]
        sides = [_side(f"{_KIND_LABEL[k]} {p.label()}", _question(indicator, [p], req.place), req, places, k)
                 for k in kinds]
        return Comparison(sides, ratio=ratio, growth=growth)
    named = _places_in(req.question, places)
    if len(named) >= 2:
        return Comparison([_side(p, _question(indicator, req.periods, p), req, places, req.kind) for p in named[:2]],
                          ratio=ratio, growth=growth)
    other = _other_indicator(right)
    if other:  # "tổng huy động vốn lớn hơn dư nợ bao nhiêu", "doanh thu viễn thông gấp mấy lần bưu chính"
        labels = [_side_indicator(left, places) or _bare_words(left), other]  # "Ở Kon Tum, số người …": the place is the request's
        sides = [_side(w, _question(w, req.periods, req.place), req, places, req.kind) for w in labels]
        return Comparison(sides, ratio=ratio, growth=growth, same_indicator=False)
    return None


# "tỷ lệ thu NSNN so (với) dự toán (HĐND tỉnh giao)": a share of plan, not a plan against a result
_SHARE_OF_PLAN = re.compile(r"\bty le\b.{0,60}?\bso(?: voi)? (?:du toan|ke hoach|chi tieu|muc tieu)\b"
                            r"(?P<who>(?: \w+){0,5}? giao\b)?")
_SETTER_WORDS = {"hdnd": "hoi dong nhan dan", "ubnd": "uy ban nhan dan", "tw": "trung uong"}


def _setter(text: str) -> list[str]:
    """Who set the plan a share is of, as the words written before "giao" ("HĐND tỉnh giao")."""
    m = _SHARE_OF_PLAN.search(fold(text.lower()))
    if not m or not m.group("who"):
        return []
    words = re.sub(r"\b(?:hdnd|ubnd|tw)\b", lambda w: _SETTER_WORDS[w.group(0)], m.group("who"))
    return [w for w in words.split() if w != "giao"]


def _shares_of_plan(req: Request, left: str, right: str, places: list[str]) -> Comparison | None:
    """Two places' shares of their plans, in points: each side is the share of plan of its place
    and period; the plan's setter, when a side names it, is that side's (a country's share is of
    its own plan). Only two places are compared so; anything else is not taken."""
    named = _places_in(req.question, places)
    periods = _all_periods(req.question)
    if len(named) != 2 or len(periods) > 1:
        return None
    words = _SHARE_OF_PLAN.sub(" ", fold(left.lower()))  # the indicator without "so dự toán … giao"
    indicator = re.sub(r"(?i)^\s*tỷ lệ\s+", "", _side_indicator(left, places))
    indicator = re.sub(r"(?i)\bso(?:\s+với)?\s+(?:dự toán|kế hoạch|chỉ tiêu|mục tiêu)\b.*$", "", indicator).strip(" ,")
    if not terms_of(indicator, expand=False) or not words:
        return None
    base = replace(req, role="share_plan", unit="%", kind=None, plan_by=[])
    sides = []
    for place, text in zip(named, (left, right)):
        side = _side(place, _question(indicator, periods, place), base, places, None)
        side.request = replace(side.request, role="share_plan", unit="%", plan_by=_setter(text))
        sides.append(side)
    return Comparison(sides)


def _same_span_of_named_year(periods: list[Period], right: str) -> list[Period]:
    """ "9 tháng năm 2024 cao hơn cùng kỳ năm 2023": the other side is the same span (9 months)
    of the year named after "cùng kỳ", not that whole year."""
    if len(periods) < 2 or periods[0].span in ("year", "term") or periods[1].span != "year":
        return periods
    m = re.search(r"\bcung ky\s+(?:nam\s+)?(20\d\d)\b", fold(right.lower()))
    if not m or int(m.group(1)) != periods[1].year:
        return periods
    return [periods[0], Period(periods[0].span, periods[1].year), *periods[2:]]


# The other side named as the same period of the year before: "cao hơn cùng kỳ (năm trước)"
_PRIOR_SIDE = re.compile(r"\s*(?:so voi\s+)?(?:cung ky(?:\s+nam\s+truoc)?|nam truoc)\s*(?:bao nhieu|may|\?|$)")


_ASKING = re.compile(r"(?i)\b(?:bao nhiêu|mấy|là|đạt|khoảng|lần|điểm phần trăm|điểm %|phần trăm|tỷ đồng|triệu USD|"
                     r"tỷ USD|triệu đồng|so với|hơn|thì|vậy|không)\b|[%?]")


_GROWTH = re.compile(r"\b(?:tang|giam|tang truong|toc do)\b")
_NOW = re.compile(r"\b(?:hien nay|hien tai|den nay)\b")


def keep_latest(found: list, other: list) -> list:
    """Of a "hiện nay" side's candidates, those of its latest period, when that period ends after
    every period of the other side's candidates."""
    ends = [(s.fact.period or {}).get("end") or "" for s in found]
    if not found or not all(ends):
        return []
    last = max(ends)
    floor = max(((s.fact.period or {}).get("end") or "" for s in other), default="")
    return [s for s, e in zip(found, ends) if e == last and e > floor]


# An indicator that is itself a rate: a difference between two of them is in points
_RATE_WORDS = re.compile(r"\b(?:ty le|ty trong|toc do|tang truong|chi so|lai suat|muc tang|muc giam|co cau|phan tram)\b")


def _side_indicator(left: str, places: list[str]) -> str:
    """What each side measures: the words before the comparison word, without their period,
    place, asking words and a trailing growth verb that belongs to the comparison ("Số xã đạt
    chuẩn NTM hết năm 2025 tăng bao nhiêu xã so với …" compares "Số xã đạt chuẩn NTM")."""
    words = left
    for name, a, b in sorted(known_places(words, places), key=lambda x: -x[1]):
        words = re.sub(r"(?i)\b(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s*$", " ", words[:a]) + " " + words[b:]
    words = re.sub(r"(?i)\b(?:của|tại|ở)\s*(?=[,?]|$)", " ", _bare_words(words).strip())
    words = re.sub(r"(?i)\b(?:của|tại|ở)\s*$", " ", re.sub(r"\s+", " ", words).strip()).strip(" ,")
    return words if terms_of(words, expand=False) else ""


def _side_role(indicator: str, asked: str | None) -> str | None:
    """Each side is a level unless what is compared is itself a growth ("Mức tăng IIP", "GRDP
    tăng"): "tăng bao nhiêu so với năm 2022" asks for the difference of two levels, not for the
    increments each report states ("có thêm 09 xã")."""
    if _GROWTH.search(fold(indicator.lower())):
        return "change"
    return asked if asked in ("share_whole", "share_plan", "rank") else ("level" if asked == "change" else asked)


def _bare_words(text: str) -> str:
    """A side's words without its period, its asking words and an opening "Đến/Tính đến"."""
    words = _ASKING.sub(" ", text)
    for a, b, _ in sorted(find_period_spans(words), reverse=True):
        words = words[:a] + " " * (b - a) + words[b:]
    words = re.sub(r"\s+", " ", words).strip(" ,.")
    return re.sub(r"(?i)^(?:tính đến|đến hết|đến|trong|tại|năm|tháng)\s+", "", words)


def _other_indicator(right: str) -> str:
    """The other side's indicator, when what follows the comparison word names one."""
    words = _bare_words(right)
    basis = re.search(r"\b(?:cung ky|nam truoc|thang truoc|ky truoc|quy truoc|dau nam|binh quan|trung binh)\b",
                      fold(words.lower()))  # "so với cùng kỳ năm trước" is the basis of one growth figure
    return words if len(terms_of(words, expand=False)) >= 1 and not _part_kind(words) and not basis else ""


def _side(label: str, question: str, req: Request, places: list[str], kind: str | None) -> Side:
    """One side is a single-figure question; it keeps the role and unit the whole asked."""
    side = parse_request(question, places)
    if req.role == "change":  # "mức tăng IIP": "mức" is the growth's word, not the indicator's
        side = replace(side, terms=[t for t in side.terms if fold(t) != "muc"] or side.terms)
    growth = req.role == "change" and req.unit == "%"  # each side is a level; the growth is computed
    role, unit = ("level", None) if growth else (req.role, req.unit)
    unit = "%" if unit == "điểm %" else unit  # a difference in points is between two rates
    unit = None if unit == "lần" else unit  # "gấp mấy lần": the ratio's unit, not a side's
    if unit and unit_of(unit).is_count and unit_of(unit).base not in fold(question.lower()).split() \
            and not re.search(rf"(?i)\b{re.escape(unit)}\b", question):
        # "tuyển mới nhiều hơn số bác sĩ nghỉ việc bao nhiêu người": the difference is in persons,
        # each side a count of its own noun ("48 bác sĩ"); both are counts of one noun (same_base)
        unit, role = None, role or "count"
    return Side(label, replace(side, role=role, unit=unit, kind=kind), question)


_KIND_WORDS = re.compile(r"(?i)\b(?:kế hoạch|KH|chỉ tiêu|mục tiêu|dự toán|phấn đấu|thực hiện|thực tế|số thực|"
                         r"thực thu|thực chi|ước tính|ước)\b")
_TARGET = re.compile(r"\b(?:ke hoach|kh|chi tieu|muc tieu|du toan|phan dau)\b")
_ACTUAL = re.compile(r"\b(?:thuc hien|thuc te|thuc thu|thuc chi|so thuc)\b")
_KIND_LABEL = {"target": "kế hoạch", "actual": "thực hiện", "estimate": "ước", None: ""}


def _label(period: str, kind: str | None, place: str | None) -> str:
    return " ".join(x for x in (_KIND_LABEL.get(kind, ""), period, f"của {place}" if place else "") if x)


def _part_places(left: str, right: str, asked: str | None, places: list[str]) -> list[str | None]:
    """"Thu NSNN quý I/2023 của Quảng Ninh nhiều hơn … quý I/2024 của Thanh Hóa": each side's place."""
    pl = parse_request(left, places).place or asked
    pr = parse_request(right, places).place or pl
    return [pl, pr]


def _part_kind(text: str) -> str | None:
    f = fold(text.lower())
    if _TARGET.search(f):
        return "target"
    if _ACTUAL.search(f):
        return "actual"
    return "estimate" if re.search(r"\buoc\b", f) else None


def _side_kinds(left: str, right: str, asked: str | None) -> list[str | None]:
    """The kind of each side: "dự toán năm 2023 thấp hơn số thực thu năm 2022" compares a plan
    with an actual figure; a side that names no kind is actual when the other names a plan."""
    kl, kr = _part_kind(left), _part_kind(right)
    if kl is None and kr is None:
        return [asked, asked]
    if kl == "target" and kr is None:
        return ["target", "actual"]
    if kr == "target" and kl is None:
        return ["actual", "target"]
    return [kl, kr]


def _all_periods(question: str) -> list[Period]:
    found = [(a, p) for a, _, p in find_period_spans(question) if not is_date(question, a)]
    spans = [(a, b) for a, b, _ in find_period_spans(question)]
    for m in re.finditer(r"(?<![\d/.,])(20\d\d)(?![\d/.,%])", question):  # a bare year: "KH 2023"
        if not any(a <= m.start() < b for a, b in spans):
            found.append((m.start(), Period("year", int(m.group(1)))))
    found = [p for _, p in sorted(found, key=lambda x: x[0])]
    years = [p.year for p in found if p.year]
    found = [p.with_year(years[-1] if years else None) for p in found]
    return list(dict.fromkeys(found))


def _places_in(question: str, places: list[str]) -> list[str]:
    return list(dict.fromkeys(name for name, _, _ in known_places(question, places)))


def _indicator_words(question: str) -> str:
    """The question up to its first period, place or comparison word: what is compared."""
    cuts = [a for a, _, _ in find_period_spans(question)]
    m = re.search(r"(?i)\b(?:của|tại|ở|cao hơn|thấp hơn|nhiều hơn|ít hơn|chênh lệch|so với|tăng|giảm|gấp|đạt)\b", question)
    cuts += [m.start()] if m else []
    cut = min((c for c in cuts if c > 3), default=None)
    words = question[:cut].strip(" ,?") if cut else question
    return re.sub(r"(?i)(?:\s+(?:tính|đến|hết|giữa|cuối|đầu|vào|trong|tại|cả))+$", "", words)


def _question(indicator: str, periods: list[Period], place: str | None) -> str:
    bits = [indicator] + [p.label() for p in periods[:1]] + ([f"của {place}"] if place else [])
    return " ".join(bits) + " đạt bao nhiêu?"


def compute(comp: Comparison, facts: list[Fact]) -> tuple[str, dict] | None:
    """The computed line and a computed fact, or None when the units cannot be compared."""
    a, b = facts
    ua, ub = unit_of(a.unit or ""), unit_of(b.unit or "")
    pct = ua.base in ("%", "điểm %") and ub.base in ("%", "điểm %")
    if not pct and ua.base and ub.base and ua.base != ub.base:
        return None
    va, vb = a.value * (1 if pct else ua.scale), b.value * (1 if pct else ub.scale)
    la, lb = comp.sides[0].label, comp.sides[1].label
    fa, fb = (f"{f.text}{'%' if pct else ' ' + (f.unit or '')}".rstrip() for f in (a, b))  # the operands as written
    if comp.ratio and vb:
        value = va / vb
        line = f"{la} gấp {format_vn(value, 2)} lần {lb} (tính từ hai số liệu trên: {fa} : {fb})."
        return line, _computed(value, "lần", a, b, "ratio")
    if comp.growth and not pct and vb:  # "tăng bao nhiêu % so với …" between two levels
        value = (va / vb - 1) * 100
        word = "tăng" if value >= 0 else "giảm"
        line = f"So với {lb}, {la} {word} {format_vn(abs(value), 2)}% (tính từ hai số liệu trên: {a.text} / {b.text})."
        return line, _computed(value, "%", a, b, "growth")
    scale, unit = finer_unit(ua, a.unit, ub, b.unit)
    unit = "điểm phần trăm" if pct else unit
    diff = (va - vb) / (1 if pct else scale)
    if comp.balance:
        word = "xuất siêu" if diff > 0 else "nhập siêu" if diff < 0 else "cân bằng xuất nhập khẩu"
        line = f"Cán cân (xuất khẩu trừ nhập khẩu, tính từ hai số liệu trên: {fa} − {fb}): {word} {format_vn(abs(diff))} {unit}."
    else:
        word = "cao hơn" if diff > 0 else "thấp hơn" if diff < 0 else "bằng"
        line = f"Chênh lệch (tính từ hai số liệu trên: {fa} − {fb}): {la} {word} {lb} {format_vn(abs(diff))} {unit}".rstrip() + "."
    return line, _computed(diff, unit, a, b, "balance" if comp.balance else "difference")


def finer_unit(ua, a_unit: str, ub, b_unit: str) -> tuple[float, str]:
    """(scale, unit) of the finer of two units of one base: a difference written in it loses no digit."""
    return (ua.scale, a_unit) if ua.scale <= ub.scale else (ub.scale, b_unit)


def _computed(value: float, unit: str, a: Fact, b: Fact, op: str) -> dict:
    return {"value": round(value, 6), "unit": unit, "op": op, "operands": [a.fact_id, b.fact_id],
            "formula": f"{a.text} {a.unit} ; {b.text} {b.unit}"}


# -- choosing both sides together ---------------------------------------------------------------
_INCREMENT_BEFORE = re.compile(r"\b(?:them|tang them|giam them|tang|giam)\s*$")


def narrowing_tail(indicator: str, asked: list[str]) -> list[str]:
    """Words a fact's indicator adds after the last word the question asked: a Vietnamese
    modifier follows its head, so "xã đạt chuẩn nông thôn mới nâng cao" or "GRDP bình quân đầu
    người" narrow what "xã đạt chuẩn nông thôn mới" or "GRDP" asked. Words in parentheses (an
    abbreviation, a price basis) narrow nothing, and an abbreviation asked there ("Tăng trưởng
    kinh tế (GRDP)") covers the words it abbreviates."""
    asked_all = set(asked) | {fold(t) for t in asked}
    words: list[tuple[str, bool]] = []
    for m in re.finditer(r"\(([^)]*)\)|[^()]+", indicator):
        inside = m.group(1) is not None
        words += [(w, inside) for w in terms_of(m.group(1) if inside else m.group(0), expand=False)]
    hit = [i for i, (w, _) in enumerate(words) if w in asked_all or fold(w) in asked_all]
    if not hit:
        return []
    # "thu ngân sách" asked: "NSNN", "ngân sách nhà nước", "… trên địa bàn" complete or place it, not narrow it
    completing = {"dia", "ban", "địa", "bàn"}
    folded_asked = {fold(w) for w in asked_all}
    for abbr, full in ABBREVIATIONS.items():
        parts = [fold(w) for w in full.split()]
        if len(parts) >= 2 and parts[0] in folded_asked and parts[1] in folded_asked:
            completing |= {abbr, fold(abbr)} | set(parts)
    return [w for w, inside in words[hit[-1] + 1:] if not inside and w not in asked_all and fold(w) not in asked_all
            and fold(w.lower()) not in completing]


def _increment(f: Fact) -> bool:
    """"có thêm 09 xã", "tăng 20 DN": a figure that is an increment, whatever its role reads."""
    return bool(_INCREMENT_BEFORE.search(fold(f.sentence[max(0, f.start - 14): f.start].lower()).strip()))


def _indicator_terms(f: Fact) -> set[str]:
    return {fold(t) for t in terms_of(f.indicator, expand=True)}


def _overlap(a: Fact, b: Fact) -> float:
    """Share of indicator words (abbreviations written out both ways) two facts have in common;
    1.0 when one only refers back ("Mức tăng này"): what it measures is said just before."""
    if any(re.search(r"(?i)\bnày\b", f.indicator) for f in (a, b)):
        return 1.0
    ta, tb = _indicator_terms(a), _indicator_terms(b)
    return len(ta & tb) / max(len(ta | tb), 1)


def side_candidates(index, req: Request, chunk_ids: list[str], same_indicator: bool = True, limit: int = 6,
                    bases: tuple[str, ...] = ()) -> list:
    """The facts that would answer one side on its own (same bars as a single figure), less
    those that narrow what was asked or, for a level, state an increment; best first. `bases`:
    the units a side must be measured in (a trade balance: money, not declarations or tonnes)."""
    from assistant.generation.factpick import MIN_SCORE

    rank = {cid: r for r, cid in enumerate(chunk_ids)}
    scored = [index.score(i, req, rank) for i in index.candidates(req, set(chunk_ids))]
    fit = [s for s in scored if not s.reasons and s.score >= MIN_SCORE and s.indicator_cover >= 0.7
           and s.own_cover >= 0.5
           and not (req.role in ("level", None) and s.fact.role in ("level", "count") and _increment(s.fact))
           and (not bases or unit_of(s.fact.unit or "").base in bases)]
    if req.role == "share_plan" and not req.plan_by:
        # "bằng 76,5% dự toán Trung ương giao, bằng 70,7% dự toán HĐND tỉnh giao": which plan was
        # meant is not known when the question names no setter; neither share is taken
        fit = [s for s in fit if not any(o.fact.sentence == s.fact.sentence and o.fact.role == "share_plan"
                                         and o.fact.indicator == s.fact.indicator and o.fact.value != s.fact.value
                                         for o in fit)]
    return sorted(fit, key=lambda s: -s.score)[:limit]


def same_base(a: Fact, b: Fact) -> bool:
    ua, ub = unit_of(a.unit or ""), unit_of(b.unit or "")
    pct = {"%", "điểm %"}
    return (ua.base in pct) == (ub.base in pct) and (ua.base in pct or ua.base == ub.base)


def figure_kind(f: Fact) -> str:
    """What a figure is, for pairing: a change ("tăng 4%"), a rate named as a growth ("tốc độ
    tăng … đạt 14,5%"), an amount or rate ("đạt 21,9%"), a share of plan, a rank."""
    if f.role == "change":
        return "change"
    if f.unit == "%" and re.search(r"\b(?:toc do|tang truong|muc tang|muc giam)\b", fold(f.indicator.lower())):
        return "growth rate"
    return "amount" if f.role in ("level", "count", "share_whole") else f.role


def comparable(a: Fact, b: Fact) -> bool:
    """Only figures of one kind are compared: "giảm 4%" against "đạt 21,9%" is no difference of
    anything; a stated change and a growth rate are both growths."""
    ka, kb = figure_kind(a), figure_kind(b)
    return ka == kb or {ka, kb} in ({"change", "growth rate"}, {"growth rate", "amount"})


MIN_OVERLAP = 0.3  # "Xuất khẩu" / "Kim ngạch xuất khẩu hàng hóa" is one measure; "thu NSNN" / "nộp ngân sách" is not


def _residual(f: Fact, words: set[str]) -> set[str]:
    """A fact's indicator words less the words naming either side: what the figure measures of
    its side ("Tổng … ngân sách xã" of "thu", "chi thường xuyên" of "chi")."""
    return {t for t in (fold(w) for w in terms_of(f.indicator, expand=False)) if t not in words}


def parallel(x: Fact, y: Fact, sides_terms: list[list[str]]) -> float:
    """How alike two figures of two different indicators are measured, 0..1: once the words
    naming each side are taken out, the rest of both indicators should be the same measure
    ("Tổng thu ngân sách xã" / "Tổng chi ngân sách xã"; "điện mặt trời" / "điện gió"), not a
    whole against one of the other's parts or a capacity against an output."""
    words = {fold(t) for ts in sides_terms for t in terms_of(" ".join(ts), expand=True)}
    rx, ry = _residual(x, words), _residual(y, words)
    if not rx and not ry:
        return 1.0
    return len(rx & ry) / len(rx | ry)


def _phrase(terms: list[str]) -> str:
    return r"\s+".join(re.escape(fold(t)) for t in terms)


def names_both(f: Fact, sides_terms: list[list[str]]) -> bool:
    """The figure is stated of both sides together: "Tổng công suất các dự án điện gió, điện mặt
    trời … là 3.632 MW" is neither side's alone. Its lead (the sentence before it, from the last
    bracket, ';' or ':') names one side right after the other, joined by a comma or "và"."""
    if len(sides_terms) != 2 or not all(sides_terms):
        return False
    lead = f.sentence[: f.start]
    lead = re.split(r"[(;:]", lead)[-1]
    lead = fold(lead.lower())
    a, b = (_phrase(t) for t in sides_terms)
    joint = r"\s*(?:,|\bva\b|&)\s*"
    return bool(re.search(rf"\b(?:{a}){joint}(?:{b})\b|\b(?:{b}){joint}(?:{a})\b", lead))


def choose_pair(a: list, b: list, same_indicator: bool = True, asked: list[str] = (),
                sides_terms: list[list[str]] | None = None):
    """The pair of side facts that measure the same thing: both fit their side, share a unit
    and, across periods or places, indicator words; of such pairs the best scored, most alike,
    least narrowed ("GRDP bình quân đầu người" when "GRDP" was asked); None when no pair fits.
    Of two different indicators, the pair measured alike is preferred (`parallel`)."""
    asked_all = list(asked) + [fold(t) for t in terms_of(" ".join(asked), expand=True)]

    def value(x, y) -> float:
        if not same_indicator:
            return x.score + y.score + (parallel(x.fact, y.fact, sides_terms) if sides_terms else 0.0)
        narrowed = sum(bool(narrowing_tail(f.indicator, asked_all)) for f in (x.fact, y.fact)) if asked else 0
        return x.score + y.score + _overlap(x.fact, y.fact) - 0.5 * narrowed

    if not same_indicator and sides_terms:  # a figure of both sides together is neither side's
        a = [x for x in a if not names_both(x.fact, sides_terms)]
        b = [y for y in b if not names_both(y.fact, sides_terms)]
    pairs = [(value(x, y), x, y) for x in a for y in b
             if x.fact.fact_id != y.fact.fact_id and same_base(x.fact, y.fact)
             and comparable(x.fact, y.fact)
             and (not same_indicator or _overlap(x.fact, y.fact) >= MIN_OVERLAP)]
    if not pairs:
        return None
    _, x, y = max(pairs, key=lambda p: p[0])
    return x, y
